"""Arrêt brutal : `simulateur jouer` tué (SIGKILL) après k tours ne perd rien et reprend."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from simulateur.integrite import verifier_integrite
from simulateur.relecture import rejouer
from simulateur.transcription import lire_transcription
from tests.conftest import RACINE, SCRIPTS

LIGNES = [
    x
    for x in (SCRIPTS / "hydro-perte-emploi-bon.txt").read_text(encoding="utf-8").splitlines()
    if x.strip() and not x.startswith("#")
]


def _commande(*args: str) -> list[str]:
    return [sys.executable, "-m", "simulateur", *args]


def _jouer_puis_tuer(chemin: Path, k: int) -> None:
    proc = subprocess.Popen(
        _commande(
            "jouer",
            "hydro-perte-emploi",
            "--graine",
            "5",
            "--script",
            "-",
            "--transcription",
            str(chemin),
        ),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=RACINE,
    )
    assert proc.stdin and proc.stdout
    assert proc.stdout.readline().startswith("Débiteur ›")  # il décroche
    for texte in LIGNES[:k]:
        proc.stdin.write(texte + "\n")
        proc.stdin.flush()
        while not (ligne := proc.stdout.readline()).startswith("Débiteur ›"):
            assert ligne, "le programme s'est arrêté trop tôt"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


@pytest.mark.parametrize("k", [1, 4])
def test_sigkill_apres_k_tours_puis_reprise(k: int, tmp_path: Path) -> None:
    complet = tmp_path / "complet.jsonl"
    script = tmp_path / "script.txt"
    script.write_text("\n".join(LIGNES) + "\n", encoding="utf-8")
    r = subprocess.run(
        _commande(
            "jouer",
            "hydro-perte-emploi",
            "--graine",
            "5",
            "--script",
            str(script),
            "--transcription",
            str(complet),
        ),
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr

    tue = tmp_path / "tue.jsonl"
    _jouer_puis_tuer(tue, k)
    t = lire_transcription(tue)
    assert len(t.tours) == k and t.fin is None  # exactement les k tours terminés
    assert verifier_integrite(tue) == []
    assert rejouer(t).exacte

    reste = tmp_path / "reste.txt"
    reste.write_text("\n".join(LIGNES[k:]) + "\n", encoding="utf-8")
    r = subprocess.run(
        _commande("reprendre", str(tue), "--script", str(reste)),
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    a, b = lire_transcription(complet), lire_transcription(tue)
    assert [x["debiteur"]["texte"] for x in a.tours] == [x["debiteur"]["texte"] for x in b.tours]
    assert [x["debiteur_apres"] for x in a.tours] == [x["debiteur_apres"] for x in b.tours]
    assert a.fin and b.fin and a.fin["resultat"] == b.fin["resultat"] == "entente"
    assert verifier_integrite(tue) == []
    assert rejouer(b).exacte


def test_reprendre_un_appel_termine_refuse(tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    subprocess.run(
        _commande("jouer", "hydro-perte-emploi", "--script", "-", "--transcription", str(chemin)),
        input="Bonjour\n",
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=60,
    )
    r = subprocess.run(
        _commande("reprendre", str(chemin), "--script", "-"),
        input="Allô\n",
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=60,
    )
    assert r.returncode == 2 and "déjà terminé" in r.stderr and "Traceback" not in r.stderr
