"""Commande `rejouer` : ouvrir une transcription dans l'écran de relecture."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from simulateur.cli.sortie import erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "rejouer",
        help="relire un appel tour par tour (application)",
        description="Ouvre la transcription dans l'application : chaque tour avec son analyse, "
        "le changement d'état du débiteur et les preuves de l'évaluation ; « v » saute à "
        "l'infraction suivante.",
    )
    p.add_argument("transcription", metavar="TRANSCRIPTION", help="fichier .jsonl de l'appel")


def executer(args: argparse.Namespace) -> int:
    chemin = Path(args.transcription)
    # Point d'accroche : `--verifier` (relecture sans interface) se branchera ici.
    if getattr(args, "verifier", False):
        return verifier(args)
    if not chemin.is_file():
        erreur(f"{chemin} : fichier introuvable")
        return 2
    from simulateur.interface import lancer

    return lancer(relecture=chemin)


def verifier(args: argparse.Namespace) -> int:
    """Vérification sans interface (à écrire) : rejouer et comparer, code de sortie."""
    raise NotImplementedError
