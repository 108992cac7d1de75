"""Commande `schema` : le schéma JSON d'un fichier de scénario, pour les éditeurs."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulateur.cli.sortie import ecrire_sortie, erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "schema",
        help="écrire le schéma JSON des scénarios (complétion dans l'éditeur)",
        description="Écrit le schéma JSON d'un fichier de scénario. Un éditeur avec un serveur "
        "de langage YAML (VS Code et l'extension YAML, par exemple) propose alors les clés et "
        "signale les fautes pendant la frappe, si le scénario commence par la ligne "
        "« # yaml-language-server: $schema=../schema/scenario.schema.json ».",
    )
    p.add_argument(
        "--sortie",
        metavar="FICHIER",
        help="écrire dans ce fichier, remplacé s'il existe (sinon : écran)",
    )
    p.add_argument(
        "--cles",
        action="store_true",
        help="écrire plutôt les tableaux des clés en Markdown (ceux du guide du formateur)",
    )
    p.add_argument(
        "--guide",
        metavar="FICHIER",
        help="mettre à jour les tableaux générés de ce guide (blocs <!-- debut:… -->)",
    )


def executer(args: argparse.Namespace) -> int:
    from pathlib import Path

    from simulateur.scenarios.schema_json import blocs_guide, mettre_a_jour_guide, texte_schema

    if args.guide:
        guide = Path(args.guide)
        try:
            avant = guide.read_text(encoding="utf-8")
            apres = mettre_a_jour_guide(avant)
            if apres != avant:
                guide.write_text(apres, encoding="utf-8")
        except OSError as e:
            erreur(f"impossible de mettre à jour {guide} : {e.strerror or e}")
            return 2
        print(f"{guide} : {'mis à jour' if apres != avant else 'déjà à jour'}", file=sys.stderr)
        return 0
    if args.cles:
        texte = "\n".join(f"<!-- {nom} -->\n{bloc}" for nom, bloc in blocs_guide().items())
    else:
        texte = texte_schema()
    return ecrire_sortie(texte, args.sortie, "Schéma écrit", ecraser=True)
