"""Relecture : un appel tour par tour, avec l'analyse, le changement d'état et les preuves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from simulateur.interface.composants.texte import litteral
from simulateur.interface.logique.relecture import (
    LIBELLES_ACTES,
    TourRelu,
    libelle_infraction,
    lire_tours,
    note_dossier,
)

if TYPE_CHECKING:
    from simulateur.evaluation.rapport import Preuve, Rapport
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.commandes import Commande
    from simulateur.transcription import Transcription

Morceau = str | tuple[str, str]


class Relecture(Screen[None]):
    app: SimulateurApp  # type: ignore[assignment]
    CSS_PATH = "relecture.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "violation(1)", "Infraction suivante"),
        Binding("shift+v", "violation(-1)", "Précédente"),
        Binding("b", "bilan", "Bilan"),
        Binding("escape", "retour", "Retour"),
    ]

    def __init__(self, chemin: Path, tour: int | None = None, racine: bool = False) -> None:
        super().__init__()
        self.chemin = Path(chemin)
        self.tour_demande = tour
        self.racine = racine
        self.transcription: Transcription | None = None
        self.tours: list[TourRelu] = []
        self.generales: list[Preuve] = []
        self.note: dict[str, Any] | None = None
        self.pret = False

    def compose(self) -> ComposeResult:
        yield Header(icon="☎")
        with Horizontal(id="relecture-corps"):
            yield OptionList(id="tours")
            with VerticalScroll(id="relecture-detail"):
                yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        from simulateur.transcription import TranscriptionIllisible, lire_transcription

        self.sub_title = f"Relecture — {self.chemin.name}"
        try:
            t = lire_transcription(self.chemin)
        except TranscriptionIllisible as e:
            self.query_one("#detail", Static).update(litteral(str(e)))
            return
        self.transcription = t
        self.tours = lire_tours(t.tours)
        self.note = note_dossier(t.lignes)
        self._remplir()
        self.evaluer()

    @work(thread=True, exclusive=True)
    def evaluer(self) -> None:
        try:
            from simulateur.evaluation import evaluer_fichier

            rapport = evaluer_fichier(self.chemin)
        except Exception:
            self.app.call_from_thread(setattr, self, "pret", True)
            return  # la relecture reste utile sans l'évaluation
        self.app.call_from_thread(self._preuves, rapport)

    def _preuves(self, r: Rapport) -> None:
        par_tour: dict[int, list[Preuve]] = {}
        self.generales = []
        for axe in r.axes.values():
            for p in axe.preuves:
                if p.tour:
                    par_tour.setdefault(p.tour, []).append(p)
                else:
                    self.generales.append(p)
        for t in self.tours:
            t.preuves = par_tour.get(t.numero, [])
        liste = self.query_one("#tours", OptionList)
        position = liste.highlighted
        self._remplir(garder=position)
        self.pret = True

    # -- liste des tours ------------------------------------------------------------
    def _remplir(self, garder: int | None = None) -> None:
        liste = self.query_one("#tours", OptionList)
        liste.clear_options()
        options = [Option("Ouverture", id="0")]
        for t in self.tours:
            marque = "⚠ " if t.violation else "  "
            acte = LIBELLES_ACTES.get(t.acte, t.acte)
            options.append(
                Option(Content.assemble(marque, f"{t.numero:>2}. {acte}"), id=str(t.numero))
            )
        options.append(Option("Fin et note au dossier", id="fin"))
        liste.add_options(options)
        if garder is not None:
            liste.highlighted = garder
        elif self.tour_demande:
            liste.highlighted = min(self.tour_demande, len(self.tours))
        else:
            liste.highlighted = 0
        liste.focus()
        self._montrer(liste.highlighted or 0)

    @on(OptionList.OptionHighlighted, "#tours")
    def _surligne(self, event: OptionList.OptionHighlighted) -> None:
        self._montrer(event.option_index)

    def _montrer(self, index: int) -> None:
        detail = self.query_one("#detail", Static)
        t = self.transcription
        if t is None:
            return
        if index == 0:
            e = t.entete
            morceaux: list[Morceau] = [
                ("Scénario : ", "bold"),
                e["scenario"].get("titre", e["scenario"]["id"]),
                "\n",
                ("Apprenant : ", "bold"),
                e.get("apprenant") or "—",
                ("   Graine : ", "bold"),
                str(e.get("graine")),
                "\n",
                ("Début : ", "bold"),
                e.get("debut", ""),
                "\n\n",
                ("Débiteur › ", "bold"),
                (e.get("ouverture") or {}).get("texte", ""),
            ]
        elif index > len(self.tours):
            morceaux = self._fin()
        else:
            morceaux = self._tour(self.tours[index - 1])
        detail.update(Content.assemble(*morceaux))

    def _tour(self, t: TourRelu) -> list[Morceau]:
        m: list[Morceau] = [
            (f"Tour {t.numero}\n", "bold"),
            ("Vous › ", "bold"),
            t.apprenant,
            "\n",
            ("Débiteur › ", "bold"),
            t.debiteur,
            "\n\n",
            ("Analyse : ", "bold"),
            f"{t.acte} (confiance {t.confiance:.2f}, langue {t.langue})\n",
        ]
        if t.entites:
            m += [("Entités : ", "bold"), " · ".join(t.entites), "\n"]
        for i, regle, ref, declencheurs in t.infractions:
            texte = f"⚠ {libelle_infraction(i)}"
            if regle:
                texte += f" — {regle}"
            if ref:
                texte += f" ({ref})"
            m += [(texte, "bold red")]
            if declencheurs:
                m += [" « " + " », « ".join(declencheurs) + " »"]
            m += ["\n"]
        phase = (
            t.phase_avant
            if t.phase_avant == t.phase_apres
            else f"{t.phase_avant} → {t.phase_apres}"
        )
        m += [("Phase : ", "bold"), phase]
        if t.transition is not None:
            m += [f" (transition {t.transition})"]
        m += ["\n"]
        if t.reaction:
            m += [("Réaction : ", "bold"), " · ".join(t.reaction), "\n"]
        if t.changements:
            m += [
                ("État du débiteur : ", "bold"),
                " · ".join(f"{nom} {a} → {b}" for nom, a, b in t.changements),
                "\n",
            ]
        m += self._liste_preuves(t.preuves)
        return m

    def _liste_preuves(self, preuves: list[Preuve]) -> list[Morceau]:
        if not preuves:
            return []
        m: list[Morceau] = [("\nPreuves de l'évaluation\n", "bold")]
        for p in preuves:
            signe, style = ("+", "green") if p.sens == "positif" else ("−", "red")
            ref = f" ({p.reference})" if p.reference else ""
            m += [(f"{signe} {p.regle}{ref}", style), f" — {p.citation}\n  {p.conseil}\n"]
        return m

    def _fin(self) -> list[Morceau]:
        t = self.transcription
        assert t is not None
        m: list[Morceau] = [("Fin de l'appel\n", "bold")]
        if t.fin:
            m += [
                ("Résultat : ", "bold"),
                str(t.fin.get("resultat")),
                f" après {t.fin.get('tours')} tour(s)\n",
            ]
            if t.fin.get("entente"):
                e = t.fin["entente"]
                m += [("Entente : ", "bold"), f"{e.get('montant')} ({e.get('frequence')})\n"]
        else:
            m += ["Appel interrompu (il peut être repris depuis l'accueil).\n"]
        if self.note:
            m += [("\nNote au dossier : ", "bold"), self.note.get("note") or "", "\n"]
            if self.note.get("echeancier"):
                m += [("Échéancier : ", "bold"), str(self.note["echeancier"]), "\n"]
            if self.note.get("suivi"):
                m += [("Suivi : ", "bold"), self.note["suivi"], "\n"]
        m += self._liste_preuves(self.generales)
        return m

    # -- actions --------------------------------------------------------------------
    def action_violation(self, sens: int) -> None:
        liste = self.query_one("#tours", OptionList)
        courant = liste.highlighted or 0
        indices = [t.numero for t in self.tours if t.violation]
        suivants = [i for i in indices if (i > courant if sens > 0 else i < courant)]
        if not suivants:
            self.notify("Aucune autre infraction dans ce sens.")
            return
        liste.highlighted = suivants[0] if sens > 0 else suivants[-1]

    def action_bilan(self) -> None:
        self.app.ouvrir_bilan(self.chemin)

    def action_retour(self) -> None:
        if self.racine:
            self.app.exit()
        else:
            self.app.pop_screen()

    def commandes(self) -> list[Commande]:
        return [
            (
                "Infraction suivante",
                "Aller au prochain tour fautif (v)",
                lambda: self.action_violation(1),
            ),
            (
                "Infraction précédente",
                "Revenir au tour fautif précédent (V)",
                lambda: self.action_violation(-1),
            ),
            ("Bilan de cet appel", "Notes par axe et export (b)", self.action_bilan),
        ]
