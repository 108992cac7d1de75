"""Commande `nouveau` : un scénario commenté, valide tel quel, et son fichier de test."""

from __future__ import annotations

import argparse
import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from simulateur.cli.sortie import erreur

ID_PERMIS = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# Ce qui change d'une juridiction à l'autre dans le gabarit.
JURIDICTIONS: dict[str, dict[str, str]] = {
    "qc": {
        "__JURIDICTION__": "qc",
        "__DEVISE__": "CAD",
        "__AGENCE__": "Agence Recouvra",
        "__CREANCIER__": "Électro-Nord",
        "__APPEL__": (
            "  date_avis: 2026-02-20       # avis de réclamation (formule N-41), au moins 5 jours avant\n"
        ),
        "__PERMIS__": '  numero_permis: "RC-2024-118" # à donner pendant l\'appel\n',
        "__ENVOI__": "Avis de réclamation (formule N-41) envoyé par la poste",
        "__MONTANT__": "1 200 $",
        "__REGLE__": "Québec : LRCC et son règlement",
    },
    "fr": {
        "__JURIDICTION__": "fr",
        "__DEVISE__": "EUR",
        "__AGENCE__": "Recouvra Conseil",
        "__CREANCIER__": "Électro-Nord",
        "__APPEL__": (
            "  lettre_reference: RCV-FR-2026-0001  # lettre amiable (art. R124-4 du CPCE)\n"
            "  lettre_date: 2026-02-20\n"
        ),
        "__PERMIS__": "",
        "__ENVOI__": "Lettre amiable RCV-FR-2026-0001 envoyée (art. R124-4 du CPCE)",
        "__MONTANT__": "1 200 €",
        "__REGLE__": "France : code des procédures civiles d'exécution",
    },
}

