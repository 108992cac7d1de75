"""Champ de saisie avec historique (flèches haut et bas), comme un terminal."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SaisieHistorique(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "precedent", "Réplique précédente", show=False),
        Binding("down", "suivant", "Réplique suivante", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.historique: list[str] = []
        self._position = 0
        self._brouillon = ""

    def memoriser(self, texte: str) -> None:
        if texte and (not self.historique or self.historique[-1] != texte):
            self.historique.append(texte)
        self._position = len(self.historique)
        self._brouillon = ""

    def action_precedent(self) -> None:
        if not self.historique or self._position == 0:
            return
        if self._position == len(self.historique):
            self._brouillon = self.value
        self._position -= 1
        self.value = self.historique[self._position]
        self.cursor_position = len(self.value)

    def action_suivant(self) -> None:
        if self._position >= len(self.historique):
            return
        self._position += 1
        self.value = (
            self._brouillon
            if self._position == len(self.historique)
            else self.historique[self._position]
        )
        self.cursor_position = len(self.value)
