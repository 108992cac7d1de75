"""Le vrai binaire dans tmux (tests/tmux_parcours.sh) ; sauté si tmux est absent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent / "tmux_parcours.sh"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux absent (apt-get install tmux)")
def test_binaire_dans_tmux() -> None:
    r = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=180)
    if r.returncode == 77:
        pytest.skip(r.stdout.strip())
    assert r.returncode == 0, r.stdout + r.stderr
