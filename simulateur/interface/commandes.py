"""Palette de commandes (Ctrl+P) : les actions de l'écran courant et celles de l'application."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

Commande = tuple[str, str, Callable[[], object]]


def commandes_de(ecran: object) -> Iterable[Commande]:
    fournir = getattr(ecran, "commandes", None)
    return fournir() if callable(fournir) else ()


class CommandesSimulateur(Provider):
    def _toutes(self) -> list[Commande]:
        app = self.app
        propres = list(commandes_de(self.screen))
        globales = list(commandes_de(app))
        vus = {c[0] for c in propres}
        return propres + [c for c in globales if c[0] not in vus]

    async def discover(self) -> Hits:
        for titre, aide, action in self._toutes():
            yield DiscoveryHit(titre, partial(action), help=aide)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for titre, aide, action in self._toutes():
            score = matcher.match(titre)
            if score > 0:
                yield Hit(score, matcher.highlight(titre), partial(action), help=aide)
