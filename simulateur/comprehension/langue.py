"""Langue d'une réplique (fr ou en) : lingua pour les phrases, un lexique pour les mots seuls.

lingua hésite sur une ou deux syllabes (« OK », « sure ») ; les acquiescements
courts se décident donc par lexique, et la langue de la conversation tranche
ce qui reste ambigu (vide, chiffres, noms propres). Règle d'actes.md : la langue
d'une réplique mêlée est celle qui porte la phrase.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from simulateur.comprehension.normalisation import ensemble_de_mots, mots, nettoyer, normaliser

if TYPE_CHECKING:
    from lingua import LanguageDetector

Langue = Literal["fr", "en"]


# Mots qui, seuls ou presque, signent une langue (forme normalisée : sans accents).
_LEXIQUE_FR: Final = ensemble_de_mots(
    "oui ouais ouin merci bonjour bonsoir allo salut d'accord daccord parfait bien tres non "
    "voila exactement entendu desole desolee ben bon attendez monsieur madame je vous tu "
    "comprends sur certainement absolument vraiment pantoute bienvenue avec plaisir rebonjour "
    "hein quoi comment pourquoi combien quand c'est est le la les de des du un une et pour "
    "pas ne que qui dans votre mon ma mes ton ta ca cela ceci sont suis avez etes fait peut "
    "va allez nous ils elle il aussi mais ou au aux chez si tout rien moins"
)
_LEXIQUE_EN: Final = ensemble_de_mots(
    "yes yeah yep yup no nope thanks thank hello hi hey sure great right fine sorry please "
    "perfect "
    "goodbye alright good morning afternoon evening got it see understand i you the "
    "is are was were this that what how why when where who can could would will should "
    "do does did have has my your we they he she it's i'm don't can't of to and for with "
    "not just awesome indeed certainly absolutely really welcome"
)
# Une seule syllabe et deux langues : rien à en tirer.
_AMBIGUS: Final = ensemble_de_mots(
    "ok okay oki kk bravo pardon super correct bye cool hum hmm mhm euh"
)
# Au-dessus de cet écart, lingua décide seul.
_ECART_SUR: Final = 0.3


@lru_cache(maxsize=1)
def _detecteur() -> LanguageDetector:
    """Construit une fois : modèles fr et en préchargés, mode rapide."""
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.FRENCH, Language.ENGLISH)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def _lingua(texte: str) -> tuple[float, float]:
    """Confiances (fr, en) de lingua ; (0, 0) si lingua ne sait pas."""
    fr = en = 0.0
    try:
        for valeur in _detecteur().compute_language_confidence_values(texte[:1000]):
            if valeur.language.iso_code_639_1.name == "FR":
                fr = valeur.value
            elif valeur.language.iso_code_639_1.name == "EN":
                en = valeur.value
    except Exception:  # bibliothèque native : on retombe sur le lexique
        return 0.0, 0.0
    return fr, en


def _defaut(langue_contexte: str | None) -> Langue:
    return "en" if langue_contexte == "en" else "fr"


def detecter_langue(texte: str, langue_contexte: str | None = None) -> Langue:
    """« fr » ou « en » ; `langue_contexte` (langue de la conversation) tranche l'ambigu."""
    propre = nettoyer(texte)
    tokens = [t for t in mots(normaliser(propre)) if t.isascii() and not t.isdigit()]
    tokens = [t for t in tokens if any(c.isalpha() for c in t)]
    if not tokens:
        return _defaut(langue_contexte)
    nb_fr = sum(t in _LEXIQUE_FR for t in tokens)
    nb_en = sum(t in _LEXIQUE_EN or t.endswith("n't") for t in tokens)
    if len(tokens) <= 3:
        if nb_fr != nb_en:
            return "fr" if nb_fr > nb_en else "en"
        court = len(tokens) <= 2 or all(t in _AMBIGUS for t in tokens)
        if court and langue_contexte in ("fr", "en"):
            # « OK », « Julie ? » : rien de probant, la conversation décide.
            return _defaut(langue_contexte)
    fr, en = _lingua(propre)
    if abs(fr - en) >= _ECART_SUR:
        return "fr" if fr > en else "en"
    if nb_fr != nb_en:
        return "fr" if nb_fr > nb_en else "en"
    if langue_contexte in ("fr", "en"):
        return _defaut(langue_contexte)
    return "fr" if fr >= en else "en"
