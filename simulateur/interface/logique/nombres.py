"""Lecture des montants et des dates tapés dans les formulaires."""

from __future__ import annotations

import datetime as dt
import re

_ESPACES = re.compile(r"[\s\u00a0\u202f]")
_MONNAIE = re.compile(r"[$€]|CAD|EUR|CA", re.IGNORECASE)


def lire_montant(texte: str) -> float | None:
    """« 2 030 », « 1 480,50 $ », « 75.5 » → nombre ; None si vide ou illisible."""
    t = _MONNAIE.sub("", _ESPACES.sub("", texte or ""))
    if not t:
        return None
    if "," in t and "." in t:  # « 1,480.50 » (anglais) : la virgule sépare les milliers
        t = t.replace(",", "")
    t = t.replace(",", ".")
    try:
        valeur = float(t)
    except ValueError:
        return None
    return valeur if valeur >= 0 else None


def lire_date(texte: str) -> dt.date | None:
    """AAAA-MM-JJ ou JJ/MM/AAAA ; None si vide ou illisible."""
    t = (texte or "").strip()
    if not t:
        return None
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None
