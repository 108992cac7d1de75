"""Choisir et rendre la réplique du débiteur, couche par couche.

Ordre de recherche, pour chaque clé de la plus précise à la plus générale :
phase(s) du scénario → répliques communes du scénario → couche par défaut du
paquet. Le choix entre variantes est tiré d'un hasard semé par (graine, tour,
clé) : même session, même réplique.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import TemplateError
from pydantic import TypeAdapter

from simulateur.personnages.gabarits import locale_de, rendre
from simulateur.scenarios.schema import Condition, Repliques, Scenario, Variante


@dataclass(frozen=True, slots=True)
class Replique:
    id: str
    cle: str
    langue: str
    texte: str

    def vers_dict(self) -> dict[str, str]:
        return {"id": self.id, "cle": self.cle, "langue": self.langue, "texte": self.texte}


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: str
    langue: str
    texte: str
    si: Condition | None


@lru_cache(maxsize=1)
def repliques_defaut() -> dict[str, tuple[_Candidate, ...]]:
    """La couche par défaut, validée au premier usage (elle est livrée avec le paquet)."""
    from ruamel.yaml import YAML

    texte = (
        resources.files("simulateur.personnages")
        .joinpath("repliques_defaut.yaml")
        .read_text(encoding="utf-8")
    )
    brut = YAML(typ="safe").load(texte)
    donnees = TypeAdapter(Repliques).validate_python(brut)
    return {
        cle: tuple(
            _Candidate(v.id or f"defaut.{cle}.{i + 1}", v.langue or "fr", v.texte, v.si)
            for i, v in enumerate(liste)
        )
        for cle, liste in donnees.items()
    }


def _candidates(prefixe: str, cle: str, liste: Sequence[Variante], langue: str) -> list[_Candidate]:
    return [
        _Candidate(v.id or f"{prefixe}.{cle}.{i + 1}", v.langue or langue, v.texte, v.si)
        for i, v in enumerate(liste)
    ]


class Repertoire:
    """Les répliques d'un scénario, indexées une fois, partagées par ses sessions."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        lg = scenario.langue.debiteur
        self.par_phase: dict[str, dict[str, list[_Candidate]]] = {
            nom: {cle: _candidates(nom, cle, vs, lg) for cle, vs in phase.repliques.items()}
            for nom, phase in scenario.phases.items()
        }
        for nom, fin in scenario.fins.items():
            self.par_phase[nom] = {"fin": _candidates(f"fin.{nom}", "fin", fin.repliques, lg)}
        self.communes = {
            cle: _candidates("commun", cle, vs, lg) for cle, vs in scenario.repliques.items()
        }

    def couches(self, phases: Sequence[str], cle: str) -> list[Sequence[_Candidate]]:
        sortie: list[Sequence[_Candidate]] = [
            self.par_phase.get(p, {}).get(cle, ()) for p in phases
        ]
        sortie.append(self.communes.get(cle, ()))
        sortie.append(repliques_defaut().get(cle, ()))
        return sortie

    def choisir(
        self,
        phases: Sequence[str],
        cles: Sequence[str],
        langue: str,
        condition_ok: Callable[[Condition | None], bool],
        graine: int,
        tour: int,
        contexte: dict[str, Any],
    ) -> Replique:
        """Première clé qui a une variante utilisable dans la langue du débiteur."""
        locale = locale_de(self.scenario.locale, langue)
        devise = self.scenario.dossier.devise
        for cle in cles:
            for couche in self.couches(phases, cle):
                permises = [c for c in couche if c.langue == langue and condition_ok(c.si)]
                # Les variantes conditionnelles, plus précises, passent devant les générales.
                precises = [c for c in permises if c.si is not None]
                pool = precises or permises
                if not pool:
                    continue
                rng = random.Random(f"{graine}:{tour}:{cle}")
                for c in rng.sample(pool, len(pool)):
                    try:
                        texte = rendre(c.texte, contexte, locale, devise)
                    except TemplateError:
                        continue  # une variable absente à ce tour : variante suivante
                    return Replique(c.id, cle, langue, texte)
        return Replique("defaut.silence", "autre", langue, "…")
