"""Entraîne les modèles sur corpus/entrainement/*.jsonl et exporte `modele.bin.gz`.

    python -m simulateur.comprehension.entrainer [--corpus DOSSIER] [--sortie FICHIER]

Demande scikit-learn (extra `entrainement` : `pip install -e .[entrainement]`) ; le
simulateur, lui, n'en a jamais besoin. Entraînement déterministe : même corpus,
même fichier, octet pour octet.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulateur.actes import ACTES, INFRACTIONS
from simulateur.comprehension.caracteristiques import (
    PARAMETRES_DEFAUT,
    Pretraitement,
    ponderer,
    pretraiter,
    traits,
)
from simulateur.comprehension.corpus import ENTRAINEMENT, Ligne, empreinte, fichiers, lire_tout
from simulateur.comprehension.modele import CHEMIN, DECALAGE, FORMAT, MAGIQUE, ouvrir

JURIDICTIONS = ("qc", "fr")
GRAINE = 0
VERSION = "2.0"


@dataclass
class Reglages:
    """Hyperparamètres ; les valeurs par défaut sont celles retenues (docs/comprehension.md)."""

    c_actes: float = 30.0
    c_infractions: float = 30.0
    min_df: int = 2
    poids_negatif_difficile: float = 2.0
    # Probabilité à partir de laquelle une infraction est signalée : les cibles demandent plus
    # de rappel que de précision, et à 0,5 la précision dépasse déjà nettement la sienne.
    seuil: float = 0.45
    veto: float = 0.3  # une règle explicite tient si le modèle lui donne au moins ceci
    # Une règle juste à ce point sur l'entraînement (et au moins tant de fois) décide seule.
    regle_sure_precision: float = 0.9
    regle_sure_min: int = 5
    regles_en_traits: bool = True
    # Chaque infraction : moyenne des logits d'une régression sur les traits et d'une régression
    # sur les traits pondérés par leur rapport de fréquence (NBSVM, Wang et Manning 2012).
    # Une moyenne de logits reste un seul modèle linéaire : rien ne change à l'exécution.
    nbsvm: bool = True
    lissage_nb: float = 1.0
    parametres: dict[str, int] = field(
        default_factory=lambda: dict(PARAMETRES_DEFAUT, car_min=3, car_max=5)
    )


@dataclass
class Exemple:
    ligne: Ligne
    pretraitement: Pretraitement
    traits: dict[str, float]


def _sans_regles(t: dict[str, float]) -> dict[str, float]:
    return {f: v for f, v in t.items() if not f.startswith(("#r_", "#i_", "#g_"))}


def preparer(
    lignes: Sequence[Ligne], reglages: Reglages
) -> tuple[list[Exemple], dict[str, list[Exemple]]]:
    """Exemples pour les actes (un par texte) et pour les infractions (un par juridiction)."""
    par_j: dict[str, list[Exemple]] = {j: [] for j in JURIDICTIONS}
    actes: dict[str, Exemple] = {}
    for ligne in lignes:
        for j in ligne.juridictions():
            p = pretraiter(ligne.texte, j)
            t = traits(p, reglages.parametres)
            if not reglages.regles_en_traits:
                t = _sans_regles(t)
            ex = Exemple(ligne, p, t)
            par_j[j].append(ex)
            # Acte : un exemple par texte ; si deux juridictions diffèrent, l'étiquette sans
            # infraction l'emporte (la convention 2 s'applique ensuite à l'exécution).
            deja = actes.get(ligne.texte)
            if deja is None or (deja.ligne.infractions and not ligne.infractions):
                actes[ligne.texte] = ex
    return list(actes.values()), par_j


def calculer_idf(exemples: Sequence[Exemple], min_df: int) -> dict[str, float]:
    """idf lissé (comme scikit-learn) des traits textuels présents dans au moins `min_df` textes."""
    df: Counter[str] = Counter()
    for ex in exemples:
        df.update(f for f in ex.traits if f[0] != "#")
    n = len(exemples)
    return {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in df.items() if d >= min_df}


class _Matrice:
    """Indexe les traits pondérés et construit les matrices creuses de scikit-learn."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def construire(
        self, vecteurs: Sequence[dict[str, float]], exclure: tuple[str, ...] = ()
    ) -> Any:
        from scipy.sparse import csr_matrix

        lignes, colonnes, valeurs = [], [], []
        for i, v in enumerate(vecteurs):
            for f, x in v.items():
                if exclure and f.startswith(exclure):
                    continue
                k = self.index.setdefault(f, len(self.index))
                lignes.append(i)
                colonnes.append(k)
                valeurs.append(x)
        return csr_matrix((valeurs, (lignes, colonnes)), shape=(len(vecteurs), 1 << 20))


