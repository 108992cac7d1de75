"""Outils communs aux tests de l'application (données isolées, horloge et graine fixes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.pilot import Pilot

from tests.conftest import SCENARIOS, SCRIPTS

HORLOGE = dt.datetime(2026, 3, 10, 15, 0, tzinfo=dt.UTC)


# Bibliothèque figée pour les tests de l'application : un scénario ajouté au dépôt
# ne change ni les instantanés ni l'ordre des lignes.
SCENARIOS_TEST = ("fournisseur-perte-client", "hydro-perte-emploi", "telecom-mauvaise-foi-en")


def bibliotheque(donnees: Path) -> Path:
    dossier = donnees.parent / f"{donnees.name}-scenarios"
    if not dossier.is_dir():
        dossier.mkdir(parents=True)
        for nom in SCENARIOS_TEST:
            (dossier / f"{nom}.yaml").write_bytes((SCENARIOS / f"{nom}.yaml").read_bytes())
    return dossier


def app_de_test(donnees: Path, **options: object):  # type: ignore[no-untyped-def]
    from simulateur.interface import creer_app

    options.setdefault("graine", 7)
    options.setdefault("rythme", False)
    options.setdefault("horloge", lambda: HORLOGE)
    return creer_app(donnees, bibliotheque(donnees), **options)


async def attendre(pilot: Pilot[None]) -> None:
    """Laisse finir les chargements en arrière-plan (bibliothèque, évaluation…)."""
    await pilot.pause(0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    # Curseurs fixes : un curseur qui clignote rendrait les instantanés instables.
    for champ in pilot.app.screen.query("Input, TextArea"):
        champ.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


def script(nom: str) -> list[str]:
    return [x for x in (SCRIPTS / nom).read_text(encoding="utf-8").splitlines() if x.strip()]


async def ouvrir_scenario(pilot: Pilot[None], scenario_id: str) -> None:
    """Depuis l'accueil : choisir le scénario au clavier, lire le briefing, décrocher."""
    await attendre(pilot)
    ecran = pilot.app.screen
    rang = [f.id for f in ecran._visibles()].index(scenario_id)  # type: ignore[attr-defined]
    for _ in range(rang):
        await pilot.press("down")
    await pilot.press("enter")
    await attendre(pilot)
    await pilot.press("f9")
    await pilot.pause()
