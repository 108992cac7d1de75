"""Compréhension des répliques de l'apprenant : acte, infractions, langue, entités."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulateur.comprehension.analyse import (
    Analyse,
    DateMention,
    Entites,
    Infraction,
    Montant,
)

if TYPE_CHECKING:
    from simulateur.comprehension.analyseur import Analyseur, analyser

__all__ = ["Analyse", "Analyseur", "DateMention", "Entites", "Infraction", "Montant", "analyser"]


def __getattr__(nom: str) -> object:
    # L'analyseur compile quelques centaines de motifs (~80 ms) : chargé à la demande, pour que
    # lire les types (`from simulateur.comprehension.analyse import Analyse`) reste instantané.
    if nom in ("Analyseur", "analyser"):
        from simulateur.comprehension import analyseur

        return getattr(analyseur, nom)
    raise AttributeError(f"module {__name__!r} has no attribute {nom!r}")
