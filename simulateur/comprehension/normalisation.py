"""Nettoyage et normalisation des répliques, communs à toute la compréhension.

Deux formes d'un même texte circulent :
- le texte *nettoyé* (balises Rich et caractères de contrôle retirés, longueur
  plafonnée) garde casse et accents : c'est lui que lit le détecteur de langue ;
- le texte *normalisé* (minuscules, sans accents, apostrophes et tirets unifiés)
  est celui sur lequel portent les motifs : on écrit une règle une seule fois
  pour « réglez », « reglez » et « RÉGLEZ ».
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from text_to_num import alpha2digit

# Au-delà, on ne lit plus : une réplique de 100 Ko n'est pas une réplique, et
# les motifs doivent rester en temps borné. Le texte d'origine n'est pas tronqué.
LONGUEUR_MAX: Final = 2000

# Balises Rich ([bold], [/], [link=…], [#ff0000]) : le terminal peut en laisser passer.
_BALISES_RICH = re.compile(r"\[/?(?:[a-zA-Z#@][^\[\]\n]{0,80})?\]")
# Contrôles, formats invisibles et demi-codets isolés (ces derniers font échouer
# l'encodage UTF-8 que demandent lingua et d'autres bibliothèques).
_CONTROLES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff]"
)
# Marques combinantes (accents après décomposition NFKD).
_COMBINANTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Variantes typographiques ramenées à une seule forme.
_TABLE: Final = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u00ab": '"',
        "\u00bb": '"',
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u0153": "oe",
        "\u0152": "OE",
        "\u00e6": "ae",
        "\u00c6": "AE",
        "\u00df": "ss",
    }
)
# « Me Tremblay » : le titre d'avocat ne se reconnaît qu'à sa majuscule ; on le
# récrit en « maitre » avant de tout passer en minuscules.
_TITRE_ME = re.compile(r"(?<![\w'])Me\.?\s+(?=[A-ZÀ-Ý][a-zà-ÿ])")
_TIRET_MOTS = re.compile(r"(?<=[a-z])-(?=[a-z])")
_ESPACES = re.compile(r"\s+")


# Une réplique passe deux fois par `nettoyer` et `normaliser` (prétraitement, puis détection de
# la langue, qui est aussi une fonction publique) : le dernier résultat de chacune est gardé.
_DERNIER_NETTOYAGE: list[tuple[str, int, str]] = [("", LONGUEUR_MAX, "")]
_DERNIERE_NORMALISATION: list[tuple[str, str]] = [("", "")]


def nettoyer(texte: object, longueur_max: int = LONGUEUR_MAX) -> str:
    """Texte lisible et borné : sans balises, contrôles ni espaces superflus."""
    if type(texte) is str:
        entree, longueur, sortie = _DERNIER_NETTOYAGE[0]
        if longueur == longueur_max and entree == texte:
            return sortie
        sortie = _nettoyer(texte, longueur_max)
        _DERNIER_NETTOYAGE[0] = (texte, longueur_max, sortie)
        return sortie
    return _nettoyer(texte, longueur_max)


def _nettoyer(texte: object, longueur_max: int) -> str:
    if not isinstance(texte, str):
        texte = "" if texte is None else str(texte)
    # Marge pour les balises retirées, puis coupe définitive.
    t = texte[: longueur_max * 2]
    t = _BALISES_RICH.sub("", t)
    t = _CONTROLES.sub(" ", t)
    if not t.isprintable():
        # Cas rare (caractères privés ou non attribués) : on filtre caractère par caractère.
        t = "".join(c if c.isprintable() or c.isspace() else " " for c in t)
    return _ESPACES.sub(" ", t).strip()[:longueur_max]


def sans_accents(texte: str) -> str:
    """Retire les accents sans toucher à la casse (sert aussi aux motifs)."""
    return _COMBINANTS.sub("", unicodedata.normalize("NFKD", texte))


def normaliser(texte: str) -> str:
    """Forme de comparaison : minuscules, sans accents, apostrophes et tirets unifiés."""
    entree, sortie = _DERNIERE_NORMALISATION[0]
    if entree == texte and type(texte) is str:
        return sortie
    sortie = _normaliser(texte)
    if type(texte) is str:
        _DERNIERE_NORMALISATION[0] = (texte, sortie)
    return sortie


def _normaliser(texte: str) -> str:
    t = texte.translate(_TABLE)
    t = _TITRE_ME.sub("maitre ", t)
    t = sans_accents(t.lower())
    t = _TIRET_MOTS.sub(" ", t)
    return _ESPACES.sub(" ", t).strip()


def en_chiffres(texte: str, langue: str) -> str:
    """Nombres en lettres → chiffres (« cent cinquante » → « 150 ») ; jamais d'exception."""
    try:
        return alpha2digit(texte, "en" if langue == "en" else "fr")
    except Exception:  # bibliothèque tierce : une entrée bizarre ne doit rien casser
        return texte


