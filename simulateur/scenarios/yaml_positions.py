"""Lecture YAML sûre qui retient la position de chaque clé et valeur.

ruamel.yaml en mode aller-retour ne construit jamais d'objet Python arbitraire
(une étiquette `!!python/...` reste une donnée) et garde les lignes et colonnes ;
on convertit en types simples pour pydantic et on garde un index des positions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

Chemin = tuple[str | int, ...]

_TRADUCTIONS = {
    "mapping values are not allowed here": "deux-points inattendu (valeur de clé mal placée)",
    "could not find expected ':'": "deux-points « : » attendu après la clé",
    "found character '\\t' that cannot start any token": "tabulation interdite : indentez avec des espaces",
    "found undefined alias": "alias inconnu",
    "expected <block end>, but found": "indentation incohérente",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet ou crochet non fermé ?)",
    "found duplicate key": "clé en double",
    "while scanning a quoted scalar": "chaîne entre guillemets non fermée",
    "found unhashable key": "clé invalide",
    "expected ',' or ']'": "virgule ou « ] » attendu",
    "expected ',' or '}'": "virgule ou « } » attendu",
}


@dataclass
class Positions:
    """Positions 1-based des valeurs et des clés, par chemin."""

    valeurs: dict[Chemin, tuple[int, int]] = field(default_factory=dict)
    cles: dict[Chemin, tuple[int, int]] = field(default_factory=dict)
    lignes: list[str] = field(default_factory=list)  # le texte source, pour viser un mot

    def chercher(self, chemin: Chemin, fragment: str, portee: int = 40) -> tuple[int, int]:
        """Position de `fragment` dans la valeur (texte sur plusieurs lignes compris)."""
        ligne, col = self.de(chemin)
        for i in range(ligne - 1, min(len(self.lignes), ligne - 1 + portee)):
            debut = col - 1 if i == ligne - 1 else 0
            j = self.lignes[i].find(fragment, debut)
            if j >= 0:
                return i + 1, j + 1
        return ligne, col

    def de(self, chemin: Chemin, *, cle: bool = False) -> tuple[int, int]:
        """Position du chemin, ou du plus proche parent connu."""
        c = tuple(chemin)
        while c:
            if cle and c in self.cles:
                return self.cles[c]
            if c in self.valeurs:
                return self.valeurs[c]
            if c in self.cles:
                return self.cles[c]
            c = c[:-1]
        return self.valeurs.get((), (1, 1))


class ErreurYAML(Exception):
    def __init__(self, ligne: int, colonne: int, message: str) -> None:
        self.ligne, self.colonne, self.message = ligne, colonne, message
        super().__init__(f"{ligne}:{colonne}: {message}")


def _traduire(probleme: str) -> str:
    for anglais, francais in _TRADUCTIONS.items():
        if anglais in probleme:
            return francais
    return f"YAML invalide ({probleme})"


def _plat(noeud: Any, chemin: Chemin, pos: Positions) -> Any:
    if isinstance(noeud, CommentedMap):
        sortie: dict[str, Any] = {}
        for k, v in noeud.items():
            ck = (*chemin, str(k))
            try:
                kl, kc = noeud.lc.key(k)
                pos.cles[ck] = (kl + 1, kc + 1)
                vl, vc = noeud.lc.value(k)
                pos.valeurs[ck] = (vl + 1, vc + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            sortie[str(k)] = _plat(v, ck, pos)
        return sortie
    if isinstance(noeud, CommentedSeq):
        liste = []
        for i, v in enumerate(noeud):
            ci = (*chemin, i)
            try:
                il, ic = noeud.lc.item(i)
                pos.valeurs[ci] = (il + 1, ic + 1)
            except (KeyError, TypeError, AttributeError):
                pass
            liste.append(_plat(v, ci, pos))
        return liste
    if isinstance(noeud, dt.datetime):
        return dt.datetime(*noeud.timetuple()[:6])
    if isinstance(noeud, bool | int | float | str | dt.date) or noeud is None:
        # Les sous-classes ruamel (ScalarFloat…) redeviennent des types simples.
        for t in (bool, int, float, str):
            if isinstance(noeud, t):
                return t(noeud)
        return noeud
    # Étiquette inconnue (!!python/object…) : donnée inerte, refusée par le schéma.
    return f"<étiquette YAML non permise : {getattr(noeud, 'tag', type(noeud).__name__)}>"


_DATE = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])")


def _date_impossible(texte: str) -> tuple[int, int, str | None]:
    for n, ligne in enumerate(texte.split("\n"), 1):
        for m in _DATE.finditer(ligne):
            try:
                dt.date(*map(int, m.groups()))
            except ValueError:
                return n, m.start() + 1, m.group(0)
    return 1, 1, None


def charger_yaml(texte: str) -> tuple[Any, Positions]:
    """Données simples et positions ; lève ErreurYAML positionnée."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        brut = yaml.load(texte)
    except MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        ligne, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ErreurYAML(ligne, col, _traduire(f"{e.context or ''} {e.problem or ''}")) from None
    except ValueError as e:
        # ruamel construit les dates pendant la lecture : « 2026-03-32 » échoue sans position.
        ligne, col, date = _date_impossible(texte)
        if date:
            raise ErreurYAML(ligne, col, f"date impossible « {date} » (AAAA-MM-JJ)") from None
        raise ErreurYAML(1, 1, f"YAML illisible ({e})") from None
    except Exception as e:  # ruamel lève parfois d'autres types sur des entrées exotiques
        raise ErreurYAML(1, 1, f"YAML illisible ({type(e).__name__})") from None
    pos = Positions(lignes=texte.splitlines())
    if isinstance(brut, CommentedMap):
        pos.valeurs[()] = (brut.lc.line + 1, brut.lc.col + 1)
    return _plat(brut, (), pos), pos
