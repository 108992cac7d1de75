"""La feuille de budget que l'apprenant remplit pendant l'appel."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

# Champ → libellé affiché (montants mensuels, sauf actifs et dettes : totaux).
POSTES: dict[str, str] = {
    "revenu_net": "Revenu net/mois",
    "depenses_fixes": "Dépenses fixes/mois",
    "paiements_dettes": "Autres paiements/mois",
    "actifs": "Actifs (total)",
    "autres_dettes": "Autres dettes (total)",
}


@dataclass
class FeuilleBudget:
    revenu_net: float | None = None
    depenses_fixes: float | None = None
    paiements_dettes: float | None = None
    actifs: float | None = None
    autres_dettes: float | None = None

    @property
    def capacite(self) -> float | None:
        """Ce qui reste chaque mois ; None tant que revenu et dépenses manquent."""
        if self.revenu_net is None or self.depenses_fixes is None:
            return None
        return self.revenu_net - self.depenses_fixes - (self.paiements_dettes or 0.0)

    @property
    def vide(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def vers_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def depuis_dict(cls, d: dict[str, Any] | None) -> FeuilleBudget:
        d = d or {}
        return cls(**{f.name: d.get(f.name) for f in fields(cls)})
