"""Évaluation de bout en bout : sessions jouées, notes, preuves, formats, stats, intégrité."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from simulateur.evaluation import evaluer_fichier
from simulateur.evaluation.formats import exporter
from simulateur.evaluation.revision import reviser
from simulateur.integrite import verifier_integrite
from simulateur.relecture import rejouer
from simulateur.scenarios.moteur import moteur_pour
from simulateur.session import jouer_script
from simulateur.transcription import lire_transcription
from tests.conftest import RACINE, SCENARIOS, SCRIPTS
from tests.test_session import attendu

IDS = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))


def _script(nom: str) -> list[str]:
    return [
        x
        for x in (SCRIPTS / nom).read_text(encoding="utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    ]


def jouer(
    scenario: str | Path,
    graine: int,
    lignes: list[str],
    chemin: Path,
    cle: bytes | None = None,
    apprenant: str = "",
) -> Path:
    fichier = scenario if isinstance(scenario, Path) else SCENARIOS / f"{scenario}.yaml"
    jouer_script(
        moteur_pour(fichier), graine, lignes, transcription=chemin, cle=cle, apprenant=apprenant
    )
    return chemin


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dossier = tmp_path_factory.mktemp("sessions")
    for sc in IDS:
        for sorte in ("bon", "abusif"):
            for g in (1, 2):
                jouer(
                    sc,
                    g,
                    _script(f"{sc}-{sorte}.txt"),
                    dossier / f"{sc}-{sorte}-{g}.jsonl",
                    apprenant=sorte,
                )
    return dossier


@pytest.mark.parametrize("scenario", IDS)
def test_bon_et_abusif_clairement_differents(scenario: str, sessions: Path) -> None:
    bon = evaluer_fichier(sessions / f"{scenario}-bon-1.jsonl")
    abusif = evaluer_fichier(sessions / f"{scenario}-abusif-1.jsonl")
    assert bon.note_globale >= 70, bon.note_globale
    assert abusif.note_globale <= 30, abusif.note_globale
    assert bon.axes["conformite"].note >= 75
    assert abusif.axes["conformite"].note <= 40 and abusif.axes["conformite"].plafond is not None
    # Les preuves d'infraction pointent les bons tours et des règles de la bonne juridiction.
    t = lire_transcription(sessions / f"{scenario}-abusif-1.jsonl")
    fautifs = {ev["tour"] for ev in t.tours if ev["analyse"]["infractions"]}
    preuves = [
        p
        for p in abusif.axes["conformite"].preuves
        if p.infraction and p.infraction != "bonne_pratique"
    ]
    assert preuves and {p.tour for p in preuves} == fautifs
    prefixe = "qc_" if t.entete["scenario"]["juridiction"] == "qc" else "fr_"
    assert all(p.regle.startswith(prefixe) and p.reference for p in preuves)
    assert all(p.conseil for a in abusif.axes.values() for p in a.preuves)


def test_langue_seconde_null_sans_partie_anglaise(sessions: Path) -> None:
    assert (
        evaluer_fichier(sessions / "hydro-perte-emploi-bon-1.jsonl").axes["langue_seconde"].note
        is None
    )
    assert (
        evaluer_fichier(sessions / "telecom-mauvaise-foi-en-bon-1.jsonl")
        .axes["langue_seconde"]
        .note
        >= 80
    )


def test_cinq_formats(sessions: Path) -> None:
    rapports = [evaluer_fichier(f) for f in sorted(sessions.glob("*.jsonl"))]
    texte = exporter(rapports, "texte")
    assert "Note globale" in texte and "Conformité" in texte
    donnees = json.loads(exporter(rapports, "json"))
    assert len(donnees) == len(rapports) and donnees[0]["axes"]["conformite"]["preuves"]
    md = exporter(rapports, "markdown")
    assert "| axe | note | revue |" in md
    page = exporter(rapports[:1], "html")
    assert (
        page.startswith("<!doctype html>")
        and "@page{size:A4" in page
        and "Conversation annotée" in page
    )
    assert "http://" not in page and "https://" not in page and "<script" not in page
    lignes = list(csv.DictReader(io.StringIO(exporter(rapports, "csv"))))
    assert len(lignes) == len(rapports) and {"note_globale", "conformite", "resultat"} <= set(
        lignes[0]
    )


def test_html_echappe_le_texte_de_l_apprenant(tmp_path: Path) -> None:
    chemin = jouer(
        "hydro-perte-emploi", 1, ["<script>alert(1)</script> [bold]"], tmp_path / "t.jsonl"
    )
    page = exporter([evaluer_fichier(chemin)], "html")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_revision_a_cote_de_la_transcription(sessions: Path, tmp_path: Path) -> None:
    chemin = shutil.copy(sessions / "hydro-perte-emploi-bon-1.jsonl", tmp_path / "t.jsonl")
    avant = Path(chemin).read_bytes()
    reviser(Path(chemin), auteur="prof", tour=3, annotation="Bonne annonce de la créance.")
    reviser(
        Path(chemin),
        auteur="prof",
        axe="negociation",
        note=60,
        raison="Mensualité trop basse pour ce dossier.",
    )
    assert Path(chemin).read_bytes() == avant  # la transcription n'est jamais touchée
    r = evaluer_fichier(chemin)
    assert r.notes_revisees == {"negociation": 60.0}
    assert r.axes["negociation"].note != 60 and r.note("negociation") == 60
    assert r.note_globale_revisee is not None and r.note_globale_revisee != r.note_globale
    texte = exporter([r], "texte")
    assert "revue : 60" in texte and "Bonne annonce" in texte
    with pytest.raises(ValueError, match="raison"):
        reviser(Path(chemin), auteur="prof", axe="conformite", note=50)


def _lignes(chemin: Path) -> list[str]:
    return chemin.read_text(encoding="utf-8").splitlines()


def _ecrire(chemin: Path, lignes: list[str]) -> None:
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")


@pytest.mark.parametrize("alteration", ["modifiee", "supprimee", "permutee", "ajoutee"])
def test_verifier_detecte_les_retouches(alteration: str, sessions: Path, tmp_path: Path) -> None:
    chemin = Path(shutil.copy(sessions / "hydro-perte-emploi-bon-1.jsonl", tmp_path / "t.jsonl"))
    assert verifier_integrite(chemin) == []
    lignes = _lignes(chemin)
    if alteration == "modifiee":
        ev = json.loads(lignes[3])
        ev["apprenant"] = "Bonjour, je suis très poli."
        lignes[3] = json.dumps(ev, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    elif alteration == "supprimee":
        del lignes[3]
    elif alteration == "permutee":
        lignes[3], lignes[4] = lignes[4], lignes[3]
    else:
        lignes.insert(3, lignes[2])
    _ecrire(chemin, lignes)
    problemes = verifier_integrite(chemin)
    assert problemes and min(p.ligne for p in problemes) in (4, 5)


def test_signature_hmac(tmp_path: Path) -> None:
    cle = b"cle-de-l-etablissement"
    chemin = jouer(
        "hydro-perte-emploi",
        2,
        _script("hydro-perte-emploi-bon.txt"),
        tmp_path / "t.jsonl",
        cle=cle,
    )
    assert verifier_integrite(chemin, cle) == []
    assert verifier_integrite(chemin, b"mauvaise-cle")
    # Un apprenant réécrit une ligne et recalcule toute la chaîne : sans la clé, la signature trahit.
    from simulateur.transcription import empreinte_ligne

    lignes = _lignes(chemin)
    evs = [json.loads(x) for x in lignes]
    evs[2]["apprenant"] = "Réplique irréprochable."
    precedent = None
    refaites = []
    for ev in evs:
        ev["precedent"] = precedent
        ligne = json.dumps(ev, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        refaites.append(ligne)
        precedent = empreinte_ligne(ligne)
    _ecrire(chemin, refaites)
    assert verifier_integrite(chemin) == []  # la chaîne seule est refaite…
    assert any(
        "signature" in p.message for p in verifier_integrite(chemin, cle)
    )  # …pas la signature


def test_rejouer_signale_un_scenario_modifie(tmp_path: Path) -> None:
    copie = tmp_path / "hydro.yaml"
    shutil.copy(SCENARIOS / "hydro-perte-emploi.yaml", copie)
    chemin = jouer(copie, 4, _script("hydro-perte-emploi-bon.txt"), tmp_path / "t.jsonl")
    assert rejouer(lire_transcription(chemin)).exacte
    copie.write_text(
        copie.read_text(encoding="utf-8").replace("Oui… je sais, la facture", "Ah, la facture"),
        encoding="utf-8",
    )
    resultat = rejouer(lire_transcription(chemin))
    assert resultat.scenario_modifie and not resultat.exacte


def test_relectures_exactes_50_graines() -> None:
    """Scénarios livrés × 50 graines × un apprenant compétent et un abusif : 100 % exactes."""
    import tempfile

    total = exactes = 0
    with tempfile.TemporaryDirectory() as d:
        for sc in IDS:
            for sorte in ("bon", "abusif"):
                lignes = _script(f"{sc}-{sorte}.txt")
                for g in range(50):
                    chemin = jouer(sc, g, lignes, Path(d) / f"{sc}-{sorte}-{g}.jsonl")
                    total += 1
                    exactes += rejouer(lire_transcription(chemin)).exacte
    assert exactes == total == len(IDS) * 100


def lancer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "simulateur", *args],
        capture_output=True,
        text=True,
        cwd=RACINE,
        timeout=120,
    )


def test_cli_evaluer_stats_verifier(sessions: Path, tmp_path: Path) -> None:
    r = lancer("evaluer", str(sessions), "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.strip().splitlines()) == 1 + len(list(sessions.glob("*.jsonl")))
    sortie = tmp_path / "rapport.html"
    r = lancer(
        "evaluer",
        str(sessions / "hydro-perte-emploi-bon-1.jsonl"),
        "--format",
        "html",
        "--sortie",
        str(sortie),
    )
    assert r.returncode == 0 and sortie.read_text(encoding="utf-8").startswith("<!doctype html>")
    r = lancer("evaluer", str(sessions / "hydro-perte-emploi-bon-1.jsonl"), "--sortie", str(sortie))
    assert r.returncode == 2 and "existe déjà" in r.stderr
    for fmt in ("texte", "json", "html"):
        r = lancer("stats", str(sessions), "--format", fmt)
        assert r.returncode == 0, r.stderr
    s = json.loads(lancer("stats", str(sessions), "--format", "json").stdout)
    assert s["ensemble"]["sessions"] == len(list(sessions.glob("*.jsonl")))
    ententes_attendues = sum(attendu(f"{sc}-bon.txt", "entente") == "entente" for sc in IDS) / len(
        IDS
    )
    assert s["par_apprenant"]["bon"]["taux_entente"] == pytest.approx(ententes_attendues, abs=1e-3)
    assert s["par_apprenant"]["abusif"]["taux_entente"] == 0.0
    assert "<svg" in lancer("stats", str(sessions), "--format", "html").stdout
    r = lancer("verifier", str(sessions))
    assert r.returncode == 0 and r.stdout.count("intacte") == len(list(sessions.glob("*.jsonl")))
    r = lancer("evaluer", str(tmp_path / "absent.jsonl"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
