"""Outils du formateur : analyse statique, graphe, schéma JSON, tests de scénario, gabarit, guide."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from simulateur.cli import main
from simulateur.personnages.cles import CLES, SITUATIONS
from simulateur.scenarios.analyse_statique import MASQUES, PRODUCTEURS
from simulateur.scenarios.chargement import charger_scenario, charger_texte
from simulateur.scenarios.moteur import moteur_pour
from simulateur.scenarios.schema_json import (
    CHEMIN_SCHEMA,
    blocs_guide,
    cles_sans_description,
    modeles_non_documentes,
    schema_json,
    texte_schema,
)
from simulateur.scenarios.tests_scenario import Attendu, AttenteTour, Cas, FichierTest, Notes
from simulateur.scenarios.yaml_positions import charger_yaml
from simulateur.session import Session
from tests.conftest import RACINE, SCENARIOS

GUIDE = RACINE / "docs" / "guide-formateur.md"
TESTS_SCENARIOS = RACINE / "tests" / "scenarios"
IDS = sorted(p.stem for p in SCENARIOS.glob("*.yaml"))
LIGNE_SCHEMA = "# yaml-language-server: $schema=../schema/scenario.schema.json"


def _blocs_du_guide() -> dict[str, str]:
    """Les fichiers complets de l'exemple du guide, par chemin."""
    texte = GUIDE.read_text(encoding="utf-8")
    return dict(re.findall(r"<!-- fichier: (\S+) -->\n```yaml\n(.*?)```", texte, re.S))


EXEMPLE = _blocs_du_guide()["scenarios/garage-separation.yaml"]


def _avertissements(texte: str) -> list[str]:
    return [str(a) for a in charger_texte(texte, "s.yaml").avertissements]


def _ligne_de(texte: str, fragment: str, apres: int = 0) -> int:
    return next(i for i, x in enumerate(texte.splitlines(), 1) if fragment in x and i > apres)


