"""Le formulaire d'entente : échéancier calculé, aperçu localisé, phrase de proposition."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from simulateur.personnages.gabarits import formater_argent, formater_date, libelle_frequence

FREQUENCES: tuple[str, ...] = (
    "mensuelle",
    "aux_deux_semaines",
    "bimensuelle",
    "hebdomadaire",
    "unique",
)
# Versements par mois, pour ramener une offre à une mensualité.
PAR_MOIS: dict[str, float] = {
    "hebdomadaire": 52 / 12,
    "aux_deux_semaines": 26 / 12,
    "bimensuelle": 2.0,
    "mensuelle": 1.0,
    "unique": 0.0,
}
MAX_VERSEMENTS = 400


def ajouter_mois(d: dt.date, n: int) -> dt.date:
    mois = d.month - 1 + n
    annee, mois = d.year + mois // 12, mois % 12 + 1
    return dt.date(annee, mois, min(d.day, calendar.monthrange(annee, mois)[1]))


def date_suivante(d: dt.date, frequence: str, rang: int, premiere: dt.date) -> dt.date:
    """Date du versement `rang` (0 = premier)."""
    if frequence == "hebdomadaire":
        return premiere + dt.timedelta(weeks=rang)
    if frequence == "aux_deux_semaines":
        return premiere + dt.timedelta(weeks=2 * rang)
    if frequence == "bimensuelle":  # le jour choisi et quinze jours plus tard, chaque mois
        base = ajouter_mois(premiere, rang // 2)
        return base + dt.timedelta(days=15) if rang % 2 else base
    return ajouter_mois(premiere, rang)


@dataclass(frozen=True)
class Versement:
    rang: int
    date: dt.date
    montant: float


@dataclass(frozen=True)
class Echeancier:
    montant: float
    frequence: str
    premiere: dt.date
    du: float
    versements: tuple[Versement, ...]

    @property
    def mensualite(self) -> float:
        if self.frequence == "unique":
            return self.montant
        return self.montant * PAR_MOIS[self.frequence]

    @property
    def derniere(self) -> dt.date:
        return self.versements[-1].date

    @property
    def duree_mois(self) -> int:
        d = self.derniere
        return (d.year - self.premiere.year) * 12 + d.month - self.premiere.month + 1

    def vers_dict(self) -> dict[str, object]:
        """Forme écrite dans la note de dossier (transcription)."""
        return {
            "montant": self.montant,
            "frequence": self.frequence,
            "premiere_date": self.premiere.isoformat(),
            "versements": len(self.versements),
            "derniere_date": self.derniere.isoformat(),
            "mensualite": round(self.mensualite, 2),
        }


def calculer(montant: float, frequence: str, premiere: dt.date, du: float) -> Echeancier:
    """Versements égaux jusqu'au solde ; le dernier solde le reste."""
    if montant <= 0:
        raise ValueError("le montant doit être positif")
    if frequence == "unique" or montant >= du:
        return Echeancier(montant, frequence, premiere, du, (Versement(1, premiere, du),))
    n = min(math.ceil(round(du / montant, 6)), MAX_VERSEMENTS)
    versements = []
    reste = du
    for i in range(n):
        part = round(min(montant, reste), 2)
        versements.append(Versement(i + 1, date_suivante(premiere, frequence, i, premiere), part))
        reste = round(reste - part, 2)
    return Echeancier(montant, frequence, premiere, du, tuple(versements))


@dataclass(frozen=True)
class Formats:
    """Formatage local (locale de l'appel, devise du dossier)."""

    locale: str
    devise: str

    def argent(self, v: float) -> str:
        return formater_argent(v, self.devise, self.locale)

    def date(self, d: dt.date) -> str:
        return formater_date(d, self.locale)

    def frequence(self, f: str) -> str:
        return libelle_frequence(f, self.locale)


def apercu(e: Echeancier, f: Formats, lignes: int = 4) -> list[str]:
    """Quelques lignes d'aperçu de l'échéancier."""
    sortie = [f"{v.rang}. {f.date(v.date)} — {f.argent(v.montant)}" for v in e.versements[:lignes]]
    if len(e.versements) > lignes + 1:
        sortie.append("…")
    if len(e.versements) > lignes:
        v = e.versements[-1]
        sortie.append(f"{v.rang}. {f.date(v.date)} — {f.argent(v.montant)}")
    return sortie


def phrase_proposition(e: Echeancier, f: Formats, langue: str) -> str:
    """La réplique envoyée au débiteur quand l'apprenant clique « Proposer »."""
    argent, date = f.argent(e.montant), f.date(e.premiere)
    if langue == "en":
        if e.frequence == "unique":
            return f"Would a single payment of {argent} on {date} work for you?"
        return f"Would {argent} {f.frequence(e.frequence)} starting {date} work for you?"
    if e.frequence == "unique":
        return f"Que diriez-vous d'un seul versement de {argent}, le {date} ?"
    return f"Que diriez-vous de {argent} {f.frequence(e.frequence)}, à partir du {date} ?"
