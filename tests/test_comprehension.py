"""Compréhension : actes, infractions par juridiction, entités, langue, robustesse."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulateur.actes import ACTES
from simulateur.comprehension import Analyse, Analyseur, analyser
from simulateur.comprehension.entites import extraire_entites
from simulateur.comprehension.langue import detecter_langue
from simulateur.comprehension.normalisation import normaliser
from simulateur.comprehension.regles import classer_acte, detecter_infractions

RACINE = Path(__file__).resolve().parents[1]
# Les règles explicites seules (la v1) : repli sans modèle exporté, et traits du modèle appris.
# Les tableaux ci-dessous qui citent une règle de cadre-legal.md vérifient cette couche ; le
# comportement du modèle sur les mêmes familles est vérifié dans test_comprehension_modele.py
# et mesuré sur le jeu de développement (benchmarks/comprehension.py).
REGLES = Analyseur(modele="regles")

# --- Actes --------------------------------------------------------------------

ACTES_FR = [
    ("Bonjour !", "salutation"),
    ("Allo!", "salutation"),
    ("Bonjour Madame Roy", "salutation"),
    ("Bonsoir monsieur, comment allez-vous ?", "salutation"),
    ("Ici Julie Caron, de l'agence Recouvra, mandatée par Hydro-Sud.", "presentation"),
    ("Bonjour, ici Julie de Recouvra", "presentation"),
    ("Allo, c'est Julie de Recouvra, j'appelle pour Hydro-Sud.", "presentation"),
    ("Chu Julie, de chez Recouvra.", "presentation"),
    ("Je m'appelle Karim Benali, de Recouvra Conseil, pour Énergie Sud.", "presentation"),
    ("Je suis agente de recouvrement, pas huissière.", "presentation"),
    ("BONJOUR, ICI JULIE DE RECOUVRA", "presentation"),
    ("Suis-je bien en communication avec M. Roy ?", "verification_identite"),
    ("suis je bien avec monsieur roy", "verification_identite"),
    ("Peux-tu me confirmer ta date de naissance ?", "verification_identite"),
    ("Mme Leroy ? Pouvez-vous parler maintenant ?", "verification_identite"),
    ("Puis-je parler à Julien Morin, s'il vous plaît ?", "verification_identite"),
    ("Je vous appelle au sujet d'un solde impayé de 842 $.", "objet_appel"),
    ("je vous appelle au sujet dun solde impaye de 842$", "objet_appel"),
    ("Je t'appelle pour ta facture en retard chez Hydro.", "objet_appel"),
    ("Suite à notre courrier réf. 2024-118 du 3 mars, il reste 630 € à régler.", "objet_appel"),
    ("Qu'est-ce qui s'est passé de votre côté ?", "question_ouverte"),
    ("Quest-ce qui se passe avec toi ?", "question_ouverte"),
    ("Bonjour, comment allez-vous depuis notre dernier appel ?", "question_ouverte"),
    ("Explique-moi ta situation.", "question_ouverte"),
    ("Quel est votre revenu net chaque mois ?", "question_financiere"),
    ("C'est quoi ton salaire par mois ?", "question_financiere"),
    ("Avez-vous d'autres dettes ou des cartes de crédit ?", "question_financiere"),
    ("Combien il te reste à la fin du mois?", "question_financiere"),
    ("Je comprends, ce n'est pas une période facile.", "empathie"),
    ("Je comprends.", "empathie"),
    ("Inquiète-toi pas, on va trouver une solution.", "empathie"),
    ("Je suis desolee d'apprendre ca.", "empathie"),
    ("Si je comprends bien, votre commerce a fermé en mars.", "reformulation"),
    ("Donc vous avez perdu votre emploi le mois dernier ?", "reformulation"),
    ("En d'autres mots, tu peux pas payer avant la fin du mois.", "reformulation"),
    ("Vous offrez donc 30 $ par mois, c'est ça ?", "reformulation"),
    ("Pouvez-vous régler le solde complet aujourd'hui ?", "demande_paiement"),
    ("Payez la totalité.", "demande_paiement"),
    ("Peux-tu payer toute ta dette aujourd'hui?", "demande_paiement"),
    ("Reglez le solde au complet, svp.", "demande_paiement"),
    ("Que diriez-vous de 150 $ par mois à partir du 1er ?", "proposition_entente"),
    ("Ça marche-tu 50 $ aux deux semaines ?", "proposition_entente"),
    ("Je vous propose un échéancier de 100 € par mois.", "proposition_entente"),
    ("cent cinquante dollars aux deux semaines, ca vous irait ?", "proposition_entente"),
    ("20 $ ne suffit pas, mais 60 $ serait possible ?", "contre_proposition"),
    ("20 $ ne suffit pas, mais 60 $ ?", "contre_proposition"),
    ("Au lieu de 20 € par mois, pourriez-vous faire 50 € ?", "contre_proposition"),
    ("10 $ c'est trop peu ; pourriez-vous monter à 40 $ ?", "contre_proposition"),
    ("Un conseiller budgétaire de l'ACEF pourrait vous aider.", "orientation_ressource"),
    ("Vous pouvez contacter un Point conseil budget, c'est gratuit.", "orientation_ressource"),
    (
        "Un syndic autorisé pourrait vous parler d'une proposition de consommateur.",
        "orientation_ressource",
    ),
    ("Vous pouvez contester le montant par écrit.", "information_droits"),
    ("Il n'y a pas de frais supplémentaires.", "information_droits"),
    ("Cet appel est enregistré.", "information_droits"),
    ("Donc 100 $ le 15 de chaque mois, par virement.", "confirmation_entente"),
    ("Faque on s'entend sur 100 $ le 15 de chaque mois.", "confirmation_entente"),
    (
        "Parfait, donc 50 € tous les mois à partir du 5 avril, par prélèvement.",
        "confirmation_entente",
    ),
    (
        "Comme convenu, 50 € par mois, vous recevrez une quittance à chaque versement.",
        "confirmation_entente",
    ),
    ("Voulez-vous qu'on continue en français ?", "changement_langue"),
    ("Pas de problème, on peut continuer en anglais.", "changement_langue"),
    ("Voulez-vous poursuivre en anglais ?", "changement_langue"),
    ("Si vous préférez l'anglais, on peut changer.", "changement_langue"),
    ("Merci, bonne fin de journée.", "cloture"),
    ("Merci.", "cloture"),
    ("Bonne journée là !", "cloture"),
    ("Il fait beau chez vous ?", "autre"),
    ("Oui.", "autre"),
    ("D'accord.", "autre"),
    ("Ouin.", "autre"),
    ("Un instant, je vérifie votre dossier.", "autre"),
]

ACTES_EN = [
    ("Good morning.", "salutation"),
    ("Hi there, how are you?", "salutation"),
    ("This is Sam Lee calling from Northway Collections.", "presentation"),
    ("Hi, it's Dana from Northway Collections.", "presentation"),
    ("My name is Sam, I work for Northway Collections.", "presentation"),
    ("Could you confirm your date of birth, please?", "verification_identite"),
    ("Am I speaking with Mr. Roy?", "verification_identite"),
    ("Is this Jordan Smith?", "verification_identite"),
    ("I'm calling about the overdue balance of $842 on your account.", "objet_appel"),
    ("The amount you owe is $842.17.", "objet_appel"),
    ("Your account with Telus is past due by $312.", "objet_appel"),
    ("Can you tell me what happened?", "question_ouverte"),
    ("What's been going on since we last spoke?", "question_ouverte"),
    ("What are your monthly expenses, roughly?", "question_financiere"),
    ("Do you own a car or have any savings?", "question_financiere"),
    ("How much do you make a month?", "question_financiere"),
    ("I'm sorry to hear about your job.", "empathie"),
    ("That sounds really stressful.", "empathie"),
    ("I understand.", "empathie"),
    ("So you're saying the store closed in March?", "reformulation"),
    ("So you can do $50 a month?", "reformulation"),
    ("What I'm hearing is that your hours got cut.", "reformulation"),
    ("Can you pay the full balance today?", "demande_paiement"),
    ("Could you pay off the whole amount this week?", "demande_paiement"),
    ("Pay the balance now.", "demande_paiement"),
    ("Would $50 every two weeks work for you?", "proposition_entente"),
    ("How about $75 on the 1st of each month?", "proposition_entente"),
    ("We could set up a payment plan of $100 a month.", "proposition_entente"),
    ("I can't accept $10, but could you do $40?", "contre_proposition"),
    ("$25 is too low, how about $60 a month?", "contre_proposition"),
    ("How about $40 instead?", "contre_proposition"),
    ("A credit counsellor could help you build a budget.", "orientation_ressource"),
    ("You could call 211 to find a budget counsellor.", "orientation_ressource"),
    ("You can ask us to contact you in writing only.", "information_droits"),
    ("You have the right to consult a lawyer.", "information_droits"),
    ("This call may be recorded for quality purposes.", "information_droits"),
    ("To confirm: $75 on the 1st of each month by card.", "confirmation_entente"),
    ("So that's $60 every other Friday starting next week.", "confirmation_entente"),
    ("Just to confirm, $200 on March 1st by e-transfer.", "confirmation_entente"),
    ("Would you prefer that we continue in English?", "changement_langue"),
    ("Do you speak French?", "changement_langue"),
    ("Sure, we can switch to French if you like.", "changement_langue"),
    ("Thanks for your time, goodbye.", "cloture"),
    ("Alright, have a good one!", "cloture"),
    ("Hold on a sec.", "autre"),
    ("Yes.", "autre"),
    ("OK", "autre"),
]


@pytest.mark.parametrize(("texte", "acte"), ACTES_FR)
def test_acte_fr(texte: str, acte: str) -> None:
    assert analyser(texte, "qc").acte == acte


@pytest.mark.parametrize(("texte", "acte"), ACTES_EN)
def test_acte_en(texte: str, acte: str) -> None:
    assert analyser(texte, "qc").acte == acte


def test_tous_les_actes_sont_couverts() -> None:
    assert {a for _, a in ACTES_FR} == set(ACTES)
    assert {a for _, a in ACTES_EN} == set(ACTES)


def test_classer_acte_sur_texte_normalise() -> None:
    entites = extraire_entites("Merci.", "fr")
    assert classer_acte(normaliser("Merci."), "fr", entites)[0][0] == "cloture"
    assert classer_acte("", "fr", entites) == [("autre", pytest.approx(6.0))]


# --- Infractions --------------------------------------------------------------

INFRACTIONS = [
    # (texte, juridiction, acte attendu, {infraction: règle})
    ("Sans paiement, vous finirez en prison.", "qc", "autre", {"menace": "qc_arrestation_penale"}),
    (
        "Si vous ne payez pas, vous irez en prison.",
        "fr",
        "autre",
        {"menace": "fr_pression_agressive"},
    ),
    (
        "Sans paiement, la police viendra vous chercher.",
        "qc",
        "autre",
        {"menace": "qc_arrestation_penale"},
    ),
    (
        "Si vous payez pas la police va débarquer chez vous.",
        "qc",
        "autre",
        {"menace": "qc_arrestation_penale"},
    ),
    ("If you don't pay, you'll be arrested.", "qc", "autre", {"menace": "qc_arrestation_penale"}),
    (
        "J'appelle votre patron pour lui expliquer.",
        "qc",
        "autre",
        {"menace": "qc_divulgation_menacee"},
    ),
    (
        "Sans virement, vos collègues sauront tout.",
        "fr",
        "autre",
        {"menace": "fr_extorsion_chantage"},
    ),
    (
        "If you don't pay, we'll call your employer.",
        "qc",
        "autre",
        {"menace": "qc_divulgation_menacee"},
    ),
    ("We'll report this to Equifax.", "qc", "autre", {"menace": "qc_divulgation_menacee"}),
    (
        "Payez maintenant, sinon je parle à votre femme.",
        "qc",
        "demande_paiement",
        {"menace": "qc_divulgation_menacee"},
    ),
    (
        "Payez vendredi ou on vous poursuit.",
        "qc",
        "demande_paiement",
        {"menace": "qc_poursuite_annoncee"},
    ),
    (
        "Payez vendredi ou on vous poursuit.",
        "fr",
        "demande_paiement",
        {"menace": "fr_pression_agressive"},
    ),
    (
        "Que diriez-vous de 100 $ par mois ? Sinon on vous poursuit.",
        "qc",
        "proposition_entente",
        {"menace": "qc_poursuite_annoncee"},
    ),
    (
        "Ne pas payer 300 $ à votre âge, c'est pathétique.",
        "qc",
        "autre",
        {"harcelement": "qc_harcelement"},
    ),
    (
        "Arrêtez de mentir, je rappellerai jusqu'au paiement.",
        "fr",
        "autre",
        {"harcelement": "fr_pression_agressive"},
    ),
    (
        "Arrêtez de pleurnicher et payez.",
        "qc",
        "demande_paiement",
        {"harcelement": "qc_harcelement"},
    ),
    ("Tabarnak, payez votre dette !", "qc", "demande_paiement", {"harcelement": "qc_harcelement"}),
    (
        "Câlisse, ça fait trois fois que je vous appelle !",
        "qc",
        "autre",
        {"harcelement": "qc_harcelement"},
    ),
    ("You're a deadbeat and a loser.", "qc", "autre", {"harcelement": "qc_harcelement"}),
    ("Stop whining and pay.", "qc", "demande_paiement", {"harcelement": "qc_harcelement"}),
    (
        "Je vais rappeler toutes les heures.",
        "fr",
        "autre",
        {"harcelement": "fr_pression_agressive"},
    ),
    ("C'est votre dernière chance.", "qc", "autre", {"harcelement": "qc_harcelement"}),
    (
        "Ici Me Tremblay ; le jugement est rendu.",
        "qc",
        "presentation",
        {"fausse_representation": "qc_fausse_representation"},
    ),
    (
        "Ici le service judiciaire, l'huissier est saisi.",
        "fr",
        "presentation",
        {"fausse_representation": "fr_confusion_judiciaire"},
    ),
    (
        "Je vous appelle de la part du tribunal.",
        "fr",
        "presentation",
        {"fausse_representation": "fr_confusion_judiciaire"},
    ),
    (
        "I'm a lawyer and a judgment has been entered against you.",
        "qc",
        "presentation",
        {"fausse_representation": "qc_fausse_representation"},
    ),
    (
        "This is Officer Grant from the sheriff's office.",
        "qc",
        "presentation",
        {"fausse_representation": "qc_fausse_representation"},
    ),
    (
        "Je suis huissier et je viens saisir demain.",
        "fr",
        "presentation",
        {"fausse_representation": "fr_confusion_judiciaire", "menace": "fr_saisie_sans_titre"},
    ),
    (
        "Dernier avis avant saisie sur salaire.",
        "fr",
        "autre",
        {"fausse_representation": "fr_saisie_sans_titre", "menace": "fr_saisie_sans_titre"},
    ),
    (
        "On saisit votre voiture lundi.",
        "qc",
        "autre",
        {"fausse_representation": "qc_saisie_annoncee", "menace": "qc_saisie_annoncee"},
    ),
    (
        "Your wages will be garnished next month.",
        "qc",
        "autre",
        {"fausse_representation": "qc_saisie_annoncee", "menace": "qc_saisie_annoncee"},
    ),
    (
        "Le commissaire de justice est déjà mandaté.",
        "fr",
        "autre",
        {"fausse_representation": "fr_confusion_judiciaire"},
    ),
    (
        "Avec les pénalités, ça fait 1 200 $.",
        "qc",
        "autre",
        {
            "fausse_representation": "qc_montant_superieur",
            "frais_illicites": "qc_frais_recouvrement",
        },
    ),
    (
        "Avec les pénalités de retard, le total est de 900 €.",
        "fr",
        "autre",
        {"fausse_representation": "fr_montant", "frais_illicites": "fr_frais_recouvrement"},
    ),
    (
        "On ajoute 200 $ de frais de dossier pour notre appel.",
        "qc",
        "autre",
        {"frais_illicites": "qc_frais_recouvrement"},
    ),
    ("Sur six mois, on ajoute 10 %.", "qc", "autre", {"frais_illicites": "qc_frais_recouvrement"}),
    (
        "Plus 45 € de relance et 80 € de dossier.",
        "fr",
        "autre",
        {"frais_illicites": "fr_frais_recouvrement"},
    ),
    (
        "We'll add a $50 collection fee to your balance.",
        "qc",
        "autre",
        {"frais_illicites": "qc_frais_recouvrement"},
    ),
    (
        "Un supplément de 15 % s'applique si vous étalez.",
        "qc",
        "autre",
        {"frais_illicites": "qc_frais_recouvrement"},
    ),
    (
        "Donc 100 $ par mois, plus 10 % de frais de dossier.",
        "qc",
        "confirmation_entente",
        {"frais_illicites": "qc_frais_recouvrement"},
    ),
    # Lignes des scripts « abusifs » des scénarios.
    (
        "Je vais prévenir tous vos clients et la mairie que vous ne payez pas.",
        "fr",
        "autre",
        {"menace": "fr_extorsion_chantage"},
    ),
    (
        "Nos huissiers viendront saisir votre camionnette demain matin.",
        "fr",
        "autre",
        {"fausse_representation": "fr_saisie_sans_titre", "menace": "fr_saisie_sans_titre"},
    ),
    ("Vous êtes vraiment un incapable.", "fr", "autre", {"harcelement": "fr_pression_agressive"}),
    (
        "We'll sue you and seize your car tomorrow.",
        "qc",
        "autre",
        {"menace": "qc_poursuite_annoncee", "fausse_representation": "qc_saisie_annoncee"},
    ),
    ("Don't be stupid, pay the bill.", "qc", "demande_paiement", {"harcelement": "qc_harcelement"}),
    (
        "Vous allez vous retrouver derrière les barreaux.",
        "qc",
        "autre",
        {"menace": "qc_arrestation_penale"},
    ),
    (
        "Nous allons saisir le tribunal dès lundi.",
        "fr",
        "autre",
        {"menace": "fr_pression_agressive"},
    ),
]


@pytest.mark.parametrize(("texte", "juridiction", "acte", "attendu"), INFRACTIONS)
def test_infractions(texte: str, juridiction: str, acte: str, attendu: dict[str, str]) -> None:
    a = REGLES.analyser(texte, juridiction)
    assert {i.id: i.regle for i in a.infractions} == attendu
    assert a.acte == acte
    assert all(i.declencheurs for i in a.infractions)


def test_chaque_infraction_dans_les_deux_juridictions() -> None:
    vues = {(j, i.id) for t, j, _, _ in INFRACTIONS for i in REGLES.analyser(t, j).infractions}
    for juridiction in ("qc", "fr"):
        for infraction in ("menace", "harcelement", "fausse_representation", "frais_illicites"):
            assert (juridiction, infraction) in vues


@pytest.mark.parametrize(
    "texte",
    [
        "Sans entente, le créancier pourrait vous poursuivre.",
        "Le créancier pourrait vous poursuivre si aucune entente n'est conclue.",
        "Le créancier peut décider d'entamer des poursuites.",
        "You might end up in small claims court.",
    ],
)
def test_poursuite_conditionnelle_menace_au_quebec_seulement(texte: str) -> None:
    for a in (REGLES, Analyseur()):
        if a is not REGLES and texte.startswith("You"):
            continue  # le corpus anglais est québécois (« * ») : le modèle fr n'en juge pas
        qc = a.analyser(texte, "qc")
        assert [(i.id, i.regle) for i in qc.infractions] == [("menace", "qc_poursuite_annoncee")]
        assert qc.acte == "autre"
        assert a.analyser(texte, "fr").infractions == ()


def test_titre_executoire_information_en_france_menace_au_quebec() -> None:
    texte = "À défaut d'accord, le créancier pourra demander au juge un titre exécutoire."
    fr = analyser(texte, "fr")
    assert fr.infractions == () and fr.acte == "information_droits"
    assert analyser(texte, "qc").ids_infractions == ("menace",)


@pytest.mark.parametrize(
    "texte", ["On va vous poursuivre en justice dès demain.", "Le tribunal vous condamnera."]
)
def test_poursuite_certaine_menace_partout(texte: str) -> None:
    assert REGLES.analyser(texte, "fr").ids_infractions == ("menace",)
    assert REGLES.analyser(texte, "qc").ids_infractions == ("menace",)


NEGATIFS_DURS = [
    "Je suis agente de recouvrement, pas huissière.",
    "C'est une affaire civile, rien de criminel.",
    "Il n'y a aucun jugement à votre dossier.",
    "L'entente ne coûte rien de plus que le solde.",
    "Votre dossier reste entre vous, le créancier et nous.",
    "Sans décision de justice, rien ne peut être saisi.",
    "You have the right to consult a lawyer.",
    "There are no fees added to your balance.",
    "Aucuns frais ne seront ajoutés à votre solde.",
    "Nous ne contacterons jamais votre employeur.",
    "We won't contact your employer or family.",
    "Vous ne serez pas poursuivi pour ça.",
    "Ce n'est pas un crime d'avoir des dettes.",
    "Je ne suis pas avocate, je suis agente de recouvrement.",
    "Voulez-vous qu'on poursuive en anglais ?",
    "Prenez le temps d'y penser ; je rappelle jeudi ?",
    "Mon rôle est de trouver une entente avec vous.",
    "Ces informations restent confidentielles.",
    "Une partie de votre salaire est insaisissable.",
    "Personne ne va vous arrêter pour une dette.",
    "Nous n'avons aucune intention de vous poursuivre.",
    "Vous ne réglez que la somme due, sans frais.",
    "Le solde est de 842,17 $.",
    "Pouvez-vous confirmer votre adresse ?",
    "This is Sue from Northway Collections.",
    "Vous n'êtes pas irresponsable, c'est la vie qui est dure.",
    "We're not going to take you to court.",
    "Je vais saisir vos informations dans le dossier.",
    "Les frais dont je parle sont ceux de votre contrat.",
    "Rien ne sera transmis à votre employeur.",
]


@pytest.mark.parametrize("texte", NEGATIFS_DURS)
@pytest.mark.parametrize("juridiction", ["qc", "fr"])
def test_negatifs_durs_sans_infraction(texte: str, juridiction: str) -> None:
    assert REGLES.analyser(texte, juridiction).infractions == ()


def test_infraction_jamais_information_droits() -> None:
    # Convention 2 : une réplique menaçante n'est pas une information exacte.
    a = REGLES.analyser("Vous avez le droit de payer, sinon la police viendra.", "qc")
    assert a.ids_infractions == ("menace",)
    assert a.acte != "information_droits"
    for texte in (
        "Vous avez le droit de payer, sinon la police viendra.",
        "Payez ou je préviens votre patron.",
    ):
        b = analyser(texte, "qc")
        assert not b.infractions or b.acte != "information_droits"


def test_detecter_infractions_juridiction_inconnue_vaut_quebec() -> None:
    n = normaliser("Sans entente, le créancier pourrait vous poursuivre.")
    assert detecter_infractions(n, "xx") == detecter_infractions(n, "qc")


# --- Entités ------------------------------------------------------------------

MONTANTS = [
    ("150 $", "fr", 150.0, "CAD"),
    ("150$", "fr", 150.0, "CAD"),
    ("$75", "en", 75.0, "CAD"),
    ("75 €", "fr", 75.0, "EUR"),
    ("75 euros", "fr", 75.0, "EUR"),
    ("150 dollars", "en", 150.0, "CAD"),
    ("842,17 $", "fr", 842.17, "CAD"),
    ("1 200 $", "fr", 1200.0, "CAD"),
    ("1\u202f200\u00a0$", "fr", 1200.0, "CAD"),
    ("1,200.50$", "en", 1200.5, "CAD"),
    ("1.200,50 €", "fr", 1200.5, "EUR"),
    ("cent cinquante dollars", "fr", 150.0, "CAD"),
    ("seventy-five dollars", "en", 75.0, "CAD"),
    ("150 par mois", "fr", 150.0, None),
    ("I can do 50 a month", "en", 50.0, None),
    ("Pouvez-vous verser 75 aux 2 semaines?", "fr", 75.0, None),
]


@pytest.mark.parametrize(("texte", "langue", "valeur", "devise"), MONTANTS)
def test_montants(texte: str, langue: str, valeur: float, devise: str | None) -> None:
    m = extraire_entites(texte, langue).montant_principal()
    assert m is not None
    assert (m.valeur, m.devise) == (pytest.approx(valeur), devise)


@pytest.mark.parametrize(
    "texte", ["le 15 de chaque mois", "dans 6 mois", "3 fois", "tous les 15 jours", "10 %"]
)
def test_pas_de_montant(texte: str) -> None:
    assert extraire_entites(texte, "fr").montants == ()


def test_montant_toujours_fini() -> None:
    assert extraire_entites("9" * 400 + " $", "fr").montants == ()


FREQUENCES = [
    ("150 $ par mois", "mensuelle"),
    ("chaque mois", "mensuelle"),
    ("mensuellement", "mensuelle"),
    ("150$/mois", "mensuelle"),
    ("50 $ per month", "mensuelle"),
    ("$50 a month", "mensuelle"),
    ("monthly", "mensuelle"),
    ("aux deux semaines", "aux_deux_semaines"),
    ("toutes les deux semaines", "aux_deux_semaines"),
    ("à la quinzaine", "aux_deux_semaines"),
    ("tous les quinze jours", "aux_deux_semaines"),
    ("every other Friday", "aux_deux_semaines"),
    ("every two weeks", "aux_deux_semaines"),
    ("biweekly", "aux_deux_semaines"),
    ("bi-weekly", "aux_deux_semaines"),
    ("par semaine", "hebdomadaire"),
    ("weekly", "hebdomadaire"),
    ("every week", "hebdomadaire"),
    ("chaque vendredi", "hebdomadaire"),
    ("twice a month", "bimensuelle"),
    ("deux fois par mois", "bimensuelle"),
    ("par année", "annuelle"),
    ("en un seul versement", "unique"),
    ("one payment", "unique"),
    ("aujourd'hui le solde", "unique"),
]


@pytest.mark.parametrize(("texte", "frequence"), FREQUENCES)
def test_frequences(texte: str, frequence: str) -> None:
    langue = detecter_langue(texte, "fr")
    assert extraire_entites(texte, langue).frequence == frequence


DATES = [
    ("le 1er", "fr", {"jour_mois": 1}),
    ("le 15 de chaque mois", "fr", {"jour_mois": 15}),
    ("à partir du 1er", "fr", {"jour_mois": 1}),
    ("à partir du premier", "fr", {"jour_mois": 1}),
    ("on the 1st", "en", {"jour_mois": 1}),
    ("the 15th", "en", {"jour_mois": 15}),
    ("vendredi prochain", "fr", {"jour_semaine": "vendredi"}),
    ("every other Friday", "en", {"jour_semaine": "vendredi"}),
    ("15 mars", "fr", {"jour_mois": 15, "mois": 3}),
    ("March 15th", "en", {"jour_mois": 15, "mois": 3}),
    ("demain", "fr", {"relatif": "demain"}),
    ("tomorrow", "en", {"relatif": "demain"}),
    ("la semaine prochaine", "fr", {"relatif": "semaine_prochaine"}),
    ("next week", "en", {"relatif": "semaine_prochaine"}),
    ("le mois prochain", "fr", {"relatif": "mois_prochain"}),
    ("next month", "en", {"relatif": "mois_prochain"}),
    ("aujourd'hui", "fr", {"relatif": "aujourd_hui"}),
    ("today", "en", {"relatif": "aujourd_hui"}),
]


@pytest.mark.parametrize(("texte", "langue", "champs"), DATES)
def test_dates(texte: str, langue: str, champs: dict[str, object]) -> None:
    dates = extraire_entites(texte, langue).dates
    assert len(dates) == 1
    for champ, valeur in champs.items():
        assert getattr(dates[0], champ) == valeur


def test_premier_versement_n_est_pas_une_date() -> None:
    dates = extraire_entites("le premier versement sera le premier du mois", "fr").dates
    assert [d.jour_mois for d in dates] == [1]


def test_exemples_combines() -> None:
    e = extraire_entites("cent cinquante dollars aux deux semaines", "fr")
    assert [(m.valeur, m.devise) for m in e.montants] == [(150.0, "CAD")]
    assert e.frequence == "aux_deux_semaines"
    e = extraire_entites("$75 every other Friday", "en")
    assert [(m.valeur, m.devise) for m in e.montants] == [(75.0, "CAD")]
    assert e.frequence == "aux_deux_semaines"
    assert [d.jour_semaine for d in e.dates] == ["vendredi"]
    e = extraire_entites("Que diriez-vous de 150 $ par mois à partir du 1er ?", "fr")
    assert (e.montants[0].valeur, e.frequence, e.dates[0].jour_mois) == (150.0, "mensuelle", 1)


@pytest.mark.parametrize(
    ("texte", "sujets"),
    [
        ("Quel est votre salaire et votre loyer ?", ("revenu", "depenses")),
        ("Combien gagnez-vous ?", ("revenu",)),
        ("What's your income after rent and bills?", ("revenu", "depenses")),
        ("Avez-vous de l'épargne, une voiture ou un REER ?", ("actifs",)),
        ("Do you own a house or have savings?", ("actifs",)),
        ("Avez-vous d'autres dettes ou des prêts ?", ("dettes",)),
        ("Do you owe money to anyone else, any loans?", ("dettes",)),
        ("The amount you owe is $842.", ()),
        ("Êtes-vous prête à payer ?", ()),
    ],
)
def test_sujets_budget(texte: str, sujets: tuple[str, ...]) -> None:
    assert extraire_entites(texte, detecter_langue(texte)).sujets_budget == sujets


# --- Langue -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "contexte", "langue"),
    [
        ("oui", "en", "fr"),
        ("merci", "en", "fr"),
        ("d'accord", "en", "fr"),
        ("allo", "en", "fr"),
        ("yes", "fr", "en"),
        ("thanks", "fr", "en"),
        ("sure", "fr", "en"),
        ("OK", "en", "en"),
        ("OK", "fr", "fr"),
        ("", "en", "en"),
        ("", None, "fr"),
        ("842,17 $", "en", "en"),
        ("1234", "fr", "fr"),
        ("Julie ?", "en", "en"),
        ("Let me check mon budget first", "fr", "en"),
        ("Je comprends", "en", "fr"),
        ("Quel est votre revenu net chaque mois ?", "en", "fr"),
        ("Can you tell me what happened?", "fr", "en"),
        ("Hello, ici Julie de Recouvra, je vous appelle pour Hydro-Sud", "en", "fr"),
    ],
)
def test_langue(texte: str, contexte: str | None, langue: str) -> None:
    assert detecter_langue(texte, contexte) == langue


def test_langue_dans_l_analyse() -> None:
    assert analyser("Can you pay the full balance today?", "qc", "fr").langue == "en"
    assert analyser("OK", "qc", "en").langue == "en"


# --- Exemples de scénario -----------------------------------------------------


def test_exemples_du_scenario_l_emportent() -> None:
    a = Analyseur({"verification_identite": ["Karim Benali, Recouvra Conseil ?"]})
    assert analyser("Karim Benali, Recouvra Conseil ?").confiance < 0.95
    exact = a.analyser("karim benali recouvra conseil")
    assert exact.acte == "verification_identite" and exact.confiance >= 0.95
    assert exact.candidats[0] == ("verification_identite", exact.confiance)
    proche = Analyseur({"cloture": ["Je vous rappelle jeudi matin sans faute"]}).analyser(
        "Je vous rappelle jeudi matin, sans faute !"
    )
    assert proche.acte == "cloture" and proche.confiance >= 0.8
    loin = a.analyser("Quel est votre revenu net chaque mois ?")
    assert loin.acte == "question_financiere"


def test_exemple_acte_inconnu_refuse() -> None:
    with pytest.raises(ValueError, match="acte inconnu"):
        Analyseur({"negociation": ["peu importe"]})
    with pytest.raises(ValueError, match="vouliez-vous dire « cloture »"):
        Analyseur({"clotur": ["Merci"]})


def test_exemple_compare_les_nombres_en_chiffres() -> None:
    a = Analyseur({"contre_proposition": ["Et si on disait cent dollars par mois ?"]})
    assert a.analyser("Et si on disait 100 $ par mois ?").acte == "contre_proposition"


def test_exemple_garde_les_infractions() -> None:
    a = Analyseur({"demande_paiement": ["Payez ou la police viendra"]})
    r = a.analyser("Payez ou la police viendra", "qc")
    assert r.acte == "demande_paiement" and r.ids_infractions == ("menace",)


# --- Robustesse et performance ------------------------------------------------


@pytest.mark.parametrize(
    "texte",
    [
        "",
        "   \n\t ",
        "\x00\x01\x1b[31m\x7f",
        "[bold]Bonjour[/]",
        "[/]",
        "[link=http://exemple.org]ici[/link]",
        "😀🙏🏽 💸💸",
        "\ud800 demi-codet isolé",
        "\u202e\u200bOK\ufeff",
        "１５０ ＄ par mois",
        "$$$ €€€ %%% ???",
        "le 99 mars, le 0, le 31 février",
        "1e309 $ et $1,000,000,000,000.00",
        "שלום 你好 مرحبا Привет",
    ],
)
def test_entrees_bizarres(texte: str) -> None:
    a = analyser(texte, "qc")
    assert isinstance(a, Analyse) and a.acte in ACTES and a.langue in ("fr", "en")
    assert a.texte == texte


def test_balises_rich_ignorees() -> None:
    assert analyser("[bold]Pouvez-vous payer le solde complet ?[/]").acte == "demande_paiement"


def test_ligne_de_100_ko() -> None:
    texte = "Bonjour, ici Julie de Recouvra. " + "bla " * 25_000
    debut = time.perf_counter()
    a = analyser(texte)
    assert time.perf_counter() - debut < 0.5
    assert a.texte == texte  # intact, même si l'analyse ne lit que le début
    assert a.acte == "presentation"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(["qc", "fr", "xx"]), st.sampled_from([None, "fr", "en"]))
def test_jamais_d_exception(texte: str, juridiction: str, contexte: str | None) -> None:
    a = analyser(texte, juridiction, contexte)
    assert isinstance(a, Analyse)
    assert a.acte in ACTES and a.langue in ("fr", "en")
    assert 0.0 <= a.confiance <= 1.0
    assert len(a.candidats) <= 3
    assert all(0.0 <= s <= 1.0 for _, s in a.candidats)
    assert Analyse.depuis_dict(a.vers_dict()) == a


def test_confiance_et_candidats() -> None:
    a = analyser("Que diriez-vous de 150 $ par mois à partir du 1er ?")
    assert a.confiance > 0.7
    assert a.candidats[0][0] == a.acte
    menace = analyser("Je vais prévenir tous vos clients.", "fr")
    assert menace.acte == "autre"
    assert len({x for x, _ in menace.candidats}) == len(menace.candidats)  # sans doublon
    ambigu = analyser("Je comprends, mais pourriez-vous payer 50 $ par mois ?")
    assert len(ambigu.candidats) >= 2
    assert ambigu.confiance < a.confiance


def test_rapide() -> None:
    lignes = [t for t, _ in ACTES_FR + ACTES_EN] + [t for t, *_ in INFRACTIONS]
    analyser("échauffement")
    debut = time.perf_counter()
    for ligne in lignes:
        analyser(ligne)
    moyenne = (time.perf_counter() - debut) / len(lignes)
    assert moyenne < 0.002  # ~0,4 ms en pratique ; marge pour les machines lentes


def test_import_sans_numpy_ni_sklearn() -> None:
    code = (
        "import simulateur.comprehension.analyseur, sys; "
        "assert 'sklearn' not in sys.modules and 'numpy' not in sys.modules "
        "and 'scipy' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=RACINE)


def test_lire_les_types_ne_compile_pas_les_motifs() -> None:
    code = (
        "import sys, simulateur.comprehension.analyse; "
        "assert 'simulateur.comprehension.motifs_actes' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=RACINE)
