"""Choix entraînement / examen : un seul widget léger (un RadioSet en compose trois)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from simulateur.interface.config import Mode

LIBELLES: dict[Mode, str] = {"entrainement": "Entraînement", "examen": "Examen"}
PREFIXE = "Mode "
# Colonne (dans le contenu) où commence la zone de l'examen : après « Mode   ○ Entraînement ».
_MILIEU = len(PREFIXE) + len("  ○ ") + len(LIBELLES["entrainement"]) + 1


class ChoixMode(Widget, can_focus=True):
    """Deux cases exclusives ; Espace, Entrée, ← → ou un clic basculent."""

    DEFAULT_CSS = """
    ChoixMode {
        width: auto;
        height: 3;
        padding: 0 1;
        border: tall $border-blurred;
        background: $surface;
    }
    ChoixMode:focus {
        border: tall $border;
        background-tint: $foreground 5%;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter,left,right", "basculer", "Changer de mode", show=False),
    ]

    mode: reactive[Mode] = reactive[Mode]("entrainement")

    class Change(Message):
        def __init__(self, choix: ChoixMode, mode: Mode) -> None:
            super().__init__()
            self.choix = choix
            self.mode = mode

        @property
        def control(self) -> ChoixMode:
            return self.choix

    def __init__(self, mode: Mode, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(ChoixMode.mode, mode)

    def render(self) -> Content:
        morceaux: list[str | tuple[str, str]] = [(PREFIXE, "$text-muted")]
        for valeur, libelle in LIBELLES.items():
            choisi = valeur == self.mode
            morceaux.append("  ")
            morceaux.append(("◉ " if choisi else "○ ", "$success" if choisi else "$text-muted"))
            morceaux.append((libelle, "bold" if choisi else ""))
        return Content.assemble(*morceaux)

    def watch_mode(self, mode: Mode) -> None:
        self.post_message(self.Change(self, mode))

    def action_basculer(self) -> None:
        self.mode = "examen" if self.mode == "entrainement" else "entrainement"

    def on_click(self, event: Click) -> None:
        # Un clic sur un libellé le choisit ; sur la bordure, bascule.
        x = event.get_content_offset(self)
        if x is None:
            self.action_basculer()
        else:
            self.mode = "entrainement" if x.x < _MILIEU else "examen"
