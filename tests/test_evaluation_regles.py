"""Chaque règle de contexte de cadre-legal.md : un cas qui la déclenche, un qui ne la déclenche pas.

Les transcriptions sont construites à la main (actes imposés) pour viser une
règle à la fois, sans dépendre de la compréhension.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from simulateur.evaluation import evaluer
from simulateur.scenarios.chargement import charger_scenario
from simulateur.scenarios.schema import Scenario
from simulateur.transcription import Transcription
from tests.conftest import SCENARIOS

QC = charger_scenario(SCENARIOS / "hydro-perte-emploi.yaml").scenario
FR = charger_scenario(SCENARIOS / "fournisseur-perte-client.yaml").scenario

BUDGET = {
    "revenu_net": 2000,
    "depenses_fixes": 1500,
    "actifs": 0,
    "autres_dettes": 0,
    "paiements_autres_dettes": 0,
}

# Un appel conforme, acte par acte (texte, acte).
CONFORME = [
    (
        "Bonjour, ici Julie Caron de l'agence Recouvra, permis RC-1, réf. courrier ; cet appel est enregistré.",
        "presentation",
    ),
    ("Suis-je bien avec M. Roy ?", "verification_identite"),
    ("Je vous appelle au sujet d'un solde de 842 $.", "objet_appel"),
    ("Qu'est-ce qui s'est passé ?", "question_ouverte"),
    ("Que diriez-vous de 100 $ par mois ?", "proposition_entente"),
    (
        "Donc 100 $ le 1er de chaque mois ; une quittance suivra chaque versement.",
        "confirmation_entente",
    ),
    ("Merci, bonne journée.", "cloture"),
]


def _modifier(s: Scenario, **champs: Any) -> Scenario:
    """Copie du scénario avec des champs d'appel ou de dossier changés (« appel__heure »)."""
    maj: dict[str, dict[str, Any]] = {}
    for cle, v in champs.items():
        section, champ = cle.split("__")
        maj.setdefault(section, {})[champ] = v
    return s.model_copy(update={k: getattr(s, k).model_copy(update=v) for k, v in maj.items()})


def _transcription(
    tours: list[tuple[str, str]],
    *,
    entente: dict[str, Any] | None = None,
    infractions: dict[int, list[dict[str, Any]]] | None = None,
    budget: dict[str, float] | None = None,
    montants: dict[int, list[float]] | None = None,
) -> Transcription:
    etat = {
        "langue": "fr",
        "entente": None,
        "budget_revele": [],
        "faits_reveles": [],
        "entente_confirmee": False,
    }
    evenements = []
    for i, (texte, acte) in enumerate(tours, 1):
        avant = dict(etat)
        if entente and acte in ("proposition_entente", "contre_proposition"):
            etat["entente"] = entente
        if entente and acte == "confirmation_entente":
            etat["entente_confirmee"] = True
        evenements.append(
            {
                "type": "tour",
                "tour": i,
                "apprenant": texte,
                "analyse": {
                    "acte": acte,
                    "langue": "fr",
                    "infractions": (infractions or {}).get(i, []),
                    "entites": {"montants": [{"valeur": m} for m in (montants or {}).get(i, [])]},
                },
                "debiteur_avant": avant,
                "debiteur_apres": dict(etat),
                "reaction": {},
            }
        )
    entete = {
        "type": "entete",
        "graine": 1,
        "apprenant": "test",
        "personnage": {"budget": budget or BUDGET, "nom": "Roy", "prenom": "Luc"},
        "debiteur_initial": {"langue": "fr"},
    }
    fin = {
        "type": "fin",
        "resultat": "entente" if entente else "refus",
        "entente": entente,
        "entente_confirmee": etat["entente_confirmee"],
    }
    return Transcription(Path("t.jsonl"), entete, evenements, fin)


def _regles(s: Scenario, t: Transcription) -> set[str]:
    r = evaluer(t, s)
    return {p.regle for p in r.axes["conformite"].preuves if p.sens == "negatif"}


ENTENTE_OK = {"montant": 100.0, "frequence": "mensuelle", "mensualite": 100.0}