def _regression(c: float, binaire: bool = False) -> Any:
    """Régression logistique déterministe : liblinear pour une infraction, saga pour les actes."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=c, solver="liblinear" if binaire else "saga", max_iter=3000, random_state=GRAINE
    )


def _poids(exemples: Sequence[Exemple], reglages: Reglages) -> list[float]:
    return [
        reglages.poids_negatif_difficile if e.ligne.negatif_difficile else 1.0 for e in exemples
    ]


def _rapports_nb(x: Any, y: Sequence[int], lissage: float) -> Any:
    """Log-rapport, trait par trait, des fréquences (présence) chez les positifs et les négatifs."""
    import numpy as np

    presence = (x > 0).astype(float)
    cible = np.asarray(y) == 1
    p = np.asarray(presence[cible].sum(0)).ravel() + lissage
    q = np.asarray(presence[~cible].sum(0)).ravel() + lissage
    return np.log((p / p.sum()) / (q / q.sum()))


def _infraction(
    x: Any, y: Sequence[int], poids: list[float], reglages: Reglages
) -> tuple[list[float], float]:
    """Coefficients et intercept d'une infraction (voir `Reglages.nbsvm`)."""
    m = _regression(reglages.c_infractions, binaire=True)
    m.fit(x, y, sample_weight=poids)
    coef, biais = m.coef_[0], float(m.intercept_[0])
    if reglages.nbsvm:
        from scipy.sparse import diags

        r = _rapports_nb(x, y, reglages.lissage_nb)
        m_nb = _regression(reglages.c_infractions, binaire=True)
        m_nb.fit(x @ diags(r), y, sample_weight=poids)
        coef = (coef + m_nb.coef_[0] * r) / 2
        biais = (biais + float(m_nb.intercept_[0])) / 2
    return [float(w) for w in coef], biais


def regles_sures(exemples: Sequence[Exemple], reglages: Reglages) -> list[str]:
    """Règles explicites assez précises sur l'entraînement pour décider seules (« id:règle »)."""
    vus: Counter[str] = Counter()
    justes: Counter[str] = Counter()
    for e in exemples:
        for i in e.pretraitement.infractions:
            cle = f"{i.id}:{i.regle}"
            vus[cle] += 1
            justes[cle] += i.id in e.ligne.infractions
    return sorted(
        c
        for c, n in vus.items()
        if justes[c] >= reglages.regle_sure_min and justes[c] / n >= reglages.regle_sure_precision
    )


