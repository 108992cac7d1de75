"""`simulateur rejouer --verifier` : relecture exacte, ou première divergence (tour et champ)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RACINE, SCENARIOS, SCRIPTS


def _lancer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulateur", *args],
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=120,
    )


@pytest.fixture
def appel(tmp_path: Path) -> tuple[Path, Path]:
    scenario = tmp_path / "hydro.yaml"
    shutil.copy(SCENARIOS / "hydro-perte-emploi.yaml", scenario)
    chemin = tmp_path / "t.jsonl"
    r = _lancer(
        "jouer",
        str(scenario),
        "--graine",
        "6",
        "--script",
        str(SCRIPTS / "hydro-perte-emploi-bon.txt"),
        "--transcription",
        str(chemin),
    )
    assert r.returncode == 0, r.stderr
    return chemin, scenario


def _retoucher(chemin: Path, fonction) -> None:  # type: ignore[no-untyped-def]
    lignes = chemin.read_text(encoding="utf-8").split("\n")[:-1]
    fonction(lignes)
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")


def test_relecture_exacte(appel: tuple[Path, Path]) -> None:
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 0 and "relecture exacte" in r.stdout


def test_reponse_modifiee(appel: tuple[Path, Path]) -> None:
    def modifier(lignes: list[str]) -> None:
        ev = json.loads(lignes[3])
        ev["debiteur"]["texte"] = "Je paie tout, tout de suite."
        lignes[3] = json.dumps(ev, ensure_ascii=False)

    _retoucher(appel[0], modifier)
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 1 and "tour 3, champ « debiteur »" in r.stdout


def test_replique_apprenant_modifiee(appel: tuple[Path, Path]) -> None:
    def modifier(lignes: list[str]) -> None:
        ev = json.loads(lignes[2])
        ev["apprenant"] = "Payez ou c'est la prison."
        lignes[2] = json.dumps(ev, ensure_ascii=False)

    _retoucher(appel[0], modifier)
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 1 and "tour 2, champ" in r.stdout


def test_ligne_supprimee(appel: tuple[Path, Path]) -> None:
    _retoucher(appel[0], lambda lignes: lignes.pop(2))
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 1 and "première divergence au tour 3" in r.stdout
    assert _lancer("verifier", str(appel[0])).returncode == 1


def test_lignes_permutees(appel: tuple[Path, Path]) -> None:
    def permuter(lignes: list[str]) -> None:
        lignes[2], lignes[3] = lignes[3], lignes[2]

    _retoucher(appel[0], permuter)
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 1 and "première divergence au tour" in r.stdout
    assert _lancer("verifier", str(appel[0])).returncode == 1


def test_scenario_modifie_signale_comme_tel(appel: tuple[Path, Path]) -> None:
    chemin, scenario = appel
    scenario.write_text(
        scenario.read_text(encoding="utf-8").replace("Oui… je sais, la facture", "Ah. La facture"),
        encoding="utf-8",
    )
    r = _lancer("rejouer", str(chemin), "--verifier")
    assert r.returncode == 1
    assert "le fichier du scénario" in r.stdout and "a changé depuis la session" in r.stdout


def test_verifier_un_dossier(appel: tuple[Path, Path]) -> None:
    r = _lancer("rejouer", str(appel[0].parent), "--verifier")
    assert r.returncode == 0 and r.stdout.count("relecture exacte") == 1


def test_modele_de_comprehension_change_signale(appel: tuple[Path, Path]) -> None:
    def vieillir(lignes: list[str]) -> None:
        entete = json.loads(lignes[0])
        assert entete["comprehension"]["modele"]
        entete["comprehension"] = {"modele": "1.0", "corpus": "ancien"}
        lignes[0] = json.dumps(entete, ensure_ascii=False)
        ev = json.loads(lignes[1])
        ev["analyse"]["confiance"] = 0.123
        lignes[1] = json.dumps(ev, ensure_ascii=False)

    _retoucher(appel[0], vieillir)
    r = _lancer("rejouer", str(appel[0]), "--verifier")
    assert r.returncode == 1
    assert (
        "le modèle de compréhension a changé" in r.stdout
        and "tour 1, champ « analyse »" in r.stdout
    )
