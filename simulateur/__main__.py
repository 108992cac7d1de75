import sys

from simulateur.cli import main

sys.exit(main())
