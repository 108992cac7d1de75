"""Le cœur n'importe jamais Textual ni scikit-learn : chaque module, dans un interpréteur neuf."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES_COEUR = [
    "simulateur.session",
    "simulateur.transcription",
    "simulateur.relecture",
    "simulateur.scenarios.moteur",
    "simulateur.scenarios.chargement",
    "simulateur.personnages.generation",
    "simulateur.personnages.comportement",
    "simulateur.comprehension.analyseur",
    "simulateur.cli",
]


@pytest.mark.parametrize("module", MODULES_COEUR)
def test_coeur_sans_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "interdits = [m for m in ('textual', 'sklearn', 'numpy', 'scipy') if m in sys.modules]\n"
        "assert not interdits, interdits\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
