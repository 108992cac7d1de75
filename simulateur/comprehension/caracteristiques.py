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
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from operator import mul
from typing import Final

from simulateur.comprehension.analyse import Entites, Infraction
from simulateur.comprehension.entites import entites_depuis_normalise
from simulateur.comprehension.langue import Langue, detecter_langue
from simulateur.comprehension.normalisation import en_chiffres, nettoyer, normaliser
from simulateur.comprehension.regles import detecter_infractions, scores_regles

# Paramètres par défaut ; le modèle exporté garde ceux de son entraînement.
PARAMETRES_DEFAUT: Final[dict[str, int]] = {
    "car_min": 2,
    "car_max": 5,
    "mots_max": 2,
    "concepts": 1,
}

_NOMBRE = re.compile(r"\d+(?:[.,]\d+)*", re.ASCII)
_JETONS = re.compile(r"[a-z0-9]+(?:'[a-z]*)?|[$€%?!]")
_QUESTION_DEBUT = re.compile(
    r"^(?:est ce|qu'est ce|quel|quelle|quels|quelles|combien|comment|pourquoi|quand|ou|"
    r"avez vous|etes vous|pouvez vous|pourriez vous|do|does|did|are|is|can|could|would|what|"
    r"how|when|where|why|which|have|has)\b",
    re.ASCII,
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


@lru_cache(maxsize=65536)
def _ngrammes(mot: str, cmin: int, cmax: int) -> tuple[str, ...]:
    """N-grammes de caractères d'un mot bordé d'espaces (mis en cache : les mots se répètent)."""
    m = f" {mot} "
    return tuple("c" + m[i : i + k] for k in range(cmin, cmax + 1) for i in range(len(m) - k + 1))


def traits(p: Pretraitement, parametres: Mapping[str, int] = PARAMETRES_DEFAUT) -> dict[str, float]:
    """Comptes des traits textuels (mots, paires de mots, n-grammes de caractères) et indices « # »."""
    js = jetons(p.normalise)
    cmin, cmax = parametres["car_min"], parametres["car_max"]
    liste = ["w" + j for j in js]
    for j in js:
        if j[0].isalpha():
            liste += _ngrammes(j, cmin, cmax)
    if parametres["mots_max"] >= 2:
        liste += [f"b{a} {b}" for a, b in pairwise(["<", *js, ">"])]
    t: dict[str, float] = dict(Counter(liste))
    t.update(indices(p, len(js), parametres.get("concepts", 0)))
    return t


def indices(p: Pretraitement, nb_jetons: int, parametres_concepts: int = 1) -> dict[str, float]:
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
    if parametres_concepts:
        d.update(concepts(n))
    for i in p.infractions:
        d["#i_" + i.id] = 1.0
        if i.regle:
            d["#g_" + i.regle] = 1.0
    return d


def ponderer(t: Mapping[str, float], idf: Mapping[str, float]) -> dict[str, float]:
    """TF-IDF sous-linéaire normé L2 sur les traits textuels connus ; indices « # » inchangés.

    Écrit pour la vitesse (boucles en C : `map`, `zip`) ; l'ordre des traits reste celui de
    `t`, donc les sommes flottantes, et le résultat, sont reproductibles.
    """
    # Une seule passe : poids idf (sous-linéaire si le compte dépasse 1) des traits connus, et
    # indices « # » à part ; mêmes opérations flottantes, dans le même ordre, qu'en trois passes.
    texte: dict[str, float] = {}
    sortie: dict[str, float] = {}
    log = math.log
    for f, v, w in zip(t, t.values(), map(idf.get, t), strict=True):
        if w is not None:
            texte[f] = w if v == 1 else w * (1.0 + log(v))
        if f[0] == "#":
            sortie[f] = v
    if texte:
        valeurs = texte.values()
        norme = 1.0 / math.sqrt(sum(map(mul, valeurs, valeurs)))
        sortie.update(zip(texte, map(norme.__mul__, valeurs), strict=True))
    return sortie


# --- Concepts -----------------------------------------------------------------
# Classes de mots (débuts de mots, texte normalisé) : le modèle apprend sur la classe, pas sur
# le mot, et généralise à un mot de la même classe qu'il n'a jamais vu (« beau-frère » comme
# « sœur »). Une paire de concepts dans la même phrase (« tiers » + « contact ») est un trait.
_CONCEPTS: Final[dict[str, str]] = {
    "tiers": "employeur patron patronne boss superieur gerant rh ressources collegue famille "
    "conjoint femme mari epoux epouse blonde chum parents mere pere enfant fils fille frere "
    "soeur voisin proche amis entourage banque banquier proprietaire locateur client "
    "fournisseur eglise village quartier directeur comptable employer manager supervisor hr "
    "coworker colleague family wife husband spouse partner kids children son daughter brother "
    "sister mother father mom dad neighbo friends relatives landlord church lender bank "
    "customers suppliers school",
    "contact": "appel appelle appeler appellerai contact prevenir previendr avertir informer "
    "dire dirai raconter parler parlerai ecrire joindre glisser passerai sonner visite envoyer "
    "enverr call calling tell inform notify reach talk speak mention swing visit drop show "
    "send poster publier afficher",
    "justice": "tribunal tribunaux cour juge jugement poursui huissier commissaire avocat "
    "maitre greffe proces procedure contentieux injonction titre executoire saisi ordonnance "
    "mandat recours justice judiciaire court judge judgment judgement lawsuit sue suing sued "
    "bailiff sheriff lawyer attorney warrant garnish seiz repossess legal claim claims litig",
    "police": "police policier prison arrest criminel crimin casier plainte voleur fraud gendarm "
    "menotte enqueteur penal jail cops detective theft stealing barreaux",
    "frais": "frais supplement commission contribution forfait penalit majoration pourcent "
    "tarif factur cout coute couter surcharge remuneration participation fee fees charge "
    "penalt percent cost costs courtesy handling processing admin",
    "ajout": "ajout ajoute ajouter ajoutons rajout additionnel supplementaire extra additional "
    "added adding tack",
    "titre": "officier agent enqueteur assermente organisme gouvernement division unite officer "
    "detective investigator sworn government unit enforcement liaison desk department",
    "deja": "deja rendu signe emis hier executoire inventori already signed issued yesterday "
    "drafted entered granted",
    "urgence": "derniere dernier minute minutes heure heures soir minuit immediat last final "
    "tonight midnight immediately deadline hours seconds",
    "reputation": "reputation facebook reseaux journal internet publi online social",
    "regret": "regrett risque ennui dommage gros malin regret risk trouble shame pity ugly "
    "uglier worse",
    "moquerie": "bravo felicitation classique fameu expres pauvre congratulation classic nice "
    "talent fairy tales poor",
    "negation": "pas jamais aucun aucune rien personne ni sans not never no nobody none "
    "nothing without won't don't isn't aren't can't wouldn't",
    "droit": "droit droits contester contestation ecrit gratuit confidentiel civil right "
    "rights dispute writing free confidential civil",
}
_CONCEPT_DE: Final[dict[str, str]] = {
    m: c for c, mots in _CONCEPTS.items() for m in mots.split() if c != "negation"
}


def _arbre(mots_: list[str]) -> str:
    """Alternative de mots écrite en arbre de préfixes (« a(?:b(?:c)?|d) ») : même langage et,
    à une position donnée, même mot retenu que « le plus long d'abord » (le prolongement est
    facultatif et gourmand) ; mais `re` n'essaie plus chaque mot, seulement la bonne branche."""
    suites: dict[str, list[str]] = {}
    fin = False
    for m in mots_:
        if m:
            suites.setdefault(m[0], []).append(m[1:])
        else:
            fin = True
    branches = [re.escape(c) + _arbre(reste) for c, reste in sorted(suites.items())]
    if not branches:
        return ""
    corps = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + corps + ")?" if fin else corps


# Équivaut à r"\b(mot1|mot2|…)[\w']*", les mots du plus long au plus court, en plus rapide.
_MOTIF_CONCEPTS = re.compile(r"\b(" + _arbre(list(_CONCEPT_DE)) + r")[\w']*", re.ASCII)
_NEGATION: Final = frozenset(_CONCEPTS["negation"].split())
_PHRASE = re.compile(r"[.!?;]")


def concepts(normalise: str) -> dict[str, float]:
    """Concepts présents, paires de concepts d'une même phrase, et concept sous négation."""
    d: dict[str, float] = {}
    for phrase in _PHRASE.split(normalise):
        # Trié : l'ordre des traits ne doit pas dépendre du hachage (entraînement reproductible).
        vus = sorted({_CONCEPT_DE[m.group(1)] for m in _MOTIF_CONCEPTS.finditer(phrase)})
        if not vus:
            continue
        nie = any(t in _NEGATION or t.startswith("n'") for t in phrase.split())
        for c in vus:
            d["#k_" + c] = 1.0
            if nie:
                d["#kn_" + c] = 1.0
        for a in vus:
            for b in vus:
                if a < b:
                    d[f"#kk_{a}+{b}"] = 1.0
    return d
