"""Panneaux latéraux de l'appel : dossier, budget, entente, guide (entraînement)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from simulateur.interface.composants.texte import fiche, litteral, titre
from simulateur.interface.logique.budget import POSTES, FeuilleBudget
from simulateur.interface.logique.entente import (
    FREQUENCES,
    Echeancier,
    Formats,
    apercu,
    calculer,
)
from simulateur.interface.logique.guide import Guide
from simulateur.interface.logique.nombres import lire_date, lire_montant

LIBELLES_FREQUENCES = {
    "mensuelle": "par mois",
    "aux_deux_semaines": "aux deux semaines",
    "bimensuelle": "deux fois par mois",
    "hebdomadaire": "par semaine",
    "unique": "un seul versement",
}


class PanneauDossier(VerticalScroll):
    def __init__(self, sections: list[tuple[str, list[tuple[str, str]]]], **kw: str) -> None:
        super().__init__(**kw)
        self.sections = sections

    def compose(self) -> ComposeResult:
        morceaux: list[Content] = []
        for i, (nom, lignes) in enumerate(self.sections):
            morceaux.append(titre(("\n" if i else "") + nom + "\n"))
            morceaux.append(fiche(lignes))
        yield Static(Content.assemble(*morceaux))


class PanneauBudget(VerticalScroll):
    """Ce que l'apprenant apprend du budget ; la capacité se calcule seule."""

    @dataclass
    class Modifie(Message):
        feuille: FeuilleBudget

    def __init__(self, formats: Formats, feuille: FeuilleBudget | None = None, **kw: str) -> None:
        super().__init__(**kw)
        self.formats = formats
        self.feuille = feuille or FeuilleBudget()

    def compose(self) -> ComposeResult:
        yield Static("Notez ce que le débiteur vous dit (montants en chiffres).", classes="aide")
        for champ, libelle in POSTES.items():
            with Horizontal(classes="champ"):
                yield Label(libelle)
                valeur = getattr(self.feuille, champ)
                yield Input(
                    "" if valeur is None else f"{valeur:g}",
                    id=f"budget-{champ}",
                    compact=True,
                    placeholder="—",
                    restrict=r"[0-9 ,.$€]*",
                )
        yield Static(id="capacite")

    def on_mount(self) -> None:
        self._afficher()

    @on(Input.Changed)
    def _change(self, event: Input.Changed) -> None:
        event.stop()
        champ = (event.input.id or "").removeprefix("budget-")
        if champ in POSTES:
            setattr(self.feuille, champ, lire_montant(event.value))
            self._afficher()
            self.post_message(self.Modifie(self.feuille))

    @on(Input.Submitted)
    def _suivant(self, event: Input.Submitted) -> None:
        """Entrée passe au poste suivant, comme dans un tableur."""
        event.stop()
        self.screen.focus_next()

    def _afficher(self) -> None:
        c = self.feuille.capacite
        if c is None:
            texte = Content.assemble(
                ("Capacité de paiement : ", "bold"), "revenu et dépenses à noter"
            )
        else:
            texte = Content.assemble(
                ("Capacité de paiement : ", "bold"), (f"{self.formats.argent(c)} par mois", "bold")
            )
        self.query_one("#capacite", Static).update(texte)


