"""Compréhension des répliques de l'apprenant : acte, infractions, langue, entités."""

from simulateur.comprehension.analyse import (
    Analyse,
    DateMention,
    Entites,
    Infraction,
    Montant,
)

__all__ = ["Analyse", "DateMention", "Entites", "Infraction", "Montant"]
