"""Hygiène du corpus : le jeu de développement ne mesure que s'il n'a jamais été vu à l'entraînement."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from simulateur.actes import ACTES, INFRACTIONS

RACINE = Path(__file__).resolve().parent.parent / "corpus"
# Deux lignes d'au moins 5 mots qui partagent 60 % de leur vocabulaire sont une paraphrase
# proche ; en deçà, des formules courtes (« Take care. ») se rencontrent naturellement, mais
# jamais à l'identique.
JACCARD_MAX = 0.6
MOTS_MIN = 5


def _mots(texte: str) -> frozenset[str]:
    t = unicodedata.normalize("NFKD", texte.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return frozenset(re.findall(r"[a-z0-9]+", t))


def _lignes(partie: str) -> list[tuple[str, dict]]:
    return [
        (f"{f.name}:{i + 1}", json.loads(ligne))
        for f in sorted((RACINE / partie).glob("*.jsonl"))
        for i, ligne in enumerate(f.read_text(encoding="utf-8").splitlines())
        if ligne.strip()
    ]


def test_aucune_ligne_d_entrainement_proche_du_developpement() -> None:
    dev = [_mots(d["texte"]) for _, d in _lignes("developpement")]
    index: dict[str, list[int]] = defaultdict(list)
    for k, m in enumerate(dev):
        for mot in m:
            index[mot].append(k)
    proches = []
    for ou, d in _lignes("entrainement"):
        m = _mots(d["texte"])
        for k in {k for mot in m for k in index[mot]}:
            autre = dev[k]
            jaccard = len(m & autre) / len(m | autre)
            if m == autre or (min(len(m), len(autre)) >= MOTS_MIN and jaccard >= JACCARD_MAX):
                proches.append(f"{ou} : {d['texte']}")
                break
    assert not proches, "lignes d'entraînement trop proches du développement :\n" + "\n".join(
        proches[:20]
    )


def test_lignes_bien_formees() -> None:
    cles = {"texte", "acte", "infractions", "juridiction", "langue", "variete", "negatif_difficile"}
    for partie in ("entrainement", "developpement"):
        for ou, d in _lignes(partie):
            assert set(d) == cles, ou
            assert d["acte"] in ACTES, ou
            assert set(d["infractions"]) <= set(INFRACTIONS), ou
            assert d["juridiction"] in ("*", "qc", "fr"), ou
            assert d["langue"] in ("fr", "en") and d["variete"] in ("qc", "fr", "en"), ou
            assert not (d["negatif_difficile"] and d["infractions"]), ou
