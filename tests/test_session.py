"""Sessions de bout en bout : déterminisme, issues différentes, transcription au fil de l'eau."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from simulateur.relecture import rejouer
from simulateur.scenarios.moteur import moteur_pour
from simulateur.session import Session, SessionTerminee, jouer_script
from simulateur.transcription import empreinte_ligne, lire_transcription
from tests.conftest import SCENARIOS, SCRIPTS

IDS = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))


def _script(nom: str) -> list[str]:
    lignes = (SCRIPTS / nom).read_text(encoding="utf-8").splitlines()
    return [x for x in lignes if x.strip() and not x.lstrip().startswith("#")]


def attendu(nom: str, defaut: str) -> str:
    """Issue attendue d'un script : sa ligne « # resultat: … », sinon `defaut`."""
    for ligne in (SCRIPTS / nom).read_text(encoding="utf-8").splitlines():
        if ligne.startswith("# resultat:"):
            return ligne.split(":", 1)[1].strip()
    return defaut


def _jouer(scenario: str, graine: int, lignes: list[str], chemin: Path | None = None) -> Session:
    return jouer_script(
        moteur_pour(SCENARIOS / f"{scenario}.yaml"), graine, lignes, transcription=chemin
    )


def _resume(s: Session) -> list[tuple[str, str, str]]:
    return [
        (t.replique.texte, t.phase_apres, json.dumps(t.etat_apres, sort_keys=True)) for t in s.tours
    ]


@pytest.mark.parametrize("scenario", IDS)
def test_meme_graine_memes_repliques(scenario: str) -> None:
    lignes = _script(f"{scenario}-bon.txt")
    a, b = _jouer(scenario, 7, lignes), _jouer(scenario, 7, lignes)
    assert _resume(a) == _resume(b)
    assert a.ouverture == b.ouverture


@pytest.mark.parametrize("scenario", IDS)
def test_apprenant_competent_obtient_une_entente(scenario: str) -> None:
    lignes = _script(f"{scenario}-bon.txt")
    but = attendu(f"{scenario}-bon.txt", "entente")
    resultats = [_jouer(scenario, g, lignes).resultat for g in range(1, 11)]
    assert resultats.count(but) >= 8, resultats


@pytest.mark.parametrize("scenario", IDS)
def test_apprenant_abusif_se_fait_raccrocher_au_nez(scenario: str) -> None:
    lignes = _script(f"{scenario}-abusif.txt")
    but = attendu(f"{scenario}-abusif.txt", "raccroche")
    for g in range(1, 11):
        s = _jouer(scenario, g, lignes)
        assert s.resultat == but, (g, [t.analyse.acte for t in s.tours])
        assert any(t.analyse.infractions for t in s.tours)


def test_graines_differentes_debiteurs_differents() -> None:
    lignes = _script("hydro-perte-emploi-bon.txt")
    noms = {_jouer("hydro-perte-emploi", g, lignes[:1]).personnage.nom_complet for g in range(10)}
    assert len(noms) >= 8


