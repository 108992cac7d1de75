"""Affichage sûr dans un terminal : le texte de l'utilisateur ne pilote jamais le terminal."""

from __future__ import annotations

import sys
import unicodedata

_PERMIS = {"\t", "\u200d"}  # tabulation ; liant sans chasse des émojis composés


def _visible(c: str) -> str:
    if c in _PERMIS or unicodedata.category(c)[0] != "C":
        return c
    return f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"


def texte_sur(texte: str) -> str:
    """Rend visibles les caractères de contrôle (échappements ANSI, inversions bidi…)."""
    return "".join(_visible(c) for c in texte)


def erreur(message: str) -> None:
    print(f"simulateur : {message}", file=sys.stderr)
