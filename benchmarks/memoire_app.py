"""Mémoire de l'application après un appel de 50 tours, face à une application minimale.

Chaque mesure tourne dans un processus neuf (en mode sans écran de Textual) :
- base : application Textual minimale (Header, Log, Input, Footer) qui reçoit
  50 lignes dans son journal ;
- simulateur : l'application réelle, un appel de 50 répliques de l'apprenant.
On lit le pic de mémoire résidente (ru_maxrss) à la fin.

    python benchmarks/memoire_app.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent

BASE = """
import asyncio, json, resource
from textual.app import App
from textual.widgets import Footer, Header, Input, Log

class Minimale(App):
    def compose(self):
        yield Header(); yield Log(); yield Input(); yield Footer()

async def main():
    app = Minimale()
    async with app.run_test(size=(80, 24)) as pilot:
        for i in range(50):
            app.query_one(Log).write_line(f"Réplique {i} : " + "x" * 80)
            await pilot.pause()
    print(json.dumps({"rss_ko": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))

asyncio.run(main())
"""

SIMULATEUR = """
import asyncio, json, resource, sys
from pathlib import Path
sys.path.insert(0, {racine!r})
from tests.interface_outils import app_de_test, attendre, ouvrir_scenario

LIGNES = [
    "Pouvez-vous me dire ce qui s'est passé de votre côté ?",
    "Je comprends, ce n'est pas une période facile.",
    "Quel est votre revenu net chaque mois en ce moment ?",
    "Et à combien s'élèvent vos dépenses fixes par mois ?",
    "Si je comprends bien, vous avez perdu votre emploi en décembre ?",
]

async def main():
    app = app_de_test(Path({donnees!r}))
    async with app.run_test(size=(80, 24)) as pilot:
        await ouvrir_scenario(pilot, "hydro-perte-emploi")
        for i in range(50):
            saisie = app.screen.query_one("Input")
            saisie.focus()
            saisie.value = LIGNES[i % len(LIGNES)]
            await pilot.press("enter")
            await pilot.pause()
        await attendre(pilot)
    fichiers = list(Path({donnees!r}).rglob("*.jsonl"))
    tours = sum('"type":"tour"' in x for f in fichiers for x in f.read_text(encoding="utf-8").split("\\n"))
    print(json.dumps({{"rss_ko": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "tours": tours}}))

asyncio.run(main())
"""


def mesurer(code: str) -> dict[str, float]:
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=RACINE, timeout=900
    )
    if r.returncode != 0:
        raise SystemExit(f"échec de la mesure :\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    base = mesurer(BASE)
    with tempfile.TemporaryDirectory() as d:
        sim = mesurer(SIMULATEUR.format(racine=str(RACINE), donnees=str(Path(d) / "donnees")))
    print("Mémoire résidente maximale (processus neuf, sans écran, 80×24)")
    print(f"  base : application Textual minimale, 50 lignes : {base['rss_ko'] / 1024:.0f} Mio")
    print(
        f"  simulateur, appel de {sim['tours']} tours joués         : {sim['rss_ko'] / 1024:.0f} Mio"
    )
    print(f"  rapport : {sim['rss_ko'] / base['rss_ko']:.2f} × la base")


if __name__ == "__main__":
    main()
