"""Banc d'essai de la compréhension, sur le jeu de développement (jamais vu à l'entraînement).

    python benchmarks/comprehension.py [--rapide] [--modele FICHIER] [--json SORTIE]

Qualité : précision / rappel / F1 par acte et macro-F1, paires confondues, infractions
(par infraction et globalement, par fichier), faux positifs sur les négatifs difficiles,
exactitude de la langue ; chaque chiffre à côté de la v1 (règles seules), mesurée dans
la même exécution. Vitesse (sauf --rapide) : débit en lot par `simulateur analyser --json -`
et en processus, latence d'une réplique (p50, p99), import et premier appel, démarrage à
froid de `simulateur analyser --json "bonjour"` contre `python -c "import sklearn"`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from simulateur.actes import INFRACTIONS
from simulateur.comprehension.analyseur import Analyseur
from simulateur.comprehension.corpus import DEVELOPPEMENT, Ligne, fichiers, lire
from simulateur.comprehension.modele import Modele, charger, ouvrir

RACINE = Path(__file__).resolve().parents[1]

Paire = tuple[Ligne, str]  # une ligne évaluée sous une juridiction


def paires(lignes: Sequence[Ligne]) -> list[Paire]:
    return [(ligne, j) for ligne in lignes for j in ligne.juridictions()]


def _prf(vp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = vp / (vp + fp) if vp + fp else 1.0
    r = vp / (vp + fn) if vp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluer(analyseur: Analyseur, ps: Sequence[Paire]) -> dict[str, Any]:
    """Toutes les mesures de qualité d'un analyseur sur des paires (ligne, juridiction)."""
    vrais: list[str] = []
    predits: list[str] = []
    inf = {i: [0, 0, 0] for i in INFRACTIONS}
    lignes_inf = [0, 0, 0]  # au moins une infraction : vp, fp, fn
    negatifs = [0, 0]
    langue = [0, 0]
    erreurs: list[dict[str, Any]] = []
    for ligne, j in ps:
        a = analyseur.analyser(ligne.texte, j)
        vrais.append(ligne.acte)
        predits.append(a.acte)
        attendu, vu = set(ligne.infractions), set(a.ids_infractions)
        for i in INFRACTIONS:
            inf[i][0] += i in attendu and i in vu
            inf[i][1] += i not in attendu and i in vu
            inf[i][2] += i in attendu and i not in vu
        lignes_inf[0] += bool(attendu) and bool(vu)
        lignes_inf[1] += not attendu and bool(vu)
        lignes_inf[2] += bool(attendu) and not vu
        if ligne.negatif_difficile:
            negatifs[0] += 1
            negatifs[1] += bool(vu)
        langue[0] += 1
        langue[1] += a.langue == ligne.langue
        if a.acte != ligne.acte or attendu != vu or a.langue != ligne.langue:
            erreurs.append(
                {
                    "texte": ligne.texte,
                    "juridiction": j,
                    "acte": [ligne.acte, a.acte],
                    "infractions": [sorted(attendu), sorted(vu)],
                    "langue": [ligne.langue, a.langue],
                    "source": ligne.source,
                }
            )
    par_acte = {}
    for acte in sorted(set(vrais)):
        vp = sum(v == p == acte for v, p in zip(vrais, predits, strict=True))
        fp = sum(p == acte != v for v, p in zip(vrais, predits, strict=True))
        fn = sum(v == acte != p for v, p in zip(vrais, predits, strict=True))
        par_acte[acte] = (*_prf(vp, fp, fn), vrais.count(acte))
    confusions = Counter((v, p) for v, p in zip(vrais, predits, strict=True) if v != p)
    total = [sum(x[k] for x in inf.values()) for k in range(3)]
    return {
        "n": len(ps),
        "exactitude_acte": sum(v == p for v, p in zip(vrais, predits, strict=True))
        / max(1, len(ps)),
        "macro_f1": statistics.fmean(x[2] for x in par_acte.values()) if par_acte else 0.0,
        "par_acte": par_acte,
        "confusions": confusions.most_common(10),
        "infractions": {i: (*_prf(*v), v[0] + v[2]) for i, v in inf.items()},
        "infractions_global": (*_prf(*total), total[0] + total[2]),
        "lignes_fautives": (*_prf(*lignes_inf), lignes_inf[0] + lignes_inf[2]),
        "negatifs_difficiles": (negatifs[1] / negatifs[0] if negatifs[0] else 0.0, negatifs[0]),
        "langue": (langue[1] / langue[0] if langue[0] else 0.0, langue[0]),
        "erreurs": erreurs,
    }


