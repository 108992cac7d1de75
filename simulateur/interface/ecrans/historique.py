"""Historique : les sessions passées et les notes au fil du temps (graphique plotext)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual_plotext import PlotextPlot

from simulateur.actes import NOMS_AXES
from simulateur.interface.composants.texte import cellule, litteral

if TYPE_CHECKING:
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.logique.index import LigneSession


class Historique(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    CSS_PATH = "historique.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "axes", "Axes / globale"),
        Binding("escape", "app.pop_screen", "Retour"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sessions: list[LigneSession] = []
        self.par_axe = False

    def compose(self) -> ComposeResult:
        yield Header(icon="☎")
        yield PlotextPlot(id="graphique")
        yield Static(id="historique-resume")
        yield DataTable(id="sessions", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Historique"
        apprenant = self.app.apprenant or None
        self.sessions = list(reversed(self.app.index.lister(apprenant=apprenant)))
        table = self.query_one("#sessions", DataTable)
        for col in ("Date", "Scénario", "Résultat", "Note"):
            table.add_column(col, key=col)
        for s in reversed(self.sessions):
            table.add_row(
                s.debut_local,
                cellule(s.scenario_id),
                s.resultat or "en cours",
                "—" if s.note_globale is None else f"{s.note_globale:.0f}",
                key=str(s.chemin),
            )
        notees = [s for s in self.sessions if s.note_globale is not None]
        qui = f" de {apprenant}" if apprenant else ""
        if notees:
            moyenne = sum(s.note_globale or 0 for s in notees) / len(notees)
            resume = f"{len(notees)} session(s) notée(s){qui} · moyenne {moyenne:.0f}/100 · dernière {notees[-1].note_globale:.0f}"
        else:
            resume = f"Aucune session notée{qui} : terminez un appel pour voir votre progression."
        self.query_one("#historique-resume", Static).update(litteral(resume))
        self.tracer()
        table.focus()

    def tracer(self) -> None:
        graphique = self.query_one(PlotextPlot)
        plt = graphique.plt
        plt.clear_data()
        plt.clear_figure()
        notees = [s for s in self.sessions if s.note_globale is not None]
        plt.title("Notes au fil des sessions" + (" (par axe)" if self.par_axe else ""))
        plt.ylim(0, 100)
        plt.xlabel("session")
        if notees:
            x = list(range(1, len(notees) + 1))
            if self.par_axe:
                for axe, nom in NOMS_AXES.items():
                    points = [(i, s.notes.get(axe)) for i, s in zip(x, notees, strict=True)]
                    points = [(i, n) for i, n in points if n is not None]
                    if points:
                        plt.plot(
                            [p[0] for p in points], [p[1] for p in points], label=nom, marker="dot"
                        )
            else:
                plt.plot(x, [s.note_globale for s in notees], label="note globale", marker="dot")
            plt.xticks(x)
        graphique.refresh()

    def action_axes(self) -> None:
        self.par_axe = not self.par_axe
        self.tracer()

    @on(DataTable.RowSelected, "#sessions")
    def _ouvrir(self, event: DataTable.RowSelected) -> None:
        ligne = next((s for s in self.sessions if str(s.chemin) == event.row_key.value), None)
        if ligne is not None:
            self.app.ouvrir_session(ligne.chemin, en_cours=ligne.en_cours)
