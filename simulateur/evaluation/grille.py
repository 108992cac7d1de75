"""La grille d'évaluation : des données (grille.yaml), qu'un scénario peut surcharger."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from simulateur.scenarios.schema import Scenario


@lru_cache(maxsize=1)
def grille_defaut() -> dict[str, dict[str, float]]:
    from ruamel.yaml import YAML

    texte = resources.files("simulateur.evaluation").joinpath("grille.yaml").read_text("utf-8")
    return YAML(typ="safe").load(texte)


def grille_pour(scenario: Scenario) -> dict[str, dict[str, Any]]:
    """Grille par défaut, surchargée clé par clé par la section `grille` du scénario."""
    base = grille_defaut()
    return {
        section: {**valeurs, **scenario.grille.get(section, {})}
        for section, valeurs in base.items()
    }


def cles_connues() -> dict[str, set[str]]:
    return {section: set(valeurs) for section, valeurs in grille_defaut().items()}
