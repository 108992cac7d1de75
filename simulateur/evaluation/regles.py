"""Les règles de cadre-legal.md : id exact, référence, et le conseil à donner."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Regle:
    id: str
    reference: str
    conseil: str
    grave: bool = False
    confirmee: bool = True  # « non confirmé » dans cadre-legal.md : bonne pratique seulement


def _r(
    id_: str, reference: str, conseil: str, grave: bool = False, confirmee: bool = True
) -> Regle:
    return Regle(id_, reference, conseil, grave, confirmee)


REGLES: dict[str, Regle] = {
    r.id: r
    for r in (
        # Québec, règles d'énoncé (É)
        _r(
            "qc_arrestation_penale",
            "LRCC 3 par. 1°",
            "Rappelez que c'est une affaire civile : jamais de prison ni de police.",
            True,
        ),
        _r(
            "qc_poursuite_annoncee",
            "LRCC 34 par. 6° ; OPC",
            "Ne dites jamais qu'une poursuite suivra : cherchez une entente.",
            True,
        ),
        _r(
            "qc_divulgation_menacee",
            "LRCC 34 par. 5° ; 3 par. 4°",
            "Le dossier reste confidentiel : ni employeur, ni famille, ni bureau de crédit comme levier.",
            True,
        ),
        _r(
            "qc_harcelement",
            "LRCC 3 par. 3°",
            "Restez courtois même sous la frustration ; proposez de rappeler plutôt que d'insister.",
            True,
        ),
        _r(
            "qc_fausse_representation",
            "LRCC 2 ; 3 par. 6° ; Loi sur le Barreau 136 a)",
            "Présentez-vous pour ce que vous êtes : agent de recouvrement, sans jugement inventé.",
            True,
        ),
        _r(
            "qc_saisie_annoncee",
            "C.p.c. 694 à 698",
            "Une agence ne saisit rien : ne parlez jamais de saisie sans jugement.",
            True,
        ),
        _r(
            "qc_montant_superieur",
            "LRCC 3 par. 5°",
            "Réclamez le solde exact du dossier, sans pénalité ajoutée.",
            True,
        ),
        _r(
            "qc_frais_recouvrement",
            "LRCC 34 par. 7° ; OPC",
            "Aucun frais de recouvrement ni pourcentage : l'entente ne coûte rien de plus que le solde.",
            True,
        ),
        # Québec, règles de contexte (C)
        _r(
            "qc_heures_appel",
            "LRCC 34 par. 4° ; Loi d'interprétation 61 par. 23°",
            "Vérifiez l'heure avant d'appeler : lundi–samedi, 8 h–20 h, hors jour férié ; sinon, ne négociez pas et rappelez.",
            True,
        ),
        _r(
            "qc_avis_ecrit_prealable",
            "LRCC 34 par. 1° et 1.1° ; OPC",
            "Assurez-vous que l'avis N-41 est parti depuis 5 jours ; s'il n'est pas reçu, renvoyez-le au lieu de négocier.",
        ),
        _r(
            "qc_identification",
            "LRCC 4 al. 2 ; OPC",
            "Présentez-vous d'abord : votre nom, l'agence, son numéro de permis, puis le créancier et le montant.",
        ),
        _r(
            "qc_verif_avant_divulgation",
            "LRCC 3 par. 4°, 4 ; OPC ; P-39.1 art. 13",
            "Vérifiez que vous parlez au débiteur avant de mentionner la dette ; à un tiers, laissez seulement un nom et un numéro.",
            True,
        ),
        _r(
            "qc_contact_tiers",
            "LRCC 4 al. 1 ; 3 par. 7°",
            "Ne réclamez rien à un tiers : demandez seulement comment joindre le débiteur.",
            True,
        ),
        _r(
            "qc_travail",
            "LRCC 4 al. 3",
            "Sans autorisation expresse, n'appelez pas au travail : demandez où joindre la personne.",
        ),
        _r(
            "qc_stop_communication",
            "LRCC 3 par. 2°, 2.1°, 8° ; 34 par. 2° à 2.2°",
            "Le débiteur a exigé l'écrit ou désigné un avocat : cessez l'appel et passez par écrit.",
            True,
        ),
        _r(
            "qc_prescription",
            "C.c.Q. 2925, 2883, 2885",
            "Une dette de plus de 3 ans n'est plus exigible en justice : ne laissez pas croire le contraire.",
            True,
        ),
        _r(
            "qc_entente_budget",
            "LRCC 3 par. 3° (par extension)",
            "Proposez une mensualité qui tient dans le surplus réel du débiteur.",
            False,
            False,
        ),
        # France, règles d'énoncé (É)
        _r(
            "fr_frais_recouvrement",
            "CPCE L111-8 al. 2-3 ; R124-4 3°",
            "Sans titre exécutoire, les frais restent au créancier : ne réclamez que la somme due.",
            True,
        ),
        _r(
            "fr_confusion_judiciaire",
            "C. pén. 433-13, 433-17 ; C. conso L121-2",
            "Vous êtes une société de recouvrement amiable : jamais huissier, commissaire de justice ni « service judiciaire ».",
            True,
        ),
        _r(
            "fr_saisie_sans_titre",
            "CPCE L111-2, L111-3",
            "Sans décision de justice, aucune saisie : n'en parlez pas comme d'une suite certaine.",
            True,
        ),
        _r(
            "fr_extorsion_chantage",
            "C. pén. 312-1, 312-10",
            "Ne menacez jamais de révéler la dette à l'employeur ou à la famille.",
            True,
        ),
        _r(
            "fr_pression_agressive",
            "C. conso L121-6, L121-7 ; accord ASF 2004",
            "Ni insulte ni pression : exposez les suites possibles exactement, sans les dramatiser.",
            True,
        ),
        _r(
            "fr_montant",
            "CPCE R124-4 3° ; C. conso L121-2",
            "Réclamez la seule somme due, détaillée (principal, intérêts, accessoires).",
            True,
        ),
        _r(
            "fr_creance_prescrite",
            "C. conso L218-2, R312-35 ; C. civ. 2224",
            "Vérifiez la date du premier impayé : une dette prescrite n'est pas exigible en justice.",
            True,
        ),
        # France, règles de contexte (C)
        _r(
            "fr_lettre_prealable",
            "CPCE R124-4, R124-7",
            "Rappelez la référence et la date de la lettre R124-4 au début de l'appel.",
        ),
        _r(
            "fr_identification",
            "C. conso L121-2 3° ; R124-4 1°-2°",
            "Présentez-vous et nommez le créancier avant toute demande de paiement.",
        ),
        _r(
            "fr_verif_avant_divulgation",
            "accord ASF ; RGPD 5.1 c)",
            "Vérifiez l'identité et que la personne peut parler avant d'évoquer la dette.",
            True,
        ),
        _r(
            "fr_tiers_employeur",
            "accord ASF",
            "Au travail, ne citez pas la dette : proposez de joindre la personne sur sa ligne personnelle.",
            False,
            False,
        ),
        _r(
            "fr_appels_reiteres",
            "C. pén. 222-16 ; C. conso L121-7 ; ASF",
            "Limitez les contacts au strict nécessaire ; après plusieurs appels, écrivez.",
            False,
            False,
        ),
        _r(
            "fr_horaires",
            "C. conso D223-9 (analogie)",
            "Appelez en semaine, de 10 h à 13 h ou de 14 h à 20 h (bonne pratique).",
            False,
            False,
        ),
        _r("fr_quittance", "CPCE R124-6", "Annoncez qu'une quittance suivra chaque versement."),
        _r(
            "fr_enregistrement",
            "RGPD 5, 12, 13 ; CNIL SAN-2019-010",
            "Dites au débiteur que l'appel est enregistré.",
        ),
        _r(
            "fr_surendettement",
            "Banque de France (non confirmé)",
            "Dossier de surendettement recevable : ne pressez pas de payer hors procédure ; transmettez au créancier.",
            True,
            False,
        ),
        _r(
            "fr_entente_budget",
            "accord ASF ; barème de saisie (reste à vivre)",
            "Préservez un reste à vivre : la mensualité doit tenir dans la marge réelle.",
            False,
            False,
        ),
        # Critères de la grille (hors cadre légal)
        _r(
            "mandat_creancier",
            "Mandat du créancier (AEP 224-086 ; CQP)",
            "Restez dans le mandat : mensualité minimale, durée maximale, aucune réduction non autorisée.",
        ),
    )
}

# Infraction d'une réplique → règle par défaut, quand l'analyse n'en donne pas.
REGLE_PAR_INFRACTION: dict[str, dict[str, str]] = {
    "qc": {
        "menace": "qc_poursuite_annoncee",
        "harcelement": "qc_harcelement",
        "fausse_representation": "qc_fausse_representation",
        "frais_illicites": "qc_frais_recouvrement",
    },
    "fr": {
        "menace": "fr_extorsion_chantage",
        "harcelement": "fr_pression_agressive",
        "fausse_representation": "fr_confusion_judiciaire",
        "frais_illicites": "fr_frais_recouvrement",
    },
}

LIBELLES_INFRACTION = {
    "menace": "Menace",
    "harcelement": "Harcèlement",
    "fausse_representation": "Fausse représentation",
    "frais_illicites": "Frais illicites",
}


def regle(id_: str) -> Regle:
    return REGLES.get(id_) or Regle(id_, "", "")