class PanneauEntente(VerticalScroll):
    """Montant, fréquence, première date → aperçu de l'échéancier ; « Proposer » l'envoie."""

    @dataclass
    class Proposer(Message):
        echeancier: Echeancier

    def __init__(
        self,
        formats: Formats,
        du: float,
        minimum: float,
        duree_max: int,
        premiere: dt.date,
        montant: float | None = None,
        **kw: str,
    ) -> None:
        super().__init__(**kw)
        self.formats = formats
        self.du = du
        self.minimum = minimum
        self.duree_max = duree_max
        self.premiere = premiere
        self.montant = montant if montant is not None else minimum
        self.capacite: float | None = None
        self.echeancier: Echeancier | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="champ"):
            yield Label("Montant")
            yield Input(
                f"{self.montant:g}", id="entente-montant", compact=True, restrict=r"[0-9 ,.$€]*"
            )
        with Horizontal(classes="champ"):
            yield Label("Fréquence")
            yield Select(
                [(LIBELLES_FREQUENCES[f], f) for f in FREQUENCES],
                value="mensuelle",
                allow_blank=False,
                id="entente-frequence",
                compact=True,
            )
        with Horizontal(classes="champ"):
            yield Label("1er versement")
            yield Input(
                self.premiere.isoformat(), id="entente-date", compact=True, placeholder="AAAA-MM-JJ"
            )
        yield Button("Proposer au débiteur", id="proposer", variant="primary", compact=True)
        yield Static(id="apercu")

    def on_mount(self) -> None:
        self.calculer()

    @on(Input.Changed)
    @on(Select.Changed)
    def _change(self, event: Message) -> None:
        event.stop()
        self.calculer()

    def valeurs(self) -> dict[str, str]:
        return {
            "montant": self.query_one("#entente-montant", Input).value,
            "frequence": str(self.query_one("#entente-frequence", Select).value),
            "date": self.query_one("#entente-date", Input).value,
        }

    def calculer(self) -> None:
        v = self.valeurs()
        montant, date = lire_montant(v["montant"]), lire_date(v["date"])
        apercu_widget = self.query_one("#apercu", Static)
        bouton = self.query_one("#proposer", Button)
        if not montant or date is None:
            self.echeancier = None
            bouton.disabled = True
            manque = "un montant" if not montant else "une date AAAA-MM-JJ"
            apercu_widget.update(litteral(f"Indiquez {manque}."))
            return
        e = self.echeancier = calculer(montant, v["frequence"], date, self.du)
        bouton.disabled = False
        f = self.formats
        n = len(e.versements)
        lignes: list[str | tuple[str, str]] = [
            (f"{n} versement{'s' if n > 1 else ''}", "bold"),
            f" jusqu'au {f.date(e.derniere)}\n",
            "\n".join(apercu(e, f)),
            "\n",
        ]
        mensualite = e.mensualite
        dans_mandat = (e.frequence == "unique" or mensualite >= self.minimum - 0.005) and (
            e.duree_mois <= self.duree_max
        )
        lignes += [
            ("Mandat : ", "bold"),
            "respecté"
            if dans_mandat
            else f"hors mandat (min. {f.argent(self.minimum)}/mois, {self.duree_max} mois max.)",
        ]
        if self.capacite is not None and e.frequence != "unique":
            ok = mensualite <= self.capacite
            lignes += [
                "\n",
                ("Capacité notée : ", "bold"),
                f"{f.argent(self.capacite)}/mois — " + ("tenable" if ok else "trop lourd"),
            ]
        apercu_widget.update(Content.assemble(*lignes))

    @on(Input.Submitted)
    def _valide(self, event: Input.Submitted) -> None:
        """Entrée dans le formulaire : le bouton « Proposer » prend le focus (Entrée encore : envoyer)."""
        event.stop()
        self.query_one("#proposer", Button).focus()

    @on(Button.Pressed, "#proposer")
    def _proposer(self, event: Button.Pressed) -> None:
        event.stop()
        if self.echeancier is not None:
            self.post_message(self.Proposer(self.echeancier))


class PanneauGuide(VerticalScroll):
    """Liste de contrôle qui se coche, alertes de conformité, indice sur demande."""

    SYMBOLES: ClassVar[dict[str, str]] = {"fait": "✔", "a_faire": "·", "manque": "✘"}

    def compose(self) -> ComposeResult:
        yield Static(id="liste")
        yield Button("Indice (F6)", id="indice", compact=True)
        yield Static(id="alertes")

    def actualiser(self, guide: Guide) -> None:
        lignes: list[str | tuple[str, str]] = [
            (f"Étapes {guide.faites}/{len(guide.etapes)}\n", "bold")
        ]
        for e in guide.etapes:
            style = {"fait": "green", "manque": "red", "a_faire": ""}[e.statut]
            lignes.append((f"{self.SYMBOLES[e.statut]} {e.libelle}", style))
            lignes.append("\n")
        self.query_one("#liste", Static).update(Content.assemble(*lignes[:-1]))
        alertes: list[str | tuple[str, str]] = []
        if guide.alertes:
            alertes.append(("Alertes de conformité\n", "bold red"))
            for a in guide.alertes:
                alertes.append(("⚠ " + a.libelle, "red"))
                if a.declencheurs:
                    alertes.append(" « " + " », « ".join(a.declencheurs) + " »")
                alertes.append("\n")
        self.query_one("#alertes", Static).update(Content.assemble(*alertes))

    @on(Button.Pressed, "#indice")
    def _indice(self, event: Button.Pressed) -> None:
        event.stop()
        self.screen.run_action("indice")
