"""Un scénario cassé est signalé fichier:ligne:colonne, toutes les erreurs d'un coup."""

from __future__ import annotations

from pathlib import Path

import pytest

from simulateur.scenarios.chargement import charger_scenario, charger_texte
from simulateur.scenarios.erreurs import ScenarioInvalide
from tests.conftest import SCENARIOS

BASE = (SCENARIOS / "hydro-perte-emploi.yaml").read_text(encoding="utf-8")


def _ligne_de(texte: str, fragment: str) -> int:
    for i, ligne in enumerate(texte.splitlines(), 1):
        if fragment in ligne:
            return i
    raise AssertionError(fragment)


def _erreurs(texte: str) -> list[str]:
    with pytest.raises(ScenarioInvalide) as exc:
        charger_texte(texte, "s.yaml")
    return [str(e) for e in exc.value.erreurs if e.gravite == "erreur"]


def test_scenarios_livres_valides() -> None:
    for f in sorted(SCENARIOS.glob("*.yaml")):
        charge = charger_scenario(f)
        assert charge.scenario.id == f.stem


def test_syntaxe_yaml_positionnee() -> None:
    texte = BASE.replace("titre: Facture", 'titre: "Facture', 1)
    (err,) = _erreurs(texte)
    assert err.startswith("s.yaml:") and err.count(":") >= 3
    ligne = int(err.split(":")[1])
    assert ligne >= _ligne_de(texte, 'titre: "Facture')


def test_cle_inconnue_avec_suggestion() -> None:
    texte = BASE.replace("\ntitre:", "\ntitr:", 1)
    erreurs = _erreurs(texte)
    n = _ligne_de(texte, "titr:")
    assert f"s.yaml:{n}:1: clé inconnue « titr » (vouliez-vous dire « titre » ?)" in erreurs
    assert any("clé obligatoire « titre » absente" in e for e in erreurs)


def test_acte_et_phase_inconnus_toutes_les_erreurs() -> None:
    texte = BASE.replace(
        "{de: ouverture, acte: verification_identite, vers: identification}",
        "{de: ouverture, acte: verificaton_identite, vers: identificaton}",
    )
    n = _ligne_de(texte, "verificaton_identite")
    erreurs = _erreurs(texte)
    assert any(
        e.startswith(f"s.yaml:{n}:")
        and "acte inconnu « verificaton_identite » (vouliez-vous dire « verification_identite » ?)"
        in e
        for e in erreurs
    )
    assert any(
        e.startswith(f"s.yaml:{n}:")
        and "« identificaton » (vouliez-vous dire « identification »" in e
        for e in erreurs
    )


def test_gabarit_variable_inconnue() -> None:
    texte = BASE.replace(
        "chez {{ personnage.employeur }} en décembre", "chez {{ patron }} en décembre"
    )
    n = _ligne_de(texte, "{{ patron }}")
    (err,) = _erreurs(texte)
    assert err.startswith(f"s.yaml:{n}:")
    assert "variable inconnue « patron »" in err


def test_gabarit_attribut_inconnu_suggere() -> None:
    texte = BASE.replace(
        "chez {{ personnage.employeur }} en décembre", "chez {{ personnage.employer }} en décembre"
    )
    (err,) = _erreurs(texte)
    assert "attribut inconnu « employer » (vouliez-vous dire « employeur » ?)" in err


@pytest.mark.parametrize(
    "gabarit",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ personnage.__class__ }}",
        "{{ dossier.update({'montant': 0}) }}",
        "{{ cycler.__init__.__globals__ }}",
    ],
)
def test_gabarit_acces_interdit(gabarit: str) -> None:
    texte = BASE.replace(
        "texte: Recouvrement ? Euh… oui, c'est à quel sujet ?", f'texte: "{gabarit}"'
    )
    n = _ligne_de(texte, gabarit)
    (err,) = _erreurs(texte)
    assert err.startswith(f"s.yaml:{n}:"), err
    assert "gabarit" in err


def test_yaml_ne_construit_pas_d_objet() -> None:
    texte = BASE.replace(
        "titre: Facture", "titre: !!python/object/apply:os.system ['echo pwned']\nx: Facture", 1
    )
    erreurs = _erreurs(texte)
    assert any("titre" in e for e in erreurs)


def test_plusieurs_erreurs_d_un_coup_triees() -> None:
    texte = BASE.replace("devise: CAD", "devise: USD").replace('heure: "10:15"', 'heure: "25:99"')
    erreurs = _erreurs(texte)
    assert len(erreurs) == 2
    assert "« heure »" in erreurs[0] and "« devise »" in erreurs[1]


def test_fichier_absent_ou_binaire(tmp_path: Path) -> None:
    with pytest.raises(ScenarioInvalide, match="introuvable"):
        charger_scenario(tmp_path / "absent.yaml")
    binaire = tmp_path / "b.yaml"
    binaire.write_bytes(b"id: x\n\xff\xfe")
    with pytest.raises(ScenarioInvalide, match=r"b\.yaml:2:1: encodage invalide"):
        charger_scenario(binaire)


def test_document_qui_n_est_pas_une_table() -> None:
    assert "liste de clés" in _erreurs("- a\n- b\n")[0]


def test_erreurs_de_schema_et_croisees_ensemble() -> None:
    texte = BASE.replace("vers: identification}", "ver: identification}").replace(
        "acte: cloture", "acte: clotur"
    )
    erreurs = _erreurs(texte)
    assert any("clé inconnue « ver » (vouliez-vous dire « vers » ?)" in e for e in erreurs)
    assert any("acte inconnu « clotur » (vouliez-vous dire « cloture » ?)" in e for e in erreurs)
    lignes = [int(e.split(":")[1]) for e in erreurs]
    assert lignes == sorted(lignes)


def test_date_impossible_positionnee() -> None:
    texte = BASE.replace("echeance: 2026-01-15", "echeance: 2026-01-32")
    (err,) = _erreurs(texte)
    n = _ligne_de(texte, "2026-01-32")
    assert err.startswith(f"s.yaml:{n}:") and "date impossible « 2026-01-32 »" in err


def test_replique_avec_deux_points_non_citee() -> None:
    texte = BASE.replace(
        "texte: Recouvrement ? Euh… oui, c'est à quel sujet ?", "texte: x\n        - Oui : allô ?"
    )
    (err,) = _erreurs(texte)
    assert "mettez-la entre guillemets" in err and err.startswith(
        f"s.yaml:{_ligne_de(texte, 'Oui : allô')}:"
    )
