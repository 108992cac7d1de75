"""Relecture d'une transcription : chaque tour décrit (analyse, changement d'état, preuves)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulateur.interface.logique.guide import LIBELLES_INFRACTIONS, reference_de

if TYPE_CHECKING:
    from simulateur.evaluation.rapport import Preuve

LIBELLES_ACTES: dict[str, str] = {
    "salutation": "salutation",
    "presentation": "présentation",
    "verification_identite": "vérif. identité",
    "objet_appel": "objet de l'appel",
    "question_ouverte": "question ouverte",
    "question_financiere": "question financière",
    "empathie": "empathie",
    "reformulation": "reformulation",
    "demande_paiement": "demande de paiement",
    "proposition_entente": "proposition",
    "contre_proposition": "contre-proposition",
    "orientation_ressource": "orientation",
    "information_droits": "information droits",
    "confirmation_entente": "récapitulatif",
    "changement_langue": "changement de langue",
    "cloture": "clôture",
    "autre": "autre",
}

# Champs d'état du débiteur montrés quand ils changent.
CHAMPS_ETAT: dict[str, str] = {
    "confiance": "confiance",
    "irritation": "irritation",
    "langue": "langue",
    "identite_verifiee": "identité vérifiée",
    "dette_annoncee": "dette annoncée",
    "faits_reveles": "faits révélés",
    "budget_revele": "budget révélé",
    "entente": "entente",
    "entente_confirmee": "entente récapitulée",
    "demandes_paiement": "demandes de paiement",
}


def _valeur(v: Any) -> str:
    if isinstance(v, bool):
        return "oui" if v else "non"
    if isinstance(v, float):
        return f"{v:.2f}".replace(".", ",")
    if isinstance(v, list):
        return ", ".join(map(str, v)) or "—"
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return "—" if v is None else str(v)


def changements(avant: dict[str, Any], apres: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [
        (nom, _valeur(avant.get(cle)), _valeur(apres.get(cle)))
        for cle, nom in CHAMPS_ETAT.items()
        if avant.get(cle) != apres.get(cle)
    ]


@dataclass
class TourRelu:
    numero: int
    apprenant: str
    debiteur: str
    acte: str
    confiance: float
    langue: str
    infractions: list[tuple[str, str | None, str | None, tuple[str, ...]]]
    entites: list[str]
    phase_avant: str
    phase_apres: str
    transition: int | None
    changements: list[tuple[str, str, str]]
    reaction: list[str]
    preuves: list[Preuve] = field(default_factory=list)

    @property
    def violation(self) -> bool:
        return bool(self.infractions) or any(
            p.sens == "negatif" and p.points < 0 for p in self.preuves
        )


def _entites(e: dict[str, Any]) -> list[str]:
    sortie = [f"montant {m['texte']}" for m in e.get("montants", ())]
    if e.get("frequence"):
        sortie.append(f"fréquence {e['frequence']}")
    sortie += [f"date {d['texte']}" for d in e.get("dates", ())]
    sortie += [f"budget : {s}" for s in e.get("sujets_budget", ())]
    return sortie


def _reaction(r: dict[str, Any]) -> list[str]:
    sortie = []
    if r.get("resultat_offre"):
        sortie.append(f"offre {r['resultat_offre']}")
    if r.get("fait"):
        sortie.append(f"fait révélé : {r['fait']}")
    if r.get("budget"):
        b = r["budget"]
        sortie.append(f"budget révélé : {b.get('sujet')} = {b.get('valeur')}")
    if r.get("paiement_integral"):
        sortie.append(f"paiement intégral {r['paiement_integral']}")
    return sortie


def lire_tours(evenements: list[dict[str, Any]]) -> list[TourRelu]:
    tours = []
    for ev in evenements:
        a = ev.get("analyse") or {}
        infractions = []
        for i in a.get("infractions") or ():
            if isinstance(i, str):
                i = {"id": i}
            regle = i.get("regle")
            infractions.append(
                (i["id"], regle, reference_de(regle), tuple(i.get("declencheurs") or ()))
            )
        tours.append(
            TourRelu(
                numero=ev["tour"],
                apprenant=ev.get("apprenant", ""),
                debiteur=(ev.get("debiteur") or {}).get("texte", ""),
                acte=a.get("acte", "?"),
                confiance=float(a.get("confiance") or 0),
                langue=a.get("langue", "?"),
                infractions=infractions,
                entites=_entites(a.get("entites") or {}),
                phase_avant=ev.get("phase_avant", ""),
                phase_apres=ev.get("phase_apres", ""),
                transition=ev.get("transition"),
                changements=changements(
                    ev.get("debiteur_avant") or {}, ev.get("debiteur_apres") or {}
                ),
                reaction=_reaction(ev.get("reaction") or {}),
            )
        )
    return tours


def note_dossier(lignes: list[str]) -> dict[str, Any] | None:
    """Le dernier événement « note_dossier » de la transcription, s'il existe."""
    note = None
    for ligne in lignes:
        ev = json.loads(ligne)
        if ev.get("type") == "note_dossier":
            note = ev
    return note


def libelle_infraction(i: str) -> str:
    return LIBELLES_INFRACTIONS.get(i, i)


def titre_fichier(chemin: Path) -> str:
    return chemin.name
