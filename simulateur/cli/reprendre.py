"""Commande `reprendre` : continuer un appel interrompu (fenêtre fermée, arrêt brutal)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from simulateur.cli.sortie import erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "reprendre",
        help="reprendre un appel interrompu",
        description="Rejoue les tours déjà écrits dans la transcription, puis continue l'appel "
        "dans le même fichier : interactif, ou d'après un script (« - » : entrée standard).",
    )
    p.add_argument("transcription", metavar="TRANSCRIPTION", help="fichier .jsonl de l'appel")
    p.add_argument(
        "--script", metavar="FICHIER", help="répliques suivantes, « - » : entrée standard"
    )


def executer(args: argparse.Namespace) -> int:
    from simulateur.cli.jouer import converser
    from simulateur.integrite import CleIllisible, cle_institution
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.session import RepriseImpossible, Session
    from simulateur.transcription import TranscriptionIllisible

    try:
        session = Session.reprendre(Path(args.transcription), cle=cle_institution())
    except (RepriseImpossible, TranscriptionIllisible, CleIllisible) as e:
        erreur(str(e))
        return 2
    except ScenarioInvalide as e:
        erreur(f"le scénario de cette transcription est invalide :\n{e}")
        return 2
    print(f"Reprise après {len(session.tours)} tour(s).")
    if session.tours:
        print(f"Débiteur › {session.tours[-1].replique.texte}")
    return converser(session, args.script)
