"""Modèle appris (fichier `modele.json.gz`), prédit en Python pur : ni numpy, ni scikit-learn.

Le fichier est produit par `python -m simulateur.comprehension.entrainer`. Il contient,
pour chaque trait retenu, son idf et ses coefficients (entiers, échelle `echelle`)
pour le modèle des actes (régression logistique multinomiale) et pour les modèles
d'infractions de chaque juridiction (une régression logistique binaire par
infraction). Chargé au premier appel seulement.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from simulateur.comprehension.caracteristiques import Pretraitement, ponderer, traits

CHEMIN: Final = Path(__file__).with_name("modele.json.gz")
FORMAT: Final = 1

_Paires = tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class Prediction:
    """Probabilités des actes (triées) et des infractions, plus les traits pondérés."""

    actes: tuple[tuple[str, float], ...]
    infractions: dict[str, float]
    vecteur: dict[str, float]


class Modele:
    """Coefficients chargés depuis le fichier exporté ; `predire` est la seule opération."""

    def __init__(self, donnees: dict[str, Any]) -> None:
        if donnees.get("format") != FORMAT:
            raise ValueError(f"format de modèle inconnu : {donnees.get('format')!r}")
        self.meta: dict[str, Any] = {k: v for k, v in donnees.items() if k != "traits"}
        self.parametres: dict[str, int] = donnees["parametres"]
        self.actes: list[str] = donnees["actes"]
        self.infractions: list[str] = donnees["infractions"]
        self.seuils: dict[str, dict[str, float]] = donnees["seuils"]
        self.vetos: dict[str, dict[str, float]] = donnees.get("vetos", {})
        echelle = float(donnees["echelle"])
        self._b_actes: list[float] = [x / echelle for x in donnees["intercepts_actes"]]
        self._b_inf: dict[str, list[float]] = {
            j: [x / echelle for x in v] for j, v in donnees["intercepts_infractions"].items()
        }
        self.idf: dict[str, float] = {}
        self._actes: dict[str, _Paires] = {}
        self._inf: dict[str, dict[str, _Paires]] = {j: {} for j in self._b_inf}
        juridictions = list(self._b_inf)
        for f, entree in donnees["traits"].items():
            idf = entree[0]
            if idf:
                self.idf[f] = idf / echelle
            if len(entree) > 1 and entree[1]:
                self._actes[f] = _paires(entree[1], echelle)
            for k, j in enumerate(juridictions):
                if len(entree) > 2 + k and entree[2 + k]:
                    self._inf[j][f] = _paires(entree[2 + k], echelle)

    def vecteur(self, p: Pretraitement) -> dict[str, float]:
        """Traits pondérés (TF-IDF + indices) de la réplique."""
        return ponderer(traits(p, self.parametres), self.idf)

    def predire(self, p: Pretraitement, juridiction: str) -> Prediction:
        v = self.vecteur(p)
        s = list(self._b_actes)
        poids_actes = self._actes
        for f, x in v.items():
            paires = poids_actes.get(f)
            if paires:
                for k, w in paires:
                    s[k] += x * w
        m = max(s)
        e = [math.exp(x - m) for x in s]
        total = sum(e)
        actes = sorted(
            ((a, ex / total) for a, ex in zip(self.actes, e, strict=True)), key=lambda t: -t[1]
        )
        j = juridiction if juridiction in self._inf else "qc"
        z = list(self._b_inf[j])
        poids_inf = self._inf[j]
        for f, x in v.items():
            paires = poids_inf.get(f)
            if paires:
                for k, w in paires:
                    z[k] += x * w
        infractions = {i: _sigmoide(x) for i, x in zip(self.infractions, z, strict=True)}
        return Prediction(tuple(actes), infractions, v)

    def contributions(
        self, vecteur: dict[str, float], juridiction: str, infraction: str
    ) -> list[tuple[str, float]]:
        """Traits qui poussent le plus vers l'infraction (explication), du plus fort au plus faible."""
        j = juridiction if juridiction in self._inf else "qc"
        k = self.infractions.index(infraction)
        sortie: list[tuple[str, float]] = []
        for f, x in vecteur.items():
            for kk, w in self._inf[j].get(f, ()):
                if kk == k and x * w > 0:
                    sortie.append((f, x * w))
        return sorted(sortie, key=lambda t: -t[1])


def _paires(plat: list[int], echelle: float) -> _Paires:
    return tuple((plat[i], plat[i + 1] / echelle) for i in range(0, len(plat), 2))


def _sigmoide(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def lire(chemin: Path = CHEMIN) -> dict[str, Any]:
    """Contenu brut du fichier exporté."""
    with gzip.open(chemin, "rt", encoding="utf-8") as f:
        donnees: dict[str, Any] = json.load(f)
    return donnees


@lru_cache(maxsize=1)
def charger() -> Modele | None:
    """Le modèle du paquet, chargé une fois ; None s'il manque ou est illisible (règles seules)."""
    try:
        return Modele(lire())
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None
