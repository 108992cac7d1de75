"""Accueil : bibliothèque de scénarios, sessions récentes, choix du mode."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static

from simulateur.interface.composants.choix_mode import ChoixMode
from simulateur.interface.composants.texte import cellule, litteral

if TYPE_CHECKING:
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.commandes import Commande
    from simulateur.interface.config import Mode
    from simulateur.interface.logique.catalogue import FicheScenario
    from simulateur.interface.logique.index import LigneSession

RESULTATS = {
    "entente": "entente",
    "refus": "refus",
    "raccroche": "raccroché",
    "rappel": "rappel",
    "tiers": "tiers",
    "orientation": "orientation",
    "autre": "autre",
    "abandon": "abandon",
}


class Accueil(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filtrer", "Filtrer"),
        Binding("m", "basculer_mode", "Mode"),
        Binding("h", "historique", "Historique"),
        Binding("f8", "app.basculer_theme", "Thème"),
        Binding("ctrl+q", "app.quit", "Quitter"),
        Binding("escape", "effacer_filtre", "Effacer", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.fiches: list[FicheScenario] = []
        self.recentes: list[LigneSession] = []
        self.pret = False  # bibliothèque et index chargés (les tests l'attendent)

    def compose(self) -> ComposeResult:
        yield Header(icon="☎")
        with Horizontal(id="barre"):
            yield Input(placeholder="Filtrer : titre, archétype, juridiction…  (/)", id="filtre")
            yield ChoixMode(self.app.mode, id="mode")
        yield Label("Scénarios — Entrée pour lire le dossier", classes="section")
        yield DataTable(id="scenarios", cursor_type="row", zebra_stripes=True)
        yield Static(id="description")
        yield Label("Sessions récentes — Entrée : reprendre, bilan ou relecture", classes="section")
        yield DataTable(id="recentes", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Accueil"
        table = self.query_one("#scenarios", DataTable)
        table.add_column("Chargement de la bibliothèque…")
        recentes = self.query_one("#recentes", DataTable)
        for col in ("Date", "Scénario", "Apprenant", "Résultat", "Note"):
            recentes.add_column(col, key=col)
        table.focus()
        # Le reste (scénarios, index) se charge après le premier affichage.
        self.call_after_refresh(self.set_timer, 0.05, self.charger)

    @work(thread=True, exclusive=True, group="accueil")
    def charger(self) -> None:
        from simulateur.interface.logique.catalogue import charger_catalogue

        fiches, invalides = charger_catalogue(self.app.config.scenarios)
        index = self.app.index
        index.synchroniser()
        recentes = index.lister(limite=20)
        self.app.call_from_thread(self._afficher, fiches, invalides, recentes)

    def _afficher(
        self, fiches: list[FicheScenario], invalides: list[str], recentes: list[LigneSession]
    ) -> None:
        self.app.preferences_chargees()
        self.pret = True
        self.fiches = fiches
        self.recentes = recentes
        self._remplir_scenarios()
        self._remplir_recentes()
        self.query_one("#scenarios", DataTable).focus()
        for message in invalides:
            self.notify(message, severity="warning", timeout=6, markup=False)
        if not fiches:
            self.query_one("#description", Static).update(
                litteral(f"Aucun scénario valide dans {self.app.config.scenarios}.")
            )

    # -- tables -------------------------------------------------------------------
    def _visibles(self) -> list[FicheScenario]:
        filtre = self.query_one("#filtre", Input).value
        return [f for f in self.fiches if f.correspond(filtre)]

    def _remplir_scenarios(self) -> None:
        from simulateur.interface.logique.catalogue import ARCHETYPES_COURTS, CANAUX_COURTS

        table = self.query_one("#scenarios", DataTable)
        table.clear(columns=True)
        largeur = max(18, self.size.width - 55)
        table.add_column("Titre", width=largeur, key="titre")
        table.add_column("Archétype", key="archetype")
        table.add_column("Niveau", key="niveau")
        table.add_column("Jur.", key="juridiction")
        table.add_column("Canal", key="canal")
        table.add_column("Langue", key="langues")
        for f in self._visibles():
            table.add_row(
                cellule(f.titre),
                ARCHETYPES_COURTS.get(f.archetype, f.archetype),
                f.niveau,
                f.juridiction.upper(),
                CANAUX_COURTS.get(f.canal, f.canal),
                f.langues,
                key=str(f.fichier),
            )
        self._decrire()

    def _remplir_recentes(self) -> None:
        table = self.query_one("#recentes", DataTable)
        table.clear()
        for s in self.recentes:
            resultat = (
                "en cours ▶ reprendre"
                if s.en_cours
                else RESULTATS.get(s.resultat or "", s.resultat or "")
            )
            note = f"{s.note_globale:.0f}" if s.note_globale is not None else "—"
            table.add_row(
                s.debut_local,
                cellule(s.scenario_id),
                cellule(s.apprenant or "—"),
                resultat,
                note,
                key=str(s.chemin),
            )

    def _fiche_courante(self) -> FicheScenario | None:
        table = self.query_one("#scenarios", DataTable)
        if not table.row_count:
            return None
        cle = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((f for f in self.fiches if str(f.fichier) == cle), None)

    def _decrire(self) -> None:
        f = self._fiche_courante()
        description = self.query_one("#description", Static)
        if f is None:
            description.update("")
            return
        from textual.content import Content

        description.update(Content.assemble((f.titre, "bold"), " — ", f.description))

    def on_resize(self) -> None:
        if self.fiches:
            self._remplir_scenarios()

    # -- événements ---------------------------------------------------------------
    @on(Input.Changed, "#filtre")
    def _filtre_change(self) -> None:
        self._remplir_scenarios()

    @on(Input.Submitted, "#filtre")
    def _filtre_valide(self) -> None:
        self.query_one("#scenarios", DataTable).focus()

    @on(DataTable.RowHighlighted, "#scenarios")
    def _surligne(self) -> None:
        self._decrire()

    @on(DataTable.RowSelected, "#scenarios")
    def _choisir(self, event: DataTable.RowSelected) -> None:
        fiche = next((f for f in self.fiches if str(f.fichier) == event.row_key.value), None)
        if fiche is not None:
            self.app.ouvrir_briefing(fiche)

    @on(DataTable.RowSelected, "#recentes")
    def _ouvrir_session(self, event: DataTable.RowSelected) -> None:
        ligne = next((s for s in self.recentes if str(s.chemin) == event.row_key.value), None)
        if ligne is not None:
            self.app.ouvrir_session(ligne.chemin, en_cours=ligne.en_cours)

    @on(ChoixMode.Change, "#mode")
    def _mode_change(self, event: ChoixMode.Change) -> None:
        self.app.mode = event.mode

    def on_screen_resume(self) -> None:
        self.sub_title = "Accueil"
        if self.fiches:  # revenir d'un appel : la liste des sessions a changé
            self.charger()

    # -- actions ------------------------------------------------------------------
    def action_filtrer(self) -> None:
        self.query_one("#filtre", Input).focus()

    def action_effacer_filtre(self) -> None:
        filtre = self.query_one("#filtre", Input)
        filtre.value = ""
        self.query_one("#scenarios", DataTable).focus()

    def action_basculer_mode(self) -> None:
        self.query_one("#mode", ChoixMode).action_basculer()

    def action_historique(self) -> None:
        self.app.ouvrir_historique()

    def commandes(self) -> list[Commande]:
        return [
            (
                "Filtrer les scénarios",
                "Taper des mots du titre, de l'archétype…",
                self.action_filtrer,
            ),
            (
                "Mode entraînement",
                "Liste de contrôle, indices et alertes en direct",
                lambda: self._mode("entrainement"),
            ),
            ("Mode examen", "Aucune aide pendant l'appel", lambda: self._mode("examen")),
            (
                "Reprendre le dernier appel interrompu",
                "Rouvre l'appel là où il s'est arrêté",
                self._reprendre_dernier,
            ),
        ]

    def _mode(self, mode: Mode) -> None:
        self.query_one("#mode", ChoixMode).mode = mode

    def _reprendre_dernier(self) -> None:
        ligne = next((s for s in self.recentes if s.en_cours), None)
        if ligne is None:
            self.notify("Aucun appel interrompu.")
        else:
            self.app.reprendre(Path(ligne.chemin))
