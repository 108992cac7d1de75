"""Commande `tester` : rejouer les tests de scénario (*.test.yaml) et montrer les écarts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from simulateur.cli.sortie import erreur, texte_sur


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "tester",
        help="rejouer les tests de scénario (tests/scenarios/*.test.yaml)",
        description="Rejoue chaque cas d'un fichier de test de scénario (répliques de "
        "l'apprenant, graines) et vérifie les phases, l'issue, les répliques et les notes "
        "attendues. Sans argument : tous les fichiers tests/scenarios/*.test.yaml du dossier "
        "courant. Code de sortie 0 si tout passe, 1 si un cas échoue, 2 si un fichier de test "
        "est invalide.",
    )
    p.add_argument(
        "fichiers",
        nargs="*",
        metavar="FICHIER",
        help="fichiers .test.yaml ou dossiers (parcourus récursivement)",
    )


def _sur(texte: str) -> str:
    """Texte sûr pour le terminal, ligne par ligne (les sauts de ligne restent)."""
    return "\n".join(texte_sur(ligne) for ligne in texte.splitlines())


def _relatif(chemin: Path) -> str:
    try:
        return str(chemin.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(chemin)


def fichiers_de_test(noms: list[str]) -> list[Path]:
    from simulateur.scenarios.tests_scenario import DOSSIER_TESTS, SUFFIXE

    if not noms:
        return sorted(DOSSIER_TESTS.glob(f"*{SUFFIXE}"))
    sortie: list[Path] = []
    for nom in noms:
        chemin = Path(nom)
        sortie.extend(sorted(chemin.rglob(f"*{SUFFIXE}")) if chemin.is_dir() else [chemin])
    return sortie


def executer(args: argparse.Namespace) -> int:
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.scenarios.moteur import moteur_pour
    from simulateur.scenarios.tests_scenario import (
        DOSSIER_TESTS,
        SUFFIXE,
        FichierTestInvalide,
        charger_test,
        decrire_echec,
        decrire_succes,
        executer_test,
        verifier_noms,
    )

    fichiers = fichiers_de_test(args.fichiers)
    if not fichiers:
        erreur(f"aucun fichier de test trouvé ({DOSSIER_TESTS}/*{SUFFIXE})")
        return 2
    code, reussis, echoues, sessions = 0, 0, 0, 0
    for f in fichiers:
        try:
            t = charger_test(f)
            moteur = moteur_pour(t.scenario)
            if problemes := verifier_noms(t, moteur):
                raise FichierTestInvalide(problemes)
        except (FichierTestInvalide, ScenarioInvalide) as e:
            for err in e.erreurs:
                print(texte_sur(str(err)), file=sys.stderr)
            code = 2
            continue
        print(_sur(f"{f} (scénario {_relatif(t.scenario)})"))
        resultats = executer_test(t, moteur)
        sessions += len(resultats)
        for i, cas in enumerate(t.test.cas):
            du_cas = [r for r in resultats if r.indice == i]
            rates = [r for r in du_cas if not r.reussi]
            if rates:
                echoues += 1
                code = max(code, 1)
                for r in rates:
                    print(_sur(decrire_echec(r)))
            else:
                reussis += 1
                print(_sur(decrire_succes(cas.nom, du_cas)))
    total = reussis + echoues
    if total:
        print(
            f"\n{total} cas, {sessions} session{'s' if sessions > 1 else ''} : "
            f"{reussis} réussi{'s' if reussis > 1 else ''}, {echoues} en échec"
        )
    return code
