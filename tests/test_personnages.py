"""Personnages : déterministes par graine, vraisemblables, sérialisables."""

from __future__ import annotations

import re

import pytest

from simulateur.personnages.fournisseurs import INDICATIFS_QC
from simulateur.personnages.generation import generer_personnage
from simulateur.personnages.personnage import Personnage
from simulateur.scenarios.chargement import charger_scenario
from tests.conftest import SCENARIOS


def _scenario(nom: str = "hydro-perte-emploi"):
    return charger_scenario(SCENARIOS / f"{nom}.yaml").scenario


def test_meme_graine_meme_personnage() -> None:
    s = _scenario()
    assert generer_personnage(s, 42) == generer_personnage(s, 42)


def test_graines_differentes_personnages_differents() -> None:
    s = _scenario()
    personnages = [generer_personnage(s, g) for g in range(20)]
    assert len({p.nom_complet for p in personnages}) >= 15
    assert len({p.budget.revenu_net for p in personnages}) >= 10


def test_telephone_et_entreprise_quebecois() -> None:
    s = _scenario()
    for g in range(30):
        p = generer_personnage(s, g)
        m = re.fullmatch(r"(\d{3}) 555-01(\d{2})", p.telephone)
        assert m and m.group(1) in INDICATIFS_QC, p.telephone
        assert not re.search(r"\b(PLC|LLC|Inc|Ltd|Group)\b", p.entreprise), p.entreprise
        assert "x" not in p.telephone


def test_budget_dans_les_plages_du_scenario() -> None:
    s = _scenario()
    c = s.personnage
    for g in range(50):
        b = generer_personnage(s, g).budget
        assert c.revenu_net[0] - 10 <= b.revenu_net <= c.revenu_net[1] + 10
        assert c.depenses_fixes[0] - 10 <= b.depenses_fixes <= c.depenses_fixes[1] + 10
        assert b.capacite == max(0, b.revenu_net - b.depenses_fixes - b.paiements_autres_dettes)


def test_gabarits_du_personnage_rendus() -> None:
    p = generer_personnage(_scenario(), 3)
    assert p.employeur in p.situation
    assert "{{" not in p.situation
    assert all("{{" not in f.texte for f in p.faits)


def test_aller_retour_dict() -> None:
    p = generer_personnage(_scenario(), 11)
    assert Personnage.depuis_dict(p.vers_dict()) == p


@pytest.mark.parametrize("fichier", sorted(p.stem for p in SCENARIOS.glob("*.yaml")))
def test_locale_du_scenario(fichier: str) -> None:
    s = _scenario(fichier)
    p = generer_personnage(s, 5)
    assert p.locale == s.locale
    assert p.langue == s.langue.debiteur


def test_mauvaise_foi_sous_declare() -> None:
    from simulateur.personnages.generation import _declarer
    from simulateur.personnages.personnage import Budget

    vrai = Budget(3000, 1500, 5000, 0, 0)
    declare = _declarer(vrai, 0.2)
    assert declare.revenu_net < vrai.revenu_net
    assert declare.capacite < vrai.capacite
    assert _declarer(vrai, 0.9) == vrai
