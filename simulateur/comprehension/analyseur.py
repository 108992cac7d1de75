"""Analyse d'une réplique de l'apprenant : acte, infractions, langue, entités.

Point d'entrée unique du reste du simulateur. Les exemples propres à un
scénario (clé `exemples` du YAML) passent avant les règles générales : un
auteur de scénario corrige ainsi l'analyse sans toucher au code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from difflib import get_close_matches
from typing import Final, Literal

from simulateur.actes import ACTES
from simulateur.comprehension.analyse import Analyse, Infraction
from simulateur.comprehension.caracteristiques import Pretraitement, pretraiter
from simulateur.comprehension.langue import Langue, detecter_langue
from simulateur.comprehension.modele import Modele, Prediction, charger
from simulateur.comprehension.normalisation import en_chiffres, mots, nettoyer, normaliser
from simulateur.comprehension.regles import (
    SCORE_MIN_AVEC_INFRACTION,
    acte_certain,
    classer_acte,
    confiance,
    plancher,
    regle_probable,
    squelette,
)

# Seuil de ressemblance avec un exemple du scénario (indice de Jaccard sur les mots).
SEUIL_EXEMPLE: Final = 0.75
_CONFIANCE_EXEMPLE_EXACT: Final = 0.97
# Avec une infraction, un acte moins probable que ceci cède la place à « autre » (convention 2).
SEUIL_ACTE_AVEC_INFRACTION: Final = 0.35


def _forme(texte: str) -> str:
    """Forme de comparaison : nettoyée, nombres en chiffres (« cent » = « 100 »), normalisée."""
    propre = nettoyer(texte)
    return normaliser(en_chiffres(propre, detecter_langue(propre)))


class Analyseur:
    """Analyseur (modèle appris + règles), éventuellement guidé par les exemples d'un scénario."""

    def __init__(
        self,
        exemples: Mapping[str, Sequence[str]] | None = None,
        modele: Modele | Literal["paquet", "regles"] = "paquet",
    ) -> None:
        # « paquet » : le modèle exporté du paquet (chargé au premier appel) ; « regles » : la v1.
        self._modele = modele
        self._exemples_exacts: dict[str, str] = {}
        self._exemples: list[tuple[frozenset[str], str]] = []
        for acte, lignes in (exemples or {}).items():
            if acte not in ACTES:
                proches = get_close_matches(str(acte), ACTES, n=1)
                conseil = f"vouliez-vous dire « {proches[0]} » ?" if proches else "voir actes.md"
                raise ValueError(f"exemples : acte inconnu « {acte} » ({conseil})")
            for ligne in lignes:
                forme = _forme(ligne)
                if cle := squelette(forme):
                    self._exemples_exacts.setdefault(cle, acte)
                    self._exemples.append((frozenset(mots(forme)), acte))

    def _exemple(self, cle: str, jetons: frozenset[str]) -> tuple[str, float] | None:
        """L'acte de l'exemple le plus proche, s'il l'est assez, et la confiance qui va avec."""
        if cle in self._exemples_exacts:
            return self._exemples_exacts[cle], _CONFIANCE_EXEMPLE_EXACT
        meilleur: tuple[str, float] | None = None
        for ref, acte in self._exemples:
            plus_petit, plus_grand = sorted((len(ref), len(jetons)))
            if not plus_grand or plus_petit / plus_grand < SEUIL_EXEMPLE:
                continue  # Jaccard ne peut pas atteindre le seuil : inutile de calculer
            j = len(ref & jetons) / len(ref | jetons)
            if j >= SEUIL_EXEMPLE and (meilleur is None or j > meilleur[1]):
                meilleur = (acte, j)
        if meilleur is None:
            return None
        acte, j = meilleur
        return acte, round(0.8 + 0.15 * (j - SEUIL_EXEMPLE) / (1 - SEUIL_EXEMPLE), 3)

    def analyser(
        self, texte: str, juridiction: str = "qc", langue_contexte: str | None = None
    ) -> Analyse:
        """Analyse complète ; ne lève jamais d'exception, quelle que soit l'entrée."""
        brut = texte if isinstance(texte, str) else ("" if texte is None else str(texte))
        try:
            return self._analyser(brut, juridiction, langue_contexte)
        except Exception:  # filet ultime : une réplique illisible reste jouable
            langue: Langue = "en" if langue_contexte == "en" else "fr"
            return Analyse(texte=brut, acte="autre", confiance=0.0, langue=langue)

    def _analyser(self, texte: str, juridiction: str, langue_contexte: str | None) -> Analyse:
        juridiction = str(juridiction).strip().lower()
        juridiction = juridiction if juridiction in ("qc", "fr") else "qc"
        p = pretraiter(texte, juridiction, langue_contexte)
        n = p.normalise
        modele = charger() if self._modele == "paquet" else self._modele
        if not isinstance(modele, Modele):
            acte, conf, candidats, infractions = _par_regles(p)
        else:
            acte, conf, candidats, infractions = _par_modele(modele, p, juridiction)
        if self._exemples:
            trouve = self._exemple(squelette(n), frozenset(mots(n)))
            if trouve is not None:
                # L'exemple fixe l'acte ; le modèle reste visible en second rang.
                acte, conf = trouve
                autres = [(a, round(s * (1 - conf), 3)) for a, s in candidats if a != acte]
                candidats = ((acte, conf), *autres[:2])
        return Analyse(
            texte=texte,
            acte=acte,
            confiance=conf,
            langue=p.langue,
            infractions=infractions,
            entites=p.entites,
            candidats=candidats,
        )


