"""Texte toujours littéral : le texte de l'utilisateur ou d'un scénario n'est jamais du balisage."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.content import Content

# Codes de contrôle : jamais envoyés au terminal, mais montrés (« ␈ » pour \x08) pour
# que l'apprenant et l'évaluateur voient ce qui a été tapé ou collé.
_VISIBLES: dict[int, str] = {i: chr(0x2400 + i) for i in range(32) if i not in (9, 10)}
_VISIBLES[127] = "\u2421"
_VISIBLES.update({i: f"\\x{i:02x}" for i in range(0x80, 0xA0)})
# Inversions bidirectionnelles : elles réordonneraient l'affichage du reste de la ligne.
_VISIBLES.update({i: f"\\u{i:04x}" for i in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def visible(texte: str) -> str:
    return texte.translate(_VISIBLES)


def litteral(texte: str, style: str = "") -> Content:
    """`[bold]` reste `[bold]`, `[/]` ne casse rien, `[50%]` est gardé ; contrôles rendus visibles."""
    return Content.styled(visible(texte), style)


def fiche(lignes: Iterable[tuple[str, str]], largeur_cle: int = 0) -> Content:
    """Paires clé : valeur, une par ligne ; la clé en gras."""
    morceaux: list[str | tuple[str, str]] = []
    for i, (cle, valeur) in enumerate(lignes):
        if i:
            morceaux.append("\n")
        morceaux.append((f"{cle} :".ljust(largeur_cle + 2) if largeur_cle else f"{cle} : ", "bold"))
        morceaux.append(visible(valeur))
    return Content.assemble(*morceaux)


def cellule(texte: str, style: str = "") -> Text:
    """Cellule de DataTable : une chaîne y serait lue comme du balisage, pas un Text."""
    return Text(visible(texte), style=style, no_wrap=True, overflow="ellipsis")


def titre(texte: str) -> Content:
    return Content.styled(texte, "bold")
