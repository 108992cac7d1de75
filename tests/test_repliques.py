"""Répliques du débiteur : couche par défaut complète, gabarits sûrs, format local."""

from __future__ import annotations

import datetime as dt

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from simulateur.personnages.cles import CLES, variables_de
from simulateur.personnages.gabarits import formater_argent, formater_date, rendre
from simulateur.personnages.repliques import repliques_defaut
from simulateur.scenarios.chargement import charger_scenario
from simulateur.scenarios.validation import contexte_exemple
from tests.conftest import SCENARIOS


def test_couche_par_defaut_couvre_chaque_cle_dans_les_deux_langues() -> None:
    defaut = repliques_defaut()
    for cle in CLES:
        for langue in ("fr", "en"):
            generales = [c for c in defaut.get(cle, ()) if c.langue == langue and c.si is None]
            assert len(generales) >= 3, (cle, langue)
    ids = [c.id for liste in defaut.values() for c in liste]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("fichier", ["hydro-perte-emploi", "fournisseur-perte-client"])
def test_couche_par_defaut_se_rend_partout(fichier: str) -> None:
    s = charger_scenario(SCENARIOS / f"{fichier}.yaml").scenario
    for cle, liste in repliques_defaut().items():
        for c in liste:
            ctx = contexte_exemple(s, cle, c.langue)
            assert set(ctx) == set(variables_de(cle))
            texte = rendre(
                c.texte, ctx, "en_CA" if c.langue == "en" else s.locale, s.dossier.devise
            )
            assert texte and "{{" not in texte


@pytest.mark.parametrize(
    ("valeur", "devise", "locale", "attendu"),
    [
        (150, "CAD", "fr_CA", "150\u00a0$"),
        (842.17, "CAD", "fr_CA", "842,17\u00a0$"),
        (1200, "CAD", "en_CA", "$1,200"),
        (75, "EUR", "fr_FR", "75\u00a0€"),
        (3480.5, "EUR", "fr_FR", "3\u202f480,50\u00a0€"),
    ],
)
def test_argent_selon_la_locale(valeur: float, devise: str, locale: str, attendu: str) -> None:
    assert formater_argent(valeur, devise, locale) == attendu


def test_dates_selon_la_locale() -> None:
    d = dt.date(2026, 3, 10)
    assert formater_date(d, "fr_CA") == "10 mars 2026"
    assert formater_date(d, "en_CA") == "March 10, 2026"


def test_bac_a_sable_immuable_et_strict() -> None:
    ctx = {"dossier": {"montant": 10.0}, "liste": [1, 2]}
    with pytest.raises(SecurityError):
        rendre("{{ dossier.update({'montant': 0}) }}", ctx, "fr_CA", "CAD")
    with pytest.raises(SecurityError):
        rendre("{{ liste.append(3) }}", ctx, "fr_CA", "CAD")
    with pytest.raises(SecurityError):
        rendre("{{ ''.__class__.__mro__[1].__subclasses__() }}", ctx, "fr_CA", "CAD")
    with pytest.raises(UndefinedError):
        rendre("{{ inconnu }}", ctx, "fr_CA", "CAD")
    assert ctx == {"dossier": {"montant": 10.0}, "liste": [1, 2]}
