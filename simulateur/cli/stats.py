"""Commande `stats` : agréger des centaines de sessions."""

from __future__ import annotations

import argparse
from typing import Any

from simulateur.cli.sortie import ecrire_sortie, erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "stats",
        help="statistiques sur un dossier de transcriptions",
        description="Par scénario, par apprenant et en tout : taux d'entente, montant recouvré, "
        "note moyenne par axe, infractions fréquentes, progression d'un essai à l'autre.",
    )
    p.add_argument("dossiers", nargs="+", metavar="DOSSIER", help="dossiers ou fichiers .jsonl")
    p.add_argument(
        "--format", choices=("texte", "json", "html"), default="texte", help="défaut : texte"
    )
    p.add_argument(
        "--sortie", metavar="FICHIER", help="écrire dans ce fichier (créé, jamais écrasé)"
    )


def executer(args: argparse.Namespace) -> int:
    from simulateur.cli.evaluer import Progression, fichiers_transcriptions
    from simulateur.evaluation import evaluer_fichier
    from simulateur.evaluation.stats import exporter_stats, statistiques
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.transcription import TranscriptionIllisible

    fichiers = list(fichiers_transcriptions(args.dossiers))
    rapports = []
    barre = Progression(len(fichiers))
    for n, f in enumerate(fichiers, 1):
        try:
            rapports.append(evaluer_fichier(f))
        except (TranscriptionIllisible, ScenarioInvalide, KeyError, ValueError, TypeError) as e:
            erreur(f"{f} : ignorée ({str(e).splitlines()[0] if str(e) else type(e).__name__})")
        barre.avancer(n)
    barre.finir()
    if not rapports:
        erreur("aucune transcription lisible")
        return 2
    return ecrire_sortie(
        exporter_stats(statistiques(rapports), args.format), args.sortie, "Statistiques écrites"
    )
