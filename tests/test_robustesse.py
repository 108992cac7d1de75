"""Tests par propriétés : fichiers cassés au hasard, textes quelconques, jamais de trace Python.

Le nombre d'exemples se règle par SIMULATEUR_FUZZ (défaut 60 ; la CI l'exécute).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulateur.comprehension.analyseur import Analyseur
from simulateur.integrite import verifier_integrite
from simulateur.scenarios.chargement import charger_texte
from simulateur.scenarios.erreurs import ScenarioInvalide
from simulateur.scenarios.moteur import moteur_pour
from simulateur.session import Session
from simulateur.transcription import lire_transcription
from tests.conftest import SCENARIOS

EXEMPLES = int(os.environ.get("SIMULATEUR_FUZZ", "60"))
REGLAGES = settings(
    max_examples=EXEMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
BASE = (SCENARIOS / "hydro-perte-emploi.yaml").read_text(encoding="utf-8")
LIGNES = BASE.splitlines(keepends=True)


@st.composite
def mutations(draw: st.DrawFn) -> str:
    """Une à trois retouches typiques d'un formateur : suppression, insertion, doublon, indentation."""
    lignes = list(LIGNES)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lignes) - 1))
        sorte = draw(
            st.sampled_from(["supprimer", "inserer", "doubler", "indenter", "couper", "remplacer"])
        )
        if sorte == "supprimer":
            del lignes[i]
        elif sorte == "inserer":
            lignes.insert(i, draw(st.text(max_size=40)) + "\n")
        elif sorte == "doubler":
            lignes.insert(i, lignes[i])
        elif sorte == "indenter":
            lignes[i] = " " * draw(st.integers(1, 5)) + lignes[i]
        elif sorte == "couper":
            j = draw(st.integers(0, max(0, len(lignes[i]) - 1)))
            lignes[i] = lignes[i][:j] + "\n"
        else:
            mot = draw(
                st.sampled_from(
                    [
                        "acte",
                        "vers",
                        "de",
                        "si",
                        "texte",
                        "id",
                        "montant",
                        "{{",
                        "}}",
                        ":",
                        "- ",
                        "[",
                        "'",
                        '"',
                        "\t",
                    ]
                )
            )
            j = draw(st.integers(0, max(0, len(lignes[i]) - 1)))
            lignes[i] = lignes[i][:j] + mot + lignes[i][j:]
        if not lignes:
            lignes = ["\n"]
    return "".join(lignes)


@REGLAGES
@given(mutations())
def test_scenario_mute_erreur_positionnee_jamais_de_trace(texte: str) -> None:
    nb_lignes = texte.count("\n") + 2
    try:
        charger_texte(texte, "mute.yaml")
    except ScenarioInvalide as e:
        assert e.erreurs
        for err in e.erreurs:
            assert err.fichier == "mute.yaml"
            assert 1 <= err.ligne <= nb_lignes and err.colonne >= 1
            assert err.message and "Traceback" not in err.message


TEXTES = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
    st.sampled_from(
        ["[bold]", "[/]", "[@click=app.quit]", "[50%]", "\x1b[2J", "\x00", "\u202e", "{{ 7*7 }}"]
    ),
    st.builds(
        lambda n, c: c * n, st.integers(1000, 100_000), st.sampled_from(["x", "é", "$", " "])
    ),
)


@REGLAGES
@given(TEXTES)
def test_analyse_de_n_importe_quel_texte(texte: str) -> None:
    a = Analyseur().analyser(texte, "qc")
    assert a.texte == texte and a.langue in ("fr", "en") and 0.0 <= a.confiance <= 1.0


@REGLAGES
@given(st.lists(TEXTES, min_size=1, max_size=6))
def test_session_et_transcription_valides_quoi_qu_on_tape(
    tmp_path_factory, lignes: list[str]
) -> None:  # type: ignore[no-untyped-def]
    chemin: Path = tmp_path_factory.mktemp("fuzz") / "t.jsonl"
    s = Session(moteur_pour(SCENARIOS / "hydro-perte-emploi.yaml"), 1, transcription=chemin)
    for texte in lignes:
        if s.terminee:
            break
        tour = s.jouer(texte)
        assert tour.replique.texte
    s.abandonner()
    s.fermer()
    t = lire_transcription(chemin)
    assert [x["apprenant"] for x in t.tours] == lignes[: len(t.tours)]
    assert verifier_integrite(chemin) == []


APP_EXEMPLES = max(3, EXEMPLES // 10)  # chaque exemple démarre une application : on en fait moins


@settings(max_examples=APP_EXEMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(TEXTES, min_size=1, max_size=3))
def test_application_quoi_qu_on_tape(tmp_path_factory, lignes: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Dans l'application : la réplique s'affiche telle quelle, l'appel continue, la transcription est valide."""
    import asyncio

    from simulateur.interface.composants.fil import Replique
    from simulateur.interface.composants.texte import visible
    from tests.interface_outils import app_de_test, ouvrir_scenario

    donnees: Path = tmp_path_factory.mktemp("app") / "donnees"

    async def parcours() -> None:
        app = app_de_test(donnees)
        async with app.run_test(size=(80, 24)) as pilot:
            await ouvrir_scenario(pilot, "hydro-perte-emploi")
            for texte in lignes:
                if app.screen.session.terminee:  # type: ignore[attr-defined]
                    break
                app.screen.envoyer(texte)  # type: ignore[attr-defined]
                await pilot.pause()
                affichee = [r for r in app.screen.query(Replique) if r.qui == "apprenant"][-1]
                assert visible(texte) in str(affichee.render())
            assert app.is_running

    asyncio.run(parcours())
    (chemin,) = list(donnees.rglob("*.jsonl"))
    t = lire_transcription(chemin)
    assert [x["apprenant"] for x in t.tours] == lignes[: len(t.tours)]
    assert verifier_integrite(chemin) == []
