"""Les tests n'écrivent jamais dans les dossiers de l'utilisateur."""

from __future__ import annotations

from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
SCENARIOS = RACINE / "scenarios"
SCRIPTS = Path(__file__).resolve().parent / "scripts"


@pytest.fixture(autouse=True)
def donnees_isolees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dossier = tmp_path / "donnees"
    monkeypatch.setenv("SIMULATEUR_DONNEES", str(dossier))
    monkeypatch.setenv("SIMULATEUR_SCENARIOS", str(SCENARIOS))
    return dossier