def _pc(x: float) -> str:
    return f"{100 * x:.1f} %"


def rapport_qualite(nom: str, m: dict[str, Any], base: dict[str, Any]) -> list[str]:
    out = [f"\n### {nom} ({m['n']} paires ligne × juridiction)\n"]
    out.append("| mesure | v2 (modèle + règles) | v1 (règles seules) |")
    out.append("|---|---|---|")
    out.append(f"| macro-F1 des actes | {m['macro_f1']:.3f} | {base['macro_f1']:.3f} |")
    out.append(
        f"| exactitude des actes | {_pc(m['exactitude_acte'])} | {_pc(base['exactitude_acte'])} |"
    )
    for cle, titre in (
        ("infractions_global", "infractions (micro)"),
        ("lignes_fautives", "lignes fautives (≥ 1)"),
    ):
        p, r, f, n = m[cle]
        pb, rb, fb, _ = base[cle]
        out.append(
            f"| {titre}, n = {n} : P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} "
            f"| {pb:.3f} / {rb:.3f} / {fb:.3f} |"
        )
    for i in INFRACTIONS:
        p, r, f, n = m["infractions"][i]
        pb, rb, fb, _ = base["infractions"][i]
        if n or p < 1:
            out.append(
                f"| {i}, n = {n} : P / R / F1 | {p:.3f} / {r:.3f} / {f:.3f} "
                f"| {pb:.3f} / {rb:.3f} / {fb:.3f} |"
            )
    taux, nneg = m["negatifs_difficiles"]
    out.append(
        f"| négatifs difficiles signalés (n = {nneg}) | {_pc(taux)} "
        f"| {_pc(base['negatifs_difficiles'][0])} |"
    )
    out.append(f"| langue exacte | {_pc(m['langue'][0])} | {_pc(base['langue'][0])} |")
    return out


def rapport_actes(m: dict[str, Any]) -> list[str]:
    out = ["\n| acte | P | R | F1 | n |", "|---|---|---|---|---|"]
    for acte, (p, r, f, n) in m["par_acte"].items():
        out.append(f"| {acte} | {p:.2f} | {r:.2f} | {f:.2f} | {n} |")
    out.append("\nPaires confondues (attendu → prédit) : ")
    out += [f"- {v} → {p} : {k}" for (v, p), k in m["confusions"]]
    return out


# --- Vitesse ------------------------------------------------------------------


def _commande_simulateur() -> list[str]:
    script = Path(sys.executable).with_name("simulateur")
    return [str(script)] if script.exists() else [sys.executable, "-m", "simulateur"]


def _chrono(cmd: list[str], entree: bytes | None = None) -> tuple[float, float]:
    """(temps réel, temps processeur utilisateur + système) d'une commande."""
    avant = resource.getrusage(resource.RUSAGE_CHILDREN)
    debut = time.perf_counter()
    subprocess.run(cmd, input=entree, stdout=subprocess.DEVNULL, check=True, cwd=RACINE)
    reel = time.perf_counter() - debut
    apres = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (apres.ru_utime - avant.ru_utime) + (apres.ru_stime - avant.ru_stime)
    return reel, cpu


