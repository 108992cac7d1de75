"""Rejouer une transcription : mêmes répliques, même personnage → mêmes réponses.

On reconstruit la session à partir de l'en-tête (scénario, graine, personnage)
et des répliques de l'apprenant, puis on compare chaque tour, champ par champ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulateur.personnages.personnage import Personnage
from simulateur.scenarios.chargement import empreinte_texte, lire_texte
from simulateur.scenarios.moteur import Moteur, moteur_pour
from simulateur.session import Session
from simulateur.transcription import Transcription

CHAMPS_COMPARES = (
    "analyse",
    "phase_avant",
    "phase_apres",
    "transition",
    "debiteur_avant",
    "debiteur_apres",
    "reaction",
    "debiteur",
)


@dataclass(frozen=True)
class Divergence:
    tour: int  # 0 : l'en-tête ou la réplique d'ouverture
    champ: str
    attendu: Any
    obtenu: Any

    def __str__(self) -> str:
        return f"tour {self.tour}, champ « {self.champ} » : attendu {self.attendu!r}, obtenu {self.obtenu!r}"


@dataclass(frozen=True)
class ResultatRelecture:
    tours: int
    divergence: Divergence | None
    scenario_modifie: bool

    @property
    def exacte(self) -> bool:
        return self.divergence is None and not self.scenario_modifie


def scenario_de(t: Transcription, chemin: Path | None = None) -> tuple[Path, bool]:
    """Fichier du scénario et s'il a changé depuis l'enregistrement."""
    chemin = chemin or Path(t.entete["scenario"]["fichier"])
    return chemin, empreinte_texte(lire_texte(chemin)) != t.entete["scenario"]["empreinte"]


def rejouer(
    t: Transcription, moteur: Moteur | None = None, scenario: Path | None = None
) -> ResultatRelecture:
    chemin, modifie = scenario_de(t, scenario)
    moteur = moteur or moteur_pour(chemin)
    e = t.entete
    session = Session(moteur, e["graine"], personnage=Personnage.depuis_dict(e["personnage"]))
    if session.ouverture.vers_dict() != e.get("ouverture"):
        return ResultatRelecture(
            0,
            Divergence(0, "ouverture", e.get("ouverture"), session.ouverture.vers_dict()),
            modifie,
        )
    for attendu in t.tours:
        if session.terminee:
            return ResultatRelecture(
                len(session.tours),
                Divergence(attendu["tour"], "fin", "appel en cours", "appel terminé"),
                modifie,
            )
        # Aller-retour JSON : on compare ce qui serait écrit, pas les types Python.
        obtenu = json.loads(json.dumps(session.jouer(attendu["apprenant"]).vers_evenement()))
        for champ in CHAMPS_COMPARES:
            if obtenu[champ] != attendu.get(champ):
                return ResultatRelecture(
                    attendu["tour"],
                    Divergence(attendu["tour"], champ, attendu.get(champ), obtenu[champ]),
                    modifie,
                )
    if t.fin and t.fin["resultat"] != "abandon" and session.resultat != t.fin["resultat"]:
        return ResultatRelecture(
            len(t.tours),
            Divergence(len(t.tours), "resultat", t.fin["resultat"], session.resultat),
            modifie,
        )
    session.abandonner()
    return ResultatRelecture(len(t.tours), None, modifie)


def verifier_relecture(chemin: Path, scenario: Path | None = None) -> tuple[int, str]:
    """Code de sortie et compte rendu en français de `simulateur rejouer --verifier`."""
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.transcription import TranscriptionIllisible, lire_transcription

    try:
        t = lire_transcription(chemin)
        resultat = rejouer(t, scenario=scenario)
    except TranscriptionIllisible as e:
        return 2, str(e)
    except ScenarioInvalide as e:
        return 2, f"{chemin} : le scénario ne se charge plus :\n{e}"
    lignes = []
    if resultat.scenario_modifie:
        lignes.append(
            f"{chemin} : le fichier du scénario ({t.entete['scenario']['fichier']}) a changé depuis "
            "la session (empreinte différente) : la relecture compare avec la version actuelle."
        )
    if resultat.divergence and resultat.divergence.champ == "analyse":
        from simulateur.session import identite_comprehension

        avant, maintenant = t.entete.get("comprehension"), identite_comprehension()
        if avant and avant != maintenant:
            lignes.append(
                f"{chemin} : le modèle de compréhension a changé depuis la session "
                f"({avant.get('modele')} → {maintenant.get('modele')}, corpus différent) : "
                "une réplique peut être comprise autrement."
            )
    if resultat.divergence:
        d = resultat.divergence
        lignes.append(f"{chemin} : première divergence au tour {d.tour}, champ « {d.champ} »")
        lignes.append(f"  attendu : {d.attendu!r}"[:600])
        lignes.append(f"  obtenu  : {d.obtenu!r}"[:600])
        return 1, "\n".join(lignes)
    if resultat.scenario_modifie:
        return 1, "\n".join(
            [*lignes, f"{chemin} : tours identiques malgré le changement ({resultat.tours} tours)"]
        )
    return 0, f"{chemin} : relecture exacte ({resultat.tours} tours)"
