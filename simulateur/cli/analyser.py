"""Commande `analyser` : acte, infractions, langue et entités d'une réplique (ou d'un flux)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from simulateur.cli.sortie import texte_sur

if TYPE_CHECKING:
    from simulateur.comprehension.analyse import Analyse


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "analyser",
        help="analyser une réplique d'apprenant (acte, infractions, langue, entités)",
        description="Analyse une réplique comme le simulateur la comprend. Avec « - », lit une "
        "réplique par ligne sur l'entrée standard et écrit un objet JSON par ligne, dans l'ordre.",
    )
    p.add_argument(
        "texte", metavar="TEXTE", help="la réplique, ou « - » pour lire l'entrée standard"
    )
    p.add_argument(
        "--juridiction",
        choices=("qc", "fr"),
        default="qc",
        help="règles de conformité appliquées (défaut : qc)",
    )
    p.add_argument("--json", action="store_true", help="sortie JSON (un objet par réplique)")
    p.add_argument(
        "--expliquer",
        action="store_true",
        help="détailler chaque infraction : mots déclencheurs et règle de cadre-legal.md",
    )
    p.add_argument(
        "--langue",
        choices=("fr", "en"),
        default=None,
        help="langue de la conversation, pour trancher les répliques ambiguës (« OK »)",
    )


# Un seul encodeur pour tout le flux (`json.dumps` avec options en recrée un à chaque ligne).
_ENCODEUR = json.JSONEncoder(ensure_ascii=False)


def _json(a: Analyse, expliquer: bool) -> str:
    # ensure_ascii=False reste lisible ; un demi-codet isolé devient un échappement JSON valide.
    return _ENCODEUR.encode(a.vers_dict(expliquer=expliquer))


def _ecrire(sortie: BinaryIO, ligne: str) -> None:
    sortie.write(ligne.encode("utf-8", "backslashreplace") + b"\n")
    sortie.flush()


def _lisible(a: Analyse) -> str:
    """Présentation française, sûre pour le terminal."""

    def nombre(x: float) -> str:
        return f"{x:.2f}".replace(".", ",")

    lignes = [
        f"Réplique    : {texte_sur(a.texte[:300])}{'…' if len(a.texte) > 300 else ''}",
        f"Acte        : {a.acte} (confiance {nombre(a.confiance)})",
        f"Langue      : {a.langue}",
    ]
    if a.infractions:
        for k, i in enumerate(a.infractions):
            regle = f" [{i.regle}]" if i.regle else ""
            mots = ", ".join(f"« {texte_sur(d)} »" for d in i.declencheurs)
            tete = "Infractions : " if k == 0 else "              "
            lignes.append(f"{tete}{i.id}{regle}{' — ' + mots if mots else ''}")
    else:
        lignes.append("Infractions : aucune")
    e = a.entites
    morceaux = []
    if e.montants:
        morceaux.append(
            "montants "
            + ", ".join(
                f"{nombre(m.valeur).removesuffix(',00')} {m.devise or '(devise ?)'}"
                for m in e.montants
            )
        )
    if e.frequence:
        morceaux.append(f"fréquence {e.frequence}")
    if e.dates:
        morceaux.append("dates " + ", ".join(texte_sur(d.texte) for d in e.dates))
    if e.sujets_budget:
        morceaux.append("budget " + ", ".join(e.sujets_budget))
    lignes.append("Entités     : " + (" ; ".join(morceaux) if morceaux else "aucune"))
    if len(a.candidats) > 1:
        lignes.append(
            "Candidats   : " + " · ".join(f"{acte} {nombre(s)}" for acte, s in a.candidats)
        )
    return "\n".join(lignes)


def executer(args: argparse.Namespace) -> int:
    from simulateur.comprehension.analyseur import analyser

    if args.texte != "-":
        a = analyser(args.texte, args.juridiction, args.langue)
        if args.json:
            _ecrire(sys.stdout.buffer, _json(a, args.expliquer))
        else:
            print(_lisible(a))
        return 0
    # Flux : une réplique par ligne (seul « \n » sépare), octets invalides remplacés.
    sortie = sys.stdout.buffer
    for brute in sys.stdin.buffer:
        texte = brute.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8", "replace")
        a = analyser(texte, args.juridiction, args.langue)
        if args.json:
            _ecrire(sortie, _json(a, args.expliquer))
        else:
            _ecrire(sortie, _lisible(a) + "\n")
    return 0