def test_appel_conforme_sans_faute_qc() -> None:
    assert _regles(QC, _transcription(CONFORME, entente=ENTENTE_OK)) == set()


def test_appel_conforme_sans_faute_fr() -> None:
    s = _modifier(FR, appel__heure=dt.time(11, 0), appel__date=dt.date(2026, 3, 11))
    assert (
        _regles(
            s,
            _transcription(
                CONFORME, entente={"montant": 200.0, "frequence": "mensuelle", "mensualite": 200.0}
            ),
        )
        == set()
    )


@pytest.mark.parametrize(
    ("date", "heure", "faute"),
    [
        (dt.date(2026, 3, 10), dt.time(10, 15), False),  # mardi matin
        (dt.date(2026, 3, 14), dt.time(19, 59), False),  # samedi soir, permis
        (dt.date(2026, 3, 15), dt.time(11, 0), True),  # dimanche
        (dt.date(2026, 3, 9), dt.time(20, 5), True),  # lundi après 20 h
        (dt.date(2026, 6, 24), dt.time(10, 0), True),  # Fête nationale
        (dt.date(2026, 4, 3), dt.time(10, 0), True),  # Vendredi saint 2026
        (dt.date(2026, 12, 24), dt.time(10, 0), False),  # 24 décembre : pas férié
        (dt.date(2026, 5, 18), dt.time(10, 0), True),  # lundi précédant le 25 mai
    ],
)
def test_qc_heures_appel(date: dt.date, heure: dt.time, faute: bool) -> None:
    s = _modifier(
        QC, appel__date=date, appel__heure=heure, appel__date_avis=date - dt.timedelta(days=10)
    )
    assert ("qc_heures_appel" in _regles(s, _transcription(CONFORME, entente=ENTENTE_OK))) is faute


def test_qc_heures_appel_ecourte_sans_negocier() -> None:
    s = _modifier(QC, appel__date=dt.date(2026, 3, 15))
    courte = [CONFORME[0], ("Je vous rappellerai un jour permis, bonne journée.", "cloture")]
    assert "qc_heures_appel" not in _regles(s, _transcription(courte))


@pytest.mark.parametrize(("jours", "faute"), [(10, False), (5, False), (3, True), (None, True)])
def test_qc_avis_ecrit_prealable(jours: int | None, faute: bool) -> None:
    avis = None if jours is None else QC.appel.date - dt.timedelta(days=jours)
    s = _modifier(QC, appel__date_avis=avis)
    assert (
        "qc_avis_ecrit_prealable" in _regles(s, _transcription(CONFORME, entente=ENTENTE_OK))
    ) is faute


@pytest.mark.parametrize(("s", "p"), [(QC, "qc"), (FR, "fr")])
def test_identification(s: Scenario, p: str) -> None:
    sans = [t for t in CONFORME if t[1] != "presentation"]
    assert f"{p}_identification" in _regles(s, _transcription(sans, entente=ENTENTE_OK))
    tardive = [CONFORME[1], CONFORME[2], CONFORME[0], *CONFORME[3:]]
    assert f"{p}_identification" in _regles(s, _transcription(tardive, entente=ENTENTE_OK))
    assert f"{p}_identification" not in _regles(s, _transcription(CONFORME, entente=ENTENTE_OK))


@pytest.mark.parametrize(("s", "p"), [(QC, "qc"), (FR, "fr")])
def test_verif_avant_divulgation(s: Scenario, p: str) -> None:
    avant = [CONFORME[0], CONFORME[2], CONFORME[1], *CONFORME[3:]]
    assert f"{p}_verif_avant_divulgation" in _regles(s, _transcription(avant, entente=ENTENTE_OK))
    assert f"{p}_verif_avant_divulgation" not in _regles(
        s, _transcription(CONFORME, entente=ENTENTE_OK)
    )
    tiers = _modifier(s, appel__interlocuteur="tiers")
    assert f"{p}_verif_avant_divulgation" in _regles(
        tiers, _transcription(CONFORME, entente=ENTENTE_OK)
    )
    message = [
        CONFORME[0],
        ("Pourriez-vous lui demander de rappeler Julie au 514 555-0101 ?", "autre"),
    ]
    assert f"{p}_verif_avant_divulgation" not in _regles(tiers, _transcription(message))


