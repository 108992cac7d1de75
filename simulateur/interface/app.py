"""L'application : configuration, écrans, thème, palette de commandes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App
from textual.binding import Binding, BindingType

from simulateur.interface.commandes import Commande, CommandesSimulateur
from simulateur.interface.config import Config, Mode

if TYPE_CHECKING:
    from textual.screen import Screen

    from simulateur.interface.logique.catalogue import FicheScenario
    from simulateur.interface.logique.index import Index

THEME_SOMBRE = "textual-dark"
THEME_CLAIR = "textual-light"


class SimulateurApp(App[None]):
    TITLE = "Simulateur de recouvrement"
    SUB_TITLE = "Accueil"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {CommandesSimulateur}
    COMMAND_PALETTE_DISPLAY = "Commandes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8", "basculer_theme", "Thème", show=False),
        Binding("ctrl+q", "quit", "Quitter", show=False, priority=True),
        Binding(
            "ctrl+p", "command_palette", "Commandes", show=False, key_display="^p", priority=True
        ),
    ]

    def __init__(self, config: Config) -> None:
        super().__init__()
        self.config = config
        self.mode: Mode = config.mode
        self._index: Index | None = None
        self.apprenant = ""

    # -- données ------------------------------------------------------------------
    @property
    def index(self) -> Index:
        if self._index is None:
            from simulateur.interface.logique.index import Index

            self._index = Index(self.config.donnees)
        return self._index

    # -- démarrage ----------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        # L'accueil est l'écran de base : pas d'écran vide peint avant lui.
        if self.config.relecture is not None:
            return super().get_default_screen()
        from simulateur.interface.ecrans.accueil import Accueil

        return Accueil()

    def on_mount(self) -> None:
        self.theme = THEME_SOMBRE
        self.theme_changed_signal.subscribe(self, self._theme_change)
        if self.config.relecture is not None:
            # Poussée (et non écran de base) pour que sa feuille de styles soit chargée.
            self.ouvrir_relecture(self.config.relecture, racine=True)

    def preferences_chargees(self) -> None:
        """Appelé par l'accueil une fois l'index lu (après le premier affichage)."""
        theme = self.index.preference("theme", THEME_SOMBRE)
        if theme in self.available_themes:
            self.theme = theme
        self.apprenant = self.index.preference("apprenant", "")

    def _theme_change(self, theme: object) -> None:
        if self._index is not None:
            self.index.definir("theme", self.theme)

    def action_basculer_theme(self) -> None:
        self.theme = THEME_CLAIR if self.theme == THEME_SOMBRE else THEME_SOMBRE

    @on(events.DeliveryComplete)
    def _livre(self, event: events.DeliveryComplete) -> None:
        if event.path is not None:
            self.notify(str(event.path), title="Bilan exporté", markup=False, timeout=8)
        else:
            self.notify("Téléchargement lancé dans le navigateur.", title="Bilan exporté")

    @on(events.DeliveryFailed)
    def _echec_livraison(self, event: events.DeliveryFailed) -> None:
        self.notify(str(event.exception), title="Export impossible", severity="error", markup=False)

    # -- navigation ---------------------------------------------------------------
    def ouvrir_briefing(self, fiche: FicheScenario) -> None:
        from simulateur.interface.ecrans.briefing import Briefing

        self.push_screen(Briefing(fiche))

    def ouvrir_conversation(self, session: object, mode: Mode, reprise: bool = False) -> None:
        from simulateur.interface.ecrans.conversation import Conversation

        ecran = Conversation(session, mode, reprise=reprise)  # type: ignore[arg-type]
        if reprise:
            self.push_screen(ecran)
        else:
            self.switch_screen(ecran)

    def ouvrir_session(self, chemin: Path, *, en_cours: bool) -> None:
        """Une session de la liste : reprendre l'appel s'il est en cours, sinon son bilan."""
        if en_cours:
            self.reprendre(chemin)
        else:
            self.ouvrir_bilan(chemin)

    def reprendre(self, chemin: Path) -> None:
        """Reprend un appel interrompu (fenêtre fermée, processus tué)."""
        from simulateur.session import RepriseImpossible, Session
        from simulateur.transcription import TranscriptionIllisible

        try:
            session = Session.reprendre(chemin)
        except (RepriseImpossible, TranscriptionIllisible, OSError) as e:
            self.notify(
                str(e), title="Reprise impossible", severity="error", timeout=8, markup=False
            )
            return
        ligne = self.index.session(chemin)
        mode: Mode = "examen" if ligne and ligne.mode == "examen" else "entrainement"
        self.ouvrir_conversation(session, mode, reprise=True)

    def ouvrir_bilan(self, chemin: Path, remplacer: bool = False) -> None:
        from simulateur.interface.ecrans.bilan import Bilan

        if remplacer:
            self.switch_screen(Bilan(chemin))
        else:
            self.push_screen(Bilan(chemin))

    def ouvrir_relecture(self, chemin: Path, tour: int | None = None, racine: bool = False) -> None:
        from simulateur.interface.ecrans.relecture import Relecture

        self.push_screen(Relecture(chemin, tour=tour, racine=racine))

    def ouvrir_historique(self) -> None:
        from simulateur.interface.ecrans.historique import Historique

        self.push_screen(Historique())

    def commandes(self) -> list[Commande]:
        return [
            (
                "Basculer thème clair / sombre",
                "Thème clair ou sombre (F8)",
                self.action_basculer_theme,
            ),
            ("Historique des sessions", "Vos notes au fil des sessions", self.ouvrir_historique),
            ("Quitter", "Fermer l'application (un appel en cours pourra être repris)", self.exit),
        ]
