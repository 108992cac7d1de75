"""Banc d'essai de l'évaluation : ré-notation de transcriptions de 30 tours, relectures exactes.

    python benchmarks/evaluation.py [--sessions 300] [--graines 50]

La ré-notation est comparée, dans le même processus, à une simple lecture JSON
des mêmes fichiers (la base) : le rapport dit combien coûte la note en plus.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RACINE))

from simulateur.evaluation import evaluer, scenario_de_transcription  # noqa: E402
from simulateur.relecture import rejouer  # noqa: E402
from simulateur.scenarios.moteur import moteur_pour  # noqa: E402
from simulateur.session import jouer_script  # noqa: E402
from simulateur.transcription import lire_transcription  # noqa: E402

SCENARIOS = RACINE / "scenarios"
SCRIPTS = RACINE / "tests" / "scripts"

# 30 répliques sans clôture : l'appel dure ses 30 tours.
TRENTE = [
    "Bonjour, ici Julie Caron, de l'Agence Recouvra, permis RC-2024-118.",
    "Suis-je bien en communication avec la personne titulaire du compte ?",
    "Je vous appelle au nom d'Hydro-Sud au sujet de votre facture de 842,17 $.",
    "Pouvez-vous me dire ce qui s'est passé de votre côté ?",
    "Je comprends, ce n'est vraiment pas une période facile.",
    "Si je comprends bien, vous avez perdu votre emploi en décembre ?",
    "Quel est votre revenu net chaque mois en ce moment ?",
    "Et à combien s'élèvent vos dépenses fixes par mois ?",
    "Avez-vous d'autres dettes, comme une carte de crédit ?",
    "Possédez-vous des biens, une voiture, de l'épargne ?",
] * 3


def _lignes(nom: str) -> list[str]:
    return [x for x in (SCRIPTS / nom).read_text(encoding="utf-8").splitlines() if x.strip()]


def generer(dossier: Path, n: int) -> list[Path]:
    moteur = moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml")
    chemins = []
    for g in range(n):
        chemin = dossier / f"s{g}.jsonl"
        jouer_script(moteur, g, TRENTE, transcription=chemin)
        chemins.append(chemin)
    return chemins


def mesurer_notation(chemins: list[Path], repetitions: int = 3) -> dict[str, float]:
    tours = statistics.mean(len(lire_transcription(c).tours) for c in chemins)
    # Le scénario est chargé une fois (cache), comme dans une notation par lots.
    scenario, _ = scenario_de_transcription(lire_transcription(chemins[0]))
    meilleur_base = meilleur_note = float("inf")
    for _ in range(repetitions):
        debut = time.perf_counter()
        for c in chemins:
            for ligne in c.read_text(encoding="utf-8").splitlines():
                json.loads(ligne)
        meilleur_base = min(meilleur_base, time.perf_counter() - debut)
        debut = time.perf_counter()
        for c in chemins:
            evaluer(lire_transcription(c), scenario.scenario)
        meilleur_note = min(meilleur_note, time.perf_counter() - debut)
    return {
        "tours_moyens": tours,
        "base_par_s": len(chemins) / meilleur_base,
        "notation_par_s": len(chemins) / meilleur_note,
        "ratio": meilleur_note / meilleur_base,
    }


def compter_relectures(graines: int) -> tuple[int, int]:
    total = exactes = 0
    with tempfile.TemporaryDirectory() as d:
        for fichier in sorted(SCENARIOS.glob("*.yaml")):
            moteur = moteur_pour(fichier)
            for sorte in ("bon", "abusif"):
                lignes = _lignes(f"{fichier.stem}-{sorte}.txt")
                for g in range(graines):
                    chemin = Path(d) / f"{fichier.stem}-{sorte}-{g}.jsonl"
                    jouer_script(moteur, g, lignes, transcription=chemin)
                    total += 1
                    exactes += rejouer(lire_transcription(chemin)).exacte
    return exactes, total


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sessions", type=int, default=300)
    p.add_argument("--graines", type=int, default=50)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as d:
        chemins = generer(Path(d), args.sessions)
        m = mesurer_notation(chemins)
    print(f"Ré-notation : {args.sessions} transcriptions de {m['tours_moyens']:.0f} tours")
    print(f"  base (lecture JSON seule) : {m['base_par_s']:.0f} transcriptions/s")
    print(f"  notation complète         : {m['notation_par_s']:.0f} transcriptions/s (cible ≥ 500)")
    print(f"  coût relatif              : {m['ratio']:.1f} × la lecture seule")
    exactes, total = compter_relectures(args.graines)
    print(f"Relectures exactes : {exactes}/{total} ({100 * exactes / total:.0f} %)")


if __name__ == "__main__":
    main()
