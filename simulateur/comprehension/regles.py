"""Règles explicites : infractions par juridiction et classement des actes.

Chaque décision se justifie par les motifs qui l'ont déclenchée (le champ
`declencheurs` des infractions, les scores des actes). Les motifs s'écrivent
sans accents et portent sur le texte normalisé (voir `normalisation.py`) ; une
apostrophe y est toujours facultative (« quest-ce » vaut « qu'est-ce »).
Les tables de motifs vivent dans `motifs_actes.py` et `motifs_infractions.py`.

Correspondance famille → infraction → règle de `cadre-legal.md` :

| famille | infraction | qc | fr |
|---|---|---|---|
| penal | menace | qc_arrestation_penale | fr_pression_agressive |
| violence | menace | qc_harcelement | fr_extorsion_chantage |
| divulgation | menace | qc_divulgation_menacee | fr_extorsion_chantage |
| poursuite | menace | qc_poursuite_annoncee (toujours) | fr_pression_agressive (si certaine) |
| saisie | fausse_representation (+ menace) | qc_saisie_annoncee | fr_saisie_sans_titre |
| insultes, jurons, pression | harcelement | qc_harcelement | fr_pression_agressive |
| identite, deja_obtenu | fausse_representation | qc_fausse_representation | fr_confusion_judiciaire |
| penalite | fausse_representation + frais_illicites | qc_montant_superieur, qc_frais_recouvrement | fr_montant, fr_frais_recouvrement |
| frais | frais_illicites | qc_frais_recouvrement | fr_frais_recouvrement |

La France n'a pas de règle propre pour « prison » ni pour une poursuite
présentée comme certaine : on les range sous la contrainte morale de L121-7
(`fr_pression_agressive`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import Final

from simulateur.comprehension.analyse import Entites, Infraction
from simulateur.comprehension.motifs_actes import (
    ACQUIESCEMENTS,
    CONDITION_PAIEMENT,
    DEBUT_RECAPITULATIF,
    MERCI_SEUL,
    MOTIFS_ACTES,
    SALUTATION_SEULE,
)
from simulateur.comprehension.motifs_infractions import (
    CONTESTATION,
    DEJA,
    EXCLUSIONS_POURSUITE,
    FAMILLES,
    FIN_PHRASE,
    IMMINENCE,
    JUSTICE,
    MOTIFS_POURSUITE,
    MOTIFS_SAISIE,
    NEGATION_LONGUE,
    POSSIBILITE,
    RESTRICTION,
    Famille,
)
from simulateur.comprehension.normalisation import (
    LONGUEUR_MAX,
    Aiguillage,
    ensemble_de_mots,
    mots,
)

# --- Négation -----------------------------------------------------------------

# « dont » n'y figure pas : sans apostrophe, c'est d'abord le relatif français.
_NEGATIONS: Final = ensemble_de_mots(
    "pas ne ni aucun aucune aucuns aucunes jamais sans rien personne nullement "
    "not no never without none nor neither nothing nobody cannot cant wont isnt arent"
)
# Mots-outils qu'on saute entre la négation et le déclencheur (« pas de », « no hidden »).
_NEUTRES: Final = ensemble_de_mots(
    "de d' du des la le les l' un une a au aux en y etre ete peut peuvent pourra pourrait "
    "pourront va vont sera seront est sont etes vous te t' se s' votre vos ton tes on nous "
    "il ils elle ya plus encore vraiment the an any be been being is are was were will "
    "would going to have has had ever you your yet extra additional hidden added charged "
    "such kind of intention intentions question but plan plans intend want idee envie "
    "volonte besoin"
)
_MOT = re.compile(r"[a-z0-9]+(?:'[a-z]*)?", re.ASCII)
_FIN_PROPOSITION = re.compile(r"[.!?;:,\n]| mais | but | sinon | otherwise ", re.ASCII)


def _est_negation(mot: str) -> bool:
    return mot in _NEGATIONS or mot.startswith("n'") or mot.endswith("n't")


def _proposition(n: str, debut: int, fin: int) -> tuple[int, int]:
    """Bornes de la proposition qui contient [debut, fin) : la négation et la modalité y restent."""
    gauche = 0
    for m in _FIN_PROPOSITION.finditer(n, 0, debut):
        gauche = m.end()
    m = _FIN_PROPOSITION.search(n, fin)
    return gauche, (m.start() if m else len(n))


def est_nie(n: str, debut: int, fin: int) -> bool:
    """Vrai si une négation porte sur le passage : dedans, ou juste avant, mots-outils sautés.

    La négation d'une condition de paiement (« si vous payez pas la police… ») ne compte pas.
    """
    if any(_est_negation(t) and t != "rien" for t in mots(n[debut:fin])):
        return True  # « on va jamais appeler ton boss » ; « bon à rien » n'est pas nié
    phrase = 0
    for m in FIN_PHRASE.finditer(n, 0, debut):
        phrase = m.end()
    if NEGATION_LONGUE.search(n, phrase, debut):
        return True  # « ce n'est pas, pour l'instant, une question de tribunal »
    gauche, _ = _proposition(n, debut, fin)
    conditions = [(m.start(), m.end()) for m in CONDITION_PAIEMENT.finditer(n, gauche, debut)]
    for m in reversed(list(_MOT.finditer(n, gauche, debut))[-6:]):
        t = m.group(0)
        if _est_negation(t):
            return not any(d <= m.start() < f for d, f in conditions)
        if t not in _NEUTRES:
            return False
    return False


# --- Aiguillage ----------------------------------------------------------------
# Tous les motifs cherchés sur le texte entier sont numérotés et indexés par leurs sous-chaînes
# nécessaires (`normalisation.Aiguillage`) : pour une réplique, on ne cherche que ceux qui
# peuvent y réussir. Les pré-filtres (unions des motifs) deviennent inutiles : « un motif au
# moins est candidat et réussit » est exactement « l'union réussit ».
_TOUS: list[re.Pattern[str]] = [CONDITION_PAIEMENT]
_NUM_CONDITION: Final = 0


def _numeroter(motifs: tuple[re.Pattern[str], ...]) -> tuple[tuple[int, re.Pattern[str]], ...]:
    debut = len(_TOUS)
    _TOUS.extend(motifs)
    return tuple(enumerate(motifs, debut))


_ACTES_NUMEROTES: Final = tuple(
    (
        acte,
        frozenset(k for k, _ in numerotes),
        tuple((k, m, p) for (k, m), (_, p) in zip(numerotes, motifs, strict=True)),
    )
    for acte, motifs in MOTIFS_ACTES.items()
    for numerotes in (_numeroter(tuple(m for m, _ in motifs)),)
)
_NUMEROS_FAMILLES: Final = {
    f.nom: (frozenset(k for k, _ in numerotes), numerotes)
    for f in FAMILLES
    for numerotes in (_numeroter(f.motifs),)
}
_NUMEROS_POURSUITE: Final = _numeroter(MOTIFS_POURSUITE)
_NUMEROS_SAISIE: Final = _numeroter(MOTIFS_SAISIE)
_AIGUILLAGE: Final = Aiguillage(_TOUS)


# --- Infractions --------------------------------------------------------------


class _Collecte:
    """Regroupe les déclencheurs par infraction ; la première règle citée l'emporte."""

    def __init__(self) -> None:
        self.regles: dict[str, str] = {}
        self.declencheurs: dict[str, list[str]] = defaultdict(list)

    def ajouter(self, infraction: str, regle: str, declencheur: str) -> None:
        self.regles.setdefault(infraction, regle)
        if declencheur not in self.declencheurs[infraction]:
            self.declencheurs[infraction].append(declencheur)

    def resultat(self) -> tuple[Infraction, ...]:
        return tuple(
            Infraction(i, tuple(self.declencheurs[i]), self.regles[i]) for i in self.regles
        )


