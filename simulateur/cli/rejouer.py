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
    p.add_argument("transcriptions", nargs="+", metavar="TRANSCRIPTION", help="fichier(s) .jsonl")
    p.add_argument(
        "--verifier",
        action="store_true",
        help="sans interface : rejouer chaque appel et comparer chaque réplique, état et analyse ; "
        "code 0 si la relecture est exacte, 1 à la première divergence",
    )
    p.add_argument("--scenario", metavar="FICHIER", help="fichier du scénario, s'il a été déplacé")


def executer(args: argparse.Namespace) -> int:
    if args.verifier:
        return verifier(args)
    if len(args.transcriptions) > 1:
        erreur("l'écran de relecture ouvre une transcription à la fois (ou utilisez --verifier)")
        return 2
    chemin = Path(args.transcriptions[0])
    if not chemin.is_file():
        erreur(f"{chemin} : fichier introuvable")
        return 2
    from simulateur.interface import lancer

    return lancer(relecture=chemin)


def verifier(args: argparse.Namespace) -> int:
    """Relecture sans interface : le pire code de sortie de toutes les transcriptions."""
    from simulateur.cli.evaluer import fichiers_transcriptions
    from simulateur.relecture import verifier_relecture

    pire = 0
    scenario = Path(args.scenario) if args.scenario else None
    for chemin in fichiers_transcriptions(args.transcriptions):
        code, compte_rendu = verifier_relecture(chemin, scenario)
        print(compte_rendu)
        pire = max(pire, code)
    return pire
