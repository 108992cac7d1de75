"""Langue d'une réplique (fr ou en) : lingua pour les phrases, un lexique pour les mots seuls.

lingua hésite sur une ou deux syllabes (« OK », « sure ») ; les acquiescements
courts se décident donc par lexique, et la langue de la conversation tranche
ce qui reste ambigu (vide, chiffres, noms propres). Règle d'actes.md : la langue
d'une réplique mêlée est celle qui porte la phrase.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from simulateur.comprehension.normalisation import ensemble_de_mots, mots, nettoyer, normaliser

if TYPE_CHECKING:
    from lingua import LanguageDetector

Langue = Literal["fr", "en"]


# Mots qui, seuls ou presque, signent une langue (forme normalisée : sans accents) ; surtout
# des mots-outils, qui portent la structure de la phrase (convention 9 d'actes.md).
_LEXIQUE_FR: Final = ensemble_de_mots(
    "oui ouais ouin merci bonjour bonsoir allo salut d'accord daccord parfait bien tres non "
    "voila exactement entendu desole desolee ben bon attendez monsieur madame je vous tu "
    "comprends certainement absolument vraiment pantoute bienvenue avec plaisir rebonjour "
    "hein quoi comment pourquoi combien quand c'est est le la les de des du un une et pour "
    "pas ne que qui dans votre vos mon ma mes ton ta ca cela ceci sont suis avez etes fait peut "
    "va allez nous ils elle il aussi mais ou au aux chez si tout rien moins j'ai n'est qu'il "
    "d'un d'une l'on c'etait j'avais s'il qu'on quel quelle quels quelles lui leur leurs ce "
    "cette ces sans sous vers depuis avant apres encore deja ici puis donc alors parce "
    "pouvez pourriez voulez souhaitez serait faire avoir etre sommes ont seriez "
    "nickel impeccable exact faque pis tsé svp stp bjr slt mdr merci"
)
_LEXIQUE_EN: Final = ensemble_de_mots(
    "yes yeah yep yup nope thanks thank thx ty hello hi hey sure great right fine sorry please "
    "pls plz perfect goodbye alright good morning afternoon evening got it see understand i you "
    "the is are was were this that what how why when where who can could would will should "
    "do does did have has my your we they he she it's i'm don't can't of to and for with "
    "not just awesome indeed certainly absolutely really welcome u ur r y'all gonna wanna "
    "me about from our us their them his her its an be been being if so any some "
    "there here than then into onto out over every each which also because after before "
    "still already again i'll we'll you'll let's that's there's what's doesn't isn't won't "
    "didn't i've we've you're we're they're am off up down but or yet till until evry no in "
    "problem week weeks month months lot"
)
# Une seule syllabe et deux langues : rien à en tirer (la conversation, sinon le français).
_AMBIGUS: Final = ensemble_de_mots(
    "ok okay oki kk bravo pardon super correct bye cool hum hmm mhm euh top"
)
# Écart de mots-outils au-delà duquel le lexique décide, avant lingua.
_ECART_LEXIQUE: Final = 2
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


_MONTANT_EN = re.compile(r"[$€] ?\d")  # « $842.17 » : l'anglais met le symbole devant
_MONTANT_FR = re.compile(r"\d,\d{2} ?[$€]|\d ?[$€](?!\w)")  # « 842,17 $ » : derrière


def detecter_langue(texte: str, langue_contexte: str | None = None) -> Langue:
    """« fr » ou « en » ; `langue_contexte` (langue de la conversation) tranche l'ambigu."""
    propre = nettoyer(texte)
    tokens = [t for t in mots(normaliser(propre)) if t.isascii() and not t.isdigit()]
    tokens = [t for t in tokens if any(c.isalpha() for c in t)]
    nb_fr = sum(t in _LEXIQUE_FR for t in tokens)
    nb_en = sum(t in _LEXIQUE_EN or t.endswith("n't") for t in tokens)
    # « $842.17 » (symbole devant) est anglais ; « 842,17 $ » (derrière) français.
    if tokens or langue_contexte not in ("fr", "en"):
        if _MONTANT_FR.search(propre):
            nb_fr += 1
        elif _MONTANT_EN.search(propre):
            nb_en += 1
    if nb_fr == nb_en and (not tokens or len(tokens) <= 2 or all(t in _AMBIGUS for t in tokens)):
        # « OK », « Bye », « Julie ? », un nombre : la conversation décide, sinon le français.
        if langue_contexte in ("fr", "en") or not tokens:
            return _defaut(langue_contexte)
        if all(t in _AMBIGUS for t in tokens):
            return "fr"
    if abs(nb_fr - nb_en) >= _ECART_LEXIQUE or (len(tokens) <= 3 and nb_fr != nb_en):
        return "fr" if nb_fr > nb_en else "en"
    fr, en = _lingua(propre)
    if abs(fr - en) >= _ECART_SUR:
        return "fr" if fr > en else "en"
    if nb_fr != nb_en:
        return "fr" if nb_fr > nb_en else "en"
    if langue_contexte in ("fr", "en"):
        return _defaut(langue_contexte)
    return "fr" if fr >= en else "en"
