"""Commande `evaluer` : noter une ou mille transcriptions, dans cinq formats."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from simulateur.cli.sortie import ecrire_sortie, erreur

FORMATS = ("texte", "json", "markdown", "html", "csv")


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "evaluer",
        help="évaluer des transcriptions (notes par axe, preuves)",
        description="Évalue des transcriptions (fichiers .jsonl ou dossiers) : une note par axe, "
        "chaque point appuyé sur un tour, une citation, une règle et sa référence.",
    )
    p.add_argument(
        "transcriptions", nargs="+", metavar="TRANSCRIPTION", help="fichiers ou dossiers"
    )
    p.add_argument(
        "--format", choices=FORMATS, default="texte", help="format du rapport (défaut : texte)"
    )
    p.add_argument(
        "--sortie",
        metavar="FICHIER",
        help="écrire le rapport dans ce fichier (créé, jamais écrasé)",
    )
    p.add_argument("--scenario", metavar="FICHIER", help="fichier du scénario, s'il a été déplacé")


def fichiers_transcriptions(chemins: list[str]) -> Iterator[Path]:
    """Les .jsonl des chemins donnés (dossiers parcourus récursivement), triés."""
    for nom in chemins:
        chemin = Path(nom)
        if chemin.is_dir():
            yield from sorted(chemin.rglob("*.jsonl"))
        else:
            yield chemin


class Progression:
    """Barre sur la sortie d'erreur d'un terminal ; rien quand elle est redirigée."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.actif = sys.stderr.isatty() and total > 20

    def avancer(self, n: int) -> None:
        if self.actif and (n % 10 == 0 or n == self.total):
            plein = int(30 * n / self.total)
            print(
                f"\r[{'#' * plein}{'.' * (30 - plein)}] {n}/{self.total}", end="", file=sys.stderr
            )

    def finir(self) -> None:
        if self.actif:
            print(file=sys.stderr)


def executer(args: argparse.Namespace) -> int:
    from simulateur.evaluation import evaluer_fichier
    from simulateur.evaluation.formats import exporter
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.transcription import TranscriptionIllisible

    fichiers = list(fichiers_transcriptions(args.transcriptions))
    if not fichiers:
        erreur("aucune transcription (.jsonl) trouvée")
        return 2
    rapports, echecs = [], 0
    barre = Progression(len(fichiers))
    scenario = Path(args.scenario) if args.scenario else None
    for n, f in enumerate(fichiers, 1):
        try:
            rapports.append(evaluer_fichier(f, scenario))
        except (TranscriptionIllisible, ScenarioInvalide, KeyError, ValueError, TypeError) as e:
            echecs += 1
            message = str(e).splitlines()[0] if str(e) else type(e).__name__
            erreur(f"{f} : non évaluée ({message})")
        barre.avancer(n)
    barre.finir()
    if not rapports:
        return 2
    code = ecrire_sortie(exporter(rapports, args.format), args.sortie, "Rapport écrit")
    return code or (1 if echecs else 0)
