"""Ramasse-miettes : les objets durables (modèle, lingua, Textual) hors des collectes."""

from __future__ import annotations

import gc


def figer_memoire() -> None:
    """Après le chargement de l'appel, une fois pour toutes.

    Une collecte complète (génération 2) parcourt tous les objets vivants : avec le
    modèle de compréhension et lingua en mémoire, elle durait ~120 ms et tombait en
    plein tour (mesuré par benchmarks/demarrage_app.py). `gc.freeze` les range dans
    une génération permanente que les collectes ne parcourent plus.
    """
    gc.collect()
    gc.freeze()
