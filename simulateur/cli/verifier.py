"""Commande `verifier` : une transcription a-t-elle été retouchée ?"""

from __future__ import annotations

import argparse
from typing import Any

from simulateur.cli.sortie import erreur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "verifier",
        help="vérifier l'intégrité de transcriptions (chaîne, signature)",
        description="Signale toute ligne modifiée, supprimée ou déplacée. Avec la clé de "
        "l'établissement ($SIMULATEUR_CLE, $SIMULATEUR_CLE_FICHIER ou --cle), vérifie aussi la "
        "signature de chaque ligne. Code 0 si tout est intact, 1 sinon.",
    )
    p.add_argument(
        "transcriptions", nargs="+", metavar="TRANSCRIPTION", help="fichiers ou dossiers"
    )
    p.add_argument("--cle", metavar="FICHIER", help="fichier de la clé de l'établissement")


def executer(args: argparse.Namespace) -> int:
    from simulateur.cli.evaluer import fichiers_transcriptions
    from simulateur.integrite import CleIllisible, cle_institution, verifier_integrite

    try:
        cle = cle_institution(args.cle)
    except CleIllisible as e:
        erreur(str(e))
        return 2
    code = 0
    for f in fichiers_transcriptions(args.transcriptions):
        problemes = verifier_integrite(f, cle)
        if problemes:
            code = 1
            for p in problemes:
                print(f"{f}:{p.ligne}: {p.message}")
        else:
            print(f"{f} : intacte{' et signée' if cle else ''}")
    return code