_Decision = tuple[str, float, tuple[tuple[str, float], ...], tuple[Infraction, ...]]


def _par_regles(p: Pretraitement) -> _Decision:
    """Repli sans modèle exporté : les règles seules (comportement de la v1)."""
    classement = classer_acte(p.normalise, p.langue, p.entites)
    if p.infractions:
        # Convention 2 : une infraction n'est jamais une information exacte.
        classement = [(a, s) for a, s in classement if a != "information_droits"]
        classement = plancher(classement, SCORE_MIN_AVEC_INFRACTION)
    return classement[0][0], confiance(classement), _candidats(classement), p.infractions


def _par_modele(modele: Modele, p: Pretraitement, juridiction: str) -> _Decision:
    """Modèle appris pour l'acte ; règles explicites et modèle combinés pour les infractions."""
    pred = modele.predire(p, juridiction)
    infractions = combiner_infractions(modele, p, pred, juridiction)
    actes = list(pred.actes)
    if infractions:
        # Convention 2 : une réplique fautive n'est jamais une information exacte ; sans autre
        # acte net, c'est « autre ».
        actes = [(a, s) for a, s in actes if a != "information_droits"]
        if actes[0][1] < SEUIL_ACTE_AVEC_INFRACTION:
            actes = [("autre", actes[0][1]), *((a, s) for a, s in actes if a != "autre")]
    certain = acte_certain(p.normalise)
    if certain is not None and not infractions:
        actes = [(certain, max(0.97, actes[0][1]))] + [(a, s) for a, s in actes if a != certain]
    acte, conf = actes[0]
    candidats = tuple((a, round(min(1.0, s), 3)) for a, s in actes[:3])
    return acte, round(min(0.99, conf), 3), candidats, infractions


def combiner_infractions(
    modele: Modele, p: Pretraitement, pred: Prediction, juridiction: str
) -> tuple[Infraction, ...]:
    """Règle explicite sûre (précise sur l'entraînement), ou que le modèle ne contredit pas
    nettement (probabilité ≥ veto), ou modèle seul au-dessus de son seuil. Les règles sont aussi des traits du modèle : sur un négatif
    difficile qu'une règle prend à tort, le modèle appris les contredit."""
    seuils = modele.seuils.get(juridiction, {})
    vetos = modele.vetos.get(juridiction, {})
    sures = modele.regles_sures.get(juridiction, frozenset())
    par_regle = {i.id: i for i in p.infractions}
    sortie: list[Infraction] = []
    for inf in modele.infractions:
        proba = pred.infractions.get(inf, 0.0)
        regle = par_regle.get(inf)
        if regle is not None and (f"{inf}:{regle.regle}" in sures or proba >= vetos.get(inf, 0.0)):
            sortie.append(regle)
        elif proba >= seuils.get(inf, 1.0):
            contributions = modele.contributions(pred.vecteur, juridiction, inf)
            declencheurs = _declencheurs(contributions, p.normalise)
            sortie.append(
                Infraction(inf, declencheurs, regle_probable(inf, juridiction, p.normalise))
            )
    return tuple(sortie)


def _declencheurs(contributions: list[tuple[str, float]], n: str) -> tuple[str, ...]:
    """Les mots (ou paires de mots) du texte qui pèsent le plus vers l'infraction."""
    sortie: list[str] = []
    for f, _ in contributions:
        mot = f[1:]
        if f[0] == "w":
            if not any(c.isalpha() for c in mot):
                continue
        elif f[0] != "b" or "<" in f or ">" in f:
            continue
        if mot not in sortie and not any(mot in x for x in sortie):
            sortie.append(mot)
        if len(sortie) == 3:
            break
    return tuple(sortie) or ("(modèle)",)


def _candidats(classement: list[tuple[str, float]]) -> tuple[tuple[str, float], ...]:
    """Les trois meilleurs actes, scores ramenés à une part du total (0–1)."""
    total = sum(s for _, s in classement) or 1.0
    return tuple((a, round(s / total, 3)) for a, s in classement[:3])


_DEFAUT: Analyseur | None = None


def analyser(texte: str, juridiction: str = "qc", langue_contexte: str | None = None) -> Analyse:
    """Analyse avec l'analyseur partagé, sans exemples de scénario."""
    global _DEFAUT
    if _DEFAUT is None:
        _DEFAUT = Analyseur()
    return _DEFAUT.analyser(texte, juridiction, langue_contexte)
