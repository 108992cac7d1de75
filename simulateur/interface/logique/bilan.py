"""Ce que l'écran de bilan affiche d'un rapport, calculé sans Textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from simulateur.interface.logique.entente import Formats

if TYPE_CHECKING:
    from simulateur.evaluation.rapport import Rapport

FORMATS_EXPORT: dict[str, tuple[str, str]] = {
    "texte": ("Texte", "txt"),
    "markdown": ("Markdown", "md"),
    "html": ("HTML", "html"),
    "json": ("JSON", "json"),
    "csv": ("CSV", "csv"),
}


def barre(note: float | None, largeur: int = 10) -> str:
    if note is None:
        return "—".ljust(largeur)
    plein = round(max(0.0, min(100.0, note)) / 100 * largeur)
    return "█" * plein + "░" * (largeur - plein)


@dataclass(frozen=True)
class Comparaison:
    """L'entente convenue face à ce que le débiteur pouvait vraiment payer."""

    texte: str
    tenable: bool | None


def comparer(r: Rapport, f: Formats) -> Comparaison:
    capacite = r.capacite_reelle
    du = f" · montant dû : {f.argent(r.montant_du)}" if r.montant_du is not None else ""
    cap = f"{f.argent(capacite)} par mois" if capacite is not None else "inconnue"
    if not r.entente:
        return Comparaison(f"Aucune entente · capacité réelle : {cap}{du}", None)
    montant = float(r.entente.get("montant") or 0)
    mensualite = float(r.entente.get("mensualite") or montant)
    freq = f.frequence(r.entente.get("frequence") or "mensuelle")
    tenable = None if capacite is None else mensualite <= capacite + 0.005
    verdict = (
        "" if tenable is None else (" → tenable" if tenable else " → au-dessus de sa capacité")
    )
    sincere = "" if r.entente.get("sincere", True) else " (promesse sans intention de payer)"
    return Comparaison(
        f"Entente : {f.argent(montant)} {freq}{sincere} · capacité réelle : {cap}{du}{verdict}",
        tenable,
    )


def nom_fichier_export(r: Rapport, format_: str) -> str:
    from pathlib import Path

    return f"bilan-{Path(r.transcription).stem}.{FORMATS_EXPORT[format_][1]}"
