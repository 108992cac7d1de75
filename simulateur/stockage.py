"""Où vivent les scénarios et les transcriptions de l'utilisateur."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from platformdirs import user_data_path

VARIABLE_DONNEES = "SIMULATEUR_DONNEES"
VARIABLE_SCENARIOS = "SIMULATEUR_SCENARIOS"


def dossier_donnees() -> Path:
    """Dossier de données de l'utilisateur ; les tests le détournent par variable."""
    return Path(os.environ.get(VARIABLE_DONNEES) or user_data_path("simulateur", appauthor=False))


def dossier_scenarios() -> Path:
    """Scénarios : variable d'environnement, ./scenarios, ou ceux livrés avec le dépôt."""
    if os.environ.get(VARIABLE_SCENARIOS):
        return Path(os.environ[VARIABLE_SCENARIOS])
    local = Path.cwd() / "scenarios"
    if local.is_dir():
        return local
    return Path(__file__).resolve().parent.parent / "scenarios"


def fichiers_scenarios(dossier: Path | None = None) -> list[Path]:
    return sorted((dossier or dossier_scenarios()).glob("*.yaml"))


def trouver_scenario(nom: str, dossier: Path | None = None) -> Path:
    """Un chemin existant, ou l'id d'un scénario de la bibliothèque."""
    chemin = Path(nom)
    if chemin.exists() or chemin.suffix in (".yaml", ".yml"):
        return chemin
    candidat = (dossier or dossier_scenarios()) / f"{nom}.yaml"
    return candidat if candidat.exists() else chemin


_NON_SUR = re.compile(r"[^A-Za-z0-9_-]+")


def chemin_transcription(scenario_id: str, graine: int, apprenant: str = "") -> Path:
    """Nouveau fichier unique sous le dossier de données (jamais un fichier existant)."""
    dossier = dossier_donnees() / "transcriptions"
    horodatage = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    qui = _NON_SUR.sub("-", apprenant).strip("-")[:40]
    base = "-".join(x for x in (horodatage, scenario_id, str(graine), qui) if x)
    chemin = dossier / f"{base}.jsonl"
    n = 2
    while chemin.exists():
        chemin = dossier / f"{base}-{n}.jsonl"
        n += 1
    return chemin
