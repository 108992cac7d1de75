"""Lecture du corpus étiqueté (corpus/README.md) et empreinte des fichiers d'entraînement.

Léger (bibliothèque standard seulement) : sert à l'entraînement, au banc d'essai
et au test qui vérifie que le modèle exporté correspond au corpus.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from simulateur.actes import ACTES, INFRACTIONS

RACINE: Final = Path(__file__).resolve().parents[2]
ENTRAINEMENT: Final = RACINE / "corpus" / "entrainement"
DEVELOPPEMENT: Final = RACINE / "corpus" / "developpement"


@dataclass(frozen=True, slots=True)
class Ligne:
    """Une réplique étiquetée."""

    texte: str
    acte: str
    infractions: tuple[str, ...]
    juridiction: str  # qc, fr ou *
    langue: str
    variete: str
    negatif_difficile: bool
    source: str  # fichier:ligne

    def juridictions(self) -> tuple[str, ...]:
        """Juridictions sous lesquelles l'étiquette vaut."""
        return ("qc", "fr") if self.juridiction == "*" else (self.juridiction,)


def fichiers(dossier: Path = ENTRAINEMENT) -> list[Path]:
    """Fichiers .jsonl du dossier, dans un ordre stable."""
    return sorted(dossier.glob("*.jsonl"))


def empreinte(chemins: list[Path]) -> str:
    """sha256 des noms et contenus des fichiers (ordre trié) : change dès qu'une ligne change."""
    h = hashlib.sha256()
    for c in sorted(chemins, key=lambda p: p.name):
        h.update(c.name.encode("utf-8") + b"\0")
        h.update(c.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def lire(chemin: Path) -> Iterator[Ligne]:
    """Lignes valides d'un fichier ; une ligne invalide lève ValueError avec sa position."""
    with chemin.open(encoding="utf-8") as f:
        for numero, brute in enumerate(f, 1):
            if not brute.strip():
                continue
            ou = f"{chemin.name}:{numero}"
            try:
                d = json.loads(brute)
                ligne = Ligne(
                    texte=str(d["texte"]),
                    acte=str(d["acte"]),
                    infractions=tuple(sorted(set(d.get("infractions") or ()))),
                    juridiction=str(d.get("juridiction") or "*"),
                    langue=str(d.get("langue") or "fr"),
                    variete=str(d.get("variete") or ""),
                    negatif_difficile=bool(d.get("negatif_difficile", False)),
                    source=ou,
                )
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise ValueError(f"{ou} : ligne illisible ({e})") from e
            if ligne.acte not in ACTES:
                raise ValueError(f"{ou} : acte inconnu « {ligne.acte} »")
            if any(i not in INFRACTIONS for i in ligne.infractions):
                raise ValueError(f"{ou} : infraction inconnue dans {list(ligne.infractions)}")
            if ligne.juridiction not in ("qc", "fr", "*"):
                raise ValueError(f"{ou} : juridiction inconnue « {ligne.juridiction} »")
            yield ligne


def lire_tout(chemins: list[Path]) -> list[Ligne]:
    return [ligne for c in chemins for ligne in lire(c)]
