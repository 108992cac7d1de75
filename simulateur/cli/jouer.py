"""Commande `jouer` : un appel dans un terminal simple, ou joué d'après un script."""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from simulateur.session import Session

from simulateur.cli.sortie import erreur, texte_sur

COMMANDES_QUITTER = {"/quitter", "/q", "/quit"}


def _lignes_script(flux: TextIO) -> Iterator[str]:
    """Une réplique par ligne ; lignes vides et commentaires « # » ignorés.

    On lit ligne à ligne (readline) pour jouer chaque réplique dès qu'elle arrive
    sur l'entrée standard, sans attendre la fin du flux.
    """
    while True:
        ligne = flux.readline()
        if not ligne:
            return
        ligne = ligne.rstrip("\r\n")
        if ligne.strip() and not ligne.lstrip().startswith("#"):
            yield ligne


def _lignes_interactives() -> Iterator[str]:
    while True:
        try:
            ligne = input("Vous › ")
        except EOFError:
            print()
            return
        if ligne.strip() in COMMANDES_QUITTER:
            return
        if ligne.strip():
            yield ligne


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "jouer",
        help="jouer un appel dans le terminal",
        description="Joue un appel : interactif, ou d'après un script (une réplique par ligne, "
        "« - » pour l'entrée standard). La transcription est écrite après chaque tour.",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="fichier ou id du scénario")
    p.add_argument(
        "--graine", type=int, metavar="N", help="graine du débiteur (défaut : au hasard)"
    )
    p.add_argument(
        "--script", metavar="FICHIER", help="répliques de l'apprenant, « - » : entrée standard"
    )
    p.add_argument(
        "--transcription",
        metavar="FICHIER",
        help="fichier de transcription à créer (défaut : dossier de données)",
    )
    p.add_argument("--apprenant", metavar="NOM", help="nom de l'apprenant")


def executer(args: argparse.Namespace) -> int:
    from simulateur.integrite import CleIllisible, cle_institution
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.scenarios.moteur import moteur_pour
    from simulateur.session import Session
    from simulateur.stockage import chemin_transcription, trouver_scenario

    chemin = trouver_scenario(args.scenario)
    try:
        moteur = moteur_pour(chemin)
    except ScenarioInvalide as e:
        for err in e.erreurs:
            print(texte_sur(str(err)), file=sys.stderr)
        return 2
    graine = args.graine if args.graine is not None else secrets.randbelow(1_000_000)
    cible = Path(args.transcription) if args.transcription else None
    if cible is not None and cible.exists():
        erreur(
            f"{cible} existe déjà : choisissez un autre nom (une transcription n'est jamais écrasée)"
        )
        return 2
    cible = cible or chemin_transcription(moteur.scenario.id, graine, args.apprenant or "")
    try:
        session = Session(
            moteur,
            graine,
            apprenant=args.apprenant or "",
            transcription=cible,
            cle=cle_institution(),
        )
    except CleIllisible as e:
        erreur(str(e))
        return 2
    except OSError as e:
        erreur(f"impossible d'écrire la transcription {cible} : {e.strerror or e}")
        return 2

    s = moteur.scenario
    if args.script is None:
        d = s.dossier
        print(f"« {s.titre} » — {s.juridiction.upper()}, {s.canal}, graine {graine}")
        print(f"Dossier : {d.creancier}, {d.montant:.2f} {d.devise}, réf. {d.reference or '—'}")
        print(f"Débiteur : {session.personnage.civilite} {session.personnage.nom_complet}")
        print(
            "Tapez vos répliques ; « /quitter » ou Ctrl-D pour raccrocher, Ctrl-C pour suspendre.\n"
        )
    print(f"Débiteur › {session.ouverture.texte}", flush=True)
    return converser(session, args.script)


def converser(session: Session, script: str | None) -> int:
    """La boucle d'un appel, commune à `jouer` et `reprendre`."""
    flux: Iterator[str]
    fichier_script: TextIO | None = None
    if script == "-":
        flux = _lignes_script(sys.stdin)
    elif script is not None:
        try:
            fichier_script = open(script, encoding="utf-8")  # noqa: SIM115
        except OSError as e:
            session.fermer()
            erreur(f"script illisible : {script} ({e.strerror or e}) ; l'appel peut être repris")
            return 2
        flux = _lignes_script(fichier_script)
    else:
        flux = _lignes_interactives()
    suspendu = False
    try:
        for texte in flux:
            if script is not None:
                print(f"Vous › {texte_sur(texte)}")
            tour = session.jouer(texte)
            print(f"Débiteur › {texte_sur(tour.replique.texte)}", flush=True)
            if session.terminee:
                break
    except KeyboardInterrupt:
        suspendu = True  # Ctrl-C suspend l'appel sans le clore : il pourra être repris
        print()
    except UnicodeDecodeError:
        erreur("le script n'est pas en UTF-8 : les tours joués jusqu'ici sont conservés")
    finally:
        if fichier_script:
            fichier_script.close()
        if not suspendu:
            session.abandonner()
        session.fermer()
    if suspendu:
        print(f"Appel suspendu après {len(session.tours)} tour(s).")
        print(f"Pour le reprendre : simulateur reprendre {session.chemin}")
        return 130
    print(
        f"\nRésultat : {session.resultat} — {len(session.tours)} tour(s), phase « {session.phase} »"
    )
    if session.etat.entente:
        e = session.etat.entente
        print(f"Entente : {e['montant']:.2f} {session.scenario.dossier.devise} ({e['frequence']})")
    print(f"Transcription : {session.chemin}")
    return 0
