"""Modèle appris (fichier `modele.bin.gz`), prédit en Python pur : ni numpy, ni scikit-learn.

Le fichier, produit par `python -m simulateur.comprehension.entrainer`, est un gzip qui
contient une ligne d'en-tête JSON (version, empreinte du corpus, vocabulaire, idf,
intercepts, seuils) puis les coefficients quantifiés sur 12 bits (tableaux uint16) :
ceux du modèle des actes (régression logistique multinomiale) et, par juridiction,
ceux des infractions (une régression logistique binaire chacune).

Calcul rapide : pour un trait, les coefficients de tous les actes et infractions
sont rangés dans un seul entier Python, un champ de 32 bits chacun (décalé de
+2048, donc positif). Multiplier cet entier par la valeur quantifiée du trait (10
bits) et sommer sur les traits donne tous les scores en une opération par trait ;
les champs ne débordent pas (< 2^29 pour 2 000 caractères). Chargé au premier appel.
"""

from __future__ import annotations

import gzip
import json
import math
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import mul
from pathlib import Path
from typing import Any, Final

from simulateur.comprehension.caracteristiques import Pretraitement, ponderer, traits

CHEMIN: Final = Path(__file__).with_name("modele.bin.gz")
FORMAT: Final = 2
MAGIQUE: Final = b"SIMULATEUR-COMPREHENSION\n"
DECALAGE: Final = 2048  # coefficients quantifiés dans [-2047, 2047], rangés + 2048
PAS_X: Final = 1024  # valeur d'un trait quantifiée au 1/1024
_PAS_X_FLOTTANT: Final = float(PAS_X)
_DEMI: Final = 0.5
_CHAMP: Final = 32
_MASQUE: Final = (1 << _CHAMP) - 1


@dataclass(frozen=True, slots=True)
class Prediction:
    """Probabilités des actes (triées) et des infractions, plus les traits pondérés."""

    actes: tuple[tuple[str, float], ...]
    infractions: dict[str, float]
    vecteur: dict[str, float]


