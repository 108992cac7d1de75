"""Caractéristiques d'une réplique : les mêmes fonctions servent à l'entraînement et à l'exécution.

Chaîne commune : `pretraiter` (nettoyage, langue, nombres en chiffres, normalisation,
entités, règles) puis `traits` (n-grammes de mots et de caractères, indices issus
des entités et des règles) puis `ponderer` (TF-IDF sous-linéaire normé L2 pour le
texte ; valeurs brutes pour les indices, préfixés par « # »). L'entraînement
(`entrainer.py`) et la prédiction (`modele.py`) appellent ces trois fonctions et
rien d'autre : ils ne peuvent pas diverger.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from simulateur.comprehension.analyse import Entites, Infraction
from simulateur.comprehension.entites import entites_depuis_normalise
from simulateur.comprehension.langue import Langue, detecter_langue
from simulateur.comprehension.normalisation import en_chiffres, nettoyer, normaliser
from simulateur.comprehension.regles import detecter_infractions, scores_regles

# Paramètres par défaut ; le modèle exporté garde ceux de son entraînement.
PARAMETRES_DEFAUT: Final[dict[str, int]] = {"car_min": 2, "car_max": 5, "mots_max": 2}

_NOMBRE = re.compile(r"\d+(?:[.,]\d+)*")
_JETONS = re.compile(r"[a-z0-9]+(?:'[a-z]*)?|[$€%?!]")
_QUESTION_DEBUT = re.compile(
    r"^(?:est ce|qu'est ce|quel|quelle|quels|quelles|combien|comment|pourquoi|quand|ou|"
    r"avez vous|etes vous|pouvez vous|pourriez vous|do|does|did|are|is|can|could|would|what|"
    r"how|when|where|why|which|have|has)\b"
)


@dataclass(frozen=True, slots=True)
class Pretraitement:
    """Tout ce que les règles tirent d'une réplique, avant le modèle."""

    propre: str  # nettoyé, casse et accents gardés
    langue: Langue
    normalise: str  # minuscules, sans accents, nombres en chiffres
    entites: Entites
    scores: dict[str, float]  # scores des motifs d'actes (règles)
    infractions: tuple[Infraction, ...]  # infractions des règles explicites


def pretraiter(texte: str, juridiction: str, langue_contexte: str | None = None) -> Pretraitement:
    """Nettoie, détecte la langue, normalise ; applique entités et règles."""
    propre = nettoyer(texte)
    langue = detecter_langue(propre, langue_contexte)
    n = normaliser(en_chiffres(propre, langue))
    entites = entites_depuis_normalise(n)
    return Pretraitement(
        propre=propre,
        langue=langue,
        normalise=n,
        entites=entites,
        scores=scores_regles(n, entites),
        infractions=detecter_infractions(n, juridiction),
    )


def jetons(normalise: str) -> list[str]:
    """Mots du texte normalisé, nombres ramenés à « 0 », ponctuation utile gardée."""
    return _JETONS.findall(_NOMBRE.sub("0", normalise))


def traits(p: Pretraitement, parametres: Mapping[str, int] = PARAMETRES_DEFAUT) -> dict[str, float]:
    """Comptes des traits textuels (mots, paires de mots, n-grammes de caractères) et indices « # »."""
    t: dict[str, float] = {}
    js = jetons(p.normalise)
    cmin, cmax = parametres["car_min"], parametres["car_max"]
    for j in js:
        t["w" + j] = t.get("w" + j, 0.0) + 1.0
        if j.isalpha() or "'" in j:
            m = f" {j} "
            for k in range(cmin, cmax + 1):
                for i in range(len(m) - k + 1):
                    c = "c" + m[i : i + k]
                    t[c] = t.get(c, 0.0) + 1.0
    if parametres["mots_max"] >= 2:
        bornes = ["<", *js, ">"]
        for a, b in pairwise(bornes):
            cle = f"b{a} {b}"
            t[cle] = t.get(cle, 0.0) + 1.0
    t.update(indices(p, len(js)))
    return t


def indices(p: Pretraitement, nb_jetons: int) -> dict[str, float]:
    """Indices non textuels : entités, forme de la phrase, scores des règles."""
    e = p.entites
    d: dict[str, float] = {"#biais": 1.0}
    if e.montants:
        d["#montant"] = 1.0
        if len(e.montants) >= 2:
            d["#montants2"] = 1.0
        if any(m.devise for m in e.montants):
            d["#devise"] = 1.0
    if e.frequence:
        d["#freq_" + e.frequence] = 1.0
        if e.frequence != "unique":
            d["#periodique"] = 1.0
    for date in e.dates[:3]:
        d["#date"] = 1.0
        if date.relatif:
            d["#date_" + date.relatif] = 1.0
    for s in e.sujets_budget:
        d["#budget_" + s] = 1.0
    n = p.normalise
    if "?" in n or _QUESTION_DEBUT.search(n):
        d["#question"] = 1.0
    if nb_jetons <= 3:
        d["#court"] = 1.0
    elif nb_jetons >= 25:
        d["#long"] = 1.0
    d["#langue_" + p.langue] = 1.0
    for acte, s in p.scores.items():
        if s > 0:
            d["#r_" + acte] = min(s, 6.0) / 3.0
    for i in p.infractions:
        d["#i_" + i.id] = 1.0
        if i.regle:
            d["#g_" + i.regle] = 1.0
    return d


def ponderer(t: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    """TF-IDF sous-linéaire normé L2 sur les traits textuels connus ; indices « # » inchangés."""
    texte: dict[str, float] = {}
    somme = 0.0
    sortie: dict[str, float] = {}
    for f, v in t.items():
        if f[0] == "#":
            sortie[f] = v
            continue
        poids = idf.get(f)
        if poids is None:
            continue
        x = (1.0 + math.log(v)) * poids
        texte[f] = x
        somme += x * x
    if somme > 0:
        norme = 1.0 / math.sqrt(somme)
        for f, x in texte.items():
            sortie[f] = x * norme
    return sortie
