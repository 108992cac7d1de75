"""Lance tous les bancs d'essai et écrit docs/performance.md.

    python benchmarks/tout.py [--rapide]

Chaque banc compare ses chiffres à une base mesurée dans la même exécution
(Python nu, `import sklearn`, application Textual minimale, lecture JSON seule,
analyse seule). Le document garde la commande exacte à côté de chaque résultat.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

# (titre, script, arguments complets, arguments --rapide)
BANCS: list[tuple[str, str, list[str], list[str]]] = [
    (
        "Démarrage de la ligne de commande",
        "demarrage_cli.py",
        ["--repetitions", "7"],
        ["--repetitions", "3"],
    ),
    ("Démarrage de l'application et travail par tour", "demarrage_app.py", [], []),
    (
        "Latence d'un tour de session (sans interface)",
        "session.py",
        ["--tours", "3000"],
        ["--tours", "500"],
    ),
    ("Compréhension : exactitude, débit, latence", "comprehension.py", [], []),
    (
        "Évaluation : ré-notation et relectures exactes",
        "evaluation.py",
        ["--sessions", "500", "--graines", "50"],
        ["--sessions", "100", "--graines", "5"],
    ),
    ("Mémoire de l'application après 50 tours", "memoire_app.py", [], []),
]

CIBLES = """\
| cible (issue) | où la lire |
|---|---|
| compréhension : macro-F1 des actes ≥ 0,93 ; rappel des infractions ≥ 0,95 à précision ≥ 0,92 ; ≤ 5 % de négatifs difficiles signalés ; langue ≥ 0,99 (issue 3) | section Compréhension (jeu de développement ; les jeux cachés de l'issue ne sont pas disponibles ici) |
| compréhension : ≥ 2 000 lignes/s en lot, ≤ 5 ms au p99, `analyser --json bonjour` à froid ≤ 0,5 × `import sklearn` (issue 3) | sections Compréhension et Démarrage de la ligne de commande |
| ré-notation ≥ 500 transcriptions de 30 tours par seconde (issue 4) | section Évaluation |
| 100 % de relectures exactes, scénarios livrés × 50 graines × deux scripts (issue 4) | section Évaluation |
| premier affichage de l'accueil ≤ 1,3 × une application Textual minimale ; ≤ 50 ms d'interface par tour (issue 5) | section Démarrage de l'application |
| mémoire de l'application après 50 tours (issue 7) | section Mémoire |
"""


# (cible, banc, motif à lire dans sa sortie, test : valeur lue → atteinte ?)
BILAN: list[tuple[str, str, str, Callable[[float], bool]]] = [
    (
        "premier affichage ≤ 1,3 × l'application minimale",
        "demarrage_app.py",
        r"rapport : ([\d.]+)",
        lambda x: x <= 1.3,
    ),
    (
        "travail d'interface par tour ≤ 50 ms (médiane)",
        "demarrage_app.py",
        r"médiane ([\d.]+) ms",
        lambda x: x <= 50,
    ),
    (
        "travail d'interface par tour ≤ 50 ms (pire tour)",
        "demarrage_app.py",
        r"max ([\d.]+) ms",
        lambda x: x <= 50,
    ),
    (
        "analyse en lot ≥ 2 000 lignes/s",
        "comprehension.py",
        r"démarrage compris\) \| (\d+) lignes/s",
        lambda x: x >= 2000,
    ),
    (
        "une réplique ≤ 5 ms au p99",
        "comprehension.py",
        r"p50 / p99 / max \| [\d.]+ / ([\d.]+)",
        lambda x: x <= 5,
    ),
    (
        "`analyser --json bonjour` à froid ≤ 0,5 × import sklearn",
        "comprehension.py",
        r"\*\*([\d.]+) ×\*\*",
        lambda x: x <= 0.5,
    ),
    (
        "ré-notation ≥ 500 transcriptions de 30 tours/s",
        "evaluation.py",
        r"notation complète\s+: (\d+)",
        lambda x: x >= 500,
    ),
    (
        "100 % de relectures exactes",
        "evaluation.py",
        r"Relectures exactes : \d+/\d+ \((\d+) %\)",
        lambda x: x == 100,
    ),
]


def bilan(sorties: dict[str, str]) -> str:
    lignes = ["| cible | mesuré | atteinte |", "|---|---|---|"]
    for cible, banc, motif, atteinte in BILAN:
        m = re.search(motif, sorties.get(banc, ""))
        if m is None:
            lignes.append(f"| {cible} | voir la section | — |")
            continue
        valeur = float(m.group(1))
        lignes.append(f"| {cible} | {m.group(1)} | {'oui' if atteinte(valeur) else '**non**'} |")
    return "\n".join(lignes) + "\n"


def lancer(script: str, args: list[str]) -> tuple[str, float, int]:
    chemin = RACINE / "benchmarks" / script
    if not chemin.exists():
        return f"(banc absent : benchmarks/{script})", 0.0, -1
    debut = time.perf_counter()
    r = subprocess.run(
        [sys.executable, str(chemin), *args], capture_output=True, text=True, cwd=RACINE
    )
    sortie = r.stdout.strip() or r.stderr.strip()
    if r.returncode != 0:
        # Un banc rend 1 quand une cible n'est pas atteinte : on garde sa sortie telle quelle.
        sortie += f"\n(code de sortie {r.returncode} : cible non atteinte ou erreur)"
        if r.stdout.strip() and r.stderr.strip():
            sortie += "\n" + r.stderr.strip()[-2000:]
    return sortie, time.perf_counter() - debut, r.returncode


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument(
        "--rapide", action="store_true", help="moins de répétitions (pour vérifier les bancs)"
    )
    p.add_argument("--sortie", default=str(RACINE / "docs" / "performance.md"))
    args = p.parse_args()
    morceaux = [
        "# Performances mesurées\n",
        "Document produit par `python benchmarks/tout.py`"
        + (" --rapide" if args.rapide else "")
        + f" le {dt.date.today().isoformat()} : ne pas éditer à la main, relancer la commande.\n",
        f"Machine : {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
        f"{_coeurs()} cœur(s). Chaque chiffre est accompagné de sa base mesurée dans la même exécution.\n",
        "## Cibles des issues\n",
        CIBLES,
    ]
    sorties: dict[str, str] = {}
    sections = []
    for titre, script, complet, rapide in BANCS:
        arguments = rapide if args.rapide else complet
        print(f"… {titre}", file=sys.stderr)
        sortie, duree, _code = lancer(script, arguments)
        sorties[script] = sortie
        commande = " ".join(["python", f"benchmarks/{script}", *arguments])
        sections.append(
            f"## {titre}\n\nCommande : `{commande}` ({duree:.0f} s)\n\n```\n{sortie}\n```\n"
        )
    morceaux.append("## Bilan des cibles chiffrées (lu dans les sorties ci-dessous)\n")
    morceaux.append(bilan(sorties))
    morceaux.extend(sections)
    Path(args.sortie).write_text("\n".join(morceaux), encoding="utf-8")
    print(f"Écrit : {args.sortie}", file=sys.stderr)


def _coeurs() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    main()
