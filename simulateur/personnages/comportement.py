"""Comportement du débiteur : émotions, révélations et négociation, tour par tour.

Pur et déterministe : tout dépend du personnage, de l'état et de l'analyse.
Les variations par acte sont des données (TABLE_REACTIONS) qu'un scénario surcharge.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from simulateur.comprehension.analyse import VERSEMENTS_PAR_MOIS, Analyse
from simulateur.personnages.personnage import Personnage

# (confiance, irritation) ajoutées quand l'agent fait cet acte ou cette infraction.
TABLE_REACTIONS: dict[str, tuple[float, float]] = {
    "salutation": (0.02, 0.0),
    "presentation": (0.05, 0.0),
    "verification_identite": (0.03, 0.0),
    "objet_appel": (0.0, 0.03),
    "question_ouverte": (0.06, -0.02),
    "question_financiere": (0.01, 0.01),
    "empathie": (0.08, -0.08),
    "reformulation": (0.06, -0.04),
    "demande_paiement": (-0.02, 0.06),
    "proposition_entente": (0.02, 0.0),
    "contre_proposition": (0.01, 0.01),
    "orientation_ressource": (0.05, -0.03),
    "information_droits": (0.04, -0.02),
    "confirmation_entente": (0.02, 0.0),
    "changement_langue": (0.05, -0.03),
    "cloture": (0.0, 0.0),
    "autre": (-0.01, 0.03),
    "menace": (-0.2, 0.25),
    "harcelement": (-0.25, 0.3),
    "fausse_representation": (-0.15, 0.15),
    "frais_illicites": (-0.12, 0.15),
}

SEUIL_CONFIANCE_BUDGET = 0.35  # en deçà, il refuse de parler d'argent
SEUIL_CONFIANCE_FAIT = 0.4
ORDRE_BUDGET = ("revenu", "depenses", "dettes", "actifs")


@dataclass
class EtatDebiteur:
    """État interne, écrit avant et après chaque tour dans la transcription."""

    confiance: float
    irritation: float
    langue: str
    identite_verifiee: bool = False
    dette_annoncee: bool = False
    faits_reveles: list[str] = field(default_factory=list)
    budget_revele: list[str] = field(default_factory=list)
    derniere_contre_offre: dict[str, Any] | None = None
    entente: dict[str, Any] | None = None
    entente_confirmee: bool = False
    demandes_paiement: int = 0
    infractions: int = 0
    variables: dict[str, Any] = field(default_factory=dict)

    def vers_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def depuis_dict(cls, d: dict[str, Any]) -> EtatDebiteur:
        return cls(**d)

    def ajuster(self, confiance: float = 0.0, irritation: float = 0.0) -> None:
        self.confiance = round(min(1.0, max(0.0, self.confiance + confiance)), 4)
        self.irritation = round(min(1.0, max(0.0, self.irritation + irritation)), 4)


@dataclass
class Reaction:
    """Ce que le débiteur a décidé ce tour-ci ; sert aux conditions et aux répliques."""

    cles: list[str] = field(default_factory=list)  # de la plus précise à la plus générale
    offre: dict[str, Any] | None = None
    resultat_offre: str | None = None  # acceptee, contre, refusee, impossible, incomplete
    paiement_integral: str | None = None  # accepte, refuse
    fait: str | None = None  # id du fait révélé
    budget: dict[str, Any] | None = None  # {sujet, valeur}
    variables: dict[str, Any] = field(default_factory=dict)  # pour les gabarits

    def vers_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, [], {})}


def etat_initial(p: Personnage, variables: dict[str, Any]) -> EtatDebiteur:
    return EtatDebiteur(
        confiance=p.temperament.confiance,
        irritation=p.temperament.irritation,
        langue=p.langue,
        variables=dict(variables),
    )


def _arrondir_bas(v: float, pas: float = 5) -> float:
    return math.floor(v / pas) * pas


def disposition(p: Personnage, etat: EtatDebiteur) -> float:
    """Mensualité que le débiteur consent à payer : sa capacité, modulée par la confiance."""
    capacite = p.budget.capacite
    if p.promet_sans_intention:
        # Il raisonne sur le budget qu'il déclare, pas sur le vrai.
        capacite = p.budget_declare.capacite
    return capacite * (0.5 + 0.5 * etat.confiance)


def lire_offre(analyse: Analyse, montant_du: float) -> dict[str, Any] | None:
    m = analyse.entites.montant_principal()
    if m is None or m.valeur <= 0:
        return None
    frequence = analyse.entites.frequence
    if frequence is None:
        frequence = "unique" if m.valeur >= montant_du else "mensuelle"
    mensualite = m.valeur * VERSEMENTS_PAR_MOIS.get(frequence, 1.0)
    offre: dict[str, Any] = {
        "montant": m.valeur,
        "frequence": frequence,
        "mensualite": round(mensualite, 2),
    }
    if analyse.entites.dates:
        offre["date"] = analyse.entites.dates[0].texte
    return offre


def evaluer_offre(
    p: Personnage, etat: EtatDebiteur, offre: dict[str, Any], montant_du: float
) -> tuple[str, dict[str, Any] | None]:
    """Acceptée si dans ce qu'il peut et veut payer ; sinon contre-offre ou refus."""
    if offre["frequence"] == "unique":
        disponible = p.budget.actifs + p.budget.capacite
        if offre["montant"] <= disponible and etat.confiance >= 0.5:
            return "acceptee", None
        return ("refusee" if disponible > 0 else "impossible"), None
    veut = disposition(p, etat)
    precedente = etat.derniere_contre_offre
    if precedente and offre["mensualite"] <= precedente["mensualite"] + 0.01:
        return "acceptee", None
    if p.promet_sans_intention and etat.irritation >= 0.35:
        return "acceptee", None  # il promet pour qu'on le laisse tranquille
    if offre["mensualite"] <= veut + 0.01:
        return "acceptee", None
    if veut < 10 or veut < montant_du / 120:
        return "impossible", None
    facteur = VERSEMENTS_PAR_MOIS.get(offre["frequence"], 1.0)
    montant = _arrondir_bas(veut / facteur)
    if montant <= 0:
        return "impossible", None
    contre = {
        "montant": montant,
        "frequence": offre["frequence"],
        "mensualite": round(montant * facteur, 2),
    }
    return "contre", contre


