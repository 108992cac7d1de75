"""Schéma d'un fichier de scénario (clés françaises), validé par pydantic.

Les contrôles qui croisent plusieurs parties du fichier (états, actes,
variables, gabarits) sont dans `validation.py`, pour tout signaler d'un coup.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

Langue = Literal["fr", "en"]
Locale = Literal["fr_CA", "fr_FR", "en_CA"]
Archetype = Literal["difficulte_financiere", "perte_commerce", "mauvaise_foi"]
ResultatFin = Literal["entente", "refus", "raccroche", "rappel", "tiers", "orientation", "autre"]


class Modele(BaseModel):
    """Base : toute clé inconnue est une erreur (souvent une faute de frappe)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _plage(v: Any) -> Any:
    # Un nombre seul vaut une plage réduite à ce nombre.
    if isinstance(v, int | float) and not isinstance(v, bool):
        return (v, v)
    return v


def _ordonnee(p: tuple[float, float]) -> tuple[float, float]:
    if p[0] > p[1]:
        raise ValueError(f"le minimum {p[0]:g} dépasse le maximum {p[1]:g} : écrivez [min, max]")
    return p


def _entre_0_et_1(p: tuple[float, float]) -> tuple[float, float]:
    if not (0 <= p[0] <= 1 and 0 <= p[1] <= 1):
        raise ValueError("les valeurs vont de 0 à 1")
    return p


# Plage [min, max] ; un nombre seul vaut [n, n].
Plage = Annotated[tuple[float, float], BeforeValidator(_plage), AfterValidator(_ordonnee)]
Plage01 = Annotated[Plage, AfterValidator(_entre_0_et_1)]


class Condition(Modele):
    """Conditions déclaratives ; toutes doivent être vraies (ET logique)."""

    confiance_min: float | None = Field(None, ge=0, le=1)
    confiance_max: float | None = Field(None, ge=0, le=1)
    irritation_min: float | None = Field(None, ge=0, le=1)
    irritation_max: float | None = Field(None, ge=0, le=1)
    offre: Literal["acceptee", "contre", "refusee", "impossible", "incomplete"] | None = None
    paiement_integral: Literal["accepte", "refuse"] | None = None
    identite_verifiee: bool | None = None
    dette_annoncee: bool | None = None
    entente_conclue: bool | None = None
    infraction: bool | None = None  # la réplique de ce tour porte une infraction
    faits_reveles: list[str] = []
    tour_min: int | None = Field(None, ge=1)
    tour_max: int | None = Field(None, ge=1)
    langue: Langue | None = None
    variables: dict[str, bool | int | float | str] = {}


class Effets(Modele):
    """Effets déclaratifs appliqués à l'état du débiteur quand la transition a lieu."""

    confiance: float | None = Field(None, ge=-1, le=1)  # variation
    irritation: float | None = Field(None, ge=-1, le=1)  # variation
    variables: dict[str, bool | int | float | str] = {}
    reveler: list[str] = []  # ids de faits
    langue: Langue | None = None


class Variante(Modele):
    id: str | None = None
    texte: str
    langue: Langue | None = None  # par défaut : langue de départ du débiteur
    si: Condition | None = None


def _variante(v: Any) -> Any:
    if isinstance(v, str):
        return {"texte": v}
    if isinstance(v, dict) and "texte" not in v and len(v) == 1:
        # « - Oui : allô ? » se lit comme une table {Oui: allô ?} : le deux-points trompe YAML.
        ((cle, valeur),) = v.items()
        if cle not in Variante.model_fields:
            raise ValueError(
                f"réplique « {cle} : {valeur} » lue comme une clé : mettez-la entre guillemets"
            )
    return v


VarianteSouple = Annotated[Variante, BeforeValidator(_variante)]
Repliques = dict[str, list[VarianteSouple]]


class Bascule(Modele):
    """Le débiteur change de langue en cours d'appel."""

    vers: Langue
    phase: str | None = None  # en entrant dans cette phase
    tour: int | None = Field(None, ge=1)  # ou à partir de ce tour

    @model_validator(mode="after")
    def _un_declencheur(self) -> Bascule:
        if self.phase is None and self.tour is None:
            raise ValueError("indiquez « phase » ou « tour » pour la bascule de langue")
        return self


class Langues(Modele):
    debiteur: Langue
    bascule: Bascule | None = None


class Evenement(Modele):
    date: dt.date
    evenement: str


class Creance(Modele):
    libelle: str
    montant: float = Field(ge=0)


