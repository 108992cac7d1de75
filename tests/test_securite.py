"""Un test par point de docs/securite.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulateur.scenarios.chargement import charger_texte
from simulateur.scenarios.erreurs import ScenarioInvalide
from simulateur.scenarios.moteur import Moteur
from simulateur.stockage import chemin_transcription
from tests.conftest import RACINE, SCENARIOS

BASE = (SCENARIOS / "hydro-perte-emploi.yaml").read_text(encoding="utf-8")
CIBLE = "texte: Recouvrement ? Euh… oui, c'est à quel sujet ?"


@pytest.mark.parametrize(
    "gabarit",
    [
        "{{ lipsum.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ self._TemplateReference__context }}",
        "{% include '/etc/passwd' %}",
        "{% import 'os' as os %}",
        "{{ dossier.__class__.__base__.__subclasses__() }}",
        "{{ range(10**9) | list }}",
    ],
)
def test_1_gabarits_sans_acces_a_python_ni_aux_fichiers(gabarit: str) -> None:
    with pytest.raises(ScenarioInvalide) as e:
        charger_texte(BASE.replace(CIBLE, f'texte: "{gabarit}"'), "s.yaml")
    assert any("gabarit" in str(x) for x in e.value.erreurs)


@pytest.mark.parametrize(
    "etiquette",
    [
        "!!python/object/apply:os.system ['touch /tmp/pwned']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
    ],
)
def test_2_le_yaml_ne_construit_aucun_objet(etiquette: str, tmp_path: Path) -> None:
    with pytest.raises(ScenarioInvalide):
        charger_texte(
            BASE.replace("titre: Facture", f"titre: {etiquette}\nx: Facture", 1), "s.yaml"
        )
    assert not Path("/tmp/pwned").exists()


def test_2_les_donnees_ne_nomment_jamais_de_fonction() -> None:
    texte = BASE.replace("si: {offre: contre}", 'si: {variables: {rappel: "os.system"}}', 1)
    texte = texte.replace("\netat_initial:", '\nvariables:\n  rappel: "non"\netat_initial:', 1)
    moteur = Moteur(charger_texte(texte, "s.yaml"))
    for ev in moteur.machine.events.values():
        for liste in ev.transitions.values():
            for t in liste:
                assert all(callable(c.func) and not isinstance(c.func, str) for c in t.conditions)
                assert all(callable(f) for f in t.after)


def test_3_le_nom_de_l_apprenant_ne_sort_pas_du_dossier(donnees_isolees: Path) -> None:
    chemin = chemin_transcription("hydro-perte-emploi", 1, "../../../etc/passwd")
    assert chemin.resolve().is_relative_to((donnees_isolees / "transcriptions").resolve())
    assert "/" not in chemin.name


def test_3_un_id_de_scenario_ne_peut_pas_contenir_de_chemin() -> None:
    with pytest.raises(ScenarioInvalide):
        charger_texte(BASE.replace("id: hydro-perte-emploi", "id: ../../evil"), "s.yaml")


def _lancer(*args: str, entree: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulateur", *args],
        input=entree,
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=120,
    )


def test_3_aucun_fichier_existant_n_est_ecrase(tmp_path: Path) -> None:
    existant = tmp_path / "rapport.txt"
    existant.write_text("ne pas toucher", encoding="utf-8")
    r = _lancer(
        "jouer",
        "hydro-perte-emploi",
        "--script",
        "-",
        "--transcription",
        str(existant),
        entree="Bonjour\n",
    )
    assert r.returncode == 2
    t = tmp_path / "t.jsonl"
    _lancer(
        "jouer",
        "hydro-perte-emploi",
        "--script",
        "-",
        "--transcription",
        str(t),
        entree="Bonjour\n",
    )
    r = _lancer("evaluer", str(t), "--sortie", str(existant))
    assert r.returncode == 2
    assert existant.read_text(encoding="utf-8") == "ne pas toucher"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.txt", "t.jsonl"]


def test_4_le_texte_de_l_apprenant_ne_pilote_pas_le_terminal(tmp_path: Path) -> None:
    r = _lancer(
        "jouer",
        "hydro-perte-emploi",
        "--script",
        "-",
        "--transcription",
        str(tmp_path / "t.jsonl"),
        entree="\x1b]0;titre\x07\x1b[2J[bold]gras[/] \u202eevil\n",
    )
    assert r.returncode == 0
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout and "\x07" not in r.stdout
    assert "[bold]gras[/]" in r.stdout


def test_6_signature_refuse_une_mauvaise_cle(tmp_path: Path) -> None:
    t = tmp_path / "t.jsonl"
    r = _lancer(
        "jouer",
        "hydro-perte-emploi",
        "--script",
        "-",
        "--transcription",
        str(t),
        entree="Bonjour\n",
    )
    assert r.returncode == 0
    cle = tmp_path / "cle"
    cle.write_text("secret", encoding="utf-8")
    assert _lancer("verifier", str(t), "--cle", str(cle)).returncode == 1  # non signée
    signe = tmp_path / "s.jsonl"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "simulateur",
            "jouer",
            "hydro-perte-emploi",
            "--script",
            "-",
            "--transcription",
            str(signe),
        ],
        input="Bonjour\n",
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=60,
        env={**__import__("os").environ, "SIMULATEUR_CLE": "secret"},
    )
    assert _lancer("verifier", str(signe), "--cle", str(cle)).returncode == 0
    cle.write_text("autre", encoding="utf-8")
    r = _lancer("verifier", str(signe), "--cle", str(cle))
    assert r.returncode == 1 and "signature invalide" in r.stdout


def test_5_le_navigateur_n_ecoute_que_la_machine_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sans --hote, textual-serve reçoit 127.0.0.1 ; avec --hote, l'adresse demandée."""
    import textual_serve.server

    from simulateur.cli import construire
    from simulateur.cli.servir import executer

    vus: list[str] = []

    class Faux:
        def __init__(self, commande: str, *, host: str, port: int, **_: object) -> None:
            vus.append(host)

        def serve(self) -> None:
            return None

    monkeypatch.setattr(textual_serve.server, "Server", Faux)
    assert executer(construire().parse_args(["servir"])) == 0
    assert executer(construire().parse_args(["servir", "--hote", "0.0.0.0"])) == 0
    assert vus == ["127.0.0.1", "0.0.0.0"]