def test_transcription_ecrite_apres_chaque_tour(tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    moteur = moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml")
    session = Session(moteur, 3, transcription=chemin, apprenant="Julie")
    lignes = _script("hydro-perte-emploi-bon.txt")
    for k, texte in enumerate(lignes[:4], 1):
        session.jouer(texte)
        t = lire_transcription(chemin)  # lu pendant que la session est ouverte
        assert len(t.tours) == k
        assert t.tours[-1]["apprenant"] == texte
    session.abandonner()
    t = lire_transcription(chemin)
    assert t.fin and t.fin["resultat"] == "abandon"
    assert t.entete["personnage"]["nom"] == session.personnage.nom
    assert t.entete["scenario"]["empreinte"] == moteur.charge.empreinte
    # Chaînage : chaque ligne porte l'empreinte de la précédente.
    for avant, apres in zip(t.lignes, t.lignes[1:], strict=False):
        assert json.loads(apres)["precedent"] == empreinte_ligne(avant)


@pytest.mark.parametrize("scenario", IDS)
@pytest.mark.parametrize("sorte", ["bon", "abusif"])
def test_relecture_exacte(scenario: str, sorte: str, tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    _jouer(scenario, 5, _script(f"{scenario}-{sorte}.txt"), chemin)
    resultat = rejouer(lire_transcription(chemin))
    assert resultat.exacte, resultat.divergence


def test_relecture_detecte_une_reponse_modifiee(tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    _jouer("hydro-perte-emploi", 5, _script("hydro-perte-emploi-bon.txt"), chemin)
    lignes = chemin.read_text(encoding="utf-8").splitlines()
    ev = json.loads(lignes[2])
    ev["debiteur"]["texte"] = "Je paie tout demain."
    lignes[2] = json.dumps(ev, ensure_ascii=False)
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    resultat = rejouer(lire_transcription(chemin))
    assert resultat.divergence and resultat.divergence.tour == 2
    assert resultat.divergence.champ == "debiteur"


def test_transcription_derniere_ligne_tronquee(tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    _jouer("hydro-perte-emploi", 5, _script("hydro-perte-emploi-bon.txt")[:3], chemin)
    texte = chemin.read_text(encoding="utf-8")
    chemin.write_text(texte[:-40], encoding="utf-8")  # arrêt brutal au milieu d'une ligne
    t = lire_transcription(chemin)
    assert t.tronquee and len(t.tours) == 3 and t.fin is None


def test_plus_de_replique_apres_la_fin() -> None:
    s = _jouer("hydro-perte-emploi", 1, _script("hydro-perte-emploi-abusif.txt"))
    with pytest.raises(SessionTerminee):
        s.jouer("Allô ?")


def test_machine_partagee_sans_transitions_automatiques() -> None:
    moteur = moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml")
    a, b = Session(moteur, 1), Session(moteur, 2)
    assert a.moteur.machine is b.moteur.machine
    assert not any(n.startswith("to_") for n in moteur.machine.events)
    assert not hasattr(a.modele, "to_accord")
    for ev in moteur.machine.events.values():
        for liste in ev.transitions.values():
            for tr in liste:
                assert all(callable(c.func) for c in tr.conditions)
    a.abandonner()
    b.abandonner()


@pytest.mark.parametrize(
    "texte",
    [
        "",
        "[bold]gras[/]",
        "\x1b[31mrouge\x00\x07",
        "x" * 100_000,
        "👨‍👩‍👧 ￿ \u202e",
        "[@click=app.quit]",
    ],
)
def test_entrees_bizarres(texte: str, tmp_path: Path) -> None:
    chemin = tmp_path / "t.jsonl"
    s = Session(moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml"), 1, transcription=chemin)
    tour = s.jouer(texte)
    assert tour.replique.texte
    s.abandonner()
    assert lire_transcription(chemin).tours[0]["apprenant"] == texte


def test_reprise_apres_interruption_meme_resultat(tmp_path: Path) -> None:
    lignes = _script("hydro-perte-emploi-bon.txt")
    complet = _jouer("hydro-perte-emploi", 9, lignes)
    chemin = tmp_path / "t.jsonl"
    moteur = moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml")
    interrompue = Session(moteur, 9, transcription=chemin)
    for texte in lignes[:4]:
        interrompue.jouer(texte)
    interrompue.fermer()  # comme un arrêt brutal : pas d'événement de fin
    reprise = Session.reprendre(chemin)
    assert len(reprise.tours) == 4
    for texte in lignes[4:]:
        if reprise.terminee:
            break
        reprise.jouer(texte)
    reprise.fermer()
    assert _resume(reprise) == _resume(complet)
    t = lire_transcription(chemin)
    assert [x["tour"] for x in t.tours] == list(range(1, len(complet.tours) + 1))
    assert rejouer(t).exacte


def test_note_de_dossier_apres_la_fin(tmp_path: Path) -> None:
    import datetime as dt

    chemin = tmp_path / "t.jsonl"
    s = Session(moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml"), 3, transcription=chemin)
    for texte in _script("hydro-perte-emploi-bon.txt"):
        if s.terminee:
            break
        s.jouer(texte)
    s.noter_dossier("Entente 75 $/mois", echeancier={"montant": 75}, suivi=dt.date(2026, 4, 2))
    s.fermer()
    derniere = json.loads(chemin.read_text(encoding="utf-8").splitlines()[-1])
    assert derniere["type"] == "note_dossier" and derniere["suivi"] == "2026-04-02"
