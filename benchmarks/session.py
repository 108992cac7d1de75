"""Latence d'un tour de session sans interface (p50, p99), comparée à l'analyse seule.

    python benchmarks/session.py [--tours 2000]

La base, mesurée dans le même processus, est l'analyse de la même réplique :
le rapport dit ce que coûtent le débiteur, la machine et l'écriture sur disque.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from simulateur.scenarios.moteur import moteur_pour  # noqa: E402
from simulateur.session import Session  # noqa: E402

LIGNES = [
    x
    for x in (RACINE / "tests/scripts/hydro-perte-emploi-bon.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if x.strip() and not x.startswith("#")
]


def centile(valeurs: list[float], q: float) -> float:
    v = sorted(valeurs)
    return v[min(len(v) - 1, int(q * len(v)))]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--tours", type=int, default=2000)
    args = p.parse_args()
    moteur = moteur_pour(RACINE / "scenarios/hydro-perte-emploi.yaml")
    moteur.analyseur.analyser("Bonjour", "qc")  # chargement paresseux du modèle hors mesure
    tours: list[float] = []
    analyses: list[float] = []
    with tempfile.TemporaryDirectory() as d:
        g = 0
        while len(tours) < args.tours:
            s = Session(moteur, g, transcription=Path(d) / f"{g}.jsonl")
            for texte in LIGNES:
                if s.terminee:
                    break
                debut = time.perf_counter()
                moteur.analyseur.analyser(texte, "qc", "fr")
                analyses.append(time.perf_counter() - debut)
                debut = time.perf_counter()
                s.jouer(texte)
                tours.append(time.perf_counter() - debut)
            s.abandonner()
            s.fermer()
            g += 1
    ms = 1000
    print(
        f"Tour de session sans interface ({len(tours)} tours, transcription écrite et fsync à chaque tour)"
    )
    print(
        f"  tour complet : p50 {centile(tours, 0.5) * ms:.2f} ms · p99 {centile(tours, 0.99) * ms:.2f} ms · moyenne {statistics.mean(tours) * ms:.2f} ms"
    )
    print(
        f"  base (analyse seule) : p50 {centile(analyses, 0.5) * ms:.2f} ms · p99 {centile(analyses, 0.99) * ms:.2f} ms"
    )
    print(f"  ratio p50 tour / analyse : {centile(tours, 0.5) / centile(analyses, 0.5):.1f}")


if __name__ == "__main__":
    main()
