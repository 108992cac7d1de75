"""Hygiène du corpus : le jeu de développement ne mesure que s'il n'a jamais été vu à l'entraînement."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict

from simulateur.comprehension.corpus import DEVELOPPEMENT, ENTRAINEMENT, fichiers, lire_tout

# Deux lignes d'au moins 5 mots qui partagent 60 % de leur vocabulaire sont une paraphrase
# proche ; en deçà, des formules courtes (« Take care. ») se rencontrent naturellement, mais
# jamais à l'identique.
JACCARD_MAX = 0.6
MOTS_MIN = 5


def _mots(texte: str) -> frozenset[str]:
    t = unicodedata.normalize("NFKD", texte.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return frozenset(re.findall(r"[a-z0-9]+", t))


def test_aucune_ligne_d_entrainement_proche_du_developpement() -> None:
    dev = [_mots(ligne.texte) for ligne in lire_tout(fichiers(DEVELOPPEMENT))]
    index: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(dev):
        for mot in m:
            index[mot].append(k)
    proches = []
    for ligne in lire_tout(fichiers(ENTRAINEMENT)):
        m = _mots(ligne.texte)
        for k in {k for mot in m for k in index[mot]}:
            autre = dev[k]
            jaccard = len(m & autre) / len(m | autre)
            if m == autre or (min(len(m), len(autre)) >= MOTS_MIN and jaccard >= JACCARD_MAX):
                proches.append(f"{ligne.source} : {ligne.texte}")
                break
    assert not proches, "lignes d'entraînement trop proches du développement :\n" + "\n".join(
        proches[:20]
    )


def test_lignes_bien_formees() -> None:
    """`lire` contrôle acte, infractions et juridiction ; ici, ce qu'il complète par défaut."""
    cles = {"texte", "acte", "infractions", "juridiction", "langue", "variete", "negatif_difficile"}
    for dossier in (ENTRAINEMENT, DEVELOPPEMENT):
        lignes = lire_tout(fichiers(dossier))
        assert all(ligne.langue in ("fr", "en") for ligne in lignes)
        assert all(ligne.variete in ("qc", "fr", "en") for ligne in lignes)
        assert not [
            ligne.source for ligne in lignes if ligne.negatif_difficile and ligne.infractions
        ]
        for chemin in fichiers(dossier):
            for i, brute in enumerate(chemin.read_text(encoding="utf-8").splitlines(), 1):
                assert not brute.strip() or set(json.loads(brute)) == cles, f"{chemin.name}:{i}"
