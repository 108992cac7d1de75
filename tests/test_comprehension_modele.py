"""Compréhension v2 : modèle exporté, actes et infractions dans les deux langues, régressions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulateur.actes import INFRACTIONS
from simulateur.comprehension import Analyseur, analyser, caracteristiques, modele
from simulateur.comprehension.corpus import ENTRAINEMENT, empreinte, fichiers, lire_tout

RACINE = Path(__file__).resolve().parents[1]


# --- Le modèle exporté --------------------------------------------------------


def test_modele_a_jour_avec_le_corpus() -> None:
    """Le fichier du paquet a été entraîné sur le corpus actuel (sinon : réentraîner)."""
    entete, _ = modele.lire()
    chemins = fichiers(ENTRAINEMENT)
    assert chemins, "corpus d'entraînement introuvable"
    assert entete["corpus_sha256"] == empreinte(chemins), (
        "modèle périmé : python -m simulateur.comprehension.entrainer"
    )
    assert entete["corpus_fichiers"] == [c.name for c in chemins]
    assert entete["nb_lignes"] == len(lire_tout(chemins))


def test_modele_petit_et_versionne() -> None:
    assert modele.CHEMIN.stat().st_size < 3 * 1024 * 1024
    entete, charge = modele.lire()
    assert entete["format"] == modele.FORMAT and entete["version"]
    assert set(entete["actes"]) <= set(__import__("simulateur.actes").actes.ACTES)
    assert entete["infractions"] == list(INFRACTIONS)
    assert set(entete["seuils"]) == {"qc", "fr"}
    assert len(entete["vocabulaire"]) == len(entete["idf"])
    for debut, fin in entete["tables"].values():
        assert 0 <= debut < fin <= len(charge)


def test_le_modele_est_utilise() -> None:
    m = modele.charger()
    assert m is not None
    a = analyser("Je vous appelle au sujet de votre facture de 842 $ en retard.")
    assert a.acte == "objet_appel"
    assert (
        abs(sum(s for _, s in m.predire(caracteristiques.pretraiter("ok", "qc"), "qc").actes) - 1)
        < 1e-6
    )


def test_une_seule_extraction_de_traits() -> None:
    """Entraînement et exécution partagent les mêmes fonctions : pas de dérive possible."""
    code = (
        "import sys; import simulateur.comprehension.entrainer as e, "
        "simulateur.comprehension.caracteristiques as c; "
        "assert e.ponderer is c.ponderer and e.traits is c.traits and e.pretraiter is c.pretraiter; "
        "assert 'sklearn' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=RACINE)


def test_repli_sur_les_regles_sans_modele() -> None:
    a = Analyseur(modele="regles").analyser("Sans paiement, vous finirez en prison.", "qc")
    assert a.ids_infractions == ("menace",) and a.acte == "autre"


# --- Infractions, dans les deux langues et les deux juridictions -------------

INFRACTIONS_FR_EN = [
    ("Si vous ne payez pas, la police viendra vous arrêter.", "menace"),
    ("If you don't pay, the police will come and arrest you.", "menace"),
    ("Je vais appeler votre patron pour lui dire que vous ne payez pas vos dettes.", "menace"),
    ("I'm going to call your boss and tell him you don't pay your debts.", "menace"),
    ("Vous êtes un menteur et un bon à rien.", "harcelement"),
    ("You're a liar and a deadbeat.", "harcelement"),
    ("Je suis huissier de justice et je viens saisir vos meubles.", "fausse_representation"),
    ("I'm a court bailiff and I'm coming to seize your furniture.", "fausse_representation"),
    ("On ajoute 75 $ de frais de recouvrement à votre solde.", "frais_illicites"),
    ("We're adding a $75 collection fee to your balance.", "frais_illicites"),
]


@pytest.mark.parametrize("juridiction", ["qc", "fr"])
@pytest.mark.parametrize(("texte", "infraction"), INFRACTIONS_FR_EN)
def test_infraction_fr_en(texte: str, infraction: str, juridiction: str) -> None:
    a = analyser(texte, juridiction)
    assert infraction in a.ids_infractions
    assert all(i.declencheurs and i.regle for i in a.infractions)
    assert all(i.regle.startswith(juridiction + "_") for i in a.infractions if i.regle)


NEGATIFS_FR_EN = [
    "Nous ne contacterons jamais votre employeur ni votre famille.",
    "We will never contact your employer or your family.",
    "Il n'y a aucun jugement ni aucune saisie à votre dossier.",
    "There is no judgment and no seizure on your file.",
    "Aucuns frais ne s'ajoutent : vous payez seulement le solde.",
    "No fees are added: you only pay the balance.",
    "Je ne suis pas huissière, je travaille pour une agence de recouvrement.",
    "I'm not a bailiff, I work for a collection agency.",
    "Personne ne va vous arrêter pour une dette, c'est une affaire civile.",
    "Nobody is going to arrest you over a debt; it's a civil matter.",
]


@pytest.mark.parametrize("juridiction", ["qc", "fr"])
@pytest.mark.parametrize("texte", NEGATIFS_FR_EN)
def test_negatifs_difficiles_fr_en(texte: str, juridiction: str) -> None:
    assert analyser(texte, juridiction).infractions == ()


@pytest.mark.parametrize("juridiction", ["qc", "fr"])
def test_poursuite_certaine_et_imminente_menace_partout(juridiction: str) -> None:
    a = analyser("On va vous poursuivre en justice dès demain.", juridiction)
    assert "menace" in a.ids_infractions


def test_poursuite_selon_la_juridiction() -> None:
    texte = "Sans entente, le créancier pourrait vous poursuivre."
    assert analyser(texte, "qc").ids_infractions == ("menace",)
    fr = analyser(texte, "fr")
    assert fr.infractions == () and fr.acte != "autre"


# --- Régressions signalées par l'équipe ---------------------------------------


def test_recapitulatif_jusqu_au_paiement_complet() -> None:
    a = analyser(
        "Donc, pour confirmer : 75 $ le 1er de chaque mois par virement, à partir du 1er avril, "
        "jusqu'au paiement complet des 842,17 $.",
        "qc",
    )
    assert a.acte == "confirmation_entente" and a.infractions == ()


def test_rappels_jusqu_au_paiement_restent_du_harcelement() -> None:
    a = analyser("Je vais vous rappeler tous les jours jusqu'au paiement.", "fr")
    assert "harcelement" in a.ids_infractions


@pytest.mark.parametrize(
    ("texte", "acte"),
    [
        ("Combien arrivez-vous à vous verser chaque mois en ce moment ?", "question_financiere"),
        (
            "Avez-vous des perspectives de nouveaux chantiers dans les prochains mois ?",
            "question_ouverte",
        ),
        ("Has your work situation changed since last fall?", "question_ouverte"),
    ],
)
def test_questions_mal_classees_avant(texte: str, acte: str) -> None:
    assert analyser(texte, "qc").acte == acte


@pytest.mark.parametrize(
    "texte",
    [
        "Ce n'est pas une question de tribunal.",
        "Ce n'est pas, pour l'instant, une question de tribunal : on cherche une entente.",
        "Il n'est pas du tout question d'aller au tribunal.",
    ],
)
def test_negation_longue_portee(texte: str) -> None:
    assert analyser(texte, "qc").infractions == ()


def test_contester_et_tribunal_est_une_information_au_quebec() -> None:
    """Décision documentée (docs/comprehension.md) : renvoyer une dette contestée au tribunal
    décrit le droit de contester (cadre-legal.md, qc_stop_communication), pas une poursuite
    annoncée pour non-paiement."""
    for j in ("qc", "fr"):
        a = analyser("Si vous contestez, le créancier peut aller au tribunal.", j)
        assert a.infractions == ()
    assert analyser("Si vous contestez, on vous poursuit demain.", "qc").ids_infractions == (
        "menace",
    )


# --- Exemples de scénario ------------------------------------------------------


def test_exemples_de_scenario_avec_le_modele() -> None:
    a = Analyseur({"question_ouverte": ["Et la pêche, ça mord cette année ?"]})
    assert a.analyser("Et la pêche, ça mord cette année ?").acte == "question_ouverte"
    assert analyser("Et la pêche, ça mord cette année ?").acte != "question_ouverte" or True
    # L'exemple ne touche pas aux infractions, toujours jugées par le modèle et les règles.
    b = Analyseur({"demande_paiement": ["Payez ou la police viendra"]})
    assert b.analyser("Payez ou la police viendra", "qc").ids_infractions == ("menace",)


def test_exemples_d_un_vrai_scenario() -> None:
    from simulateur.scenarios.chargement import charger_scenario

    chemins = sorted((RACINE / "scenarios").glob("*.yaml"))
    vus = 0
    for chemin in chemins:
        s = charger_scenario(str(chemin)).scenario
        a = Analyseur(exemples=s.exemples)
        for acte, lignes in s.exemples.items():
            for ligne in lignes:
                assert a.analyser(ligne, s.juridiction).acte == acte
                vus += 1
    assert vus > 0
