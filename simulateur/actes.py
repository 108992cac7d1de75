"""Identifiants fixes des actes et infractions (contrat : shared/domaine/actes.md)."""

from __future__ import annotations

from typing import Final

ACTES: Final[dict[str, str]] = {
    "salutation": "ouvre l'échange poliment",
    "presentation": "se nomme, nomme son agence ou le créancier",
    "verification_identite": "s'assure de parler au débiteur",
    "objet_appel": "annonce la créance",
    "question_ouverte": "invite le débiteur à expliquer sa situation",
    "question_financiere": "s'informe des revenus, dépenses, biens ou dettes",
    "empathie": "reconnaît l'émotion ou la difficulté",
    "reformulation": "résume ce que le débiteur a dit",
    "demande_paiement": "demande le paiement intégral",
    "proposition_entente": "propose un échéancier",
    "contre_proposition": "répond à l'offre du débiteur par une autre offre",
    "orientation_ressource": "dirige vers une aide",
    "information_droits": "informe exactement des droits ou des suites possibles",
    "confirmation_entente": "récapitule l'entente conclue",
    "changement_langue": "propose ou accepte une autre langue",
    "cloture": "conclut l'échange",
    "autre": "hors sujet ou inclassable",
}

INFRACTIONS: Final[dict[str, str]] = {
    "menace": "conséquence illégale, fausse ou non envisagée",
    "harcelement": "insulte, humiliation, pression abusive",
    "fausse_representation": "faux titre, faux jugement, montant gonflé",
    "frais_illicites": "frais que la loi ou le contrat n'autorisent pas",
}

JURIDICTIONS: Final[tuple[str, ...]] = ("qc", "fr")
LANGUES: Final[tuple[str, ...]] = ("fr", "en")
ARCHETYPES: Final[tuple[str, ...]] = ("difficulte_financiere", "perte_commerce", "mauvaise_foi")
# Clés de budget que le débiteur peut révéler quand on l'interroge.
SUJETS_BUDGET: Final[tuple[str, ...]] = ("revenu", "depenses", "actifs", "dettes")

# Axes de notation (competences.md), dans l'ordre des rapports, avec leur libellé.
NOMS_AXES: Final[dict[str, str]] = {
    "approche_client": "Approche client",
    "conformite": "Conformité",
    "langue_seconde": "Langue seconde",
    "negociation": "Négociation",
    "analyse_financiere": "Analyse financière",
}
AXES: Final[tuple[str, ...]] = tuple(NOMS_AXES)