GABARIT_SCENARIO = """\
# Scénario créé par « simulateur nouveau ». Remplacez les textes « À compléter » ;
# chaque clé est expliquée dans docs/guide-formateur.md.
#   vérifier : simulateur valider __FICHIER__
#   tester   : simulateur tester __TEST__
#   dessiner : simulateur graphe __FICHIER__
id: __ID__
titre: "À compléter : titre court du scénario"
description: >
  À compléter : qui est le débiteur, ce qu'il doit et pourquoi, et ce qui mène
  au succès (écoute, analyse du budget, entente réaliste).
juridiction: __JURIDICTION__    # règles appliquées (__REGLE__)
canal: telephone                # ou visite
niveau: simple                  # ou complexe (plusieurs dettes, caution…)
langue:
  debiteur: fr                  # langue du débiteur au décroché (fr ou en)

appel:
  date: 2026-03-10              # un jour ouvrable, hors jour férié
  heure: "10:15"                # toujours entre guillemets
  ligne: domicile
__APPEL__
dossier:
  creancier: __CREANCIER__
  agence: __AGENCE__
__PERMIS__  reference: DOS-0001
  montant: 1200                 # solde dû, dans la devise
  devise: __DEVISE__
  echeance: 2026-01-15
  historique:
    - date: 2026-01-15
      evenement: Facture de __MONTANT__ échue, aucun paiement reçu
    - date: 2026-02-20
      evenement: __ENVOI__

mandat:
  versement_minimum: 50         # mensualité la plus basse acceptée par le créancier
  duree_max_mois: 12            # donc au moins 100 par mois pour tout régler

personnage:
  archetype: difficulte_financiere   # ou perte_commerce, mauvaise_foi
  # Budget caché, tiré au hasard dans ces plages (par mois, dans la devise) :
  # capacité = revenu net - dépenses fixes - environ 3 % des autres dettes.
  revenu_net: [2000, 2300]
  depenses_fixes: [1400, 1600]
  autres_dettes: [0, 1500]
  confiance: [0.35, 0.5]        # de 0 à 1 : il révèle son budget à partir de 0,35
  irritation: [0.1, 0.25]
  patience: [0.7, 0.85]         # il raccroche quand l'irritation atteint ce seuil
  situation: >-
    À compléter : j'ai perdu mon emploi chez {{ personnage.employeur }} en
    décembre.
  faits:
    - id: perte_emploi
      texte: >-
        J'ai été mis à pied chez {{ personnage.employeur }} juste avant les
        Fêtes. Je cherche du travail depuis.
      actes: [question_ouverte, empathie, reformulation]

etat_initial: ouverture

phases:
  ouverture:
    description: Le débiteur décroche ; l'agent se présente et vérifie l'identité.
    repliques:
      decroche:
        - Oui, bonjour ?
      objet_appel:                # la dette annoncée avant de vérifier l'identité
        - id: ouverture.objet.1
          texte: Attendez… vous êtes qui, au juste ? Je ne parle pas de mes affaires à n'importe qui.
  identification:
    description: Identité vérifiée ; l'agent annonce la créance.
    repliques:
      identite_confirmee:
        - id: identification.identite.1
          texte: Oui, c'est moi. C'est à quel sujet ?
      objet_appel:
        - id: identification.objet.1
          texte: >-
            Oui… la facture de {{ dossier.creancier }}. Je sais, je ne l'ai pas
            oubliée, c'est juste que ça va mal ces temps-ci.
  exploration:
    description: L'agent comprend la situation et le budget avant de proposer.
  negociation:
    description: L'agent propose ; le débiteur accepte ce qu'il peut vraiment payer.
    repliques:
      offre_contre:
        - id: negociation.contre.1
          texte: >-
            {{ offre.montant | argent }} {{ offre.frequence }}, je n'y arriverai
            pas. Je pourrais faire {{ contre_offre.montant | argent }}
            {{ contre_offre.frequence }}.
  accord:
    description: Une entente est acceptée ; l'agent la récapitule puis conclut.
    repliques:
      entente_confirmee:
        - id: accord.confirmee.1
          texte: C'est bien ça, je le note. Merci de m'avoir laissé le temps.

fins:
  entente:
    resultat: entente
    description: Entente récapitulée et acceptée.
    repliques:
      - id: fin.entente.1
        texte: Merci à vous. Bonne fin de journée.
  sans_entente:
    resultat: refus
    description: L'appel se termine sans entente.
    repliques:
      - id: fin.refus.1
        texte: Bon. Au revoir.

# Essayées dans l'ordre : la première dont l'acte et la condition « si »
# conviennent fait changer de phase ; sinon le débiteur reste dans la phase.
transitions:
  - {de: ouverture, acte: verification_identite, vers: identification}
  - {de: identification, acte: objet_appel, vers: exploration}
  - de: ouverture
    acte: objet_appel
    vers: exploration
    effets: {confiance: -0.1, irritation: 0.1}   # divulgation sans vérification : méfiance
  - de: [exploration, negociation]
    acte: [proposition_entente, contre_proposition, confirmation_entente]
    vers: accord
    si: {offre: acceptee}
  - de: [exploration, negociation]
    acte: demande_paiement
    vers: accord
    si: {paiement_integral: accepte}
  - de: [exploration, negociation]
    acte: [proposition_entente, contre_proposition, demande_paiement]
    vers: negociation
  - de: accord
    acte: cloture
    vers: entente
  - de: accord
    acte: [proposition_entente, contre_proposition]
    vers: negociation
    si: {offre: contre}
  - de: [ouverture, identification, exploration, negociation]
    acte: cloture
    vers: sans_entente

# Répliques d'apprenant propres au scénario, quand le simulateur les comprend mal :
# exemples:
#   objet_appel:
#     - Je vous appelle au sujet de votre compte __CREANCIER__ en souffrance.
"""

