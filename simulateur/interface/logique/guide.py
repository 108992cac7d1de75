"""Mode entraînement : liste de contrôle qui se coche, indices, alertes de conformité.

Ne lit que ce que la session produit (analyse de chaque réplique, état du
débiteur) : aucune dépendance à Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# Références des règles d'énoncé (cadre-legal.md) : pour nommer la règle dans l'alerte.
REFERENCES: dict[str, str] = {
    "qc_arrestation_penale": "LRCC 3 par. 1°",
    "qc_poursuite_annoncee": "LRCC 34 par. 6°",
    "qc_divulgation_menacee": "LRCC 34 par. 5° ; 3 par. 4°",
    "qc_harcelement": "LRCC 3 par. 3°",
    "qc_fausse_representation": "LRCC 2 ; 3 par. 6°",
    "qc_saisie_annoncee": "C.p.c. 694 à 698",
    "qc_montant_superieur": "LRCC 3 par. 5°",
    "qc_frais_recouvrement": "LRCC 34 par. 7°",
    "qc_verif_avant_divulgation": "LRCC 3 par. 4°, 4",
    "qc_identification": "LRCC 4 al. 2",
    "fr_frais_recouvrement": "CPCE L111-8",
    "fr_confusion_judiciaire": "C. pén. 433-13 ; C. conso L121-2",
    "fr_saisie_sans_titre": "CPCE L111-2, L111-3",
    "fr_extorsion_chantage": "C. pén. 312-1, 312-10",
    "fr_pression_agressive": "C. conso L121-6, L121-7",
    "fr_montant": "CPCE R124-4 3°",
    "fr_creance_prescrite": "C. conso L218-2",
    "fr_verif_avant_divulgation": "accord ASF ; RGPD 5.1 c)",
    "fr_identification": "C. conso L121-2 3°",
}

LIBELLES_INFRACTIONS: dict[str, str] = {
    "menace": "Menace",
    "harcelement": "Harcèlement",
    "fausse_representation": "Fausse représentation",
    "frais_illicites": "Frais illicites",
    "divulgation_avant_verification": "Divulgation avant vérification d'identité",
}


def reference_de(regle: str | None) -> str | None:
    """Référence légale d'une règle : celle de l'évaluation, sinon la table ci-dessus."""
    if not regle:
        return None
    try:
        from simulateur.evaluation.regles import regle as regle_evaluation

        ref = regle_evaluation(regle).reference
    except ImportError:  # pragma: no cover - évaluation absente
        ref = ""
    return ref or REFERENCES.get(regle)


Statut = Literal["a_faire", "fait", "manque"]


@dataclass
class Etape:
    id: str
    libelle: str
    conseil: str  # l'indice donné sur demande
    statut: Statut = "a_faire"
    tour: int | None = None


def etapes_initiales() -> list[Etape]:
    return [
        Etape(
            "presentation",
            "Se présenter (nom, agence, créancier)",
            "Présentez-vous : « Ici Julie Caron, de l'agence Recouvra, mandatée par … »",
        ),
        Etape(
            "verification",
            "Vérifier l'identité avant de divulguer",
            "Avant de parler de la dette, vérifiez l'identité : « Suis-je bien avec M. … ? "
            "Pouvez-vous me confirmer votre date de naissance ? »",
        ),
        Etape(
            "objet",
            "Annoncer l'objet de l'appel",
            "Annoncez la créance : créancier, montant exact, échéance (et n° de permis au Québec).",
        ),
        Etape(
            "questions_ouvertes",
            "Poser des questions ouvertes",
            "Laissez le débiteur expliquer : « Qu'est-ce qui s'est passé de votre côté ? »",
        ),
        Etape(
            "budget",
            "Explorer le budget (revenus, dépenses)",
            "Demandez le revenu net et les dépenses fixes par mois, puis les autres dettes ; "
            "notez-les dans la feuille Budget (F3).",
        ),
        Etape(
            "proposition",
            "Proposer une entente réaliste",
            "Proposez un montant, une fréquence et une date que la capacité permet "
            "(formulaire Entente, F4).",
        ),
        Etape(
            "recapitulatif",
            "Récapituler l'entente",
            "Récapitulez : « Donc, 75 $ le 1er de chaque mois, par virement, à partir du … »",
        ),
        Etape(
            "cloture", "Conclure l'appel", "Concluez poliment : « Merci, bonne fin de journée. »"
        ),
    ]


@dataclass(frozen=True)
class Alerte:
    tour: int
    infraction: str  # id d'infraction (actes.md) ou de règle de contexte
    regle: str | None
    reference: str | None
    declencheurs: tuple[str, ...] = ()

    @property
    def libelle(self) -> str:
        nom = LIBELLES_INFRACTIONS.get(self.infraction, self.infraction)
        regle = f" — {self.regle}" if self.regle else ""
        ref = f" ({self.reference})" if self.reference else ""
        return f"Tour {self.tour} : {nom}{regle}{ref}"


_ACTES_ETAPES: dict[str, str] = {
    "presentation": "presentation",
    "verification_identite": "verification",
    "objet_appel": "objet",
    "question_ouverte": "questions_ouvertes",
    "proposition_entente": "proposition",
    "contre_proposition": "proposition",
    "confirmation_entente": "recapitulatif",
    "cloture": "cloture",
}
# Actes qui divulguent la créance : interdits avant la vérification d'identité.
_DIVULGATION = {"objet_appel", "demande_paiement", "proposition_entente", "contre_proposition"}


@dataclass
class Guide:
    juridiction: str
    etapes: list[Etape] = field(default_factory=etapes_initiales)
    alertes: list[Alerte] = field(default_factory=list)

    def etape(self, id_: str) -> Etape:
        return next(e for e in self.etapes if e.id == id_)

    def _cocher(self, id_: str, tour: int) -> None:
        e = self.etape(id_)
        if e.statut == "a_faire":
            e.statut, e.tour = "fait", tour

    def observer(
        self, tour: int, analyse: dict[str, Any], avant: dict[str, Any], apres: dict[str, Any]
    ) -> list[Alerte]:
        """Met à jour la liste après un tour ; rend les nouvelles alertes."""
        acte = analyse.get("acte", "")
        nouvelles: list[Alerte] = []
        verif = self.etape("verification")
        if acte in _DIVULGATION and not avant.get("identite_verifiee") and verif.statut != "manque":
            if verif.statut == "a_faire":
                verif.statut, verif.tour = "manque", tour
            regle = f"{self.juridiction}_verif_avant_divulgation"
            nouvelles.append(
                Alerte(tour, "divulgation_avant_verification", regle, reference_de(regle))
            )
        if acte in _ACTES_ETAPES:
            self._cocher(_ACTES_ETAPES[acte], tour)
        if apres.get("identite_verifiee"):
            self._cocher("verification", tour)
        revele = set(apres.get("budget_revele") or ())
        if {"revenu", "depenses"} <= revele:
            self._cocher("budget", tour)
        for i in analyse.get("infractions") or ():
            if isinstance(i, str):
                i = {"id": i}
            regle = i.get("regle")
            nouvelles.append(
                Alerte(
                    tour,
                    i["id"],
                    regle,
                    reference_de(regle),
                    tuple(i.get("declencheurs") or ()),
                )
            )
        self.alertes.extend(nouvelles)
        return nouvelles

    def indice(self) -> str:
        """Le prochain pas utile : la première étape encore à faire."""
        for e in self.etapes:
            if e.statut == "a_faire":
                return e.conseil
        return "Tout y est : récapitulez si besoin, puis concluez l'appel."

    @property
    def faites(self) -> int:
        return sum(e.statut == "fait" for e in self.etapes)
