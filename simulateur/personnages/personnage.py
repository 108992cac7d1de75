"""Le débiteur simulé : identité, budget caché, tempérament, faits à découvrir.

Le personnage entier est écrit dans la transcription : la relecture n'a pas à
le régénérer, donc une mise à jour de Faker ne casse pas les anciennes sessions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Budget:
    """Montants mensuels dans la devise du dossier (actifs et dettes : totaux)."""

    revenu_net: float
    depenses_fixes: float
    actifs: float
    autres_dettes: float
    paiements_autres_dettes: float

    @property
    def capacite(self) -> float:
        """Ce qui reste chaque mois une fois payé l'indispensable : la vraie capacité."""
        return max(0.0, self.revenu_net - self.depenses_fixes - self.paiements_autres_dettes)


@dataclass(frozen=True, slots=True)
class Temperament:
    confiance: float  # de départ, 0–1
    irritation: float  # de départ, 0–1
    honnetete: float  # 0–1 : sous 0,5, il ment sur son budget et promet sans intention
    patience: float  # irritation à laquelle il raccroche


@dataclass(frozen=True, slots=True)
class FaitPersonnage:
    id: str
    texte: str  # déjà rendu dans la langue de départ
    actes: tuple[str, ...]
    textes: dict[str, str] = field(default_factory=dict)  # par langue, si le scénario en donne


@dataclass(frozen=True, slots=True)
class Personnage:
    graine: int
    locale: str
    langue: str
    archetype: str
    prenom: str
    nom: str
    civilite: str
    date_naissance: dt.date
    adresse: str
    ville: str
    code_postal: str
    telephone: str
    courriel: str
    profession: str
    employeur: str
    entreprise: str
    situation: str
    budget: Budget
    budget_declare: Budget  # ce qu'il dit quand on lui demande (mauvaise foi : moins)
    temperament: Temperament
    promet_sans_intention: bool
    faits: tuple[FaitPersonnage, ...] = ()

    @property
    def nom_complet(self) -> str:
        return f"{self.prenom} {self.nom}"

    def contexte(self) -> dict[str, Any]:
        """Ce que les gabarits voient du personnage (jamais le budget réel)."""
        return {
            "prenom": self.prenom,
            "nom": self.nom,
            "nom_complet": self.nom_complet,
            "civilite": self.civilite,
            "profession": self.profession,
            "employeur": self.employeur,
            "entreprise": self.entreprise,
            "ville": self.ville,
            "telephone": self.telephone,
            "situation": self.situation,
        }

    def vers_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date_naissance"] = self.date_naissance.isoformat()
        d["faits"] = [asdict(f) | {"actes": list(f.actes)} for f in self.faits]
        return d

    @classmethod
    def depuis_dict(cls, d: dict[str, Any]) -> Personnage:
        d = dict(d)
        d["date_naissance"] = dt.date.fromisoformat(d["date_naissance"])
        d["budget"] = Budget(**d["budget"])
        d["budget_declare"] = Budget(**d["budget_declare"])
        d["temperament"] = Temperament(**d["temperament"])
        d["faits"] = tuple(
            FaitPersonnage(f["id"], f["texte"], tuple(f["actes"]), dict(f.get("textes", {})))
            for f in d.get("faits", ())
        )
        return cls(**d)
