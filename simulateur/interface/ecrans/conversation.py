"""L'appel : le fil, la saisie, les panneaux ; en entraînement, le guide et les alertes."""

from __future__ import annotations

import datetime as dt
import time
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from simulateur.interface.composants.fil import BandeauFin, FilConversation
from simulateur.interface.composants.panneaux import (
    PanneauBudget,
    PanneauDossier,
    PanneauEntente,
    PanneauGuide,
)
from simulateur.interface.composants.saisie import SaisieHistorique
from simulateur.interface.config import Mode
from simulateur.interface.logique.budget import FeuilleBudget
from simulateur.interface.logique.dossier import formats_de, sections
from simulateur.interface.logique.entente import Formats, ajouter_mois, phrase_proposition
from simulateur.interface.logique.guide import LIBELLES_INFRACTIONS, Guide
from simulateur.interface.logique.memoire import figer_memoire
from simulateur.interface.logique.rythme import delai_frappe
from simulateur.personnages.gabarits import locale_de

if TYPE_CHECKING:
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.commandes import Commande
    from simulateur.session import Session, Tour

ONGLETS = {"dossier": "Dossier", "budget": "Budget", "entente": "Entente", "guide": "Guide"}


class Conversation(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    CSS_PATH = "conversation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "panneau('dossier')", "Dossier"),
        Binding("f3", "panneau('budget')", "Budget"),
        Binding("f4", "panneau('entente')", "Entente"),
        Binding("f5", "panneau('guide')", "Guide"),
        Binding("f6", "indice", "Indice"),
        Binding("f10", "raccrocher", "Fin"),
        Binding("escape", "suspendre", "Suspendre", show=False),
    ]

    def __init__(self, session: Session, mode: Mode, reprise: bool = False) -> None:
        super().__init__()
        self.session = session
        self.mode = mode
        self.reprise = reprise
        s = session.scenario
        self.formats = formats_de(s)
        self.guide = Guide(s.juridiction)
        self._attente: tuple[Tour, Timer | None] | None = None
        # Dernier session.jouer, en secondes (mesure de performance) : horloge et processeur.
        self.duree_coeur = 0.0
        self.cpu_coeur = 0.0
        self.brouillon: dict[str, Any] = {}

    @property
    def entrainement(self) -> bool:
        return self.mode == "entrainement"

    # -- composition --------------------------------------------------------------
    def compose(self) -> ComposeResult:
        s = self.session.scenario
        self.brouillon = (
            self.app.index.brouillon(self.session.chemin) if self.session.chemin else {}
        )
        yield Header(icon="☎")
        with Horizontal(id="corps"):
            with Vertical(id="appel"):
                yield FilConversation(id="fil")
                yield Static("Débiteur écrit…", id="frappe")
                yield SaisieHistorique(
                    placeholder="Votre réplique… (Entrée pour l'envoyer)", id="saisie"
                )
            with TabbedContent(id="panneau"):
                with TabPane("Dossier", id="dossier"):
                    yield PanneauDossier(sections(s, self.session.personnage))
                with TabPane("Budget", id="budget"):
                    yield PanneauBudget(
                        self.formats, FeuilleBudget.depuis_dict(self.brouillon.get("budget"))
                    )
                with TabPane("Entente", id="entente"):
                    appel = s.appel.date
                    yield PanneauEntente(
                        self.formats,
                        s.dossier.montant,
                        s.mandat.versement_minimum,
                        s.mandat.duree_max_mois,
                        ajouter_mois(appel.replace(day=1), 1),
                    )
                if self.entrainement:
                    with TabPane("Guide", id="guide"):
                        yield PanneauGuide()
        yield Footer()

    def on_mount(self) -> None:
        s = self.session.scenario
        mode = "entraînement" if self.entrainement else "examen"
        self.sub_title = f"{s.id} — {mode}"
        fil = self.query_one(FilConversation)
        fil.ajouter("debiteur", self.session.ouverture.texte)
        for tour in self.session.tours:  # reprise : les tours déjà joués
            self._tour_joue(tour, afficher=True)
        self.query_one("#frappe").display = False
        panneau = self.query_one("#panneau", TabbedContent)
        panneau.display = self.entrainement  # le guide d'emblée ; F5 le masque
        if self.entrainement:
            self._precharger()
            panneau.active = "guide"
            self.query_one(PanneauGuide).actualiser(self.guide)
        self._budget_change(self.query_one(PanneauBudget).feuille)
        self.query_one("#saisie").focus()
        self.call_after_refresh(figer_memoire)
        if self.reprise:
            self.notify(f"Appel repris après {len(self.session.tours)} tour(s).")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "indice" or (action == "panneau" and parameters == ("guide",)):
            return self.entrainement
        return True

    # -- un tour ------------------------------------------------------------------
    @on(SaisieHistorique.Submitted, "#saisie")
    def _soumis(self, event: SaisieHistorique.Submitted) -> None:
        texte = event.value
        if self.session.terminee:
            self.action_raccrocher()
            return
        if not texte.strip():
            return
        saisie = self.query_one(SaisieHistorique)
        saisie.memoriser(texte)
        saisie.value = ""
        self.envoyer(texte)

    def envoyer(self, texte: str) -> None:
        """Une réplique de l'apprenant : au débiteur, puis sa réponse (rythmée)."""
        if self.session.terminee:
            return
        self._vider_attente()
        debut, cpu = time.perf_counter(), time.thread_time()
        tour = self.session.jouer(texte)
        self.duree_coeur = time.perf_counter() - debut
        self.cpu_coeur = time.thread_time() - cpu
        self._tour_joue(tour, afficher=False)
        if self.app.config.rythme:
            self.query_one("#frappe").display = True
            minuteur = self.set_timer(delai_frappe(tour.replique.texte), self._vider_attente)
            self._attente = (tour, minuteur)
        else:
            self._attente = (tour, None)
            self._vider_attente()

    def _tour_joue(self, tour: Tour, afficher: bool) -> None:
        fil = self.query_one(FilConversation)
        marque = ""
        if self.entrainement:
            alertes = self.guide.observer(
                tour.numero, tour.analyse.vers_dict(), tour.etat_avant, tour.etat_apres
            )
            if alertes:
                marque = ", ".join(
                    LIBELLES_INFRACTIONS.get(a.infraction, "divulgation") for a in alertes
                )
                if not afficher:
                    for a in alertes:
                        self.notify(
                            a.libelle,
                            title="Alerte de conformité",
                            severity="warning",
                            timeout=6,
                            markup=False,
                        )
            self.query_one(PanneauGuide).actualiser(self.guide)
        fil.ajouter("apprenant", tour.texte, tour.numero, marque)
        if afficher:
            fil.ajouter("debiteur", tour.replique.texte, tour.numero)

    def _vider_attente(self) -> None:
        """Affiche la réponse en attente (fin du délai, ou nouvelle réplique de l'apprenant)."""
        if self._attente is None:
            return
        tour, minuteur = self._attente
        self._attente = None
        if minuteur is not None:
            minuteur.stop()
        self.query_one("#frappe").display = False
        self.query_one(FilConversation).ajouter("debiteur", tour.replique.texte, tour.numero)
        if self.session.terminee:
            self._appel_termine()

    def _appel_termine(self) -> None:
        from simulateur.interface.ecrans.accueil import RESULTATS

        resultat = RESULTATS.get(self.session.resultat or "", self.session.resultat or "")
        # Un bandeau dans le fil, la saisie garde le focus : pas de bouton qui apparaît
        # ni de changement de focus (qui recompose le pied de page), ~25 ms de moins
        # sur ce tour (benchmarks/demarrage_app.py). Entrée y ouvre la fin d'appel.
        self.query_one(FilConversation).terminer(resultat)
        saisie = self.query_one(SaisieHistorique)
        saisie.placeholder = "Appel terminé : Entrée pour la fin d'appel"
        self._indexer_fin(self.session.resultat or "")

    @work(thread=True, group="index")
    def _indexer_fin(self, resultat: str) -> None:
        if self.session.chemin:
            self.app.index.finir(self.session.chemin, resultat, len(self.session.tours))

    @work(thread=True, group="prechargement")
    def _precharger(self) -> None:
        """Les références des règles (évaluation) : la première alerte ne fait pas attendre."""
        from simulateur.interface.logique.guide import reference_de

        reference_de("qc_harcelement")

    # -- panneaux -----------------------------------------------------------------
    def action_panneau(self, onglet: str) -> None:
        panneau = self.query_one("#panneau", TabbedContent)
        if panneau.display and panneau.active == onglet:
            panneau.display = False
            self.query_one("#saisie").focus()
            return
        panneau.display = True
        panneau.active = onglet
        if onglet in ("budget", "entente"):
            self.query_one(f"#{onglet} Input").focus()

    def action_indice(self) -> None:
        if self.entrainement:
            self.notify(self.guide.indice(), title="Indice", timeout=10, markup=False)

    @on(PanneauBudget.Modifie)
    def _budget_modifie(self, event: PanneauBudget.Modifie) -> None:
        self._budget_change(event.feuille)
        self.brouillon["budget"] = event.feuille.vers_dict()
        if self.session.chemin:
            self.app.index.sauver_brouillon(self.session.chemin, self.brouillon)

    def _budget_change(self, feuille: FeuilleBudget) -> None:
        entente = self.query_one(PanneauEntente)
        entente.capacite = feuille.capacite
        entente.calculer()

    @on(PanneauEntente.Proposer)
    def _proposer(self, event: PanneauEntente.Proposer) -> None:
        langue = self.session.etat.langue
        s = self.session.scenario
        formats = Formats(locale_de(s.locale, langue), s.dossier.devise)
        self.brouillon["entente"] = event.echeancier.vers_dict()
        self.envoyer(phrase_proposition(event.echeancier, formats, langue))
        self.query_one("#saisie").focus()

    # -- fin ----------------------------------------------------------------------
    @on(BandeauFin.Clique)
    def action_raccrocher(self) -> None:
        from simulateur.interface.ecrans.fin_appel import FinAppel

        self._vider_attente()
        entente = self.query_one(PanneauEntente).echeancier
        if self.session.etat.entente is None and self.session.resultat != "entente":
            entente = entente if self.brouillon.get("entente") else None
        self.app.push_screen(FinAppel(self.session, entente), self._fin_notee)

    def _fin_notee(self, fiche: dict[str, Any] | None) -> None:
        if fiche is None:
            self.query_one("#saisie").focus()
            return
        suivi: dt.date | None = fiche.get("suivi")
        self.session.noter_dossier(
            fiche["note"], resultat=fiche["resultat"], echeancier=fiche["echeancier"], suivi=suivi
        )
        self.session.fermer()
        if self.session.chemin:
            self.app.index.finir(self.session.chemin, fiche["resultat"], len(self.session.tours))
            self.app.ouvrir_bilan(self.session.chemin, remplacer=True)
        else:
            self.dismiss()

    def action_suspendre(self) -> None:
        """Revenir à l'accueil sans clore l'appel : il pourra être repris."""
        self._vider_attente()
        if not self.session.terminee:
            self.session.fermer()
            self.app.notify("Appel suspendu : reprenez-le depuis l'accueil (sessions récentes).")
            self.app.pop_screen()
        else:
            self.action_raccrocher()

    def on_unmount(self) -> None:
        self.session.fermer()

    def commandes(self) -> list[Commande]:
        cmds: list[Commande] = [
            ("Afficher le dossier", "Panneau Dossier (F2)", lambda: self.action_panneau("dossier")),
            (
                "Feuille de budget",
                "Revenus, dépenses, capacité (F3)",
                lambda: self.action_panneau("budget"),
            ),
            (
                "Formulaire d'entente",
                "Échéancier et proposition (F4)",
                lambda: self.action_panneau("entente"),
            ),
            ("Fin d'appel", "Noter le résultat et voir le bilan (F10)", self.action_raccrocher),
            (
                "Suspendre l'appel",
                "Revenir à l'accueil ; l'appel pourra être repris",
                self.action_suspendre,
            ),
        ]
        if self.entrainement:
            cmds += [
                (
                    "Guide de l'appel",
                    "Liste de contrôle et alertes (F5)",
                    lambda: self.action_panneau("guide"),
                ),
                ("Indice", "Le prochain pas utile (F6)", self.action_indice),
            ]
        return cmds