def _mediane(mesures: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(m[0] for m in mesures), statistics.median(m[1] for m in mesures)


def vitesse(textes: list[str]) -> dict[str, float]:
    """Mesures de vitesse ; chaque durée en temps réel et en temps processeur (la machine peut
    être partagée : le temps processeur mesure le coût sur un cœur, le temps réel l'attente)."""
    from simulateur.comprehension.analyseur import analyser

    r: dict[str, float] = {}
    # Démarrage à froid, alterné avec l'import de scikit-learn (même exécution, mêmes caches).
    froid, sk, vide = [], [], []
    for _ in range(7):
        froid.append(_chrono([*_commande_simulateur(), "analyser", "--json", "bonjour"]))
        sk.append(_chrono([sys.executable, "-c", "import sklearn"]))
        vide.append(_chrono([sys.executable, "-c", "pass"]))
    r["froid_s"], r["froid_cpu_s"] = _mediane(froid)
    r["sklearn_s"], r["sklearn_cpu_s"] = _mediane(sk)
    r["python_vide_s"], r["python_vide_cpu_s"] = _mediane(vide)
    r["ratio_froid_sklearn"] = r["froid_s"] / r["sklearn_s"]
    r["ratio_froid_sklearn_cpu"] = r["froid_cpu_s"] / r["sklearn_cpu_s"]
    # Import de l'analyseur et premier appel (chargement paresseux du modèle, de lingua).
    code = (
        "import time; t0 = time.perf_counter(); import simulateur.comprehension.analyseur as a; "
        "t1 = time.perf_counter(); a.analyser('Je vous appelle au sujet de votre facture de 842 $.'); "
        "t2 = time.perf_counter(); a.analyser('Pouvez-vous payer 50 $ par mois ?'); "
        "t3 = time.perf_counter(); print(t1 - t0, t2 - t1, t3 - t2)"
    )
    mesures = []
    for _ in range(5):
        sortie = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=RACINE
        ).stdout
        mesures.append([float(x) for x in sortie.split()])
    r["import_analyseur_ms"] = 1000 * statistics.median(x[0] for x in mesures)
    r["premier_appel_ms"] = 1000 * statistics.median(x[1] for x in mesures)
    r["deuxieme_appel_ms"] = 1000 * statistics.median(x[2] for x in mesures)
    # Latence d'une réplique, en processus, après démarrage.
    analyser("échauffement")
    durees = []
    cpu0 = time.process_time()
    for _ in range(3):
        for t in textes:
            d = time.perf_counter()
            analyser(t)
            durees.append(time.perf_counter() - d)
    cpu = time.process_time() - cpu0
    durees.sort()
    r["latence_p50_ms"] = 1000 * durees[len(durees) // 2]
    r["latence_p99_ms"] = 1000 * durees[int(len(durees) * 0.99)]
    r["latence_max_ms"] = 1000 * durees[-1]
    r["debit_processus_lps"] = len(durees) / sum(durees)
    r["debit_processus_cpu_lps"] = len(durees) / cpu
    # Lot par la vraie commande : au moins 6 000 lignes, démarrage compris.
    lot = (textes * (6000 // max(1, len(textes)) + 1))[:6000]
    entree = ("\n".join(t.replace("\n", " ") for t in lot) + "\n").encode("utf-8")
    cmd = [*_commande_simulateur(), "analyser", "--json", "-"]
    reel, cpu = min(_chrono(cmd, entree) for _ in range(3))
    r["lot_lignes"] = len(lot)
    r["lot_s"], r["lot_cpu_s"] = reel, cpu
    r["debit_lot_lps"] = len(lot) / reel
    r["debit_lot_cpu_lps"] = len(lot) / cpu
    return r


def rapport_vitesse(v: dict[str, float]) -> list[str]:
    return [
        "\n### Vitesse (un cœur ; temps réel et temps processeur)\n",
        "| mesure | temps réel | temps processeur | repère |",
        "|---|---|---|---|",
        f"| lot `simulateur analyser --json -` ({v['lot_lignes']:.0f} lignes, démarrage compris)"
        f" | {v['debit_lot_lps']:.0f} lignes/s | {v['debit_lot_cpu_lps']:.0f} lignes/s "
        f"| cible 2 000 : {v['debit_lot_lps'] / 2000:.2f} × / {v['debit_lot_cpu_lps'] / 2000:.2f} × |",
        f"| en processus (`analyser()`) | {v['debit_processus_lps']:.0f} lignes/s "
        f"| {v['debit_processus_cpu_lps']:.0f} lignes/s | |",
        f"| latence d'une réplique p50 / p99 / max | {v['latence_p50_ms']:.2f} / "
        f"{v['latence_p99_ms']:.2f} / {v['latence_max_ms']:.2f} ms | | "
        f"p99 = {v['latence_p99_ms'] / 5:.2f} × la cible (5 ms) |",
        f'| `simulateur analyser --json "bonjour"` à froid | {1000 * v["froid_s"]:.0f} ms '
        f"| {1000 * v['froid_cpu_s']:.0f} ms | **{v['ratio_froid_sklearn']:.2f} ×** / "
        f"{v['ratio_froid_sklearn_cpu']:.2f} × `import sklearn` ; cible ≤ 0,5 × |",
        f'| `python -c "import sklearn"` | {1000 * v["sklearn_s"]:.0f} ms '
        f"| {1000 * v['sklearn_cpu_s']:.0f} ms | référence, même exécution |",
        f"| `python -c pass` | {1000 * v['python_vide_s']:.0f} ms "
        f"| {1000 * v['python_vide_cpu_s']:.0f} ms | plancher |",
        f"| import de `simulateur.comprehension.analyseur` | {v['import_analyseur_ms']:.0f} ms | | |",
        f"| premier appel (modèle, lingua chargés) | {v['premier_appel_ms']:.0f} ms | | "
        f"deuxième appel : {v['deuxieme_appel_ms']:.2f} ms |",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--rapide", action="store_true", help="qualité seulement")
    p.add_argument("--modele", type=Path, default=None, help="évaluer un autre fichier exporté")
    p.add_argument("--json", type=Path, default=None, help="écrire les mesures et erreurs en JSON")
    p.add_argument(
        "--dev", type=Path, default=DEVELOPPEMENT, help="dossier du jeu de développement"
    )
    p.add_argument("--erreurs", type=int, default=0, help="afficher N erreurs par fichier")
    args = p.parse_args(argv)
    chemins = fichiers(args.dev)
    if not chemins:
        print(f"aucun fichier de développement dans {args.dev}", file=sys.stderr)
        return 2
    modele: Modele | None = ouvrir(args.modele) if args.modele else charger()
    if modele is None:
        print("modèle absent : python -m simulateur.comprehension.entrainer", file=sys.stderr)
        return 2
    v2 = Analyseur(modele=modele)
    v1 = Analyseur(modele="regles")
    sortie: list[str] = [
        "## Compréhension : jeu de développement",
        f"\nModèle : version {modele.meta.get('version')}, corpus {modele.meta.get('nb_lignes')} "
        f"lignes (sha256 {str(modele.meta.get('corpus_sha256'))[:12]}…).",
    ]
    resultats: dict[str, Any] = {}
    textes: list[str] = []
    for chemin in chemins:
        lignes = list(lire(chemin))
        textes += [ligne.texte for ligne in lignes]
        ps = paires(lignes)
        m, base = evaluer(v2, ps), evaluer(v1, ps)
        resultats[chemin.stem] = {"v2": m, "v1": base}
        sortie += rapport_qualite(chemin.name, m, base)
        sortie += rapport_actes(m)
        for e in m["erreurs"][: args.erreurs]:
            sortie.append(f"  ✗ {json.dumps(e, ensure_ascii=False)}")
    if not args.rapide:
        os.environ.setdefault("PYTHONHASHSEED", "0")
        v = vitesse(textes)
        resultats["vitesse"] = v
        sortie += rapport_vitesse(v)
    print("\n".join(sortie))
    if args.json:
        args.json.write_text(json.dumps(resultats, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
