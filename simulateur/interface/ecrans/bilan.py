"""Bilan : notes par axe et leurs preuves, entente face à la capacité réelle, export."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from simulateur.actes import NOMS_AXES
from simulateur.interface.composants.texte import cellule, litteral
from simulateur.interface.logique.bilan import FORMATS_EXPORT, barre, comparer

if TYPE_CHECKING:
    from simulateur.evaluation.rapport import Preuve, Rapport
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.commandes import Commande


class ChoixFormat(ModalScreen[str | None]):
    """Petit choix du format d'export."""

    CSS_PATH = "bilan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Annuler")]

    def compose(self) -> ComposeResult:
        with Vertical(id="choix-format"):
            yield Static("Exporter le bilan en…", classes="titre-ecran")
            yield OptionList(*(Option(nom, id=cle) for cle, (nom, _) in FORMATS_EXPORT.items()))

    @on(OptionList.OptionSelected)
    def _choisi(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class Bilan(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    CSS_PATH = "bilan.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "exporter", "Exporter"),
        Binding("r", "relecture", "Relecture"),
        Binding("escape", "accueil", "Accueil"),
    ]

    def __init__(self, chemin: Path) -> None:
        super().__init__()
        self.chemin = Path(chemin)
        self.rapport: Rapport | None = None
        self.preuves: list[Preuve] = []
        self.pret = False

    def compose(self) -> ComposeResult:
        yield Header(icon="☎")
        yield Static(id="synthese")
        with Horizontal(id="bilan-corps"):
            yield DataTable(id="axes", cursor_type="row")
            yield DataTable(id="preuves", cursor_type="row")
        yield Static(id="preuve-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Bilan"
        axes = self.query_one("#axes", DataTable)
        axes.add_column("Axe", width=18, key="axe")
        axes.add_column("Note", width=12, key="note")
        self.query_one("#synthese", Static).loading = True
        self.evaluer()

    @work(thread=True, exclusive=True)
    def evaluer(self) -> None:
        try:
            from simulateur.evaluation import evaluer_fichier

            rapport = evaluer_fichier(self.chemin)
        except Exception as e:  # scénario disparu, transcription illisible…
            self.app.call_from_thread(self._echec, f"{type(e).__name__} : {e}")
            return
        self.app.index.noter(
            self.chemin, rapport.note_globale, {a: rapport.note(a) for a in rapport.axes}
        )
        self.app.call_from_thread(self._afficher, rapport)

    def _echec(self, message: str) -> None:
        self.pret = True
        synthese = self.query_one("#synthese", Static)
        synthese.loading = False
        synthese.update(
            litteral(f"Évaluation impossible : {message}\nR : relire la transcription.")
        )

    def _afficher(self, r: Rapport) -> None:
        from simulateur.interface.logique.entente import Formats

        self.rapport = r
        locale = "fr_FR" if r.devise == "EUR" else "fr_CA"
        f = Formats(locale, r.devise or "CAD")
        comp = comparer(r, f)
        note = r.note_globale_revisee if r.note_globale_revisee is not None else r.note_globale
        resultat = r.resultat or "interrompu"
        lignes: list[str | tuple[str, str]] = [
            (f"Note globale : {note:.0f}/100", "bold"),
            f"   · fin de l'appel : {resultat}\n",
            (comp.texte, "" if comp.tenable is None else ("green" if comp.tenable else "red")),
        ]
        for a in r.avertissements:
            lignes += ["\n", (f"⚠ {a}", "yellow")]
        synthese = self.query_one("#synthese", Static)
        synthese.update(Content.assemble(*lignes))
        synthese.loading = False
        axes = self.query_one("#axes", DataTable)
        axes.clear()
        for nom, _axe in r.axes.items():
            n = r.note(nom)
            texte = "n/a" if n is None else f"{barre(n, 8)} {n:>3.0f}"
            axes.add_row(NOMS_AXES.get(nom, nom), texte, key=nom)
        axes.focus()
        self.pret = True
        self._montrer_axe(next(iter(r.axes)))

    def _montrer_axe(self, nom: str) -> None:
        if self.rapport is None:
            return
        self.preuves = list(self.rapport.axes[nom].preuves)
        table = self.query_one("#preuves", DataTable)
        table.clear(columns=True)
        table.add_column("Tour", width=4, key="tour")
        table.add_column("", width=1, key="sens")
        # Largeur connue d'avance (écran moins la colonne des axes) : rendu stable.
        table.add_column("Constat", width=max(20, self.app.size.width - 34 - 13), key="citation")
        for i, p in enumerate(self.preuves):
            table.add_row(
                str(p.tour) if p.tour else "—",
                Content.styled(
                    "+" if p.sens == "positif" else "−", "green" if p.sens == "positif" else "red"
                ),
                cellule(p.citation),
                key=str(i),
            )
        self._detail(0)

    def _detail(self, i: int) -> None:
        detail = self.query_one("#preuve-detail", Static)
        if not self.preuves or i >= len(self.preuves):
            detail.update(litteral("Aucune preuve pour cet axe."))
            return
        p = self.preuves[i]
        ref = f" ({p.reference})" if p.reference else ""
        points = f" [{p.points:+.0f}]" if p.points else ""
        detail.update(
            Content.assemble(
                (p.regle + ref + points, "bold"),
                "\n« ",
                p.citation,
                " »\n",
                p.conseil,
                ("\nEntrée : voir ce tour dans la relecture" if p.tour else "", "dim"),
            )
        )

    @on(DataTable.RowHighlighted, "#axes")
    def _axe_surligne(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self._montrer_axe(event.row_key.value)

    @on(DataTable.RowSelected, "#axes")
    def _axe_choisi(self) -> None:
        if self.preuves:
            self.query_one("#preuves", DataTable).focus()

    @on(DataTable.RowHighlighted, "#preuves")
    def _preuve_surlignee(self, event: DataTable.RowHighlighted) -> None:
        self._detail(event.cursor_row)

    @on(DataTable.RowSelected, "#preuves")
    def _preuve_choisie(self, event: DataTable.RowSelected) -> None:
        p = self.preuves[event.cursor_row] if event.cursor_row < len(self.preuves) else None
        self.app.ouvrir_relecture(self.chemin, tour=p.tour if p else None)

    # -- actions ------------------------------------------------------------------
    def action_exporter(self) -> None:
        if self.rapport is None:
            self.notify("Le bilan n'est pas encore prêt.")
            return
        self.app.push_screen(ChoixFormat(), self._exporter)

    def _exporter(self, format_: str | None) -> None:
        if format_ is None or self.rapport is None:
            return
        from simulateur.evaluation.formats import exporter
        from simulateur.interface.logique.bilan import nom_fichier_export

        texte = exporter([self.rapport], format_)
        nom = nom_fichier_export(self.rapport, format_)
        dossier = self.app.config.donnees / "exports"  # en terminal ; le navigateur télécharge
        dossier.mkdir(parents=True, exist_ok=True)
        self.app.deliver_text(
            io.StringIO(texte),
            save_directory=dossier,
            save_filename=nom,
            encoding="utf-8",
        )

    def action_relecture(self) -> None:
        self.app.ouvrir_relecture(self.chemin)

    def action_accueil(self) -> None:
        from simulateur.interface.ecrans.accueil import Accueil

        if not any(isinstance(e, Accueil) for e in self.app.screen_stack):
            self.app.pop_screen()  # ouvert par `simulateur rejouer` : retour à la relecture
            return
        while not isinstance(self.app.screen, Accueil):
            self.app.pop_screen()

    def commandes(self) -> list[Commande]:
        return [
            ("Exporter le bilan", "Texte, Markdown, HTML, JSON ou CSV (x)", self.action_exporter),
            ("Relire l'appel", "Tour par tour, avec l'analyse (r)", self.action_relecture),
            ("Retour à l'accueil", "Bibliothèque de scénarios", self.action_accueil),
        ]
