"""Le scénario devenu machine à états `transitions`, partagée par toutes ses sessions.

Les conditions et effets sont des données du scénario interprétées par
`conditions.py` : on ne passe jamais de chaîne à `transitions` comme rappel
(il importerait un nom pointé comme `os.system`). Pas de `to_<état>` automatique.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from transitions import EventData, Machine

from simulateur.comprehension.analyseur import Analyseur
from simulateur.personnages.comportement import TABLE_REACTIONS
from simulateur.personnages.repliques import Repertoire
from simulateur.scenarios.chargement import (
    ScenarioCharge,
    charger_texte,
    empreinte_texte,
    lire_texte,
)
from simulateur.scenarios.conditions import ContexteTour, verifier
from simulateur.scenarios.validation import ETAT_RACCROCHE

EVENEMENT_RACCROCHER = "raccrocher_"  # interne : aucun acte ne porte ce nom


class ModeleSession:
    """L'objet que la machine fait changer d'état ; `phase` est l'état courant."""

    phase: str

    def __init__(self) -> None:
        self.transition_franchie: int | None = None


class Moteur:
    def __init__(self, charge: ScenarioCharge) -> None:
        self.charge = charge
        s = self.scenario = charge.scenario
        self.fins = dict(s.fins)
        etats = list(s.phases) + [f for f in s.fins if f not in s.phases]
        if ETAT_RACCROCHE not in etats:
            etats.append(ETAT_RACCROCHE)
        self.machine = Machine(
            model=None,
            states=etats,
            initial=s.etat_initial,
            auto_transitions=False,
            send_event=True,
            ignore_invalid_triggers=True,
            model_attribute="phase",
        )
        for i, t in enumerate(s.transitions):
            sources = list(s.phases) if "*" in t.sources() else t.sources()
            for acte in t.actes():
                self.machine.add_transition(
                    acte,
                    sources,
                    t.vers,
                    conditions=[self._condition(i)],
                    after=[self._noter(i)],
                )
        self.machine.add_transition(EVENEMENT_RACCROCHER, list(s.phases), ETAT_RACCROCHE)
        self.repertoire = Repertoire(s)
        self.conditions_faits = {f.id: f.si for f in s.personnage.faits if f.si is not None}
        self.analyseur = Analyseur(exemples=s.exemples)
        self.reactions = dict(TABLE_REACTIONS) | {
            k: (r.confiance, r.irritation) for k, r in s.reactions.items()
        }

    def _condition(self, i: int) -> Callable[[EventData], bool]:
        condition = self.scenario.transitions[i].si

        def tester(event: EventData) -> bool:
            ctx: ContexteTour = event.kwargs["ctx"]
            return verifier(condition, ctx)

        return tester

    @staticmethod
    def _noter(i: int) -> Callable[[EventData], None]:
        def noter(event: EventData) -> None:
            event.model.transition_franchie = i

        return noter

    def est_fin(self, phase: str) -> bool:
        return phase in self.fins or phase == ETAT_RACCROCHE

    def resultat(self, phase: str) -> str | None:
        if phase in self.fins:
            return self.fins[phase].resultat
        return "raccroche" if phase == ETAT_RACCROCHE else None

    def attacher(self, phase: str | None = None) -> ModeleSession:
        modele = ModeleSession()
        self.machine.add_model(modele, initial=phase or self.scenario.etat_initial)
        return modele

    def detacher(self, modele: ModeleSession) -> None:
        self.machine.remove_model(modele)

    def declencher(self, modele: ModeleSession, acte: str, ctx: ContexteTour) -> int | None:
        """Franchit la première transition permise pour cet acte ; rend son indice."""
        modele.transition_franchie = None
        evenement = self.machine.events.get(acte)
        # Sans transition depuis cette phase, on reste sur place (sans avertissement de transitions).
        if evenement is not None and evenement.transitions.get(modele.phase):
            modele.trigger(acte, ctx=ctx)  # type: ignore[attr-defined]
        return modele.transition_franchie

    def raccrocher(self, modele: ModeleSession) -> None:
        modele.trigger(EVENEMENT_RACCROCHER)  # type: ignore[attr-defined]

    def infos(self) -> dict[str, Any]:
        s = self.scenario
        return {
            "id": s.id,
            "titre": s.titre,
            "fichier": self.charge.fichier,
            "empreinte": self.charge.empreinte,
            "juridiction": s.juridiction,
        }


_MOTEURS: dict[tuple[str, str], Moteur] = {}


def moteur_pour(chemin: str | Path) -> Moteur:
    """Un moteur par contenu de fichier : un fichier modifié donne un nouveau moteur."""
    chemin = Path(chemin)
    texte = lire_texte(chemin)
    cle = (str(chemin.resolve()), empreinte_texte(texte))
    if cle not in _MOTEURS:
        _MOTEURS[cle] = Moteur(charger_texte(texte, str(chemin)))
    return _MOTEURS[cle]
