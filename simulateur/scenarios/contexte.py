"""Ce que les gabarits voient du dossier et de l'appel."""

from __future__ import annotations

from typing import Any

from simulateur.scenarios.schema import Scenario


def contexte_dossier(scenario: Scenario) -> dict[str, Any]:
    d = scenario.dossier
    return {
        "creancier": d.creancier,
        "agence": d.agence,
        "montant": d.montant,
        "devise": d.devise,
        "reference": d.reference or "",
        "echeance": d.echeance,
        "numero_permis": d.numero_permis or "",
    }


def contexte_appel(scenario: Scenario) -> dict[str, Any]:
    return {
        "date": scenario.appel.date,
        "heure": scenario.appel.heure.strftime("%H:%M"),
        "canal": scenario.canal,
    }
