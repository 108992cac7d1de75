"""Jours fériés du Québec (liste OPC, Loi d'interprétation art. 61) et heures d'appel."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


def _paques(annee: int) -> dt.date:
    """Dimanche de Pâques (algorithme de Meeus/Jones/Butcher, calendrier grégorien)."""
    a, b, c = annee % 19, annee // 100, annee % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    mois = (h + ll - 7 * m + 114) // 31
    jour = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(annee, mois, jour)


def _lundi(annee: int, mois: int, rang: int) -> dt.date:
    premier = dt.date(annee, mois, 1)
    return premier + dt.timedelta(days=(7 - premier.weekday()) % 7 + 7 * (rang - 1))


@lru_cache(maxsize=64)
def feries_quebec(annee: int) -> dict[dt.date, str]:
    paques = _paques(annee)
    veille_25_mai = dt.date(annee, 5, 24)
    while veille_25_mai.weekday() != 0:
        veille_25_mai -= dt.timedelta(days=1)
    confederation = dt.date(annee, 7, 1)
    if confederation.weekday() == 6:
        confederation = dt.date(annee, 7, 2)
    return {
        dt.date(annee, 1, 1): "jour de l'An",
        paques - dt.timedelta(days=2): "Vendredi saint",
        paques + dt.timedelta(days=1): "lundi de Pâques",
        veille_25_mai: "Journée nationale des patriotes",
        dt.date(annee, 6, 24): "Fête nationale",
        confederation: "fête du Canada",
        _lundi(annee, 9, 1): "fête du Travail",
        _lundi(annee, 10, 2): "Action de grâces",
        dt.date(annee, 12, 25): "Noël",
    }


JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def interdit_quebec(date: dt.date, heure: dt.time) -> str | None:
    """Pourquoi un appel est interdit (LRCC 34 par. 4°), ou None s'il est permis."""
    if date.weekday() == 6:
        return "un dimanche"
    ferie = feries_quebec(date.year).get(date)
    if ferie:
        return f"un jour férié ({ferie})"
    if not dt.time(8, 0) <= heure <= dt.time(20, 0):
        return f"à {heure.strftime('%H h %M')}, hors de la plage de 8 h à 20 h"
    return None


def hors_bonne_pratique_france(date: dt.date, heure: dt.time) -> str | None:
    """Seuil pédagogique emprunté à D223-9 (prospection) : lundi–vendredi, 10–13 h, 14–20 h."""
    if date.weekday() >= 5:
        return f"un {JOURS[date.weekday()]}"
    if not (dt.time(10) <= heure <= dt.time(13) or dt.time(14) <= heure <= dt.time(20)):
        return f"à {heure.strftime('%H h %M')}"
    return None
