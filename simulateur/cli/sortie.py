"""Affichage sûr dans un terminal : le texte de l'utilisateur ne pilote jamais le terminal."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

_PERMIS = {"\t", "\u200d"}  # tabulation ; liant sans chasse des émojis composés


def _visible(c: str) -> str:
    if c in _PERMIS or unicodedata.category(c)[0] != "C":
        return c
    return f"\\x{ord(c):02x}" if ord(c) < 256 else f"\\u{ord(c):04x}"


def texte_sur(texte: str) -> str:
    """Rend visibles les caractères de contrôle (échappements ANSI, inversions bidi…)."""
    return "".join(_visible(c) for c in texte)


def erreur(message: str) -> None:
    print(f"simulateur : {message}", file=sys.stderr)


def ecrire_sortie(texte: str, sortie: str | None, annonce: str, *, ecraser: bool = False) -> int:
    """`texte` sur la sortie standard, ou dans le fichier `sortie` ; code de sortie.

    Sans `ecraser`, un fichier existant n'est jamais remplacé (rapports, statistiques).
    """
    if sortie is None:
        sys.stdout.write(texte)
        return 0
    cible = Path(sortie)
    try:
        cible.parent.mkdir(parents=True, exist_ok=True)
        with cible.open("w" if ecraser else "x", encoding="utf-8") as f:
            f.write(texte)
    except FileExistsError:
        erreur(f"{cible} existe déjà : choisissez un autre nom (rien n'est écrasé)")
        return 2
    except OSError as e:
        erreur(f"impossible d'écrire {cible} : {e.strerror or e}")
        return 2
    print(f"{annonce} : {cible}", file=sys.stderr)
    return 0
