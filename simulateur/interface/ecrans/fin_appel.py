"""Fin d'appel : comme dans un logiciel de recouvrement, on met le dossier à jour."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from simulateur.interface.composants.texte import litteral
from simulateur.interface.logique.nombres import lire_date

if TYPE_CHECKING:
    from simulateur.interface.logique.entente import Echeancier
    from simulateur.session import Session

RESULTATS_POSSIBLES: list[tuple[str, str]] = [
    ("Entente conclue", "entente"),
    ("Refus", "refus"),
    ("Rappel convenu", "rappel"),
    ("Orientation vers une ressource", "orientation"),
    ("Le débiteur a raccroché", "raccroche"),
    ("Tiers au bout du fil", "tiers"),
    ("Appel abandonné", "abandon"),
    ("Autre", "autre"),
]


class FinAppel(ModalScreen[dict[str, Any] | None]):
    CSS_PATH = "conversation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "annuler", "Retour à l'appel"),
        Binding("f9", "enregistrer", "Enregistrer"),
    ]

    def __init__(self, session: Session, echeancier: Echeancier | None) -> None:
        super().__init__()
        self.session = session
        self.echeancier = echeancier

    def compose(self) -> ComposeResult:
        s = self.session
        resultat = s.resultat or ("abandon" if not s.terminee else "autre")
        if not s.terminee:
            resultat = "abandon"
        entente = s.etat.entente
        with VerticalScroll(id="fin-formulaire"):
            yield Static(litteral("Fin d'appel — mise à jour du dossier"), classes="titre-ecran")
            if not s.terminee:
                yield Static(
                    litteral("L'appel est encore en cours : l'enregistrer le clôt (abandon)."),
                    classes="aide",
                )
            with Horizontal(classes="champ"):
                yield Label("Résultat")
                valeurs = {v for _, v in RESULTATS_POSSIBLES}
                yield Select(
                    RESULTATS_POSSIBLES,
                    value=resultat if resultat in valeurs else "autre",
                    allow_blank=False,
                    id="resultat",
                    compact=True,
                )
            yield Label("Note au dossier")
            yield TextArea(id="note", soft_wrap=True, show_line_numbers=False)
            montant = (
                entente["montant"]
                if entente
                else (self.echeancier.montant if self.echeancier else None)
            )
            frequence = (
                entente["frequence"]
                if entente
                else (self.echeancier.frequence if self.echeancier else "mensuelle")
            )
            premiere = self.echeancier.premiere if self.echeancier else None
            with Horizontal(classes="champ"):
                yield Label("Échéancier : montant")
                yield Input(
                    "" if montant is None else f"{montant:g}",
                    id="montant",
                    compact=True,
                    placeholder="aucun",
                    restrict=r"[0-9 ,.$€]*",
                )
            with Horizontal(classes="champ"):
                yield Label("Fréquence")
                from simulateur.interface.composants.panneaux import LIBELLES_FREQUENCES
                from simulateur.interface.logique.entente import FREQUENCES

                yield Select(
                    [(LIBELLES_FREQUENCES[f], f) for f in FREQUENCES],
                    value=frequence if frequence in FREQUENCES else "mensuelle",
                    allow_blank=False,
                    id="frequence",
                    compact=True,
                )
            with Horizontal(classes="champ"):
                yield Label("1er versement")
                yield Input(
                    premiere.isoformat() if premiere else "",
                    id="premiere",
                    compact=True,
                    placeholder="AAAA-MM-JJ",
                )
            with Horizontal(classes="champ"):
                yield Label("Date de suivi")
                suivi = s.scenario.appel.date + dt.timedelta(days=7)
                if premiere:
                    suivi = premiere + dt.timedelta(days=3)
                yield Input(suivi.isoformat(), id="suivi", compact=True, placeholder="AAAA-MM-JJ")
            yield Static(id="erreur", classes="erreur")
            with Horizontal(id="fin-boutons"):
                yield Button(
                    "Enregistrer et voir le bilan (F9)", id="enregistrer", variant="primary"
                )
                yield Button("Retour à l'appel", id="annuler")

    def on_mount(self) -> None:
        self.query_one("#note", TextArea).focus()

    @on(Button.Pressed, "#annuler")
    def action_annuler(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#enregistrer")
    def action_enregistrer(self) -> None:
        from simulateur.interface.logique.nombres import lire_montant

        note = self.query_one("#note", TextArea).text.strip()
        erreur = self.query_one("#erreur", Static)
        texte_suivi = self.query_one("#suivi", Input).value
        suivi = lire_date(texte_suivi)
        if texte_suivi.strip() and suivi is None:
            erreur.update(litteral("Date de suivi illisible : AAAA-MM-JJ ou JJ/MM/AAAA."))
            return
        montant = lire_montant(self.query_one("#montant", Input).value)
        echeancier: dict[str, Any] | None = None
        if montant:
            premiere = lire_date(self.query_one("#premiere", Input).value)
            echeancier = {
                "montant": montant,
                "frequence": str(self.query_one("#frequence", Select).value),
                "premiere_date": premiere.isoformat() if premiere else None,
            }
        if not note:
            erreur.update(
                litteral("Écrivez une courte note au dossier (ce qui a été convenu, la suite).")
            )
            self.query_one("#note", TextArea).focus()
            return
        self.dismiss(
            {
                "note": note,
                "resultat": str(self.query_one("#resultat", Select).value),
                "echeancier": echeancier,
                "suivi": suivi,
            }
        )
