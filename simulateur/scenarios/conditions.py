"""Interprète le vocabulaire fixe des conditions et effets (jamais du code du scénario)."""

from __future__ import annotations

from dataclasses import dataclass

from simulateur.personnages.comportement import EtatDebiteur, Reaction
from simulateur.scenarios.schema import Condition, Effets


@dataclass(frozen=True, slots=True)
class ContexteTour:
    etat: EtatDebiteur
    reaction: Reaction
    tour: int
    infraction: bool


def verifier(c: Condition | None, ctx: ContexteTour) -> bool:
    if c is None:
        return True
    e, r = ctx.etat, ctx.reaction
    tests = (
        c.confiance_min is None or e.confiance >= c.confiance_min,
        c.confiance_max is None or e.confiance <= c.confiance_max,
        c.irritation_min is None or e.irritation >= c.irritation_min,
        c.irritation_max is None or e.irritation <= c.irritation_max,
        c.offre is None or r.resultat_offre == c.offre,
        c.paiement_integral is None or r.paiement_integral == c.paiement_integral,
        c.identite_verifiee is None or e.identite_verifiee == c.identite_verifiee,
        c.dette_annoncee is None or e.dette_annoncee == c.dette_annoncee,
        c.entente_conclue is None or (e.entente is not None) == c.entente_conclue,
        c.infraction is None or ctx.infraction == c.infraction,
        all(f in e.faits_reveles for f in c.faits_reveles),
        c.tour_min is None or ctx.tour >= c.tour_min,
        c.tour_max is None or ctx.tour <= c.tour_max,
        c.langue is None or e.langue == c.langue,
        all(e.variables.get(k) == v for k, v in c.variables.items()),
    )
    return all(tests)


def appliquer(effets: Effets | None, etat: EtatDebiteur) -> list[str]:
    """Applique les effets ; rend les ids de faits nouvellement révélés."""
    if effets is None:
        return []
    etat.ajuster(effets.confiance or 0.0, effets.irritation or 0.0)
    etat.variables.update(effets.variables)
    if effets.langue:
        etat.langue = effets.langue
    nouveaux = [f for f in effets.reveler if f not in etat.faits_reveles]
    etat.faits_reveles.extend(nouveaux)
    return nouveaux