_ATTRIBUT_NIE = re.compile(
    r"(?:n'?(?:etes|es|est) pas|etes pas|t'?es pas|es pas|you're not|you are not|you aren't"
    r"|isn't|is not)(?: \w+){0,2} ?$"
)


def _nie(n: str, m: re.Match[str], negation: str) -> bool:
    if negation == "aucune":
        return False
    if negation == "attribut":
        gauche, _ = _proposition(n, m.start(), m.end())
        return bool(_ATTRIBUT_NIE.search(n, gauche, m.start()))
    return est_nie(n, m.start(), m.end())


def _trouver(
    n: str, motifs: tuple[re.Pattern[str], ...], negation: str = "proche"
) -> list[re.Match[str]]:
    """Déclencheurs non niés ; un passage recouvert par un déclencheur nié l'est aussi
    (« not going to take you to court » nie aussi « to court »)."""
    trouves = [m for motif in motifs for m in motif.finditer(n)]
    nies = [m for m in trouves if _nie(n, m, negation)]
    return [
        m for m in trouves if not any(m.start() < x.end() and x.start() < m.end() for x in nies)
    ]


def _famille(
    n: str, famille: Famille, juridiction: str, collecte: _Collecte, candidats: frozenset[int]
) -> list[re.Match[str]]:
    # Seuls les motifs que l'aiguillage n'écarte pas (les autres ne peuvent pas réussir) ;
    # aucun : la famille est sautée (comme le faisait l'ancien pré-filtre, union des motifs).
    numeros, numerotes = _NUMEROS_FAMILLES[famille.nom]
    if numeros.isdisjoint(candidats):
        return []
    motifs = tuple(m for k, m in numerotes if k in candidats)
    trouves = _trouver(n, motifs, famille.negation)
    for m in trouves:
        for infraction, regles in famille.infractions:
            collecte.ajouter(infraction, regles[juridiction], m.group(0).strip())
    return trouves


