"""Briefing : le dossier avant l'appel (créancier, montant, historique, mandat, heure de l'appel)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Static

from simulateur.interface.composants.texte import fiche, litteral, titre

if TYPE_CHECKING:
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.commandes import Commande
    from simulateur.interface.logique.catalogue import FicheScenario
    from simulateur.personnages.personnage import Personnage
    from simulateur.scenarios.moteur import Moteur


class Briefing(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    CSS_PATH = "briefing.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Retour"),
        Binding("f9", "commencer", "Commencer l'appel"),
    ]

    def __init__(self, fiche_scenario: FicheScenario) -> None:
        super().__init__()
        self.fiche = fiche_scenario
        self.moteur: Moteur | None = None
        self.personnage: Personnage | None = None
        self.graine = 0
        self.pret = False

    def compose(self) -> ComposeResult:
        yield Header(icon="☎")
        with VerticalScroll(id="dossier-briefing"):
            yield Static(titre(self.fiche.titre), id="briefing-titre")
            yield Static(litteral(self.fiche.description), id="briefing-description")
            yield Static(id="briefing-dossier")
        with Horizontal(id="briefing-pied"):
            yield Label("Votre nom :")
            yield Input(placeholder="facultatif", id="apprenant")
            yield Button("Commencer l'appel (F9)", id="commencer", variant="primary", disabled=True)
        yield Footer()

    def on_mount(self) -> None:
        mode = "examen" if self.app.mode == "examen" else "entraînement"
        self.sub_title = f"Briefing — mode {mode}"
        self.query_one("#apprenant", Input).value = self.app.apprenant
        self.query_one("#briefing-dossier", Static).loading = True
        self.preparer()

    @work(thread=True, exclusive=True)
    def preparer(self) -> None:
        from simulateur.personnages.generation import generer_personnage
        from simulateur.scenarios.moteur import moteur_pour

        moteur = moteur_pour(self.fiche.fichier)
        graine = self.app.config.graine
        graine = graine if graine is not None else secrets.randbelow(1_000_000)
        personnage = generer_personnage(moteur.scenario, graine)
        # Prépare l'appel pendant la lecture : modèle de compréhension et lingua chargés.
        from simulateur.comprehension.analyseur import Analyseur

        Analyseur().analyser("Bonjour", moteur.scenario.juridiction)

        self.app.call_from_thread(self._afficher, moteur, personnage, graine)

    def _afficher(self, moteur: Moteur, personnage: Personnage, graine: int) -> None:
        from simulateur.interface.logique.dossier import sections

        self.moteur, self.personnage, self.graine = moteur, personnage, graine
        morceaux: list[Any] = []
        for nom, lignes in sections(moteur.scenario, personnage):
            morceaux.append(titre(f"\n{nom}\n"))
            morceaux.append(fiche(lignes))
        from textual.content import Content

        dossier = self.query_one("#briefing-dossier", Static)
        dossier.update(Content.assemble(*morceaux))
        dossier.loading = False
        bouton = self.query_one("#commencer", Button)
        bouton.disabled = False
        nom = self.query_one("#apprenant", Input)
        self.pret = True
        # Sans nom connu, on invite à le taper (Entrée lance l'appel) ; sinon, le bouton.
        (bouton if nom.value else nom).focus()

    @on(Input.Submitted, "#apprenant")
    @on(Button.Pressed, "#commencer")
    def action_commencer(self) -> None:
        if self.moteur is None or self.personnage is None:
            return
        from simulateur.interface.logique.index import nouveau_chemin
        from simulateur.session import Session

        config = self.app.config
        apprenant = self.query_one("#apprenant", Input).value.strip()
        self.app.apprenant = apprenant
        index = self.app.index
        index.definir("apprenant", apprenant)
        debut = config.horloge()
        chemin = nouveau_chemin(
            config.donnees, self.moteur.scenario.id, self.graine, apprenant, debut
        )
        try:
            session = Session(
                self.moteur,
                self.graine,
                personnage=self.personnage,
                apprenant=apprenant,
                transcription=chemin,
                horloge=config.horloge,
            )
        except OSError as e:
            self.notify(
                f"Impossible d'écrire la transcription : {e}", severity="error", markup=False
            )
            return
        index.commencer(
            chemin,
            self.moteur.scenario.id,
            self.moteur.scenario.titre,
            apprenant,
            self.app.mode,
            self.graine,
            debut,
        )
        self.app.ouvrir_conversation(session, self.app.mode)

    def commandes(self) -> list[Commande]:
        return [("Commencer l'appel", "Décrocher et parler au débiteur", self.action_commencer)]