def entrainer(
    lignes: Sequence[Ligne], reglages: Reglages
) -> tuple[dict[str, Any], list[tuple[Pretraitement, str]]]:
    """Entraîne ; renvoie le contenu du fichier exporté (sans l'empreinte du corpus) et, pour
    contrôle, chaque exemple d'acte avec la prédiction de scikit-learn."""
    ex_actes, ex_j = preparer(lignes, reglages)
    idf = calculer_idf(ex_actes, reglages.min_df)
    matrice = _Matrice()
    exclure = ("#i_", "#g_")
    v_actes = [ponderer(e.traits, idf) for e in ex_actes]
    x_actes = matrice.construire(v_actes, exclure)
    v_j = {j: [ponderer(e.traits, idf) for e in ex_j[j]] for j in JURIDICTIONS}
    x_j = {j: matrice.construire(v_j[j]) for j in JURIDICTIONS}
    largeur = len(matrice.index)
    x_actes = x_actes[:, :largeur]
    x_j = {j: x[:, :largeur] for j, x in x_j.items()}

    actes = sorted({e.ligne.acte for e in ex_actes}, key=list(ACTES).index)
    m_actes = _regression(reglages.c_actes)
    m_actes.fit(x_actes, [e.ligne.acte for e in ex_actes])
    classes = list(m_actes.classes_)
    controle = [
        (e.pretraitement, str(a)) for e, a in zip(ex_actes, m_actes.predict(x_actes), strict=True)
    ]
    ordre = [classes.index(a) for a in actes]

    infractions = list(INFRACTIONS)
    coef_inf: dict[str, list[list[float]]] = {}
    b_inf: dict[str, list[int]] = {}
    seuils: dict[str, dict[str, float]] = {}
    vetos: dict[str, dict[str, float]] = {}
    sures: dict[str, list[str]] = {}
    for j in JURIDICTIONS:
        coef_inf[j], b_inf[j] = [], []
        poids = _poids(ex_j[j], reglages)
        for inf in infractions:
            y = [int(inf in e.ligne.infractions) for e in ex_j[j]]
            if len(set(y)) < 2:
                coef_inf[j].append([0.0] * largeur)
                b_inf[j].append(-10.0)
                continue
            coef, biais = _infraction(x_j[j], y, poids, reglages)
            coef_inf[j].append(coef)
            b_inf[j].append(round(biais, 6))
        # Un seuil commun (`Reglages.seuil`) : les seuils tirés de la validation croisée (F1 ou
        # précision ≥ 0,95 hors pli) tenaient moins bien l'équilibre (docs/comprehension.md).
        seuils[j] = dict.fromkeys(infractions, reglages.seuil)
        sures[j] = regles_sures(ex_j[j], reglages)
        vetos[j] = dict.fromkeys(infractions, reglages.veto)

    # Vocabulaire : traits ayant un poids, plus les traits textuels sans poids (norme L2).
    nom_par_index = {k: f for f, k in matrice.index.items()}
    coef_actes = m_actes.coef_
    e_actes = _echelle([abs(float(x)) for x in coef_actes.ravel()])
    e_inf = {j: _echelle([abs(w) for ws in coef_inf[j] for w in ws]) for j in JURIDICTIONS}
    vocabulaire: list[str] = []
    t_actes: list[int] = []
    t_inf: dict[str, list[int]] = {j: [] for j in JURIDICTIONS}
    for k in range(largeur):
        qa = [_q(float(coef_actes[c, k]), e_actes) for c in ordre]
        qi = {
            j: [_q(coef_inf[j][ki][k], e_inf[j]) for ki in range(len(infractions))]
            for j in JURIDICTIONS
        }
        f = nom_par_index[k]
        if not any(qa) and not any(any(x) for x in qi.values()) and f not in idf:
            continue
        vocabulaire.append(f)
        t_actes += [x + DECALAGE for x in qa]
        for j in JURIDICTIONS:
            t_inf[j] += [x + DECALAGE for x in qi[j]]
    for f in sorted(set(idf) - set(vocabulaire)):
        vocabulaire.append(f)
        t_actes += [DECALAGE] * len(actes)
        for j in JURIDICTIONS:
            t_inf[j] += [DECALAGE] * len(infractions)

    return {
        "format": FORMAT,
        "version": VERSION,
        "parametres": reglages.parametres,
        "reglages": {
            "c_actes": reglages.c_actes,
            "c_infractions": reglages.c_infractions,
            "min_df": reglages.min_df,
            "poids_negatif_difficile": reglages.poids_negatif_difficile,
            "seuil": reglages.seuil,
            "veto": reglages.veto,
            "regles_en_traits": reglages.regles_en_traits,
            "nbsvm": reglages.nbsvm,
            "lissage_nb": reglages.lissage_nb,
        },
        "actes": actes,
        "infractions": infractions,
        "intercepts_actes": [round(float(m_actes.intercept_[c]), 6) for c in ordre],
        "intercepts_infractions": b_inf,
        "echelles": {"actes": e_actes, "infractions": e_inf},
        "seuils": seuils,
        "vetos": vetos,
        "regles_sures": sures,
        "nb_exemples": {"actes": len(ex_actes), **{j: len(ex_j[j]) for j in JURIDICTIONS}},
        "vocabulaire": vocabulaire,
        "idf": [round(idf[f], 5) if f in idf else 0 for f in vocabulaire],
        "_tables": {"actes": t_actes, **t_inf},
    }, controle