def reagir(
    p: Personnage,
    etat: EtatDebiteur,
    analyse: Analyse,
    montant_du: float,
    reactions: dict[str, tuple[float, float]],
    fait_permis: Callable[[str], bool] = lambda _id: True,
) -> Reaction:
    """Met à jour `etat` et dit comment le débiteur réagit à la réplique de l'agent."""
    r = Reaction()
    acte = analyse.acte
    for cle in (acte, *analyse.ids_infractions):
        dc, di = reactions.get(cle, TABLE_REACTIONS.get(cle, (0.0, 0.0)))
        if cle == "demande_paiement":
            di += 0.04 * etat.demandes_paiement  # l'insistance use la patience
        if p.archetype == "mauvaise_foi" and dc > 0:
            dc /= 2  # la méfiance résiste à l'écoute
        etat.ajuster(dc, di)
    if analyse.infractions:
        etat.infractions += 1
        r.cles.append("reaction_infraction")
    if analyse.langue != etat.langue and acte != "changement_langue" and analyse.texte.strip():
        etat.ajuster(-0.03, 0.05)
        r.cles.append("langue_incomprise")

    if acte == "verification_identite":
        if not etat.identite_verifiee:
            r.cles.append("identite_confirmee")
        etat.identite_verifiee = True
    elif acte == "objet_appel":
        etat.dette_annoncee = True
    elif acte == "demande_paiement":
        etat.demandes_paiement += 1
        disponible = p.budget.actifs + p.budget.capacite
        if disponible >= montant_du and etat.confiance >= 0.5:
            r.paiement_integral = "accepte"
            etat.entente = {"montant": montant_du, "frequence": "unique", "mensualite": montant_du}
            etat.entente["sincere"] = not p.promet_sans_intention
        else:
            r.paiement_integral = "refuse"
        r.cles.append(f"paiement_integral_{r.paiement_integral}")
    elif acte in ("proposition_entente", "contre_proposition"):
        _negocier(p, etat, analyse, montant_du, r)
    elif acte == "confirmation_entente":
        if etat.entente:
            etat.entente_confirmee = True
            r.cles.append("entente_confirmee")
            r.variables["entente"] = etat.entente
        else:
            offre = lire_offre(analyse, montant_du)
            if offre:  # un récapitulatif chiffré vaut proposition s'il n'y a rien d'accepté
                _negocier(p, etat, analyse, montant_du, r)
            else:
                r.cles.append("confirmation_sans_entente")
    elif acte == "orientation_ressource":
        r.cles.append("ressource_acceptee")
    elif acte == "question_financiere":
        _reveler_budget(p, etat, analyse, r)

    if acte in ("question_ouverte", "question_financiere", "empathie", "reformulation") and not (
        r.budget
    ):
        _reveler_fait(p, etat, acte, r, fait_permis)
    r.cles.append(acte)
    return r


def _negocier(
    p: Personnage, etat: EtatDebiteur, analyse: Analyse, montant_du: float, r: Reaction
) -> None:
    offre = lire_offre(analyse, montant_du)
    if offre is None:
        r.resultat_offre = "incomplete"
        r.cles.append("offre_incomplete")
        return
    r.offre = offre
    resultat, contre = evaluer_offre(p, etat, offre, montant_du)
    r.resultat_offre = resultat
    r.variables["offre"] = offre
    if resultat == "acceptee":
        etat.entente = dict(offre, sincere=not p.promet_sans_intention)
        etat.entente_confirmee = False
    elif resultat == "contre" and contre:
        etat.derniere_contre_offre = contre
        r.variables["contre_offre"] = contre
    r.cles.append(f"offre_{resultat}")


def _reveler_budget(p: Personnage, etat: EtatDebiteur, analyse: Analyse, r: Reaction) -> None:
    if etat.confiance < SEUIL_CONFIANCE_BUDGET:
        r.cles.append("budget_refus")
        return
    demandes = [s for s in analyse.entites.sujets_budget if s in ORDRE_BUDGET]
    if not demandes:
        demandes = [s for s in ORDRE_BUDGET if s not in etat.budget_revele][:1]
    if not demandes:
        return
    sujet = demandes[0]
    b = p.budget_declare
    valeur = {
        "revenu": b.revenu_net,
        "depenses": b.depenses_fixes,
        "actifs": b.actifs,
        "dettes": b.autres_dettes,
    }[sujet]
    if sujet not in etat.budget_revele:
        etat.budget_revele.append(sujet)
    r.budget = {"sujet": sujet, "valeur": valeur}
    r.variables["valeur"] = valeur
    r.cles.append(f"budget_{sujet}")


def _reveler_fait(
    p: Personnage, etat: EtatDebiteur, acte: str, r: Reaction, permis: Callable[[str], bool]
) -> None:
    if etat.confiance < SEUIL_CONFIANCE_FAIT:
        return
    for fait in p.faits:
        if fait.id not in etat.faits_reveles and acte in fait.actes and permis(fait.id):
            etat.faits_reveles.append(fait.id)
            r.fait = fait.id
            r.variables["fait"] = fait.textes.get(etat.langue, fait.texte)
            r.cles.append("fait_revele")
            return