def _poursuites(
    n: str,
    juridiction: str,
    a_ignorer: list[re.Match[str]],
    c: _Collecte,
    candidats: frozenset[int],
) -> None:
    """Québec : toute annonce de poursuite est une menace. France : seulement certaine ou imminente."""
    motifs = tuple(m for k, m in _NUMEROS_POURSUITE if k in candidats)
    if not motifs:  # aucun motif ne peut réussir (comme l'ancien pré-filtre)
        return
    exclus = [(m.start(), m.end()) for m in EXCLUSIONS_POURSUITE.finditer(n)]
    exclus += [(m.start(), m.end()) for m in a_ignorer]
    for m in _trouver(n, motifs):
        if any(m.start() < f and m.end() > d for d, f in exclus):
            continue
        g, d = _proposition(n, m.start(), m.end())
        clause = n[g:d]
        if _litige(n, m.start(), m.end(), clause):
            continue
        if juridiction == "qc":
            c.ajouter("menace", "qc_poursuite_annoncee", m.group(0).strip())
            continue
        if IMMINENCE.search(clause) or not POSSIBILITE.search(clause):
            c.ajouter("menace", "fr_pression_agressive", m.group(0).strip())


def _litige(n: str, debut: int, fin: int, clause: str) -> bool:
    """« Si vous contestez, le créancier peut aller au tribunal » : le droit de contester, dit
    exactement (cadre-legal.md, qc_stop_communication) ; ni menace au Québec ni en France."""
    phrase_debut = 0
    for m in FIN_PHRASE.finditer(n, 0, debut):
        phrase_debut = m.end()
    f = FIN_PHRASE.search(n, fin)
    phrase = n[phrase_debut : f.start() if f else len(n)]
    return bool(
        CONTESTATION.search(phrase) and POSSIBILITE.search(phrase) and not IMMINENCE.search(clause)
    )


def _saisies(n: str, juridiction: str, c: _Collecte, candidats: frozenset[int]) -> None:
    """Au stade amiable, aucune saisie n'est possible : l'annoncer est faux, et menaçant si à venir."""
    motifs = tuple(m for k, m in _NUMEROS_SAISIE if k in candidats)
    if not motifs:  # aucun motif ne peut réussir (comme l'ancien pré-filtre)
        return
    regle = "qc_saisie_annoncee" if juridiction == "qc" else "fr_saisie_sans_titre"
    for m in _trouver(n, motifs):
        g, d = _proposition(n, m.start(), m.end())
        clause = n[g:d]
        if JUSTICE.search(clause) and (POSSIBILITE.search(clause) or RESTRICTION.search(clause)):
            # Suite exacte « après jugement » : information en France, poursuite annoncée au Québec.
            if juridiction == "qc":
                c.ajouter("menace", "qc_poursuite_annoncee", m.group(0).strip())
            continue
        c.ajouter("fausse_representation", regle, m.group(0).strip())
        if not DEJA.search(clause):
            c.ajouter("menace", regle, m.group(0).strip())


def detecter_infractions(texte_normalise: str, juridiction: str = "qc") -> tuple[Infraction, ...]:
    """Infractions d'une réplique isolée, selon la juridiction (« qc » ou « fr »)."""
    n = texte_normalise[:LONGUEUR_MAX]
    juridiction = juridiction if juridiction in ("qc", "fr") else "qc"
    c = _Collecte()
    candidats = _AIGUILLAGE.candidats(n)
    fausses: list[re.Match[str]] = []
    for famille in FAMILLES:
        trouves = _famille(n, famille, juridiction, c, candidats)
        if famille.nom in ("identite", "deja_obtenu"):
            fausses += trouves
        if famille.nom == "deja_obtenu":
            # « De la part du tribunal », « le jugement est rendu » : faux, déjà relevé ;
            # ce n'est pas en plus une poursuite annoncée.
            _poursuites(n, juridiction, fausses, c, candidats)
            _saisies(n, juridiction, c, candidats)
    return c.resultat()