LIGNES_COMPETENT: dict[str, tuple[str, ...]] = {
    "qc": (
        "Bonjour, ici Julie Caron, de l'Agence Recouvra.",
        "Suis-je bien en communication avec la personne titulaire du compte ? Pouvez-vous me "
        "confirmer votre date de naissance, s'il vous plaît ?",
        "Merci. Notre permis d'agence porte le numéro RC-2024-118. Je vous appelle au nom "
        "d'Électro-Nord au sujet de votre facture de 1 200 $, échue depuis le 15 janvier.",
        "Pouvez-vous me dire ce qui s'est passé de votre côté ?",
        "Je comprends, perdre son emploi, ce n'est vraiment pas une période facile.",
        "Quel est votre revenu net chaque mois en ce moment ?",
        "Et à combien s'élèvent vos dépenses fixes par mois, le loyer et l'épicerie compris ?",
        "Avez-vous d'autres dettes, comme une carte de crédit ou un prêt ?",
        "Que diriez-vous de 100 $ par mois, à partir du 1er avril ?",
        "Donc, pour confirmer : 100 $ le 1er de chaque mois par virement, à partir du 1er avril, "
        "jusqu'à ce que le solde de 1 200 $ soit réglé.",
        "Merci pour votre temps, je vous envoie la confirmation par écrit. Bonne fin de journée.",
    ),
    "fr": (
        "Bonjour, ici Julie Caron, de Recouvra Conseil, société de recouvrement amiable, "
        "mandatée par Électro-Nord.",
        "Suis-je bien en communication avec la personne titulaire du compte ? Pouvez-vous me "
        "confirmer votre nom, s'il vous plaît ?",
        "Merci. Je vous appelle au sujet d'une facture restée impayée pour un solde de 1 200 €, "
        "comme indiqué dans notre lettre du 20 février, référence RCV-FR-2026-0001.",
        "Pouvez-vous me dire ce qui s'est passé de votre côté ?",
        "Je comprends, perdre son emploi, ce n'est vraiment pas une période facile.",
        "Quel est votre revenu net chaque mois en ce moment ?",
        "Et à combien s'élèvent vos dépenses fixes par mois, loyer et courses compris ?",
        "Avez-vous d'autres dettes, comme un crédit à la consommation ?",
        "Que diriez-vous de 100 € par mois, à partir du 1er avril ?",
        "Donc, pour confirmer : 100 € par virement le 1er de chaque mois, à partir du 1er avril, "
        "jusqu'au règlement complet des 1 200 € ; vous recevrez une quittance pour chaque "
        "versement.",
        "Merci pour votre temps, je vous envoie le récapitulatif par écrit. Bonne journée.",
    ),
}

LIGNES_ABUSIF: dict[str, tuple[str, ...]] = {
    "qc": (
        "Bon, écoutez-moi bien : vous devez 1 200 $ à Électro-Nord et vous allez payer "
        "aujourd'hui.",
        "Payez la totalité maintenant, sinon vous allez finir en prison.",
        "J'appelle votre employeur et vos voisins pour leur dire que vous ne payez pas vos "
        "factures.",
        "Vous êtes vraiment un minable.",
    ),
    "fr": (
        "Bon, écoutez-moi bien : vous devez 1 200 € à Électro-Nord et vous allez payer "
        "aujourd'hui.",
        "Payez la totalité maintenant, sinon vous allez finir en prison.",
        "Je vais prévenir votre employeur et vos voisins que vous ne payez pas vos factures.",
        "Vous êtes vraiment un minable.",
    ),
}


def _yaml_texte(texte: str) -> str:
    """La réplique entre guillemets doubles (elle contient souvent « : »)."""
    return '"' + texte.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gabarit_test(id_: str, juridiction: str, reference: str) -> str:
    def tours(lignes: tuple[str, ...], annotations: dict[int, list[str]]) -> list[str]:
        sortie = []
        for n, ligne in enumerate(lignes, 1):
            if n in annotations:
                sortie.append(f"      - apprenant: {_yaml_texte(ligne)}")
                sortie.extend(f"        {a}" for a in annotations[n])
            else:
                sortie.append(f"      - {_yaml_texte(ligne)}")
        return sortie

    lignes = [
        f"# Tests du scénario {id_} : « simulateur tester » rejoue chaque cas avec chaque graine",
        "# et compare les phases, l'issue et les notes à ce qui est attendu ci-dessous.",
        "# Adaptez les répliques quand vous modifiez le scénario (créancier, montants…).",
        f"scenario: {reference}",
        "",
        "cas:",
        "  - nom: apprenant compétent",
        "    graines: [1, 2, 3]            # trois débiteurs différents",
        "    tours:                        # une réplique de l'apprenant par ligne",
        *tours(
            LIGNES_COMPETENT[juridiction],
            {
                2: ["phase: identification      # phase après ce tour", "cle: identite_confirmee"],
                11: ["cle: fin                  # la dernière réplique du débiteur"],
            },
        ),
        "    attendu:",
        "      resultat: entente",
        "      phases: [ouverture, identification, exploration, accord, entente]",
        "      notes:                      # [minimum, maximum] sur 100",
        "        globale: [70, 100]",
        "        conformite: [75, 100]",
        "",
        "  - nom: apprenant abusif",
        "    graines: [1, 2, 3]",
        "    tours:",
        *tours(LIGNES_ABUSIF[juridiction], {}),
        "    attendu:",
        "      resultat: raccroche",
        "      notes:",
        "        globale: [0, 30]",
        "        conformite: [0, 40]",
    ]
    return "\n".join(lignes) + "\n"


