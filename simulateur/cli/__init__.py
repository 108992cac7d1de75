"""Interface en ligne de commande : verbes français, aide française, jamais de trace Python."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from simulateur import __version__
from simulateur.cli.francais import Analyseur

# Chaque commande vit dans son module : ajouter(sous) décrit ses arguments (imports
# légers seulement, le démarrage en dépend), executer(args) fait le travail.
COMMANDES: tuple[str, ...] = (
    "lister",
    "valider",
    "jouer",
    "reprendre",
    "analyser",
    "evaluer",
    "stats",
    "verifier",
    "reviser",
    "graphe",
    "schema",
    "rejouer",
    "servir",
    "tester",
    "nouveau",
)

DESCRIPTION = """\
Simulateur de négociation pour agents de recouvrement.

Exemples :
  simulateur                      (l'application)
  simulateur lister
  simulateur valider scenarios/*.yaml
  simulateur jouer hydro-perte-emploi --graine 7
  simulateur jouer hydro-perte-emploi --script appel.txt
"""


def construire() -> Analyseur:
    p = Analyseur(prog="simulateur", description=DESCRIPTION)
    p.add_argument(
        "--version",
        action="version",
        version=f"simulateur {__version__}",
        help="afficher la version et quitter",
    )
    sous = p.add_subparsers(
        dest="commande", title="commandes", metavar="COMMANDE", parser_class=Analyseur
    )

    for nom in COMMANDES:
        importlib.import_module(f"simulateur.cli.{nom}").ajouter(sous)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    if not (sys.argv[1:] if argv is None else argv):
        return _application()  # sans argument : l'application, sans construire l'analyseur
    args = construire().parse_args(argv)
    try:
        if args.commande is None:
            return _application()
        return int(importlib.import_module(f"simulateur.cli.{args.commande}").executer(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # dernier rempart : un message clair plutôt qu'une trace
        if os.environ.get("SIMULATEUR_DEBUG"):
            raise
        print(
            f"simulateur : erreur interne ({type(e).__name__} : {e}). "
            "Relancez avec SIMULATEUR_DEBUG=1 pour le détail et signalez-la.",
            file=sys.stderr,
        )
        return 1


def _application() -> int:
    """L'application Textual (import paresseux : les autres commandes ne chargent pas Textual)."""
    try:
        from simulateur.interface import lancer

        return lancer()
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
