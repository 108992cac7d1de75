"""Évaluation : une fonction pure d'une transcription et de son scénario.

Importer ce paquet reste léger ; le vérificateur d'orthographe ne se charge que
pour une session qui a une partie en anglais.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from simulateur.evaluation.axes import (
    analyse_financiere,
    approche_client,
    langue_seconde,
    negociation,
)
from simulateur.evaluation.conformite import evaluer_conformite
from simulateur.evaluation.grille import grille_pour
from simulateur.evaluation.rapport import AXES, Axe, Preuve, Rapport
from simulateur.evaluation.vue import construire_vue
from simulateur.scenarios.chargement import (
    ScenarioCharge,
    charger_scenario,
    empreinte_texte,
    lire_texte,
)
from simulateur.scenarios.schema import Scenario
from simulateur.transcription import Transcription, lire_transcription

__all__ = [
    "AXES",
    "Axe",
    "Preuve",
    "Rapport",
    "evaluer",
    "evaluer_fichier",
    "scenario_de_transcription",
]


def evaluer(t: Transcription, scenario: Scenario) -> Rapport:
    v = construire_vue(t, scenario)
    g = grille_pour(scenario)
    axes: dict[str, Axe] = {}
    note, preuves = approche_client(v, g["approche_client"])
    axes["approche_client"] = Axe("approche_client", note, preuves)
    note, preuves, plafond = evaluer_conformite(v, g["conformite"])
    axes["conformite"] = Axe("conformite", note, preuves, plafond)
    ls = langue_seconde(v, g["langue_seconde"])
    axes["langue_seconde"] = (
        Axe("langue_seconde", ls[0], ls[1]) if ls else Axe("langue_seconde", None)
    )
    if scenario.appel.interlocuteur == "tiers":
        # Avec un tiers, on ne négocie pas et on n'analyse pas de budget : axes sans objet.
        axes["negociation"] = Axe("negociation", None)
        axes["analyse_financiere"] = Axe("analyse_financiere", None)
    else:
        note, preuves = negociation(v, g["negociation"], g["analyse_financiere"])
        axes["negociation"] = Axe("negociation", note, preuves)
        note, preuves = analyse_financiere(v, g["analyse_financiere"])
        axes["analyse_financiere"] = Axe("analyse_financiere", note, preuves)
    poids = {a: float(g["poids"][a]) for a in AXES if axes[a].note is not None}
    e = t.entete
    rapport = Rapport(
        transcription=str(t.chemin),
        scenario_id=scenario.id,
        apprenant=e.get("apprenant", ""),
        graine=e["graine"],
        resultat=(t.fin or {}).get("resultat"),
        axes=axes,
        note_globale=0.0,
        entente=v.entente,
        capacite_reelle=round(v.capacite, 2),
        montant_du=scenario.dossier.montant,
        devise=scenario.dossier.devise,
        debut=e.get("debut", ""),
        poids=poids,
    )
    return replace(rapport, note_globale=rapport.moyenne({a: x.note for a, x in axes.items()}))


_SCENARIOS: dict[tuple[str, str], ScenarioCharge] = {}


def scenario_de_transcription(
    t: Transcription, scenario: Path | None = None
) -> tuple[ScenarioCharge, bool]:
    """Le scénario de la transcription (mis en cache) et s'il a changé depuis."""
    chemin = scenario or Path(t.entete["scenario"]["fichier"])
    texte = lire_texte(chemin)
    empreinte = empreinte_texte(texte)
    cle = (str(chemin), empreinte)
    if cle not in _SCENARIOS:
        _SCENARIOS[cle] = charger_scenario(chemin)
    return _SCENARIOS[cle], empreinte != t.entete["scenario"]["empreinte"]


def evaluer_fichier(chemin: str | Path, scenario: Path | None = None) -> Rapport:
    from simulateur.evaluation.revision import appliquer_revision

    t = lire_transcription(chemin)
    charge, modifie = scenario_de_transcription(t, scenario)
    rapport = evaluer(t, charge.scenario)
    if modifie:
        rapport = replace(
            rapport,
            avertissements=(
                *rapport.avertissements,
                "le fichier du scénario a changé depuis la session",
            ),
        )
    return appliquer_revision(rapport, Path(chemin))