def test_qc_contact_tiers() -> None:
    tiers = _modifier(QC, appel__interlocuteur="tiers")
    assert "qc_contact_tiers" in _regles(tiers, _transcription(CONFORME, entente=ENTENTE_OK))
    message = [CONFORME[0], ("Je cherche seulement à joindre M. Roy.", "verification_identite")]
    assert "qc_contact_tiers" not in _regles(tiers, _transcription(message))


def test_qc_travail() -> None:
    travail = _modifier(QC, appel__ligne="travail")
    assert "qc_travail" in _regles(travail, _transcription(CONFORME, entente=ENTENTE_OK))
    autorise = _modifier(QC, appel__ligne="travail", appel__autorisation_travail=True)
    assert "qc_travail" not in _regles(autorise, _transcription(CONFORME, entente=ENTENTE_OK))


@pytest.mark.parametrize("drapeau", ["ecrit_seulement", "avocat"])
def test_qc_stop_communication(drapeau: str) -> None:
    s = _modifier(QC, **{f"appel__{drapeau}": True})
    assert "qc_stop_communication" in _regles(s, _transcription(CONFORME, entente=ENTENTE_OK))
    cesser = [
        CONFORME[0],
        CONFORME[1],
        ("Noté : nous continuerons par écrit. Bonne journée.", "cloture"),
    ]
    assert "qc_stop_communication" not in _regles(s, _transcription(cesser))


def test_prescription() -> None:
    menace = {3: [{"id": "menace", "regle": "qc_poursuite_annoncee"}]}
    tours = [*CONFORME[:2], ("Payez ou on vous poursuit.", "demande_paiement"), *CONFORME[3:]]
    vieille = _modifier(QC, dossier__echeance=dt.date(2021, 1, 1))
    assert "qc_prescription" in _regles(vieille, _transcription(tours, infractions=menace))
    assert "qc_prescription" not in _regles(QC, _transcription(tours, infractions=menace))
    fr_vieille = _modifier(
        FR,
        dossier__echeance=dt.date(2023, 1, 1),
        dossier__dernier_paiement=None,
        dossier__commercial=False,
    )
    assert "fr_creance_prescrite" in _regles(
        fr_vieille, _transcription(tours, infractions={3: [{"id": "menace"}]})
    )


@pytest.mark.parametrize(("s", "p"), [(QC, "qc"), (FR, "fr")])
def test_entente_budget(s: Scenario, p: str) -> None:
    trop = {"montant": 600.0, "frequence": "mensuelle", "mensualite": 600.0}
    assert f"{p}_entente_budget" in _regles(s, _transcription(CONFORME, entente=trop))
    assert f"{p}_entente_budget" not in _regles(
        s,
        _transcription(
            CONFORME, entente={"montant": 400.0, "frequence": "mensuelle", "mensualite": 400.0}
        ),
    )


def test_mandat_creancier() -> None:
    sous_minimum = {"montant": 20.0, "frequence": "mensuelle", "mensualite": 20.0}
    assert "mandat_creancier" in _regles(QC, _transcription(CONFORME, entente=sous_minimum))
    reduction = {"montant": 500.0, "frequence": "unique", "mensualite": 500.0}
    assert "mandat_creancier" in _regles(QC, _transcription(CONFORME, entente=reduction))
    assert "mandat_creancier" not in _regles(QC, _transcription(CONFORME, entente=ENTENTE_OK))


def test_fr_lettre_prealable() -> None:
    sans_lettre = _modifier(FR, appel__lettre_reference=None)
    assert "fr_lettre_prealable" in _regles(sans_lettre, _transcription(CONFORME))
    oubli = [("Bonjour, Julie Caron, Recouvra Conseil, enregistré.", "presentation"), *CONFORME[1:]]
    assert "fr_lettre_prealable" in _regles(FR, _transcription(oubli))
    assert "fr_lettre_prealable" not in _regles(FR, _transcription(CONFORME))


def test_fr_tiers_employeur() -> None:
    travail = _modifier(FR, appel__ligne="travail")
    assert "fr_tiers_employeur" in _regles(travail, _transcription(CONFORME))
    assert "fr_tiers_employeur" not in _regles(FR, _transcription(CONFORME))


