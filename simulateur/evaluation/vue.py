"""Vue d'une transcription pour l'évaluation : les tours, simplement typés."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulateur.scenarios.schema import Scenario
from simulateur.transcription import Transcription


@dataclass(frozen=True, slots=True)
class TourVu:
    numero: int
    texte: str
    acte: str
    infractions: tuple[dict[str, Any], ...]
    langue: str
    langue_debiteur: str  # celle du débiteur au moment où l'apprenant parle
    etat_avant: dict[str, Any]
    etat_apres: dict[str, Any]
    reaction: dict[str, Any]
    entites: dict[str, Any]

    def citation(self, longueur: int = 160) -> str:
        t = " ".join(self.texte.split())
        return t if len(t) <= longueur else t[: longueur - 1] + "…"


@dataclass(frozen=True)
class Vue:
    scenario: Scenario
    entete: dict[str, Any]
    tours: tuple[TourVu, ...]
    fin: dict[str, Any] | None
    notes: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    @property
    def juridiction(self) -> str:
        return self.scenario.juridiction

    @property
    def personnage(self) -> dict[str, Any]:
        return self.entete["personnage"]

    @property
    def capacite(self) -> float:
        b = self.personnage["budget"]
        return max(0.0, b["revenu_net"] - b["depenses_fixes"] - b["paiements_autres_dettes"])

    @property
    def etat_final(self) -> dict[str, Any]:
        return self.tours[-1].etat_apres if self.tours else self.entete.get("debiteur_initial", {})

    @property
    def entente(self) -> dict[str, Any] | None:
        """L'entente conclue : celle de l'événement de fin ; sans fin (appel interrompu), aucune."""
        if self.fin is not None:
            return self.fin.get("entente")
        return None

    def premier(self, *actes: str) -> TourVu | None:
        return next((t for t in self.tours if t.acte in actes), None)


def construire_vue(t: Transcription, scenario: Scenario) -> Vue:
    tours = tuple(
        TourVu(
            numero=ev["tour"],
            texte=ev["apprenant"],
            acte=ev["analyse"]["acte"],
            infractions=tuple(
                i if isinstance(i, dict) else {"id": i}
                for i in ev["analyse"].get("infractions", ())
            ),
            langue=ev["analyse"]["langue"],
            langue_debiteur=ev["debiteur_avant"]["langue"],
            etat_avant=ev["debiteur_avant"],
            etat_apres=ev["debiteur_apres"],
            reaction=ev.get("reaction", {}),
            entites=ev["analyse"].get("entites", {}),
        )
        for ev in t.tours
    )
    return Vue(scenario, t.entete, tours, t.fin, tuple(t.notes))