class Dossier(Modele):
    creancier: str
    agence: str = "Recouvra"
    numero_permis: str | None = None
    reference: str | None = None
    montant: float = Field(gt=0)
    devise: Literal["CAD", "EUR"]
    echeance: dt.date
    dernier_paiement: dt.date | None = None
    commercial: bool = False  # dette entre professionnels (indemnité de 40 € permise en France)
    surendettement_recevable: bool = False  # France : dossier déclaré recevable
    detail: list[Creance] = []
    historique: list[Evenement] = []
    notes: str = ""


class Mandat(Modele):
    versement_minimum: float = Field(ge=0)  # mensualité minimale acceptable
    duree_max_mois: int = Field(ge=1)
    reduction_autorisee: bool = False
    reduction_max_pct: float = Field(0, ge=0, le=100)


class Appel(Modele):
    date: dt.date
    heure: dt.time
    interlocuteur: Literal["debiteur", "tiers", "caution"] = "debiteur"
    ligne: Literal["domicile", "cellulaire", "travail", "visite"] = "domicile"
    enregistre: bool = False
    date_avis: dt.date | None = None  # Québec : avis de réclamation (formule N-41)
    lettre_reference: str | None = None  # France : lettre R124-4
    lettre_date: dt.date | None = None
    # Drapeaux du dossier qui interdisent ou encadrent l'appel (cadre-legal.md, type C).
    ecrit_seulement: bool = False  # le débiteur a exigé l'écrit
    avocat: bool = False  # le débiteur a désigné un avocat
    autorisation_travail: bool = False  # appel au travail expressément autorisé
    appels_recents: int = Field(0, ge=0)  # appels déjà passés cette semaine


class Fait(Modele):
    """Ce que le débiteur ne dit que si on le lui demande bien."""

    id: str
    texte: str | dict[Langue, str]
    actes: list[str] = ["question_ouverte", "question_financiere", "empathie"]
    si: Condition | None = None


class ContraintesPersonnage(Modele):
    archetype: Archetype
    locale: Locale | None = None
    revenu_net: Plage  # mensuel, dans la devise du dossier
    depenses_fixes: Plage
    actifs: Plage = (0, 0)
    autres_dettes: Plage = (0, 0)
    confiance: Plage01 = (0.3, 0.5)
    irritation: Plage01 = (0.1, 0.3)
    honnetete: Plage01 = (0.7, 1.0)
    patience: Plage01 = (0.75, 0.9)  # irritation à laquelle il raccroche
    situation: str | dict[Langue, str] = ""
    faits: list[Fait] = []


class Reaction(Modele):
    confiance: float = Field(0, ge=-1, le=1)
    irritation: float = Field(0, ge=-1, le=1)


class Phase(Modele):
    description: str = ""
    repliques: Repliques = {}


class Fin(Modele):
    resultat: ResultatFin
    description: str = ""
    repliques: list[VarianteSouple] = []


class Transition(Modele):
    de: str | list[str]  # « * » : toute phase
    acte: str | list[str]
    vers: str
    si: Condition | None = None
    effets: Effets | None = None

    def sources(self) -> list[str]:
        return [self.de] if isinstance(self.de, str) else list(self.de)

    def actes(self) -> list[str]:
        return [self.acte] if isinstance(self.acte, str) else list(self.acte)


class Scenario(Modele):
    # Permet la ligne « $schema » des éditeurs sans la rejeter.
    schema_: str | None = Field(None, alias="$schema")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    titre: str
    description: str
    juridiction: Literal["qc", "fr"]
    canal: Literal["telephone", "visite"]
    niveau: Literal["simple", "complexe"]
    langue: Langues
    appel: Appel
    dossier: Dossier
    mandat: Mandat
    personnage: ContraintesPersonnage
    variables: dict[str, bool | int | float | str] = {}
    reactions: dict[str, Reaction] = {}  # par acte ou infraction : surcharge la table par défaut
    etat_initial: str
    phases: dict[str, Phase]
    fins: dict[str, Fin] = {}
    transitions: list[Transition]
    repliques: Repliques = {}  # communes à toutes les phases
    exemples: dict[str, list[str]] = {}  # répliques d'apprenant propres au scénario, par acte
    grille: dict[str, dict[str, float]] = {}  # surcharge de la grille d'évaluation

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def locale(self) -> str:
        if self.personnage.locale:
            return self.personnage.locale
        if self.juridiction == "fr":
            return "fr_FR"
        return "en_CA" if self.langue.debiteur == "en" else "fr_CA"

    def langues_possibles(self) -> set[str]:
        s = {self.langue.debiteur}
        if self.langue.bascule:
            s.add(self.langue.bascule.vers)
        return s