def test_fr_appels_reiteres() -> None:
    assert "fr_appels_reiteres" in _regles(
        _modifier(FR, appel__appels_recents=4), _transcription(CONFORME)
    )
    assert "fr_appels_reiteres" not in _regles(
        _modifier(FR, appel__appels_recents=1), _transcription(CONFORME)
    )


def test_fr_horaires() -> None:
    dimanche = _modifier(FR, appel__date=dt.date(2026, 3, 15), appel__heure=dt.time(21, 0))
    assert "fr_horaires" in _regles(dimanche, _transcription(CONFORME))
    mercredi = _modifier(FR, appel__date=dt.date(2026, 3, 11), appel__heure=dt.time(11, 0))
    assert "fr_horaires" not in _regles(mercredi, _transcription(CONFORME))


def test_fr_quittance() -> None:
    sans = [
        *CONFORME[:5],
        ("Donc 200 € le 1er de chaque mois.", "confirmation_entente"),
        CONFORME[6],
    ]
    e = {"montant": 200.0, "frequence": "mensuelle", "mensualite": 200.0}
    assert "fr_quittance" in _regles(FR, _transcription(sans, entente=e))
    assert "fr_quittance" not in _regles(FR, _transcription(CONFORME, entente=e))


def test_fr_enregistrement() -> None:
    muet = [
        ("Bonjour, Julie Caron, Recouvra Conseil, suite à notre courrier.", "presentation"),
        *CONFORME[1:],
    ]
    assert "fr_enregistrement" in _regles(FR, _transcription(muet))
    assert "fr_enregistrement" not in _regles(FR, _transcription(CONFORME))
    assert "fr_enregistrement" not in _regles(
        _modifier(FR, appel__enregistre=False), _transcription(muet)
    )


def test_fr_surendettement() -> None:
    recevable = _modifier(FR, dossier__surendettement_recevable=True)
    assert "fr_surendettement" in _regles(recevable, _transcription(CONFORME))
    transmettre = [*CONFORME[:4], ("Je transmets au créancier, merci.", "cloture")]
    assert "fr_surendettement" not in _regles(recevable, _transcription(transmettre))


def test_infraction_grave_plafonne_la_conformite() -> None:
    menace = {3: [{"id": "menace", "regle": "qc_arrestation_penale", "declencheurs": ["prison"]}]}
    r = evaluer(_transcription(CONFORME, entente=ENTENTE_OK, infractions=menace), QC)
    axe = r.axes["conformite"]
    assert axe.plafond == 40 and axe.note <= 40
    (p,) = [p for p in axe.preuves if p.infraction == "menace"]
    assert p.tour == 3 and p.regle == "qc_arrestation_penale" and p.reference == "LRCC 3 par. 1°"
    assert "prison" in p.conseil


def test_grille_surchargee_par_le_scenario() -> None:
    s = QC.model_copy(update={"grille": {"conformite": {"plafond_grave": 10}}})
    menace = {3: [{"id": "menace"}]}
    assert evaluer(_transcription(CONFORME, infractions=menace), s).axes["conformite"].note <= 10


@pytest.mark.parametrize(("s", "regle"), [(QC, "qc_montant_superieur"), (FR, "fr_montant")])
def test_montant_reclame_superieur_au_solde(s: Scenario, regle: str) -> None:
    du = s.dossier.montant
    assert regle in _regles(s, _transcription(CONFORME, montants={3: [du + 200]}))
    assert regle not in _regles(s, _transcription(CONFORME, montants={3: [du]}))
    assert regle not in _regles(
        s, _transcription(CONFORME, montants={5: [du + 200]})
    )  # une offre, pas une réclamation


def test_offre_acceptee_puis_perdue_n_est_pas_une_entente() -> None:
    t = _transcription(CONFORME, entente=ENTENTE_OK)
    assert t.fin is not None
    t.fin["resultat"], t.fin["entente"] = "raccroche", None
    r = evaluer(t, QC)
    assert r.entente is None and not any(
        p.regle == "negociation.entente" and p.points > 0 for p in r.axes["negociation"].preuves
    )
