"""Le rapport d'évaluation : une note par axe, chaque point appuyé sur une preuve.

Interface stable entre l'évaluation (qui ne lit que des transcriptions) et ses
lecteurs : commande `evaluer`, statistiques, écran de bilan de l'application.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from simulateur.actes import AXES as AXES  # réexporté : les lecteurs du rapport le prennent ici

Sens = Literal["positif", "negatif"]


@dataclass(frozen=True, slots=True)
class Preuve:
    """Un constat tiré de la transcription, avec de quoi le vérifier."""

    tour: int | None  # None : constat sur toute la session (ex. entente jamais récapitulée)
    citation: str  # extrait exact de la réplique (ou description du constat)
    regle: str  # id d'infraction (actes.md), de règle (cadre-legal.md) ou de critère de la grille
    reference: str  # article de loi ou compétence (ex. « LRCC 34 par. 6° », « AEP 224-086 »)
    conseil: str  # une phrase en français : quoi faire la prochaine fois
    sens: Sens = "negatif"
    points: float = 0.0  # effet sur la note de l'axe (négatif : retrait)
    grave: bool = False  # une infraction grave plafonne la note de conformité
    infraction: str | None = None  # id d'infraction de actes.md, ou « bonne_pratique »


@dataclass(frozen=True, slots=True)
class Axe:
    nom: str
    note: float | None  # 0–100 ; None : l'axe ne s'applique pas (pas de langue seconde)
    preuves: tuple[Preuve, ...] = ()
    plafond: float | None = None  # plafond appliqué (infraction grave), s'il y en a un


@dataclass(frozen=True, slots=True)
class Rapport:
    transcription: str  # chemin du fichier évalué
    scenario_id: str
    apprenant: str
    graine: int
    resultat: str | None  # fin de l'appel (entente, raccroche…), None si interrompu
    axes: dict[str, Axe]
    note_globale: float
    entente: dict[str, Any] | None = None  # ce qui a été convenu
    capacite_reelle: float | None = None  # ce que le débiteur pouvait vraiment payer par mois
    montant_du: float | None = None
    devise: str | None = None
    debut: str = ""  # début de la session (ISO 8601)
    poids: dict[str, float] = field(default_factory=dict)  # poids des axes notés
    revision: dict[str, Any] | None = None  # révision humaine, si elle existe
    notes_revisees: dict[str, float] = field(default_factory=dict)  # axe → note revue
    note_globale_revisee: float | None = None
    avertissements: tuple[str, ...] = ()

    def note(self, axe: str) -> float | None:
        """La note retenue : revue par un évaluateur si elle l'a été, sinon automatique."""
        return self.notes_revisees.get(axe, self.axes[axe].note)

    def vers_dict(self) -> dict[str, Any]:
        return asdict(self)

    def moyenne(self, notes: dict[str, float | None]) -> float:
        poids = {a: p for a, p in self.poids.items() if notes.get(a) is not None}
        total = sum(poids.values()) or 1.0
        return round(sum(notes[a] * p for a, p in poids.items()) / total, 1)  # type: ignore[operator]
