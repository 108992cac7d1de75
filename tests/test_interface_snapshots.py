"""Instantanés de chaque écran à 80×24 (graine, horloge fixes ; rythme coupé).

Après un changement voulu de l'affichage : `python -m pytest tests/test_interface_snapshots.py
--snapshot-update`, puis relire les SVG produits sous tests/__snapshots__/.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.interface_outils import app_de_test, attendre, ouvrir_scenario, script

pytest.importorskip("pytest_textual_snapshot")

TAILLE = (80, 24)


@pytest.fixture(autouse=True)
def heure_utc(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Les dates s'affichent à l'heure locale : on fixe le fuseau pour des instantanés stables."""
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


Avant = Callable[[Pilot[None]], Awaitable[None]]


def _appel(tours: int, *touches: str) -> Avant:
    async def avant(pilot: Pilot[None]) -> None:
        await ouvrir_scenario(pilot, "hydro-perte-emploi")
        for ligne in script("hydro-perte-emploi-bon.txt")[:tours]:
            pilot.app.screen.envoyer(ligne)  # type: ignore[attr-defined]
        await pilot.pause()
        if touches:
            await pilot.press(*touches)
        await attendre(pilot)

    return avant


def _session_terminee(donnees: Path) -> Path:
    from simulateur.scenarios.moteur import moteur_pour
    from simulateur.session import Session
    from tests.interface_outils import HORLOGE, bibliotheque

    chemin = donnees / "transcriptions" / "appel.jsonl"
    s = Session(
        moteur_pour(bibliotheque(donnees) / "hydro-perte-emploi.yaml"),
        7,
        apprenant="Julie",
        transcription=chemin,
        horloge=lambda: HORLOGE,
    )
    for ligne in script("hydro-perte-emploi-bon.txt"):
        s.jouer(ligne)
    import datetime as dt

    s.noter_dossier(
        "Entente 75 $ par mois.",
        echeancier={"montant": 75, "frequence": "mensuelle"},
        suivi=dt.date(2026, 4, 4),
    )
    s.fermer()
    return chemin


async def _charge(pilot: Pilot[None]) -> None:
    await attendre(pilot)


def test_accueil(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=_charge)


def test_accueil_clair_avec_sessions(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _session_terminee(tmp_path)

    async def avant(pilot: Pilot[None]) -> None:
        await attendre(pilot)
        await pilot.press("f8")
        await pilot.pause()

    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)


def test_briefing(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    async def avant(pilot: Pilot[None]) -> None:
        await attendre(pilot)
        await pilot.press("down", "enter")
        await attendre(pilot)

    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)


def test_conversation(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=_appel(4))


def test_conversation_guide(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=_appel(3, "f5"))


def test_conversation_budget(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    avant = _appel(6, "f3", *"2030", "tab", *"1480")
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)


def test_conversation_entente(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    avant = _appel(8, "f4", "ctrl+a", "ctrl+k", *"75")
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)


def test_conversation_examen(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = app_de_test(tmp_path, mode="examen")
    assert snap_compare(app, terminal_size=TAILLE, run_before=_appel(2, "f2"))


def test_fin_appel(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=_appel(11, "f10"))


def test_bilan(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chemin = _session_terminee(tmp_path)

    async def avant(pilot: Pilot[None]) -> None:
        await attendre(pilot)
        pilot.app.ouvrir_bilan(chemin)  # type: ignore[attr-defined]
        await attendre(pilot)

    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)


def test_relecture(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chemin = _session_terminee(tmp_path)

    async def avant(pilot: Pilot[None]) -> None:
        await attendre(pilot)
        await pilot.press("down", "down")
        await pilot.pause()

    app = app_de_test(tmp_path, relecture=chemin)
    assert snap_compare(app, terminal_size=TAILLE, run_before=avant)


def test_historique(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from simulateur.interface.logique.index import Index

    index = Index(tmp_path)
    for i, note in enumerate((48.0, 63.0, 71.0, 86.0)):
        chemin = tmp_path / f"s{i}.jsonl"
        import datetime as dt

        index.commencer(
            chemin,
            "hydro-perte-emploi",
            "",
            "",
            "entrainement",
            7,
            dt.datetime(2026, 3, 1 + i, 10, tzinfo=dt.UTC),
        )
        index.finir(chemin, "entente", 10)
        index.noter(chemin, note, {"conformite": note + 5, "negociation": note - 10})

    async def avant(pilot: Pilot[None]) -> None:
        await attendre(pilot)
        await pilot.press("h")
        await attendre(pilot)

    assert snap_compare(app_de_test(tmp_path), terminal_size=TAILLE, run_before=avant)