def _echelle(valeurs: list[float]) -> float:
    """Facteur qui ramène le plus grand coefficient à 2047 (12 bits signés)."""
    return 2047.0 / max(max(valeurs, default=0.0), 1e-9)


def _q(x: float, echelle: float) -> int:
    return max(-2047, min(2047, round(x * echelle)))


def exporter(donnees: dict[str, Any], sortie: Path) -> None:
    """Écrit le fichier de façon reproductible : en-tête JSON trié, tableaux uint16, gzip sans date."""
    tables = donnees.pop("_tables")
    charge = b""
    bornes: dict[str, list[int]] = {}
    for nom, valeurs in tables.items():
        t = array("H", valeurs)
        if sys.byteorder == "big":
            t.byteswap()
        bornes[nom] = [len(charge), len(charge) + len(t) * t.itemsize]
        charge += t.tobytes()
    donnees["tables"] = bornes
    entete = json.dumps(donnees, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    brut = MAGIQUE + entete.encode("utf-8") + b"\n" + charge
    sortie.write_bytes(gzip.compress(brut, compresslevel=9, mtime=0))


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m simulateur.comprehension.entrainer",
        description="Entraîne la compréhension sur le corpus et exporte le modèle du paquet.",
    )
    p.add_argument("--corpus", type=Path, default=ENTRAINEMENT, help="dossier des .jsonl")
    p.add_argument("--sortie", type=Path, default=CHEMIN, help="fichier exporté")
    p.add_argument("--c-actes", type=float, default=Reglages.c_actes)
    p.add_argument("--c-infractions", type=float, default=Reglages.c_infractions)
    p.add_argument("--car", default=None, help="n-grammes de caractères, ex. 2-5")
    p.add_argument("--sans-regles", action="store_true", help="ne pas donner les règles en traits")
    p.add_argument("--sans-nbsvm", action="store_true", help="infractions : régression seule")
    p.add_argument("--seuil", type=float, default=Reglages.seuil, help="seuil des infractions")
    args = p.parse_args(argv)
    try:
        import sklearn
    except ImportError:
        print("scikit-learn manque : pip install -e '.[entrainement]'", file=sys.stderr)
        return 2
    reglages = Reglages(
        c_actes=args.c_actes,
        c_infractions=args.c_infractions,
        regles_en_traits=not args.sans_regles,
        nbsvm=not args.sans_nbsvm,
        seuil=args.seuil,
    )
    if args.car:
        a, b = (int(x) for x in args.car.split("-"))
        reglages.parametres.update(car_min=a, car_max=b)
    chemins = fichiers(args.corpus)
    if not chemins:
        print(f"aucun fichier .jsonl dans {args.corpus}", file=sys.stderr)
        return 2
    debut = time.perf_counter()
    lignes = lire_tout(chemins)
    donnees, controle = entrainer(lignes, reglages)
    donnees["corpus_sha256"] = empreinte(chemins)
    donnees["corpus_fichiers"] = [c.name for c in chemins]
    donnees["nb_lignes"] = len(lignes)
    donnees["sklearn"] = sklearn.__version__
    exporter(donnees, args.sortie)
    taille = args.sortie.stat().st_size
    # Contrôle : la prédiction en Python pur (coefficients quantifiés) suit scikit-learn.
    modele = ouvrir(args.sortie)
    accord = sum(modele.predire(p, "qc").actes[0][0] == a for p, a in controle) / len(controle)
    print(f"accord Python pur / scikit-learn sur les actes d'entraînement : {100 * accord:.2f} %")
    print(
        f"{len(lignes)} lignes, {len(donnees['vocabulaire'])} traits, "
        f"{taille / 1024:.0f} Kio → {args.sortie} ({time.perf_counter() - debut:.1f} s)"
    )
    print("seuils :", json.dumps(donnees["seuils"]), "vetos :", json.dumps(donnees["vetos"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
