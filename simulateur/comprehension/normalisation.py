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


def nettoyer(texte: object, longueur_max: int = LONGUEUR_MAX) -> str:
    """Texte lisible et borné : sans balises, contrôles ni espaces superflus."""
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
