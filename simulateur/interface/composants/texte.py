"""Texte toujours littéral : le texte de l'utilisateur ou d'un scénario n'est jamais du balisage."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

# Codes de contrôle (sauf tabulation) : jamais envoyés au terminal.
_CONTROLE = {i: None for i in [*range(0, 9), *range(10, 32), 127]}


def litteral(texte: str, style: str = "") -> Content:
    """`[bold]` reste `[bold]`, `[/]` ne casse rien, `[50%]` est gardé."""
    return Content.styled(texte, style)  # retire aussi les codes de contrôle


def fiche(lignes: Iterable[tuple[str, str]], largeur_cle: int = 0) -> Content:
    """Paires clé : valeur, une par ligne ; la clé en gras."""
    morceaux: list[str | tuple[str, str]] = []
    for i, (cle, valeur) in enumerate(lignes):
        if i:
            morceaux.append("\n")
        morceaux.append((f"{cle} :".ljust(largeur_cle + 2) if largeur_cle else f"{cle} : ", "bold"))
        morceaux.append(valeur)
    return Content.assemble(*morceaux)


def cellule(texte: str, style: str = "") -> Text:
    """Cellule de DataTable : une chaîne y serait lue comme du balisage, pas un Text."""
    return Text(texte.translate(_CONTROLE), style=style, no_wrap=True, overflow="ellipsis")


def titre(texte: str) -> Content:
    return Content.styled(texte, "bold")