def gabarit_scenario(id_: str, juridiction: str, fichier: str, test: str) -> str:
    texte = GABARIT_SCENARIO
    remplacements = {**JURIDICTIONS[juridiction], "__ID__": id_, "__FICHIER__": fichier}
    remplacements["__TEST__"] = test
    for jeton, valeur in remplacements.items():
        texte = texte.replace(jeton, valeur)
    return texte


def suggestion_id(texte: str) -> str:
    """« Prêt auto (séparation) » → « pret-auto-separation »."""
    sans = "".join(
        c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c)
    ).lower()
    return re.sub(r"[^a-z0-9_]+", "-", sans).strip("-_")


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "nouveau",
        help="créer un scénario commenté et son fichier de test",
        description="Crée DOSSIER/ID.yaml, un scénario complet et commenté, valide tel quel, "
        "et son test tests/scenarios/ID.test.yaml (à côté du dossier des scénarios). "
        "N'écrase jamais un fichier existant.",
    )
    p.add_argument("id", metavar="ID", help="identifiant : minuscules, chiffres, - et _")
    p.add_argument(
        "--dossier",
        default="scenarios",
        metavar="DOSSIER",
        help="dossier des scénarios (défaut : scenarios)",
    )
    p.add_argument(
        "--juridiction",
        choices=("qc", "fr"),
        default="qc",
        help="qc (Québec, dollars) ou fr (France, euros) ; défaut : qc",
    )
    p.add_argument(
        "--tests",
        metavar="DOSSIER",
        help="dossier du fichier de test (défaut : tests/scenarios à côté de DOSSIER)",
    )


def _relatif(cible: Path, depuis: Path) -> str:
    return Path(os.path.relpath(cible, depuis)).as_posix()


def executer(args: argparse.Namespace) -> int:
    from simulateur.scenarios.schema_json import CHEMIN_SCHEMA, texte_schema

    id_ = args.id
    if not ID_PERMIS.fullmatch(id_):
        propose = suggestion_id(id_)
        conseil = f" (vouliez-vous dire « {propose} » ?)" if ID_PERMIS.fullmatch(propose) else ""
        erreur(
            f"identifiant invalide « {id_} » : lettres minuscules, chiffres, - et _ seulement, "
            f"sans accent ni espace{conseil}"
        )
        return 2
    dossier = Path(args.dossier)
    racine = dossier.parent
    dossier_tests = Path(args.tests) if args.tests else racine / "tests" / "scenarios"
    scenario = dossier / f"{id_}.yaml"
    test = dossier_tests / f"{id_}.test.yaml"
    for chemin in (scenario, test):
        if chemin.exists():
            erreur(f"{chemin} existe déjà : rien n'est écrasé (choisissez un autre identifiant)")
            return 2
    schema = racine / CHEMIN_SCHEMA
    texte = gabarit_scenario(id_, args.juridiction, scenario.as_posix(), test.as_posix())
    texte = f"# yaml-language-server: $schema={_relatif(schema, dossier)}\n" + texte
    # Un id suffit quand le test retrouve le scénario dans un dossier scenarios/ au-dessus.
    au_dessus = [dossier_tests.resolve(), *dossier_tests.resolve().parents][:5]
    par_id = dossier.resolve().name == "scenarios" and dossier.resolve().parent in au_dessus
    reference = id_ if par_id else _relatif(scenario, dossier_tests)
    try:
        dossier.mkdir(parents=True, exist_ok=True)
        dossier_tests.mkdir(parents=True, exist_ok=True)
        with scenario.open("x", encoding="utf-8") as f:
            f.write(texte)
        with test.open("x", encoding="utf-8") as f:
            f.write(gabarit_test(id_, args.juridiction, reference))
        if not schema.exists():
            schema.parent.mkdir(parents=True, exist_ok=True)
            schema.write_text(texte_schema(), encoding="utf-8")
            print(f"Schéma écrit : {schema} (complétion des clés dans l'éditeur)")
    except OSError as e:
        erreur(f"impossible d'écrire : {e.strerror or e}")
        return 2
    print(f"Scénario créé : {scenario}")
    print(f"Test créé     : {test}")
    print("Ensuite :")
    print(f"  simulateur valider {scenario.as_posix()}")
    print(f"  simulateur tester {test.as_posix()}")
    print(f"  simulateur jouer {scenario.as_posix()}")
    return 0