_APOSTROPHE = re.compile(r"(?<!\\)'")


def compiler(motif: str) -> re.Pattern[str]:
    """Compile un motif écrit pour le texte normalisé : accents retirés, apostrophes facultatives.

    Les apprenants omettent souvent l'apostrophe (« quest-ce ») ; « \\' » en exige une.
    """
    # ASCII : le texte normalisé l'est (accents retirés) ; \b et \w y sont ~25 % plus rapides.
    return re.compile(_APOSTROPHE.sub("'?", sans_accents(motif)), re.ASCII)


_MOTS = re.compile(r"[a-z0-9]+(?:'[a-z]*)?|[$€%]")


def ensemble_de_mots(mots_separes: str) -> frozenset[str]:
    """Lexique écrit comme une phrase : plus lisible qu'une liste de cent chaînes."""
    return frozenset(mots_separes.split())


def mots(texte_normalise: str) -> list[str]:
    """Découpe en mots un texte normalisé (élisions gardées : « n'est », « can't »)."""
    return _MOTS.findall(texte_normalise)


# --- Portes : sous-chaînes nécessaires d'un motif ---------------------------------------------
# Un motif ne peut réussir sur un texte que si ce texte contient au moins une de ses
# « sous-chaînes nécessaires » (lues dans l'arbre du motif : un littéral obligatoire, ou une
# alternative dont chaque branche en a un). Un index de ces sous-chaînes (`Aiguillage`) donne,
# pour un texte, les seuls motifs qui peuvent y réussir : on saute la recherche des autres. Le
# résultat ne change jamais, la porte ne fait qu'éviter des recherches vouées à l'échec. Au
# moindre doute (motif insensible à la casse, forme inconnue de l'analyseur de `re`), pas de
# porte : le motif est toujours essayé.
_TAILLE_CLE: Final = 3
# Mots les plus courants des répliques (français et anglais) : une sous-chaîne est rangée sous
# son trigramme le moins banal (absent de ces mots si possible), donc le plus sélectif. Simple
# heuristique de vitesse : n'importe quel trigramme de la sous-chaîne serait correct.
_MOTS_COURANTS: Final = (
    " je vous votre vos nous on il elle est c'est que qui pour pas ne les des une un le la de du"
    " et a au avec sur dans ce ca mais ou oui non bien tres tout faire peut pouvez avez etes"
    " suis merci bonjour paiement payer montant mois dette compte jour semaine aujourd'hui"
    " you your the that this with for and are can is it to of in we i me my do be have not"
    " will would could please pay payment month debt account today week what how "
)


def _banalite(trigramme: str) -> tuple[int, int]:
    return _MOTS_COURANTS.count(trigramme), sum(c in " aeioustnr" for c in trigramme)


def _cle(sous_chaine: str) -> str:
    """Le trigramme le moins banal de la sous-chaîne (le premier à égalité)."""
    n = len(sous_chaine) - _TAILLE_CLE + 1
    return min((sous_chaine[i : i + _TAILLE_CLE] for i in range(n)), key=_banalite)


# Le même texte normalisé passe par les entités, les actes et les infractions : on garde ses
# trigrammes (un seul texte, le dernier).
_DERNIERS_TRIGRAMMES: list[tuple[str, frozenset[str]]] = [("", frozenset())]


def trigrammes(texte: str) -> frozenset[str]:
    """Tous les trigrammes du texte."""
    dernier, tri = _DERNIERS_TRIGRAMMES[0]
    if texte != dernier:
        tri = frozenset([texte[i : i + _TAILLE_CLE] for i in range(len(texte) - _TAILLE_CLE + 1)])
        _DERNIERS_TRIGRAMMES[0] = (texte, tri)
    return tri


