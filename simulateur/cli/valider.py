"""Commande `valider` : toutes les erreurs d'un scénario, positionnées."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulateur.cli.sortie import texte_sur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "valider",
        help="vérifier des fichiers de scénario",
        description="Vérifie des scénarios ; chaque erreur s'écrit fichier:ligne:colonne: message. "
        "Code de sortie 0 si tout est valide, 2 sinon.",
    )
    p.add_argument("fichiers", nargs="+", metavar="FICHIER", help="fichier(s) YAML")


def executer(args: argparse.Namespace) -> int:
    from simulateur.scenarios.chargement import charger_scenario
    from simulateur.scenarios.erreurs import ScenarioInvalide

    code = 0
    for nom in args.fichiers:
        try:
            charge = charger_scenario(nom)
        except ScenarioInvalide as e:
            code = 2
            for err in e.erreurs:
                print(texte_sur(str(err)), file=sys.stderr)
            continue
        for avert in charge.avertissements:
            print(texte_sur(str(avert)), file=sys.stderr)
        n = len(charge.avertissements)
        suffixe = f" ({n} avertissement{'s' if n > 1 else ''})" if n else ""
        print(f"{nom} : valide{suffixe}")
    return code
