"""Commande `lister` : la bibliothèque de scénarios vue du terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "lister",
        help="lister les scénarios et leurs caractéristiques",
        description="Liste les scénarios de la bibliothèque (fichier, id, titre, juridiction, "
        "langue, archétype, niveau, canal).",
    )
    p.add_argument("--json", action="store_true", help="sortie JSON")
    p.add_argument(
        "--dossier", metavar="DOSSIER", help="dossier de scénarios (défaut : ./scenarios)"
    )


def executer(args: argparse.Namespace) -> int:
    from simulateur.scenarios.chargement import charger_scenario
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.stockage import dossier_scenarios, fichiers_scenarios

    dossier = Path(args.dossier) if args.dossier else dossier_scenarios()
    lignes, invalides = [], []
    for f in fichiers_scenarios(dossier):
        try:
            s = charger_scenario(f).scenario
        except ScenarioInvalide as e:
            invalides.append((f, len([x for x in e.erreurs if x.gravite == "erreur"])))
            continue
        langues = s.langue.debiteur + (f"→{s.langue.bascule.vers}" if s.langue.bascule else "")
        lignes.append(
            {
                "fichier": str(f),
                "id": s.id,
                "titre": s.titre,
                "juridiction": s.juridiction,
                "langue": s.langue.debiteur,
                "bascule": s.langue.bascule.vers if s.langue.bascule else None,
                "langues": langues,
                "archetype": s.personnage.archetype,
                "niveau": s.niveau,
                "canal": s.canal,
            }
        )
    if args.json:
        print(json.dumps(lignes, ensure_ascii=False, indent=2))
    elif not lignes:
        print(f"Aucun scénario valide dans {dossier}.")
    else:
        colonnes = ("id", "juridiction", "langues", "archetype", "niveau", "canal", "titre")
        titres = ("id", "jur.", "langue", "archétype", "niveau", "canal", "titre")
        largeurs = [
            max(len(t), *(len(str(x[c])) for x in lignes))
            for c, t in zip(colonnes, titres, strict=True)
        ]
        print("  ".join(t.ljust(w) for t, w in zip(titres, largeurs, strict=True)).rstrip())
        for x in lignes:
            print(
                "  ".join(
                    str(x[c]).ljust(w) for c, w in zip(colonnes, largeurs, strict=True)
                ).rstrip()
            )
    for f, n in invalides:
        print(f"{f} : invalide ({n} erreur(s)) ; voir « simulateur valider {f} »", file=sys.stderr)
    return 0
