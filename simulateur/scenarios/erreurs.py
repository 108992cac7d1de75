"""Erreurs de scénario positionnées (fichier:ligne:colonne) et suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class ErreurScenario:
    fichier: str
    ligne: int  # 1-based
    colonne: int  # 1-based
    message: str
    gravite: Literal["erreur", "avertissement"] = "erreur"

    def __str__(self) -> str:
        prefixe = "" if self.gravite == "erreur" else "avertissement : "
        return f"{self.fichier}:{self.ligne}:{self.colonne}: {prefixe}{self.message}"


class ScenarioInvalide(Exception):
    """Levée avec toutes les erreurs d'un fichier, jamais une seule à la fois."""

    def __init__(self, erreurs: list[ErreurScenario]) -> None:
        self.erreurs = erreurs
        super().__init__("\n".join(str(e) for e in erreurs))


def suggestion(mot: str, possibles: Iterable[str]) -> str:
    """« (vouliez-vous dire « x » ?) » quand un nom proche existe, sinon ''."""
    proches = difflib.get_close_matches(str(mot), sorted(set(possibles)), n=1, cutoff=0.6)
    return f" (vouliez-vous dire « {proches[0]} » ?)" if proches else ""
