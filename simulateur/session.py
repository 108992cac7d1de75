"""Une session : l'apprenant parle, le débiteur répond, la transcription s'écrit.

Flux à sens unique : texte → compréhension → comportement et machine →
événement de transcription → affichage. Le terminal, l'application Textual et
la relecture passent tous par cette API.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import simulateur
from simulateur.comprehension.analyse import Analyse
from simulateur.personnages.comportement import EtatDebiteur, Reaction, etat_initial, reagir
from simulateur.personnages.gabarits import libelle_frequence, locale_de
from simulateur.personnages.generation import generer_personnage
from simulateur.personnages.personnage import Personnage
from simulateur.personnages.repliques import Replique
from simulateur.scenarios.conditions import ContexteTour, appliquer, verifier
from simulateur.scenarios.contexte import contexte_appel, contexte_dossier
from simulateur.scenarios.moteur import Moteur
from simulateur.scenarios.schema import Condition
from simulateur.transcription import FORMAT, EcrivainTranscription


class SessionTerminee(Exception):
    """L'appel est fini : plus aucune réplique n'est acceptée."""


class RepriseImpossible(Exception):
    """La transcription ne permet pas de reprendre l'appel (message en français)."""


@dataclass(frozen=True)
class Tour:
    numero: int
    texte: str
    analyse: Analyse
    phase_avant: str
    phase_apres: str
    etat_avant: dict[str, Any]
    etat_apres: dict[str, Any]
    reaction: dict[str, Any]
    transition: int | None
    replique: Replique
    resultat: str | None  # renseigné quand ce tour termine l'appel

    def vers_evenement(self) -> dict[str, Any]:
        return {
            "type": "tour",
            "tour": self.numero,
            "horodatage": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "apprenant": self.texte,
            "analyse": self.analyse.vers_dict(),
            "phase_avant": self.phase_avant,
            "phase_apres": self.phase_apres,
            "transition": self.transition,
            "debiteur_avant": self.etat_avant,
            "debiteur_apres": self.etat_apres,
            "reaction": self.reaction,
            "debiteur": self.replique.vers_dict(),
        }


Horloge = Callable[[], dt.datetime]


def identite_comprehension() -> dict[str, Any]:
    """Version du modèle et empreinte de son corpus : un relecteur sait si l'analyse a pu changer."""
    from simulateur.comprehension.modele import charger

    modele = charger()
    if modele is None:
        return {"modele": "regles"}
    return {"modele": modele.meta.get("version"), "corpus": modele.meta.get("corpus_sha256")}


