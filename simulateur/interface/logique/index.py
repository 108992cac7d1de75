"""Index SQLite des sessions : la transcription reste la source de vérité.

Plusieurs processus (un par onglet sous `simulateur servir`) peuvent écrire :
mode WAL et délai d'attente. Si l'index manque une transcription (appel joué
en ligne de commande, index effacé), `synchroniser` la retrouve.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    chemin TEXT PRIMARY KEY,
    scenario_id TEXT NOT NULL,
    titre TEXT NOT NULL DEFAULT '',
    apprenant TEXT NOT NULL DEFAULT '',
    mode TEXT NOT NULL DEFAULT 'entrainement',
    graine INTEGER,
    debut TEXT NOT NULL,
    resultat TEXT,
    tours INTEGER NOT NULL DEFAULT 0,
    note_globale REAL,
    notes TEXT
);
CREATE TABLE IF NOT EXISTS brouillons (chemin TEXT PRIMARY KEY, contenu TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS preferences (cle TEXT PRIMARY KEY, valeur TEXT NOT NULL);
"""


@dataclass(frozen=True)
class LigneSession:
    chemin: Path
    scenario_id: str
    titre: str
    apprenant: str
    mode: str
    graine: int | None
    debut: str
    resultat: str | None
    tours: int
    note_globale: float | None
    notes: dict[str, float | None]

    @property
    def en_cours(self) -> bool:
        return self.resultat is None

    @property
    def debut_local(self) -> str:
        """Date et heure de début, à l'heure locale (l'index les garde en UTC)."""
        try:
            quand = dt.datetime.fromisoformat(self.debut)
        except ValueError:
            return self.debut[:16]
        if quand.tzinfo is not None:
            quand = quand.astimezone()
        return quand.strftime("%Y-%m-%d %H:%M")


