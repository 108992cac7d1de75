"""Commande `servir` : l'application dans un navigateur, pour une salle de classe (textual-serve)."""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "servir",
        help="servir l'application dans un navigateur (salle de classe)",
        description="Sert l'application par HTTP avec textual-serve : chaque onglet ouvert lance "
        "son propre processus. Aucune authentification : à réserver à un réseau de confiance "
        "(voir docs/classe.md).",
    )
    p.add_argument(
        "--hote", default="127.0.0.1", metavar="HÔTE", help="adresse d'écoute (défaut : 127.0.0.1)"
    )
    p.add_argument("--port", type=int, default=8000, metavar="N", help="port (défaut : 8000)")
    p.add_argument(
        "--url-publique",
        metavar="URL",
        help="adresse vue par les navigateurs, derrière un mandataire inverse",
    )


def executer(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    commande = shlex.join([sys.executable, "-m", "simulateur"])
    print(
        f"Application servie sur http://{args.hote}:{args.port} (Ctrl-C pour arrêter)", flush=True
    )
    Server(
        commande,
        host=args.hote,
        port=args.port,
        title="Simulateur de recouvrement",
        public_url=args.url_publique,
    ).serve()
    return 0