class Modele:
    """En-tête et coefficients chargés ; `predire` est l'opération principale."""

    def __init__(self, entete: dict[str, Any], charge: bytes) -> None:
        if entete.get("format") != FORMAT:
            raise ValueError(f"format de modèle inconnu : {entete.get('format')!r}")
        self.meta: dict[str, Any] = {
            k: v for k, v in entete.items() if k not in ("vocabulaire", "idf")
        }
        self.parametres: dict[str, int] = entete["parametres"]
        self.actes: list[str] = entete["actes"]
        self.infractions: list[str] = entete["infractions"]
        self.seuils: dict[str, dict[str, float]] = entete["seuils"]
        self.vetos: dict[str, dict[str, float]] = entete.get("vetos", {})
        self.regles_sures: dict[str, frozenset[str]] = {
            j: frozenset(v) for j, v in entete.get("regles_sures", {}).items()
        }
        vocabulaire: list[str] = entete["vocabulaire"]
        self.index: dict[str, int] = {f: k for k, f in enumerate(vocabulaire)}
        self.idf: dict[str, float] = {
            f: x for f, x in zip(vocabulaire, entete["idf"], strict=True) if x
        }
        self._b_actes: list[float] = entete["intercepts_actes"]
        self._b_inf: dict[str, list[float]] = entete["intercepts_infractions"]
        self._e_actes: float = entete["echelles"]["actes"]
        self._e_inf: dict[str, float] = entete["echelles"]["infractions"]
        self.juridictions: list[str] = list(self._b_inf)
        self._tables: dict[str, array[int]] = {}
        for nom, (debut, fin) in entete["tables"].items():
            t = array("H")
            t.frombytes(charge[debut:fin])
            if sys.byteorder == "big":
                t.byteswap()
            self._tables[nom] = t
        self._paquets: dict[str, dict[str, int]] = {j: {} for j in self.juridictions}

    def _paquet(self, j: str, f: str) -> int:
        """Les coefficients d'un trait (actes puis infractions de `j`) rangés dans un entier ;
        0 pour un trait inconnu. Calculé au premier usage, puis gardé."""
        k = self.index.get(f)
        if k is None:
            paquet = 0
        else:
            na, ni = len(self.actes), len(self.infractions)
            champs = array("I", self._tables["actes"][k * na : (k + 1) * na])
            champs.extend(array("I", self._tables[j][k * ni : (k + 1) * ni]))
            if sys.byteorder == "big":
                champs.byteswap()
            paquet = int.from_bytes(champs.tobytes(), "little")
        self._paquets[j][f] = paquet
        return paquet

    def vecteur(self, p: Pretraitement) -> dict[str, float]:
        """Traits pondérés (TF-IDF + indices) de la réplique."""
        return ponderer(traits(p, self.parametres), self.idf)

    def predire(self, p: Pretraitement, juridiction: str) -> Prediction:
        """Probabilités des actes et des infractions, en une passe sur les traits."""
        j = juridiction if juridiction in self._paquets else self.juridictions[0]
        v = self.vecteur(p)
        # Un entier par trait (coefficients rangés) et sa valeur quantifiée : produits et sommes
        # d'entiers, exacts, faits en C (`map`, `compress`) ; un trait inconnu vaut 0.
        paquets = self._paquets[j]
        ps = list(map(paquets.get, v))
        if None in ps:
            ps = [self._paquet(j, f) if x is None else x for f, x in zip(v, ps, strict=True)]
        # int(x * PAS_X + 0.5), en C : mêmes opérations flottantes (produit puis somme exacts
        # à l'identique, le produit étant commutatif), même troncature.
        qs = list(map(int, map(_DEMI.__add__, map(_PAS_X_FLOTTANT.__mul__, v.values()))))
        somme = sum(map(mul, qs, ps))
        total = sum(compress(qs, ps))
        na = len(self.actes)
        base = DECALAGE * total
        champs = [
            ((somme >> (_CHAMP * c)) & _MASQUE) - base for c in range(na + len(self.infractions))
        ]
        ei = 1.0 / (PAS_X * self._e_inf[j])
        infractions = {
            i: _sigmoide(b + c * ei)
            for i, b, c in zip(self.infractions, self._b_inf[j], champs[na:], strict=True)
        }
        ea = 1.0 / (PAS_X * self._e_actes)
        s = [b + c * ea for b, c in zip(self._b_actes, champs[:na], strict=True)]
        m = max(s)
        e = [math.exp(x - m) for x in s]
        z = sum(e)
        actes = sorted(
            ((a, x / z) for a, x in zip(self.actes, e, strict=True)), key=lambda t: -t[1]
        )
        return Prediction(tuple(actes), infractions, v)

    def contributions(
        self, vecteur: dict[str, float], juridiction: str, infraction: str
    ) -> list[tuple[str, float]]:
        """Traits qui poussent le plus vers l'infraction (explication), du plus fort au plus faible."""
        j = juridiction if juridiction in self._tables else self.juridictions[0]
        ni = len(self.infractions)
        c = self.infractions.index(infraction)
        table = self._tables[j]
        sortie: list[tuple[str, float]] = []
        for f, x in vecteur.items():
            k = self.index.get(f)
            if k is not None:
                w = table[k * ni + c] - DECALAGE
                if w > 0:
                    sortie.append((f, x * w / self._e_inf[j]))
        return sorted(sortie, key=lambda t: -t[1])


def _sigmoide(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def lire(chemin: Path = CHEMIN) -> tuple[dict[str, Any], bytes]:
    """En-tête et charge binaire du fichier exporté."""
    brut = gzip.decompress(chemin.read_bytes())
    if not brut.startswith(MAGIQUE):
        raise ValueError(f"{chemin} : pas un modèle de compréhension")
    fin = brut.index(b"\n", len(MAGIQUE))
    entete: dict[str, Any] = json.loads(brut[len(MAGIQUE) : fin])
    return entete, brut[fin + 1 :]


def ouvrir(chemin: Path = CHEMIN) -> Modele:
    return Modele(*lire(chemin))


@lru_cache(maxsize=1)
def charger() -> Modele | None:
    """Le modèle du paquet, chargé une fois ; None s'il manque ou est illisible (règles seules)."""
    try:
        return ouvrir()
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        return None
