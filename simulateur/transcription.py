"""Transcriptions JSONL : en-tête, un événement par tour, fin (docs/transcription.md).

Chaque ligne est ajoutée puis vidée sur disque aussitôt (flush + fsync) : un
arrêt brutal laisse lisibles tous les tours terminés. Chaque événement porte
l'empreinte de la ligne précédente, pour que toute retouche se voie.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

FORMAT = 1


def _ligne(evenement: dict[str, Any]) -> str:
    return json.dumps(evenement, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def lignes_jsonl(texte: str) -> list[str]:
    """Découpe sur « \n » seulement : str.splitlines couperait aussi sur U+0085, U+2028…,
    que JSON laisse tels quels dans les chaînes (ensure_ascii=False)."""
    return [x.removesuffix("\r") for x in texte.split("\n")]


def empreinte_ligne(ligne: str) -> str:
    return hashlib.sha256(ligne.encode("utf-8")).hexdigest()


class EcrivainTranscription:
    """Ajoute les événements un à un ; ne réécrit jamais une ligne déjà écrite."""

    def __init__(self, chemin: Path, *, reprise: bool = False, cle: bytes | None = None) -> None:
        self.chemin = chemin
        self.cle = cle  # clé de l'établissement : chaque ligne est alors signée (HMAC)
        chemin.parent.mkdir(parents=True, exist_ok=True)
        self.precedent: str | None = None
        if reprise:
            lignes = [x for x in lignes_jsonl(chemin.read_text(encoding="utf-8")) if x.strip()]
            complet = _lignes_completes(lignes)
            self.precedent = empreinte_ligne(complet[-1]) if complet else None
            if len(complet) != len(lignes):  # dernière ligne tronquée par un arrêt brutal
                chemin.write_text("".join(x + "\n" for x in complet), encoding="utf-8")
            self._f: IO[str] = chemin.open("a", encoding="utf-8")
        else:
            # « x » : on n'écrase jamais une transcription existante.
            self._f = chemin.open("x", encoding="utf-8")

    def ecrire(self, evenement: dict[str, Any]) -> None:
        evenement = dict(evenement, precedent=self.precedent)
        if self.cle is not None:
            from simulateur.integrite import ligne_signee

            evenement = ligne_signee(evenement, self.cle)
        ligne = _ligne(evenement)
        self._f.write(ligne + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())
        self.precedent = empreinte_ligne(ligne)

    def fermer(self) -> None:
        if not self._f.closed:
            self._f.close()

    def __enter__(self) -> EcrivainTranscription:
        return self

    def __exit__(self, *exc: object) -> None:
        self.fermer()


def _lignes_completes(lignes: list[str]) -> list[str]:
    sortie = []
    for ligne in lignes:
        try:
            json.loads(ligne)
        except json.JSONDecodeError:
            break
        sortie.append(ligne)
    return sortie


@dataclass
class Transcription:
    chemin: Path
    entete: dict[str, Any]
    tours: list[dict[str, Any]] = field(default_factory=list)
    fin: dict[str, Any] | None = None
    notes: list[dict[str, Any]] = field(default_factory=list)  # notes de dossier (fin d'appel)
    lignes: list[str] = field(default_factory=list)
    tronquee: bool = False  # dernière ligne incomplète (arrêt brutal pendant l'écriture)

    @property
    def textes_apprenant(self) -> list[str]:
        return [t["apprenant"] for t in self.tours]


class TranscriptionIllisible(Exception):
    pass


def lire_transcription(chemin: str | Path) -> Transcription:
    chemin = Path(chemin)
    try:
        brutes = lignes_jsonl(chemin.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TranscriptionIllisible(f"{chemin} : fichier introuvable") from None
    except (UnicodeDecodeError, OSError) as e:
        raise TranscriptionIllisible(f"{chemin} : lecture impossible ({e})") from None
    lignes = [x for x in brutes if x.strip()]
    completes = _lignes_completes(lignes)
    if not completes:
        raise TranscriptionIllisible(f"{chemin}:1: pas d'en-tête de transcription lisible")
    evenements = [json.loads(x) for x in completes]
    entete = evenements[0]
    if entete.get("type") != "entete":
        raise TranscriptionIllisible(f"{chemin}:1: la première ligne doit être l'en-tête")
    if entete.get("format", 0) > FORMAT:
        raise TranscriptionIllisible(
            f"{chemin}:1: format {entete.get('format')} plus récent que ce programme ({FORMAT})"
        )
    t = Transcription(chemin, entete, lignes=completes, tronquee=len(completes) != len(lignes))
    for ev in evenements[1:]:
        if ev.get("type") == "tour":
            t.tours.append(ev)
        elif ev.get("type") == "fin":
            t.fin = ev
        elif ev.get("type") == "note_dossier":
            t.notes.append(ev)
    return t
