"""Révision humaine : annotations et notes revues, rangées à côté de la transcription.

La transcription n'est jamais modifiée (elle est chaînée et peut être signée) :
la révision vit dans `<transcription>.revision.json`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from simulateur.evaluation.rapport import AXES, Rapport


def chemin_revision(transcription: Path) -> Path:
    return transcription.with_name(transcription.name + ".revision.json")


def lire_revision(transcription: Path) -> dict[str, Any] | None:
    chemin = chemin_revision(transcription)
    if not chemin.exists():
        return None
    try:
        donnees = json.loads(chemin.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return donnees if isinstance(donnees, dict) else None


def _ecrire(transcription: Path, donnees: dict[str, Any]) -> Path:
    chemin = chemin_revision(transcription)
    temporaire = chemin.with_suffix(".tmp")
    temporaire.write_text(json.dumps(donnees, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporaire, chemin)  # atomique : jamais de révision à moitié écrite
    return chemin


def reviser(
    transcription: Path,
    *,
    auteur: str,
    tour: int | None = None,
    annotation: str | None = None,
    axe: str | None = None,
    note: float | None = None,
    raison: str | None = None,
) -> Path:
    """Ajoute une annotation de tour et/ou remplace la note d'un axe (avec sa raison)."""
    if axe is not None and axe not in AXES:
        raise ValueError(f"axe inconnu « {axe} » (axes : {', '.join(AXES)})")
    if axe is not None and (note is None or not 0 <= note <= 100 or not raison):
        raise ValueError("une note revue va de 0 à 100 et demande une raison")
    donnees = lire_revision(transcription) or {"annotations": [], "notes": {}}
    quand = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if annotation:
        donnees["annotations"].append(
            {"tour": tour, "texte": annotation, "auteur": auteur, "date": quand}
        )
    if axe is not None:
        donnees["notes"][axe] = {"note": note, "raison": raison, "auteur": auteur, "date": quand}
    return _ecrire(transcription, donnees)


def appliquer_revision(rapport: Rapport, transcription: Path) -> Rapport:
    revision = lire_revision(transcription)
    if not revision:
        return rapport
    notes = {a: float(v["note"]) for a, v in revision.get("notes", {}).items() if a in AXES}
    if not notes:
        return replace(rapport, revision=revision)
    toutes = {a: notes.get(a, x.note) for a, x in rapport.axes.items()}
    return replace(
        rapport,
        revision=revision,
        notes_revisees=notes,
        note_globale_revisee=rapport.moyenne(toutes),
    )
