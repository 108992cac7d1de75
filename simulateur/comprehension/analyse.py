"""Résultat d'analyse d'une réplique : l'interface stable entre la compréhension et le reste.

Ces types sont sérialisés tels quels dans les transcriptions ; les changer
demande d'augmenter la version du format (docs/transcription.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Frequence = Literal[
    "unique", "hebdomadaire", "aux_deux_semaines", "bimensuelle", "mensuelle", "annuelle"
]

# Nombre de versements par mois, pour ramener toute offre à une mensualité.
VERSEMENTS_PAR_MOIS: dict[str, float] = {
    "hebdomadaire": 52 / 12,
    "aux_deux_semaines": 26 / 12,
    "bimensuelle": 2.0,
    "mensuelle": 1.0,
    "annuelle": 1 / 12,
}


@dataclass(frozen=True, slots=True)
class Montant:
    """Somme d'argent lue dans le texte ; `devise` vaut None si rien ne l'indique."""

    valeur: float
    devise: str | None
    texte: str


@dataclass(frozen=True, slots=True)
class DateMention:
    """Date ou jour mentionné : au moins un des champs structurés est renseigné."""

    texte: str
    jour_mois: int | None = None  # « le 15 », « on the 1st »
    jour_semaine: str | None = None  # lundi … dimanche (toujours en français)
    mois: int | None = None  # « 15 mars »
    relatif: str | None = None  # aujourd_hui, demain, semaine_prochaine, mois_prochain


@dataclass(frozen=True, slots=True)
class Entites:
    montants: tuple[Montant, ...] = ()
    frequence: Frequence | None = None
    dates: tuple[DateMention, ...] = ()
    # Postes de budget évoqués (revenu, depenses, actifs, dettes) : sert aux questions financières.
    sujets_budget: tuple[str, ...] = ()

    def montant_principal(self) -> Montant | None:
        """Le premier montant cité : dans une offre, c'est le versement proposé."""
        return self.montants[0] if self.montants else None


@dataclass(frozen=True, slots=True)
class Infraction:
    id: str  # un id d'infraction de actes.md
    declencheurs: tuple[str, ...] = ()  # mots ou passages qui l'ont déclenchée
    regle: str | None = None  # id de règle de cadre-legal.md, quand on la connaît


@dataclass(frozen=True, slots=True)
class Analyse:
    texte: str
    acte: str
    confiance: float
    langue: Literal["fr", "en"]
    infractions: tuple[Infraction, ...] = ()
    entites: Entites = field(default_factory=Entites)
    # Scores par acte (triés), utiles pour expliquer une décision ; facultatif.
    candidats: tuple[tuple[str, float], ...] = ()

    @property
    def ids_infractions(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.infractions)

    def vers_dict(self, expliquer: bool = True) -> dict[str, Any]:
        """Forme JSON ; sans `expliquer`, les infractions ne sont que des ids.

        Construite champ par champ (même résultat que `dataclasses.asdict`, 4 fois plus vite :
        le mode lot de `simulateur analyser` l'appelle pour chaque ligne).
        """
        e = self.entites
        infractions: list[Any]
        if expliquer:
            infractions = [
                {"id": i.id, "declencheurs": list(i.declencheurs), "regle": i.regle}
                for i in self.infractions
            ]
        else:
            infractions = list(self.ids_infractions)
        return {
            "texte": self.texte,
            "acte": self.acte,
            "confiance": self.confiance,
            "langue": self.langue,
            "infractions": infractions,
            "entites": {
                "montants": [
                    {"valeur": m.valeur, "devise": m.devise, "texte": m.texte} for m in e.montants
                ],
                "frequence": e.frequence,
                "dates": [
                    {
                        k: v
                        for k, v in (
                            ("texte", x.texte),
                            ("jour_mois", x.jour_mois),
                            ("jour_semaine", x.jour_semaine),
                            ("mois", x.mois),
                            ("relatif", x.relatif),
                        )
                        if v is not None
                    }
                    for x in e.dates
                ],
                "sujets_budget": list(e.sujets_budget),
            },
            "candidats": [[a, s] for a, s in self.candidats],
        }

    @classmethod
    def depuis_dict(cls, d: dict[str, Any]) -> Analyse:
        e = d.get("entites") or {}
        entites = Entites(
            montants=tuple(Montant(**m) for m in e.get("montants", ())),
            frequence=e.get("frequence"),
            dates=tuple(DateMention(**x) for x in e.get("dates", ())),
            sujets_budget=tuple(e.get("sujets_budget", ())),
        )
        infractions = tuple(
            Infraction(i)
            if isinstance(i, str)
            else Infraction(i["id"], tuple(i.get("declencheurs", ())), i.get("regle"))
            for i in d.get("infractions", ())
        )
        return cls(
            texte=d["texte"],
            acte=d["acte"],
            confiance=float(d["confiance"]),
            langue=d["langue"],
            infractions=infractions,
            entites=entites,
            candidats=tuple((a, float(s)) for a, s in d.get("candidats", ())),
        )