# Règle de cadre-legal.md la plus probable quand seul le modèle appris a vu l'infraction.
_REGLES_PAR_DEFAUT: Final[dict[str, dict[str, str]]] = {
    "menace": {"qc": "qc_harcelement", "fr": "fr_pression_agressive"},
    "harcelement": {"qc": "qc_harcelement", "fr": "fr_pression_agressive"},
    "fausse_representation": {"qc": "qc_fausse_representation", "fr": "fr_confusion_judiciaire"},
    "frais_illicites": {"qc": "qc_frais_recouvrement", "fr": "fr_frais_recouvrement"},
}
_INDICES_REGLES: Final[tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]] = tuple(
    (inf, re.compile(motif, re.ASCII), regles)
    for inf, motif, regles in (
        (
            "menace",
            r"prison|jail|police|arret|arrest|criminel|criminal|crime",
            {"qc": "qc_arrestation_penale", "fr": "fr_pression_agressive"},
        ),
        (
            "menace",
            r"employeur|patron|boss|employer|famille|family|voisin|neighbo|collegue|colleague"
            r"|coworker|credit|equifax|transunion|conjoint|spouse|wife|husband|entourage",
            {"qc": "qc_divulgation_menacee", "fr": "fr_extorsion_chantage"},
        ),
        (
            "menace",
            r"saisi|seiz|garnish|huissier|bailiff|commissaire",
            {"qc": "qc_saisie_annoncee", "fr": "fr_saisie_sans_titre"},
        ),
        (
            "menace",
            r"tribunal|poursui|cour\b|juge|court|sue\b|sued|lawsuit|legal|avocat|lawyer",
            {"qc": "qc_poursuite_annoncee", "fr": "fr_pression_agressive"},
        ),
        (
            "fausse_representation",
            r"penalit|penalt|majore|total|interet|interest|\d",
            {"qc": "qc_montant_superieur", "fr": "fr_montant"},
        ),
        (
            "fausse_representation",
            r"saisi|seiz|garnish",
            {"qc": "qc_saisie_annoncee", "fr": "fr_saisie_sans_titre"},
        ),
    )
)


def regle_probable(infraction: str, juridiction: str, texte_normalise: str) -> str | None:
    """Règle de cadre-legal.md qu'une infraction vue par le modèle enfreint le plus probablement."""
    j = juridiction if juridiction in ("qc", "fr") else "qc"
    for inf, motif, regles in _INDICES_REGLES:
        if inf == infraction and motif.search(texte_normalise):
            return regles[j]
    return _REGLES_PAR_DEFAUT.get(infraction, {}).get(j)


# --- Actes --------------------------------------------------------------------

_SQUELETTE = re.compile(r"[^a-z0-9' ]+")
_QUESTION = re.compile(
    r"\?|^(?:est ce|qu'est ce|quel|quelle|quels|quelles|combien|comment|pourquoi|quand|ou|"
    r"avez vous|etes vous|pouvez vous|pourriez vous|do|does|did|are|is|can|could|would|what|"
    r"how|when|where|why|which)\b"
)
SCORE_MIN: Final = 1.0  # en dessous, rien n'est assez net : « autre »
# Avec une infraction, un indice faible ne suffit pas à voir un acte légitime (convention 2).
SCORE_MIN_AVEC_INFRACTION: Final = 2.0
_SCORE_CERTAIN: Final = 6.0  # réplique entière reconnue (« Oui. », « Merci. », « Bonjour ! »)


def squelette(texte_normalise: str) -> str:
    """Les mots seuls, sans ponctuation ni émoji : pour les règles « réplique entière »."""
    return " ".join(_SQUELETTE.sub(" ", texte_normalise).replace(" '", " ").split()).strip("'")


def _scores_motifs(n: str) -> dict[str, float]:
    # « si vous ne payez pas » n'est pas une demande de paiement : on le masque d'abord.
    candidats = _AIGUILLAGE.candidats(n)
    if _NUM_CONDITION in candidats:
        masque = CONDITION_PAIEMENT.sub(" <condition> ", n)
        if masque != n:
            n, candidats = masque, _AIGUILLAGE.candidats(masque)
    scores: dict[str, float] = defaultdict(float)
    for acte, numeros, motifs in _ACTES_NUMEROTES:
        if numeros.isdisjoint(candidats):
            continue  # aucun motif de l'acte ne peut réussir (comme l'ancien pré-filtre)
        for k, motif, poids in motifs:
            if k in candidats and motif.search(n):
                scores[acte] += poids
    return scores


