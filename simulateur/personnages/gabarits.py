"""Gabarits Jinja2 des répliques : bac à sable immuable, variables strictes, format local."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency
from jinja2 import StrictUndefined, Template
from jinja2.sandbox import ImmutableSandboxedEnvironment

LIBELLES_FREQUENCE: dict[str, dict[str, str]] = {
    "fr_CA": {
        "unique": "en un seul versement",
        "hebdomadaire": "par semaine",
        "aux_deux_semaines": "aux deux semaines",
        "bimensuelle": "deux fois par mois",
        "mensuelle": "par mois",
        "annuelle": "par année",
    },
    "fr_FR": {
        "unique": "en un seul versement",
        "hebdomadaire": "par semaine",
        "aux_deux_semaines": "toutes les deux semaines",
        "bimensuelle": "deux fois par mois",
        "mensuelle": "par mois",
        "annuelle": "par an",
    },
    "en": {
        "unique": "in a single payment",
        "hebdomadaire": "a week",
        "aux_deux_semaines": "every two weeks",
        "bimensuelle": "twice a month",
        "mensuelle": "a month",
        "annuelle": "a year",
    },
}

_ZEROS = re.compile(r"[.,]00(?=\D*$)")


def locale_de(locale: str, langue: str) -> str:
    """Locale d'affichage : celle du scénario, ou sa voisine dans l'autre langue."""
    if locale.startswith(langue):
        return locale
    return "en_CA" if langue == "en" else ("fr_FR" if locale.endswith("FR") else "fr_CA")


def formater_argent(valeur: float, devise: str, locale: str) -> str:
    texte = format_currency(valeur, devise, locale=locale)
    # « 150,00 $ » se dit « 150 $ » : les centimes nuls alourdissent la réplique.
    return _ZEROS.sub("", texte) if float(valeur).is_integer() else texte


def formater_date(valeur: dt.date | str, locale: str) -> str:
    if isinstance(valeur, str):
        valeur = dt.date.fromisoformat(valeur)
    return format_date(valeur, format="long", locale=locale)


def libelle_frequence(frequence: str | None, locale: str) -> str:
    table = LIBELLES_FREQUENCE["en" if locale.startswith("en") else locale]
    return table.get(frequence or "mensuelle", "")


@lru_cache(maxsize=8)
def environnement(locale: str, devise: str) -> ImmutableSandboxedEnvironment:
    """Un environnement par (locale, devise) : les filtres connaissent le format local."""
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
    )
    env.filters["argent"] = lambda v: formater_argent(float(v), devise, locale)
    env.filters["date"] = lambda v: formater_date(v, locale)
    return env


@lru_cache(maxsize=4096)
def compiler(source: str, locale: str, devise: str) -> Template:
    return environnement(locale, devise).from_string(source)


def rendre(source: str, contexte: dict[str, Any], locale: str, devise: str) -> str:
    """Rend un gabarit ; les erreurs (variable absente, accès interdit) remontent."""
    return compiler(source, locale, devise).render(contexte).strip()