def _lancer(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    sortie = capsys.readouterr()
    return code, sortie.out, sortie.err


# -- analyse statique ------------------------------------------------------------------
def test_exemple_du_guide_sans_avertissement() -> None:
    assert _avertissements(EXEMPLE) == []


def test_impasse_phase_sans_sortie() -> None:
    texte = EXEMPLE.replace(
        "  accord:\n    description:",
        "  attente:\n    description: Le débiteur cherche ses papiers.\n  accord:\n    description:",
    ).replace(
        "transitions:\n",
        "transitions:\n  - {de: exploration, acte: autre, vers: attente}\n",
    )
    (avert,) = _avertissements(texte)
    assert avert.startswith(f"s.yaml:{_ligne_de(texte, '  attente:')}:3: avertissement : impasse")
    assert "aucune transition ne sort de la phase « attente »" in avert


def test_impasse_sans_fin_atteignable() -> None:
    texte = EXEMPLE.replace(
        "  accord:\n    description:",
        "  a:\n    description: x\n  b:\n    description: y\n  accord:\n    description:",
    ).replace(
        "transitions:\n",
        "transitions:\n  - {de: exploration, acte: autre, vers: a}\n"
        "  - {de: a, acte: autre, vers: b}\n  - {de: b, acte: autre, vers: a}\n",
    )
    avertis = _avertissements(texte)
    assert sum("aucune fin n'est atteignable depuis la phase" in a for a in avertis) == 2


def test_fin_jamais_atteinte() -> None:
    texte = EXEMPLE.replace(
        "  sans_entente:\n    resultat: refus",
        "  rappel:\n    resultat: rappel\n  sans_entente:\n    resultat: refus",
    )
    (avert,) = _avertissements(texte)
    assert (
        f":{_ligne_de(texte, '  rappel:')}:" in avert and "fin « rappel » jamais atteinte" in avert
    )


def test_transition_toujours_devancee() -> None:
    texte = EXEMPLE.replace(
        "  - {de: identification, acte: objet_appel, vers: exploration}\n",
        "  - {de: identification, acte: objet_appel, vers: exploration}\n"
        "  - {de: identification, acte: objet_appel, vers: negociation}\n",
    )
    (avert,) = _avertissements(texte)
    assert "transition n° 3 jamais franchie" in avert and "n° 2" in avert


@pytest.mark.parametrize(
    ("ajout", "raison"),
    [
        ("      confirmation_entente:\n        - Oui.\n", "clé plus précise"),
        ("      decroche:\n        - Allô ?\n", "n'est cherchée que dans la phase initiale"),
        ("      bascule_langue:\n        - OK.\n", "pas de bascule de langue"),
        ("      demande_paiement:\n        - Non.\n", "paiement_integral_accepte"),
    ],
)
def test_repliques_jamais_employees(ajout: str, raison: str) -> None:
    texte = EXEMPLE.replace(
        "    repliques:\n      budget_refus:", "    repliques:\n" + ajout + "      budget_refus:"
    )
    (avert,) = _avertissements(texte)
    cle = ajout.split(":")[0].strip()
    assert f"répliques « {cle} » de la phase « exploration » jamais employées" in avert
    assert raison in avert
    ligne = _ligne_de(texte, ajout.splitlines()[0], _ligne_de(texte, "  exploration:"))
    assert f":{ligne}:7:" in avert


def test_repliques_masquees_par_la_phase_d_arrivee() -> None:
    # Des répliques « objet_appel » dans « exploration » répondent avant celles
    # d'« ouverture » et d'« identification », d'où l'on arrive toujours là.
    texte = EXEMPLE.replace(
        "    repliques:\n      budget_refus:",
        "    repliques:\n      objet_appel:\n        - Oui, je sais.\n      budget_refus:",
    )
    avertis = _avertissements(texte)
    assert len(avertis) == 2
    assert all("« objet_appel »" in a and "passe toujours en « exploration »" in a for a in avertis)
    # Une variante conditionnelle ne répond pas toujours : plus d'avertissement.
    conditionnel = texte.replace(
        "        - Oui, je sais.\n",
        "        - texte: Oui, je sais.\n          si: {identite_verifiee: true}\n",
    )
    assert _avertissements(conditionnel) == []


def test_fait_revele_sans_fait() -> None:
    texte = re.sub(r"  faits:\n(    .*\n|      .*\n|        .*\n)+", "", EXEMPLE)
    texte = texte.replace(
        "repliques:\n      budget_refus:",
        "repliques:\n      fait_revele:\n        - Bon.\n      budget_refus:",
    )
    (avert,) = _avertissements(texte)
    assert "aucun fait à révéler" in avert


def test_phase_sans_replique_propre_a_la_sortie() -> None:
    texte = re.sub(
        r"  identification:\n    description: (.*)\n    repliques:\n(      .*\n|        .*\n|          .*\n|            .*\n)+",
        r"  identification:\n    description: \1\n",
        EXEMPLE,
    )
    (avert,) = _avertissements(texte)
    assert (
        "phase « identification » : aucune réplique propre" in avert and "« objet_appel »" in avert
    )


def test_table_des_producteurs_conforme_au_comportement() -> None:
    """Les clés que produit le comportement confirment PRODUCTEURS et MASQUES."""
    vues = 0
    for f in sorted(TESTS_SCENARIOS.glob("*.test.yaml")):
        donnees, _ = charger_yaml(f.read_text(encoding="utf-8"))
        moteur = moteur_pour(SCENARIOS / f"{donnees['scenario']}.yaml")
        for cas in donnees["cas"]:
            session = Session(moteur, 1)
            for tour in cas["tours"]:
                if session.terminee:
                    break
                t = session.jouer(tour if isinstance(tour, str) else tour["apprenant"])
                cles = t.reaction.get("cles", [])
                for cle in cles:
                    if cle in SITUATIONS:
                        assert t.analyse.acte in PRODUCTEURS[cle], (cle, t.analyse.acte)
                        vues += 1
                if t.analyse.acte in MASQUES:
                    assert set(cles) & set(MASQUES[t.analyse.acte]), (t.analyse.acte, cles)
    assert vues > 50


def test_valider_affiche_les_avertissements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fichier = tmp_path / "s.yaml"
    fichier.write_text(
        EXEMPLE.replace(
            "repliques:\n      budget_refus:",
            "repliques:\n      decroche:\n        - Allô ?\n      budget_refus:",
        ),
        encoding="utf-8",
    )
    code, out, err = _lancer(capsys, "valider", str(fichier))
    assert code == 0 and "(1 avertissement)" in out
    assert re.search(r"s\.yaml:\d+:\d+: avertissement : répliques « decroche »", err)


# -- graphe ----------------------------------------------------------------------------
_ARETE = re.compile(r"^  (\w+|\[\*\]) --> (\w+|\[\*\])(: [^;#\n]+)?$")


@pytest.mark.parametrize("scenario", IDS)
def test_graphe_mermaid_de_chaque_scenario(scenario: str) -> None:
    from simulateur.cli.graphe import mermaid

    s = charger_scenario(SCENARIOS / f"{scenario}.yaml").scenario
    texte = mermaid(s)
    lignes = texte.splitlines()
    assert lignes[0] == "stateDiagram-v2"
    declares = dict(re.findall(r'^  state "([^"\n]+)" as (\w+)$', texte, re.M))
    noms = {libelle.split(" (")[0] for libelle in declares}
    assert set(s.phases) | set(s.fins) | {"raccroche"} <= noms
    ids = set(declares.values())
    aretes = [x for x in lignes if "-->" in x]
    assert f"  [*] --> {s.etat_initial}" in aretes
    for x in aretes:
        m = _ARETE.match(x)
        assert m, x
        assert {m.group(1), m.group(2)} - {"[*]"} <= ids, x
    for fin in [*s.fins, "raccroche"]:
        assert f"  {fin} --> [*]" in aretes
    assert len(aretes) > len(s.phases)


def test_graphe_noms_non_mermaid_et_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texte = EXEMPLE.replace("negociation", "nego-ciation")
    fichier = tmp_path / "g.yaml"
    fichier.write_text(texte, encoding="utf-8")
    sortie = tmp_path / "g.mmd"
    code, _, err = _lancer(capsys, "graphe", str(fichier), "--sortie", str(sortie))
    assert code == 0 and "Graphe écrit" in err
    graphe = sortie.read_text(encoding="utf-8")
    assert re.search(r'state "nego-ciation" as etat_\d+', graphe)
    assert "nego-ciation -->" not in graphe and "[offre acceptee]" in graphe
    code, out, _ = _lancer(capsys, "graphe", "hydro-perte-emploi")
    assert code == 0 and out.startswith("stateDiagram-v2")
    fichier.write_text(EXEMPLE.replace("devise: CAD", "devise: USD"), encoding="utf-8")
    code, _, err = _lancer(capsys, "graphe", str(fichier))
    assert code == 2 and "« devise »" in err and "Traceback" not in err


# -- schéma JSON -----------------------------------------------------------------------
def _json(x: Any) -> Any:
    if isinstance(x, dict):
        return {k: _json(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_json(v) for v in x]
    if isinstance(x, dt.date | dt.time):
        return x.isoformat()
    return x


@pytest.fixture(scope="module")
def validateur() -> jsonschema.Draft202012Validator:
    schema = schema_json()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _donnees(texte: str) -> Any:
    return _json(charger_yaml(texte)[0])


def test_schema_livre_a_jour() -> None:
    livre = RACINE / CHEMIN_SCHEMA
    assert livre.read_text(encoding="utf-8") == texte_schema(), (
        "schema/scenario.schema.json n'est plus à jour : "
        "simulateur schema --sortie schema/scenario.schema.json"
    )


@pytest.mark.parametrize("scenario", IDS)
def test_schema_valide_chaque_scenario(
    scenario: str, validateur: jsonschema.Draft202012Validator
) -> None:
    fichier = SCENARIOS / f"{scenario}.yaml"
    texte = fichier.read_text(encoding="utf-8")
    erreurs = [f"{list(e.path)} : {e.message}" for e in validateur.iter_errors(_donnees(texte))]
    assert not erreurs, erreurs
    assert texte.splitlines()[0] == LIGNE_SCHEMA
    assert (fichier.parent / "../schema/scenario.schema.json").resolve().is_file()


@pytest.mark.parametrize(
    ("avant", "apres"),
    [
        ("\ntitre:", "\ntitr:"),
        ("devise: CAD", "devise: USD"),
        ("montant: 1460", "montant: beaucoup"),
        ('heure: "10:30"', 'heure: "10h30"'),
        ("confiance: [0.35, 0.5]", "confiance: [0.35, 5]"),
        ("acte: verification_identite", "acte: verificaton_identite"),
        ("      identite_confirmee:", "      identite_confirme:"),
        ("id: garage-separation", "id: Garage Séparation"),
        ("etat_initial: ouverture\n", ""),
    ],
)
def test_schema_rejette_un_scenario_casse(
    avant: str, apres: str, validateur: jsonschema.Draft202012Validator
) -> None:
    assert not list(validateur.iter_errors(_donnees(EXEMPLE)))
    assert avant in EXEMPLE
    assert list(validateur.iter_errors(_donnees(EXEMPLE.replace(avant, apres, 1))))


def test_schema_plage_et_replique_simple(validateur: jsonschema.Draft202012Validator) -> None:
    # Un nombre seul vaut une plage ; une réplique peut être un simple texte.
    texte = EXEMPLE.replace("patience: [0.7, 0.85]", "patience: 0.8")
    assert not list(validateur.iter_errors(_donnees(texte)))
    assert charger_texte(texte).scenario.personnage.patience == (0.8, 0.8)


def test_chaque_cle_du_schema_est_documentee() -> None:
    assert cles_sans_description() == []
    assert modeles_non_documentes() == []
    schema = schema_json()
    for definition in [schema, *schema["$defs"].values()]:
        for cle, prop in definition.get("properties", {}).items():
            assert prop.get("description"), cle


def test_commande_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cible = tmp_path / "schema" / "s.json"
    code, _, err = _lancer(capsys, "schema", "--sortie", str(cible))
    assert code == 0 and "Schéma écrit" in err
    assert json.loads(cible.read_text(encoding="utf-8"))["title"].startswith("Scénario")
    code, out, _ = _lancer(capsys, "schema")
    assert code == 0 and json.loads(out)["$defs"]["Transition"]


# -- tests de scénario -----------------------------------------------------------------
FICHIERS_TEST = sorted(TESTS_SCENARIOS.glob("*.test.yaml"))


@pytest.mark.parametrize("fichier", FICHIERS_TEST, ids=lambda f: f.name)
def test_tester_chaque_fichier(fichier: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _lancer(capsys, "tester", str(fichier))
    assert code == 0, out + err
    assert "0 en échec" in out


@pytest.mark.parametrize("scenario", IDS)
def test_chaque_scenario_a_son_test_aux_issues_differentes(scenario: str) -> None:
    fichier = TESTS_SCENARIOS / f"{scenario}.test.yaml"
    assert fichier.is_file(), f"{fichier} manque (voir docs/guide-formateur.md, partie 7)"
    donnees, _ = charger_yaml(fichier.read_text(encoding="utf-8"))
    resultats = {c.get("attendu", {}).get("resultat") for c in donnees["cas"]} - {None}
    assert len(resultats) >= 2, resultats


def test_tester_sans_argument(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(RACINE)
    code, out, err = _lancer(capsys, "tester")
    assert code == 0, out + err
    assert " 0 en échec" in out
    assert out.count("(scénario ") == len(list(TESTS_SCENARIOS.glob("*.test.yaml")))


def _test_exemple(tmp_path: Path) -> Path:
    """Le dossier de l'exemple du guide, prêt à tester."""
    for chemin, texte in _blocs_du_guide().items():
        cible = tmp_path / chemin
        cible.parent.mkdir(parents=True, exist_ok=True)
        cible.write_text(texte, encoding="utf-8")
    return tmp_path / "tests" / "scenarios" / "garage-separation.test.yaml"


def test_tester_montre_les_ecarts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    test = _test_exemple(tmp_path)
    texte = test.read_text(encoding="utf-8")
    texte = texte.replace(
        "phases: [ouverture, identification, exploration, accord, entente]",
        "phases: [ouverture, identification, exploration, negociation, accord, entente]",
    )
    texte = texte.replace("        cle: fait_revele", "        cle: budget_revenu")
    texte = texte.replace("globale: [70, 100]", "globale: [99, 100]")
    test.write_text(texte, encoding="utf-8")
    code, out, _ = _lancer(capsys, "tester", str(test))
    assert code == 1
    assert "ÉCHEC" in out and "« apprenant compétent » (graine 1)" in out
    assert "attendu : ouverture → identification → exploration → negociation" in out
    assert "obtenu  : ouverture → identification → exploration → accord → entente" in out
    assert "tour 4, clé : attendu « budget_revenu », obtenu « fait_revele »" in out
    assert "note globale :" in out and "attendu : [99, 100]" in out
    assert re.search(r"✗ +4  question_ouverte", out)
    assert "2 réussis, 1 en échec" in out


@pytest.mark.parametrize(
    ("avant", "apres", "message"),
    [
        ("\ncas:", "\ncass:", "clé inconnue « cass » (vouliez-vous dire « cas » ?)"),
        (
            "        phase: identification",
            "        phse: identification",
            "clé inconnue « phse » (vouliez-vous dire « phase » ?)",
        ),
        (
            "        phase: identification",
            "        phase: identificaton",
            "phase ou fin inconnue du scénario : « identificaton » (vouliez-vous dire « identification » ?)",
        ),
        (
            "replique: identification.objet.1",
            "replique: identification.objet.9",
            "id de réplique inconnu du scénario : « identification.objet.9 »",
        ),
        (
            "resultat: raccroche",
            "resultat: orientation",
            "aucune fin du scénario n'a le résultat « orientation »",
        ),
        (
            "scenario: garage-separation",
            "scenario: garage-separatio",
            "scénario « garage-separatio » introuvable",
        ),
        (
            '      - "Donc, pour confirmer : 125',
            "      - Donc, pour confirmer : 125",
            "contient « : »",
        ),
        ("globale: [0, 30]", "globale: [0, 300]", "les notes vont de 0 à 100"),
        (
            "        acte: objet_appel",
            "        acte: objet_apel",
            "acte inconnu « objet_apel » (vouliez-vous dire « objet_appel » ?)",
        ),
    ],
)
def test_fichier_de_test_invalide(
    avant: str, apres: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    test = _test_exemple(tmp_path)
    texte = test.read_text(encoding="utf-8")
    assert avant in texte
    casse = texte.replace(avant, apres, 1)
    test.write_text(casse, encoding="utf-8")
    code, _, err = _lancer(capsys, "tester", str(test))
    assert code == 2
    assert message in err
    ligne = _ligne_de(casse, apres.strip().split("\n")[-1]) if apres.strip() else 1
    assert re.search(rf"garage-separation\.test\.yaml:{ligne}:\d+: ", err), err
    assert "Traceback" not in err


def test_modeles_de_test_documentes_dans_le_guide() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for modele in (FichierTest, Cas, AttenteTour, Attendu, Notes):
        for cle in modele.model_fields:
            assert f"`{cle}`" in guide, cle


# -- nouveau ---------------------------------------------------------------------------
@pytest.mark.parametrize("juridiction", ["qc", "fr"])
def test_nouveau_valide_et_teste(
    juridiction: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = _lancer(capsys, "nouveau", "mon-essai", "--juridiction", juridiction)
    assert code == 0 and "Scénario créé : scenarios/mon-essai.yaml" in out
    scenario = tmp_path / "scenarios" / "mon-essai.yaml"
    assert scenario.read_text(encoding="utf-8").splitlines()[0] == LIGNE_SCHEMA
    assert (tmp_path / CHEMIN_SCHEMA).read_text(encoding="utf-8") == texte_schema()
    charge = charger_scenario(scenario)
    assert charge.avertissements == () and charge.scenario.juridiction == juridiction
    code, out, err = _lancer(capsys, "tester")
    assert code == 0, out + err
    assert "2 réussis, 0 en échec" in out
    # Jamais d'écrasement.
    avant = scenario.read_text(encoding="utf-8")
    code, _, err = _lancer(capsys, "nouveau", "mon-essai")
    assert code == 2 and "existe déjà" in err
    assert scenario.read_text(encoding="utf-8") == avant


@pytest.mark.parametrize("id_", ["Mon Essai", "essai!", "_essai", "prêt"])
def test_nouveau_refuse_un_id_invalide(
    id_: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _lancer(capsys, "nouveau", id_)
    assert code == 2 and "identifiant invalide" in err
    assert not any(tmp_path.iterdir())


def test_nouveau_dossiers_au_choix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = _lancer(
        capsys, "nouveau", "ailleurs", "--dossier", "cours/mes-appels", "--tests", "verifs"
    )
    assert code == 0
    test = (tmp_path / "verifs" / "ailleurs.test.yaml").read_text(encoding="utf-8")
    assert "scenario: ../cours/mes-appels/ailleurs.yaml" in test
    code, out, err = _lancer(capsys, "tester", "verifs")
    assert code == 0, out + err


# -- guide -----------------------------------------------------------------------------
def test_guide_tableaux_generes_a_jour() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    for nom, contenu in blocs_guide().items():
        attendu = f"<!-- debut:{nom} -->\n\n{contenu}\n<!-- fin:{nom} -->"
        assert attendu in guide, (
            f"le tableau « {nom} » du guide n'est plus à jour : "
            "simulateur schema --guide docs/guide-formateur.md"
        )


def test_guide_mentionne_chaque_cle() -> None:
    from simulateur.scenarios import schema as modeles
    from simulateur.scenarios.schema_json import SECTIONS

    guide = GUIDE.read_text(encoding="utf-8")
    for nom in SECTIONS:
        for champ, info in getattr(modeles, nom).model_fields.items():
            assert f"`{info.alias or champ}`" in guide, f"{nom}.{champ}"
    for cle in CLES:
        assert f"`{cle}`" in guide, cle
    for commande in ("nouveau", "valider", "graphe", "schema", "tester"):
        assert f"### `simulateur {commande}" in guide, commande
    for filtre in ("| argent }}", "| date }}"):
        assert filtre in guide


def test_exemple_du_guide_suivi_a_la_lettre(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = _lancer(capsys, "nouveau", "garage-separation")
    assert code == 0
    _test_exemple(tmp_path)
    code, out, err = _lancer(capsys, "valider", "scenarios/garage-separation.yaml")
    assert code == 0 and out.strip() == "scenarios/garage-separation.yaml : valide", err
    code, out, err = _lancer(capsys, "tester")
    assert code == 0, out + err
    guide = GUIDE.read_text(encoding="utf-8")
    assert out.strip() in guide  # la sortie montrée en 2.10 est la vraie


def test_erreur_montree_par_le_guide_est_la_vraie(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "scenarios").mkdir()
    casse = EXEMPLE.replace("acte: verification_identite", "acte: verificaton_identite", 1)
    (tmp_path / "scenarios" / "garage-separation.yaml").write_text(casse, encoding="utf-8")
    code, _, err = _lancer(capsys, "valider", "scenarios/garage-separation.yaml")
    assert code == 2
    assert err.strip() in GUIDE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("avant", "apres"),
    [
        ("\ntitre:", "\ntitr:"),
        ("devise: CAD", "devise: USD"),
        ("montant: 1460", "montant: 1 460 $"),
        ('heure: "10:30"', "heure: 10h30"),
        ("revenu_net: [2300, 2600]", "revenu_net: [2600, 2300]"),
        ("confiance: [0.35, 0.5]", "confiance: [35, 50]"),
        ("      identite_confirmee:", "      identite_confirme:"),
        ("    vers: negociation\n  - de: accord", "    vers: negocation\n  - de: accord"),
        ("etat_initial: ouverture", "etat_initial: ouvertur"),
        ("{{ dossier.montant | argent }}. Je", "{{ dossier.montan | argent }}. Je"),
        (
            "{{ offre.montant | argent }} {{ offre.frequence }}, avec",
            "{{ montant | argent }} {{ offre.frequence }}, avec",
        ),
        ("  ligne: domicile", "\tligne: domicile"),
        ("    - id: pension", "    - id: separation"),
        ("        - Oui, allô ?", "        - Oui : allô ?"),
    ],
)
def test_guide_explique_les_erreurs(avant: str, apres: str) -> None:
    """Chaque erreur courante a sa ligne dans la partie 8 du guide."""
    from simulateur.scenarios.erreurs import ScenarioInvalide

    assert avant in EXEMPLE
    with pytest.raises(ScenarioInvalide) as exc:
        charger_texte(EXEMPLE.replace(avant, apres, 1), "s.yaml")

    def forme(texte: str) -> str:
        return re.sub(r"« [^»]* »", "«»", texte)

    guide = forme(GUIDE.read_text(encoding="utf-8"))
    for err in exc.value.erreurs:
        if err.gravite == "erreur":
            message = forme(err.message).split(" ; ")[0].split(" (vouliez")[0]
            assert message in guide, err.message