class Index:
    def __init__(self, donnees: Path) -> None:
        donnees.mkdir(parents=True, exist_ok=True)
        self.chemin = donnees / "sessions.sqlite3"
        self.transcriptions = donnees / "transcriptions"
        with self._connexion() as c:
            c.executescript(SCHEMA)

    @contextmanager
    def _connexion(self) -> Iterator[sqlite3.Connection]:
        c = sqlite3.connect(self.chemin, timeout=10)
        try:
            c.execute("PRAGMA journal_mode=WAL")
            with c:
                yield c
        finally:
            c.close()

    # -- sessions ---------------------------------------------------------------
    def commencer(
        self,
        chemin: Path,
        scenario_id: str,
        titre: str,
        apprenant: str,
        mode: str,
        graine: int,
        debut: dt.datetime,
    ) -> None:
        with self._connexion() as c:
            c.execute(
                "INSERT OR REPLACE INTO sessions (chemin, scenario_id, titre, apprenant, mode, "
                "graine, debut) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    str(chemin),
                    scenario_id,
                    titre,
                    apprenant,
                    mode,
                    graine,
                    debut.isoformat(timespec="seconds"),
                ),
            )

    def tour(self, chemin: Path, tours: int) -> None:
        with self._connexion() as c:
            c.execute("UPDATE sessions SET tours = ? WHERE chemin = ?", (tours, str(chemin)))

    def finir(self, chemin: Path, resultat: str, tours: int) -> None:
        with self._connexion() as c:
            c.execute(
                "UPDATE sessions SET resultat = ?, tours = ? WHERE chemin = ?",
                (resultat, tours, str(chemin)),
            )

    def noter(self, chemin: Path, note_globale: float, notes: dict[str, float | None]) -> None:
        with self._connexion() as c:
            c.execute(
                "UPDATE sessions SET note_globale = ?, notes = ? WHERE chemin = ?",
                (note_globale, json.dumps(notes), str(chemin)),
            )

    def session(self, chemin: Path) -> LigneSession | None:
        with self._connexion() as c:
            r = c.execute("SELECT * FROM sessions WHERE chemin = ?", (str(chemin),)).fetchone()
        return _ligne(r) if r else None

    def lister(self, limite: int | None = None, apprenant: str | None = None) -> list[LigneSession]:
        """Les plus récentes d'abord."""
        requete = "SELECT * FROM sessions"
        params: list[Any] = []
        if apprenant:
            requete += " WHERE apprenant = ?"
            params.append(apprenant)
        requete += " ORDER BY debut DESC, chemin DESC"
        if limite:
            requete += f" LIMIT {int(limite)}"
        with self._connexion() as c:
            return [_ligne(r) for r in c.execute(requete, params)]

    # -- brouillons (feuille de budget, formulaire d'entente) -------------------
    def sauver_brouillon(self, chemin: Path, contenu: dict[str, Any]) -> None:
        with self._connexion() as c:
            c.execute(
                "INSERT OR REPLACE INTO brouillons VALUES (?, ?)",
                (str(chemin), json.dumps(contenu, ensure_ascii=False)),
            )

    def brouillon(self, chemin: Path) -> dict[str, Any]:
        with self._connexion() as c:
            r = c.execute(
                "SELECT contenu FROM brouillons WHERE chemin = ?", (str(chemin),)
            ).fetchone()
        return json.loads(r[0]) if r else {}

    # -- préférences --------------------------------------------------------------
    def preference(self, cle: str, defaut: str = "") -> str:
        with self._connexion() as c:
            r = c.execute("SELECT valeur FROM preferences WHERE cle = ?", (cle,)).fetchone()
        return r[0] if r else defaut

    def definir(self, cle: str, valeur: str) -> None:
        with self._connexion() as c:
            c.execute("INSERT OR REPLACE INTO preferences VALUES (?, ?)", (cle, valeur))

    # -- réconciliation avec les fichiers -----------------------------------------
    def synchroniser(self) -> int:
        """Ajoute les transcriptions absentes de l'index et clôt celles qui ont une fin."""
        from simulateur.transcription import TranscriptionIllisible, lire_transcription

        connus = {str(x.chemin): x for x in self.lister()}
        ajouts = 0
        for f in sorted(self.transcriptions.glob("*.jsonl")):
            ligne = connus.get(str(f))
            if ligne is not None and not ligne.en_cours:
                continue
            try:
                t = lire_transcription(f)
            except TranscriptionIllisible:
                continue
            e = t.entete
            if ligne is None:
                with self._connexion() as c:
                    c.execute(
                        "INSERT OR IGNORE INTO sessions (chemin, scenario_id, titre, apprenant, "
                        "mode, graine, debut, tours) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            str(f),
                            e["scenario"]["id"],
                            e["scenario"].get("titre", ""),
                            e.get("apprenant", ""),
                            "entrainement",
                            e.get("graine"),
                            e["debut"],
                            len(t.tours),
                        ),
                    )
                ajouts += 1
            if t.fin is not None:
                self.finir(f, t.fin["resultat"], len(t.tours))
            else:
                self.tour(f, len(t.tours))
        return ajouts


def _ligne(r: tuple[Any, ...]) -> LigneSession:
    return LigneSession(
        chemin=Path(r[0]),
        scenario_id=r[1],
        titre=r[2],
        apprenant=r[3],
        mode=r[4],
        graine=r[5],
        debut=r[6],
        resultat=r[7],
        tours=r[8],
        note_globale=r[9],
        notes=json.loads(r[10]) if r[10] else {},
    )


def nouveau_chemin(
    donnees: Path, scenario_id: str, graine: int, apprenant: str, quand: dt.datetime
) -> Path:
    """Nouveau fichier de transcription unique sous le dossier de données."""
    import re

    dossier = donnees / "transcriptions"
    qui = re.sub(r"[^A-Za-z0-9_-]+", "-", apprenant).strip("-")[:40]
    base = "-".join(
        x for x in (quand.strftime("%Y%m%d-%H%M%S"), scenario_id, str(graine), qui) if x
    )
    chemin = dossier / f"{base}.jsonl"
    n = 2
    while chemin.exists():
        chemin = dossier / f"{base}-{n}.jsonl"
        n += 1
    return chemin
