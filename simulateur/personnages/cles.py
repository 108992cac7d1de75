"""Clés de répliques du débiteur : un acte de actes.md ou une situation ci-dessous.

Une réplique est cherchée par clé, de la plus précise à la plus générale, dans
la phase du scénario, puis dans ses répliques communes, puis dans la couche par
défaut du paquet (repliques_defaut.yaml).
"""

from __future__ import annotations

from typing import Final

from simulateur.actes import ACTES

# Situations que le comportement du débiteur produit ; chacune dit quelles
# variables supplémentaires ses gabarits reçoivent.
SITUATIONS: Final[dict[str, tuple[str, tuple[str, ...]]]] = {
    "decroche": ("le débiteur décroche ou ouvre la porte, avant que l'agent parle", ()),
    "offre_acceptee": ("le débiteur accepte l'offre de l'agent", ("offre",)),
    "offre_contre": ("le débiteur propose moins", ("offre", "contre_offre")),
    "offre_refusee": ("le débiteur refuse sans contre-offre", ("offre",)),
    "offre_impossible": ("le débiteur ne peut rien payer du tout", ("offre",)),
    "offre_incomplete": ("l'offre n'a pas de montant lisible", ()),
    "paiement_integral_accepte": ("le débiteur accepte de tout payer", ()),
    "paiement_integral_refuse": ("le débiteur ne peut pas tout payer", ()),
    "budget_revenu": ("le débiteur dit son revenu net mensuel", ("valeur",)),
    "budget_depenses": ("le débiteur dit ses dépenses fixes mensuelles", ("valeur",)),
    "budget_actifs": ("le débiteur dit ce qu'il possède", ("valeur",)),
    "budget_dettes": ("le débiteur dit ses autres dettes", ("valeur",)),
    "budget_refus": ("le débiteur refuse de parler de son budget", ()),
    "reaction_infraction": ("le débiteur réagit à une infraction de l'agent", ()),
    "raccroche": ("le débiteur raccroche", ()),
    "bascule_langue": ("le débiteur passe à l'autre langue", ()),
    "langue_incomprise": ("l'agent ne parle pas la langue du débiteur", ()),
    "fait_revele": ("le débiteur confie un fait (le texte du fait suit)", ("fait",)),
    "identite_confirmee": ("le débiteur confirme son identité", ()),
    "entente_confirmee": ("le débiteur confirme le récapitulatif", ("entente",)),
    "confirmation_sans_entente": ("récapitulatif alors que rien n'est convenu", ()),
    "ressource_acceptee": ("le débiteur accueille l'orientation vers une aide", ()),
}

# Variables que tout gabarit reçoit.
VARIABLES_COMMUNES: Final[tuple[str, ...]] = ("personnage", "dossier", "etat", "appel")

CLES: Final[frozenset[str]] = frozenset(ACTES) | frozenset(SITUATIONS)


def variables_de(cle: str) -> tuple[str, ...]:
    """Variables qu'un gabarit rangé sous `cle` peut employer."""
    extra = SITUATIONS[cle][1] if cle in SITUATIONS else ()
    return VARIABLES_COMMUNES + extra
