"""Le débiteur « tape » : un délai proportionnel à la longueur, plafonné."""

from __future__ import annotations

DELAI_MIN = 0.35
PAR_CARACTERE = 0.012
DELAI_MAX = 1.6


def delai_frappe(texte: str) -> float:
    return min(DELAI_MAX, DELAI_MIN + PAR_CARACTERE * len(texte))
