"""Commande `reviser` : annoter un tour ou revoir la note d'un axe (à côté de la transcription)."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from simulateur.actes import AXES
from simulateur.cli.sortie import erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "reviser",
        help="annoter une session ou revoir une note",
        description="La révision est rangée dans TRANSCRIPTION.revision.json ; la transcription "
        "n'est jamais modifiée. Les rapports montrent la note automatique et la note revue.",
    )
    p.add_argument("transcription", metavar="TRANSCRIPTION")
    p.add_argument("--tour", type=int, metavar="N", help="tour annoté")
    p.add_argument("--annotation", metavar="TEXTE", help="commentaire sur le tour")
    p.add_argument("--axe", choices=AXES, help="axe dont la note est revue")
    p.add_argument("--note", type=float, metavar="NOTE", help="note revue (0 à 100)")
    p.add_argument("--raison", metavar="TEXTE", help="raison de la note revue (obligatoire)")
    p.add_argument("--auteur", metavar="NOM", help="évaluateur (défaut : l'utilisateur)")


def executer(args: argparse.Namespace) -> int:
    from simulateur.evaluation.revision import reviser

    chemin = Path(args.transcription)
    if not chemin.is_file():
        erreur(f"{chemin} : fichier introuvable")
        return 2
    if not args.annotation and args.axe is None:
        erreur("rien à réviser : donnez --annotation ou --axe avec --note et --raison")
        return 2
    try:
        fichier = reviser(
            chemin,
            auteur=args.auteur or getpass.getuser(),
            tour=args.tour,
            annotation=args.annotation,
            axe=args.axe,
            note=args.note,
            raison=args.raison,
        )
    except ValueError as e:
        erreur(str(e))
        return 2
    print(f"Révision enregistrée : {fichier}")
    return 0
