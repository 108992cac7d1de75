"""Interface en ligne de commande : verbes français, aide française, jamais de trace Python."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from simulateur import __version__
from simulateur.cli.francais import Analyseur

DESCRIPTION = """\
Simulateur de négociation pour agents de recouvrement.

Exemples :
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

    lister = sous.add_parser(
        "lister",
        help="lister les scénarios et leurs caractéristiques",
        description="Liste les scénarios de la bibliothèque.",
    )
    lister.add_argument("--json", action="store_true", help="sortie JSON")
    lister.add_argument(
        "--dossier", metavar="DOSSIER", help="dossier de scénarios (défaut : ./scenarios)"
    )

    valider = sous.add_parser(
        "valider",
        help="vérifier des fichiers de scénario",
        description="Vérifie des scénarios ; chaque erreur s'écrit fichier:ligne:colonne: message. "
        "Code de sortie 0 si tout est valide, 2 sinon.",
    )
    valider.add_argument("fichiers", nargs="+", metavar="FICHIER", help="fichier(s) YAML")

    jouer = sous.add_parser(
        "jouer",
        help="jouer un appel dans le terminal",
        description="Joue un appel : interactif, ou d'après un script (une réplique par ligne, "
        "« - » pour l'entrée standard). La transcription est écrite après chaque tour.",
    )
    jouer.add_argument("scenario", metavar="SCENARIO", help="fichier ou id du scénario")
    jouer.add_argument(
        "--graine", type=int, metavar="N", help="graine du débiteur (défaut : au hasard)"
    )
    jouer.add_argument(
        "--script", metavar="FICHIER", help="répliques de l'apprenant, « - » : entrée standard"
    )
    jouer.add_argument(
        "--transcription",
        metavar="FICHIER",
        help="fichier de transcription à créer (défaut : dossier de données)",
    )
    jouer.add_argument("--apprenant", metavar="NOM", help="nom de l'apprenant")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = construire().parse_args(argv)
    if args.commande is None:
        construire().print_help()
        return 0
    try:
        if args.commande == "lister":
            from simulateur.cli.scenarios import cmd_lister

            return cmd_lister(args)
        if args.commande == "valider":
            from simulateur.cli.scenarios import cmd_valider

            return cmd_valider(args)
        if args.commande == "jouer":
            from simulateur.cli.jouer import cmd_jouer

            return cmd_jouer(args)
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
    return 2


if __name__ == "__main__":
    sys.exit(main())