def _necessaires(sequence: object) -> frozenset[str] | None:
    """Sous-chaînes dont l'une figure dans toute correspondance ; None si aucune garantie."""
    from re import _constants as c  # interne à `re` (3.11+) ; toute surprise : pas de porte

    candidats: list[frozenset[str]] = []
    suite: list[str] = []  # littéraux consécutifs (une assertion de largeur nulle n'interrompt pas)
    for op, arg in sequence:  # type: ignore[attr-defined]
        if op is c.LITERAL:
            suite.append(chr(arg))
            continue
        if op is c.AT:
            continue
        if suite:
            candidats.append(frozenset(("".join(suite),)))
            suite = []
        sous: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            _, ajoutes, _, motif = arg
            if not ajoutes & c.SRE_FLAG_IGNORECASE:
                sous = _necessaires(motif)
        elif op is c.BRANCH:
            branches = [_necessaires(b) for b in arg[1]]
            if all(b is not None for b in branches):
                sous = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            sous = _necessaires(arg[2])
        if sous:
            candidats.append(sous)
    if suite:
        candidats.append(frozenset(("".join(suite),)))
    if not candidats:
        return None
    # Le plus sélectif : sous-chaînes les plus longues, puis les moins nombreuses.
    return max(candidats, key=lambda s: (min(map(len, s)), -len(s)))


def porte(motif: re.Pattern[str]) -> tuple[str, ...] | None:
    """Sous-chaînes dont l'une figure forcément dans un texte où le motif réussit (recherche
    sur le texte entier) ; None si on ne peut rien garantir (le motif sera toujours essayé)."""
    if motif.flags & re.IGNORECASE or not isinstance(motif.pattern, str):
        return None
    try:
        from re import _parser  # interne à `re` (3.11+)

        necessaires = _necessaires(_parser.parse(motif.pattern, motif.flags))
    except Exception:  # forme inattendue (autre version de Python) : pas de porte
        return None
    if not necessaires or "" in necessaires:
        return None
    # Une sous-chaîne qui en contient une autre est redondante : on la retire.
    courtes = sorted(necessaires, key=lambda s: (len(s), s))
    return tuple(s for i, s in enumerate(courtes) if not any(t in s for t in courtes[:i]))


class Aiguillage:
    """Index des portes d'une liste de motifs : pour un texte, les motifs qui peuvent y réussir.

    Un motif est candidat s'il n'a pas de porte, ou si l'une de ses sous-chaînes nécessaires
    figure dans le texte (vérifié par `in`). Pour ne pas tout vérifier, chaque sous-chaîne de 3
    caractères ou plus est rangée sous son trigramme le moins banal : on ne vérifie que celles
    dont le trigramme est dans le texte. Un motif écarté ne peut pas réussir sur le texte
    entier : sauter sa recherche ne change aucun résultat.
    """

    __slots__ = ("_cles", "_courtes", "_dernier", "_index", "_sans_porte")

    def __init__(self, motifs: list[re.Pattern[str]]) -> None:
        index: dict[str, list[tuple[str, int]]] = {}
        sans_porte: set[int] = set()
        courtes: list[tuple[int, tuple[str, ...]]] = []
        for k, motif in enumerate(motifs):
            sous_chaines = porte(motif)
            if sous_chaines is None:
                sans_porte.add(k)
                continue
            # Les sous-chaînes de moins de 3 caractères (rares) sont vérifiées une à une.
            if petites := tuple(s for s in sous_chaines if len(s) < _TAILLE_CLE):
                courtes.append((k, petites))
            for s in sous_chaines:
                if len(s) >= _TAILLE_CLE:
                    index.setdefault(_cle(s), []).append((s, k))
        self._index = {t: tuple(sk) for t, sk in index.items()}
        self._cles = frozenset(self._index)
        self._sans_porte = frozenset(sans_porte)
        self._courtes = tuple(courtes)
        self._dernier: tuple[str, frozenset[int]] = ("", self._calculer(""))

    def _calculer(self, texte: str) -> frozenset[int]:
        sortie = set(self._sans_porte)
        for k, sous_chaines in self._courtes:
            if any(s in texte for s in sous_chaines):
                sortie.add(k)
        index = self._index
        for t in self._cles & trigrammes(texte):
            for s, k in index[t]:
                if s in texte:
                    sortie.add(k)
        return frozenset(sortie)

    def candidats(self, texte: str) -> frozenset[int]:
        """Numéros (dans la liste d'origine) des motifs à essayer sur ce texte (le dernier texte
        est gardé : les entités interrogent l'aiguillage plusieurs fois pour le même)."""
        dernier, sortie = self._dernier
        if texte != dernier:
            sortie = self._calculer(texte)
            self._dernier = (texte, sortie)
        return sortie