class Session:
    def __init__(
        self,
        moteur: Moteur,
        graine: int,
        *,
        personnage: Personnage | None = None,
        apprenant: str = "",
        transcription: Path | None = None,
        horloge: Horloge | None = None,
        cle: bytes | None = None,
    ) -> None:
        self.moteur = moteur
        self.scenario = moteur.scenario
        self.graine = graine
        self.apprenant = apprenant
        self.horloge = horloge or (lambda: dt.datetime.now(dt.UTC))
        self.personnage = personnage or generer_personnage(self.scenario, graine)
        self.etat: EtatDebiteur = etat_initial(self.personnage, dict(self.scenario.variables))
        self.modele = moteur.attacher()
        self.tours: list[Tour] = []
        self.resultat: str | None = None
        self.chemin = transcription
        self._ecrivain: EcrivainTranscription | None = None
        self.ouverture = self._replique(["decroche"], [self.phase], 0, Reaction(), None)
        if transcription is not None:
            self._ecrivain = EcrivainTranscription(transcription, cle=cle)
            self._ecrivain.ecrire(self.entete())

    # -- état -------------------------------------------------------------------
    @property
    def phase(self) -> str:
        return self.modele.phase

    @property
    def terminee(self) -> bool:
        return self.resultat is not None

    def entete(self) -> dict[str, Any]:
        return {
            "type": "entete",
            "format": FORMAT,
            "programme": {"nom": "simulateur", "version": simulateur.__version__},
            "scenario": self.moteur.infos(),
            "comprehension": identite_comprehension(),
            "graine": self.graine,
            "apprenant": self.apprenant,
            "debut": self.horloge().isoformat(timespec="seconds"),
            "personnage": self.personnage.vers_dict(),
            "phase_initiale": self.phase,
            "debiteur_initial": self.etat.vers_dict(),
            "ouverture": self.ouverture.vers_dict(),
        }

    # -- un tour ----------------------------------------------------------------
    def jouer(self, texte: str) -> Tour:
        if self.terminee:
            raise SessionTerminee("l'appel est terminé")
        numero = len(self.tours) + 1
        s, m = self.scenario, self.moteur
        langue_contexte = self.tours[-1].analyse.langue if self.tours else self.etat.langue
        analyse = m.analyseur.analyser(texte, s.juridiction, langue_contexte)
        avant = self.etat.vers_dict()
        phase_avant = self.phase

        infraction = bool(analyse.infractions)
        reaction = Reaction()
        ctx = ContexteTour(self.etat, reaction, numero, infraction)

        def fait_permis(fait_id: str) -> bool:
            return verifier(m.conditions_faits.get(fait_id), ctx)

        reaction = reagir(
            self.personnage, self.etat, analyse, s.dossier.montant, m.reactions, fait_permis
        )
        ctx = ContexteTour(self.etat, reaction, numero, infraction)
        bascule = s.langue.bascule
        if bascule and bascule.tour == numero:
            self._basculer(bascule.vers, reaction)

        transition = None
        if self.etat.irritation >= self.personnage.temperament.patience:
            m.raccrocher(self.modele)
        else:
            transition = m.declencher(self.modele, analyse.acte, ctx)
            if transition is not None:
                appliquer(s.transitions[transition].effets, self.etat)
                if self.etat.irritation >= self.personnage.temperament.patience:
                    m.raccrocher(self.modele)
        if bascule and bascule.phase and self.phase == bascule.phase and phase_avant != self.phase:
            self._basculer(bascule.vers, reaction)

        cles = list(reaction.cles)
        if self.phase == "raccroche" or m.resultat(self.phase) == "raccroche":
            cles = ["raccroche"]
        if m.est_fin(self.phase):
            cles.insert(0, "fin")
        replique = self._replique(cles, [self.phase, phase_avant], numero, reaction, ctx)
        resultat = m.resultat(self.phase)
        tour = Tour(
            numero=numero,
            texte=texte,
            analyse=analyse,
            phase_avant=phase_avant,
            phase_apres=self.phase,
            etat_avant=avant,
            etat_apres=self.etat.vers_dict(),
            reaction=reaction.vers_dict(),
            transition=transition,
            replique=replique,
            resultat=resultat,
        )
        self.tours.append(tour)
        if self._ecrivain:
            self._ecrivain.ecrire(tour.vers_evenement())
        if resultat is not None:
            self._finir(resultat)
        return tour

    def _basculer(self, langue: str, reaction: Reaction) -> None:
        if self.etat.langue == langue:
            return
        self.etat.langue = langue
        reaction.cles = ["bascule_langue"] + [c for c in reaction.cles if c != "langue_incomprise"]

    def _replique(
        self,
        cles: list[str],
        phases: list[str],
        numero: int,
        reaction: Reaction,
        ctx: ContexteTour | None,
    ) -> Replique:
        langue = self.etat.langue
        locale = locale_de(self.scenario.locale, langue)
        contexte: dict[str, Any] = {
            "personnage": self.personnage.contexte(),
            "dossier": contexte_dossier(self.scenario),
            "etat": {
                "confiance": self.etat.confiance,
                "irritation": self.etat.irritation,
                "langue": langue,
            },
            "appel": contexte_appel(self.scenario),
        }
        for nom, valeur in reaction.variables.items():
            if isinstance(valeur, dict) and "frequence" in valeur:
                valeur = dict(valeur, frequence=libelle_frequence(valeur["frequence"], locale))
            contexte[nom] = valeur
        ctx = ctx or ContexteTour(self.etat, reaction, numero, False)

        def condition_ok(c: Condition | None) -> bool:
            return verifier(c, ctx)

        return self.moteur.repertoire.choisir(
            phases, cles, langue, condition_ok, self.graine, numero, contexte
        )

    # -- fin --------------------------------------------------------------------
    def abandonner(self) -> None:
        """L'apprenant quitte avant la fin : l'appel est clos sans résultat négocié."""
        if not self.terminee:
            self._finir("abandon")

    def _finir(self, resultat: str) -> None:
        self.resultat = resultat
        # Une offre acceptée puis perdue (refus, raccrochage) n'est pas une entente conclue.
        entente = self.etat.entente if resultat == "entente" else None
        if self._ecrivain:
            self._ecrivain.ecrire(
                {
                    "type": "fin",
                    "resultat": resultat,
                    "phase": self.phase,
                    "tours": len(self.tours),
                    "entente": entente,
                    "offre_acceptee_non_conclue": None if entente else self.etat.entente,
                    "entente_confirmee": self.etat.entente_confirmee,
                    "horodatage": self.horloge().isoformat(timespec="seconds"),
                }
            )
        self.moteur.detacher(self.modele)

    def noter_dossier(
        self,
        note: str,
        *,
        resultat: str | None = None,
        echeancier: dict[str, Any] | None = None,
        suivi: dt.date | None = None,
    ) -> dict[str, Any]:
        """Fin d'appel : la mise à jour du dossier par l'apprenant, écrite après la fin."""
        if not self.terminee:
            self.abandonner()
        evenement = {
            "type": "note_dossier",
            "note": note,
            "resultat": resultat or self.resultat,
            "echeancier": echeancier,
            "suivi": suivi.isoformat() if suivi else None,
            "horodatage": self.horloge().isoformat(timespec="seconds"),
        }
        if self._ecrivain:
            self._ecrivain.ecrire(evenement)
        return evenement

    def fermer(self) -> None:
        if self._ecrivain:
            self._ecrivain.fermer()

    # -- reprise ----------------------------------------------------------------
    @classmethod
    def reprendre(
        cls, chemin: Path, moteur: Moteur | None = None, cle: bytes | None = None
    ) -> Session:
        """Reprend un appel interrompu : rejoue les tours écrits, puis continue le fichier.

        Lève RepriseImpossible si l'appel est fini ou si le scénario a changé.
        """
        from simulateur.scenarios.moteur import moteur_pour
        from simulateur.transcription import lire_transcription

        t = lire_transcription(chemin)
        if t.fin is not None:
            raise RepriseImpossible(f"{chemin} : l'appel est déjà terminé ({t.fin['resultat']})")
        e = t.entete
        moteur = moteur or moteur_pour(Path(e["scenario"]["fichier"]))
        if moteur.charge.empreinte != e["scenario"]["empreinte"]:
            raise RepriseImpossible(
                f"{chemin} : le scénario {e['scenario']['fichier']} a changé depuis le début de l'appel"
            )
        session = cls(
            moteur,
            e["graine"],
            personnage=Personnage.depuis_dict(e["personnage"]),
            apprenant=e.get("apprenant", ""),
        )
        for ecrit in t.tours:
            tour = session.jouer(ecrit["apprenant"])
            if tour.replique.texte != ecrit["debiteur"]["texte"] or session.terminee:
                raise RepriseImpossible(
                    f"{chemin} : le tour {ecrit['tour']} ne se rejoue pas à l'identique"
                )
        session.chemin = chemin
        session._ecrivain = EcrivainTranscription(chemin, reprise=True, cle=cle)
        return session


def jouer_script(
    moteur: Moteur,
    graine: int,
    lignes: list[str],
    *,
    transcription: Path | None = None,
    apprenant: str = "",
    cle: bytes | None = None,
) -> Session:
    """Joue les répliques jusqu'à la fin de l'appel (ou du script), puis clôt la session."""
    session = Session(moteur, graine, transcription=transcription, apprenant=apprenant, cle=cle)
    for texte in lignes:
        if session.terminee:
            break
        session.jouer(texte)
    session.abandonner()
    session.fermer()
    return session
