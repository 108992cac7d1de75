"""Démarrage à froid de la ligne de commande, comparé à Python nu et à `import sklearn`.

    python benchmarks/demarrage_cli.py [--repetitions 7]

Chaque commande est lancée dans un processus neuf ; on garde la médiane.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

COMMANDES = {
    "python -c pass (base)": [sys.executable, "-c", "pass"],
    "python -c 'import sklearn' (base)": [sys.executable, "-c", "import sklearn"],
    "simulateur --version": [sys.executable, "-m", "simulateur", "--version"],
    "simulateur lister": [sys.executable, "-m", "simulateur", "lister"],
    "simulateur analyser --json bonjour": [
        sys.executable,
        "-m",
        "simulateur",
        "analyser",
        "--json",
        "bonjour",
    ],
    "simulateur valider (1 scénario)": [
        sys.executable,
        "-m",
        "simulateur",
        "valider",
        "scenarios/hydro-perte-emploi.yaml",
    ],
}


def mesurer(cmd: list[str], n: int) -> float | None:
    durees = []
    for _ in range(n):
        debut = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, cwd=RACINE)
        durees.append(time.perf_counter() - debut)
        if r.returncode not in (0, 1):
            return None
    return statistics.median(durees)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--repetitions", type=int, default=7)
    args = p.parse_args()
    resultats = {nom: mesurer(cmd, args.repetitions) for nom, cmd in COMMANDES.items()}
    sklearn = resultats["python -c 'import sklearn' (base)"]
    base = resultats["python -c pass (base)"]
    print(f"Démarrage à froid, médiane de {args.repetitions} lancements")
    for nom, t in resultats.items():
        if t is None:
            print(f"  {nom:40s} indisponible")
            continue
        rapport = f" · {t / sklearn:.2f} × import sklearn" if sklearn else ""
        print(f"  {nom:40s} {t * 1000:7.0f} ms · {t / base:.1f} × python nu{rapport}")


if __name__ == "__main__":
    main()