def _ajuster(scores: dict[str, float], n: str, entites: Entites) -> None:
    """Conventions d'actes.md qui dépendent des entités et des autres scores."""
    montants = entites.montants
    periodique = entites.frequence not in (None, "unique")
    question = bool(_QUESTION.search(n))
    # Une offre chiffrée et périodique est une proposition (convention 7).
    if montants and periodique:
        scores["proposition_entente"] += 2.5
    elif (montants and question) or periodique:  # offre incomplète : indice plus faible
        scores["proposition_entente"] += 1.0
    # Somme à payer d'un coup ou tout de suite : demande de paiement intégral.
    immediat = any(d.relatif in ("aujourd_hui", "demain") for d in entites.dates)
    if entites.frequence == "unique" or (montants and immediat and not periodique):
        scores["demande_paiement"] += 1.5
    if entites.sujets_budget:
        scores["question_financiere"] += 2.5 if question else 0.5
    # « Donc 100 $ le 15 de chaque mois » : récapitulatif chiffré.
    if DEBUT_RECAPITULATIF.search(n) and montants and (periodique or entites.dates):
        scores["confirmation_entente"] += 3.0
    # Une offre qui répond à une autre : marque nette, ou deux montants en présence.
    marques = scores.pop("contre_proposition", 0.0)
    if marques >= 3.0 or (marques > 0 and len(montants) >= 2):
        bonus = 1.0 if len(montants) >= 2 else 0.0
        scores["contre_proposition"] = marques + 0.8 * scores.get("proposition_entente", 0) + bonus


def scores_regles(texte_normalise: str, entites: Entites) -> dict[str, float]:
    """Scores bruts des motifs d'actes, conventions appliquées (indices du modèle appris)."""
    n = texte_normalise[:LONGUEUR_MAX]
    scores = _scores_motifs(n)
    _ajuster(scores, n, entites)
    return dict(scores)


def acte_certain(texte_normalise: str) -> str | None:
    """Acte d'une réplique entière sans ambiguïté (« Oui. », « Merci. », « Bonjour ! »), sinon None."""
    sq = squelette(texte_normalise[:LONGUEUR_MAX])
    if not sq or sq in ACQUIESCEMENTS:
        return "autre"
    if MERCI_SEUL.fullmatch(sq):
        return "cloture"
    if SALUTATION_SEULE.fullmatch(sq):
        return "salutation"
    return None


def classer_acte(texte_normalise: str, langue: str, entites: Entites) -> list[tuple[str, float]]:
    """Scores des actes, triés ; `[("autre", …)]` si rien n'est assez net.

    `langue` est réservée au futur modèle appris ; les motifs fr et en sont tous
    essayés, car une réplique mêlée reste fréquente.
    """
    n = texte_normalise[:LONGUEUR_MAX]
    sq = squelette(n)
    if not sq:
        return [("autre", _SCORE_CERTAIN)]
    if sq in ACQUIESCEMENTS:
        return [("autre", _SCORE_CERTAIN)]
    if MERCI_SEUL.fullmatch(sq):
        return [("cloture", _SCORE_CERTAIN)]
    if SALUTATION_SEULE.fullmatch(sq):
        return [("salutation", _SCORE_CERTAIN)]
    scores = scores_regles(n, entites)
    classement = sorted(
        ((a, round(s, 2)) for a, s in scores.items() if s > 0), key=lambda x: (-x[1], x[0])
    )
    return plancher(classement, SCORE_MIN)


def plancher(classement: list[tuple[str, float]], seuil: float) -> list[tuple[str, float]]:
    """« autre » en tête si aucun acte n'atteint le seuil (les autres restent, pour expliquer)."""
    if classement and classement[0][1] >= seuil:
        return classement
    return [("autre", seuil), *((a, s) for a, s in classement if a != "autre")]


def confiance(classement: list[tuple[str, float]]) -> float:
    """Confiance 0–1 : forte si le premier score est élevé et nettement devant le second."""
    if not classement:
        return 0.0
    s1 = classement[0][1]
    s2 = classement[1][1] if len(classement) > 1 else 0.0
    valeur = s1 / (s1 + s2 + 0.5) * (1 - math.exp(-s1 / 1.5))
    return round(min(0.99, max(0.05, valeur)), 3)
