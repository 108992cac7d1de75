"""Le programme en ligne de commande, tel que l'utilisateur le lance."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from simulateur.transcription import lire_transcription
from tests.conftest import RACINE, SCENARIOS, SCRIPTS


def lancer(
    *args: str, entree: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulateur", *args],
        input=entree,
        capture_output=True,
        text=True,
        cwd=RACINE,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_aide_en_francais() -> None:
    r = lancer("--aide")
    assert r.returncode == 0
    assert "utilisation" in r.stdout and "jouer" in r.stdout and "usage" not in r.stdout
    r = lancer("jouer", "--help")
    assert "--graine" in r.stdout and "afficher cette aide" in r.stdout


def test_arguments_invalides_sans_trace() -> None:
    r = lancer("jouer")
    assert r.returncode == 2
    assert "arguments obligatoires manquants" in r.stderr
    assert "Traceback" not in r.stderr
    r = lancer("jouer", "hydro-perte-emploi", "--graine", "abc")
    assert r.returncode == 2 and "valeur invalide" in r.stderr


def test_lister_json() -> None:
    r = lancer("lister", "--json")
    assert r.returncode == 0
    donnees = json.loads(r.stdout)
    ids = {d["id"] for d in donnees}
    assert {p.stem for p in SCENARIOS.glob("*.yaml")} == ids
    for d in donnees:
        assert set(d) >= {
            "fichier",
            "id",
            "titre",
            "juridiction",
            "langue",
            "archetype",
            "niveau",
            "canal",
        }


def test_lister_texte() -> None:
    r = lancer("lister")
    assert r.returncode == 0 and "hydro-perte-emploi" in r.stdout and "archétype" in r.stdout


def test_valider_bibliotheque() -> None:
    r = lancer("valider", *map(str, sorted(SCENARIOS.glob("*.yaml"))))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(": valide") == len(list(SCENARIOS.glob("*.yaml")))


def test_valider_fichier_casse(tmp_path: Path) -> None:
    casse = tmp_path / "casse.yaml"
    texte = (SCENARIOS / "hydro-perte-emploi.yaml").read_text(encoding="utf-8")
    casse.write_text(texte.replace("acte: cloture", "acte: clotur"), encoding="utf-8")
    r = lancer("valider", str(casse), str(SCENARIOS / "hydro-perte-emploi.yaml"))
    assert r.returncode == 2
    ligne = next(i for i, x in enumerate(casse.read_text().splitlines(), 1) if "acte: clotur" in x)
    assert f"{casse}:{ligne}:" in r.stderr
    assert "vouliez-vous dire « cloture »" in r.stderr
    assert "Traceback" not in r.stderr
    assert "hydro-perte-emploi.yaml : valide" in r.stdout


def test_valider_fichier_absent() -> None:
    r = lancer("valider", "nulle-part.yaml")
    assert r.returncode == 2 and "nulle-part.yaml:1:1: fichier introuvable" in r.stderr


def test_jouer_script_ecrit_la_transcription(tmp_path: Path) -> None:
    cible = tmp_path / "t.jsonl"
    r = lancer(
        "jouer",
        "hydro-perte-emploi",
        "--graine",
        "4",
        "--script",
        str(SCRIPTS / "hydro-perte-emploi-bon.txt"),
        "--transcription",
        str(cible),
        "--apprenant",
        "Julie",
    )
    assert r.returncode == 0, r.stderr
    assert "Débiteur ›" in r.stdout and f"Transcription : {cible}" in r.stdout
    t = lire_transcription(cible)
    assert t.entete["apprenant"] == "Julie" and t.fin is not None
    assert f"Résultat : {t.fin['resultat']}" in r.stdout


def test_jouer_depuis_l_entree_standard_et_dossier_de_donnees(donnees_isolees: Path) -> None:
    script = (SCRIPTS / "hydro-perte-emploi-abusif.txt").read_text(encoding="utf-8")
    r = lancer(
        "jouer",
        "hydro-perte-emploi",
        "--graine",
        "2",
        "--script",
        "-",
        entree=script,
        env={"SIMULATEUR_DONNEES": str(donnees_isolees)},
    )
    assert r.returncode == 0, r.stderr
    assert "Résultat : raccroche" in r.stdout
    fichiers = list((donnees_isolees / "transcriptions").glob("*.jsonl"))
    assert len(fichiers) == 1 and str(fichiers[0]) in r.stdout


def test_jouer_n_ecrase_jamais(tmp_path: Path) -> None:
    cible = tmp_path / "t.jsonl"
    cible.write_text("précieux", encoding="utf-8")
    r = lancer(
        "jouer",
        "hydro-perte-emploi",
        "--script",
        "-",
        "--transcription",
        str(cible),
        entree="Bonjour\n",
    )
    assert r.returncode == 2 and "existe déjà" in r.stderr
    assert cible.read_text(encoding="utf-8") == "précieux"


def test_jouer_scenario_invalide(tmp_path: Path) -> None:
    casse = tmp_path / "casse.yaml"
    casse.write_text("id: [\n", encoding="utf-8")
    r = lancer("jouer", str(casse), "--script", "-", entree="Bonjour\n")
    assert r.returncode == 2 and f"{casse}:" in r.stderr and "Traceback" not in r.stderr


def test_jouer_interactif_texte_inerte(tmp_path: Path) -> None:
    cible = tmp_path / "t.jsonl"
    entree = "Bonjour \x1b[31m[bold]\n/quitter\n"
    r = lancer(
        "jouer", "hydro-perte-emploi", "--graine", "1", "--transcription", str(cible), entree=entree
    )
    assert r.returncode == 0
    assert "\x1b[31m" not in r.stdout
    assert lire_transcription(cible).tours[0]["apprenant"] == "Bonjour \x1b[31m[bold]"


@pytest.mark.parametrize("scenario", sorted(p.stem for p in SCENARIOS.glob("*.yaml")))
def test_jouer_issues_differentes(scenario: str, tmp_path: Path) -> None:
    resultats = {}
    for sorte in ("bon", "abusif"):
        r = lancer(
            "jouer",
            scenario,
            "--graine",
            "3",
            "--script",
            str(SCRIPTS / f"{scenario}-{sorte}.txt"),
            "--transcription",
            str(tmp_path / f"{sorte}.jsonl"),
        )
        assert r.returncode == 0, r.stderr
        resultats[sorte] = lire_transcription(tmp_path / f"{sorte}.jsonl").fin["resultat"]
    from tests.test_session import attendu

    assert resultats == {
        "bon": attendu(f"{scenario}-bon.txt", "entente"),
        "abusif": attendu(f"{scenario}-abusif.txt", "raccroche"),
    }
