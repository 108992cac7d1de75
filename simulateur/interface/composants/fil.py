"""Le fil de l'appel : répliques du débiteur et de l'apprenant, toujours en texte littéral."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from simulateur.interface.composants.texte import visible


class Replique(Static):
    """Une réplique ; `qui` vaut « debiteur » ou « apprenant »."""

    def __init__(self, qui: str, texte: str, tour: int | None = None, marque: str = "") -> None:
        etiquette = "Débiteur › " if qui == "debiteur" else "Vous › "
        morceaux: list[str | tuple[str, str]] = [(etiquette, "bold"), visible(texte)]
        if marque:
            morceaux.append((f"  ⚠ {marque}", "bold"))
        super().__init__(Content.assemble(*morceaux), classes=f"replique {qui}")
        self.qui = qui
        self.texte = texte
        self.tour = tour
        if marque:
            self.add_class("infraction")


class BandeauFin(Static):
    """Dernière ligne du fil : le résultat de l'appel ; un clic ouvre la fin d'appel."""

    class Clique(Message):
        pass

    def __init__(self, resultat: str) -> None:
        super().__init__(
            Content.assemble(
                (f"— Fin de l'appel : {visible(resultat)} —", "bold"),
                "\n",
                ("Entrée, F10 ou clic ici : remplir la fin d'appel", "italic"),
            ),
            classes="fin-appel",
        )

    def on_click(self) -> None:
        self.post_message(self.Clique())


class FilConversation(VerticalScroll):
    """Défile tout seul vers la dernière réplique."""

    can_focus = False

    def on_mount(self) -> None:
        self.anchor()  # reste collé à la dernière réplique tant qu'on ne remonte pas

    def ajouter(self, qui: str, texte: str, tour: int | None = None, marque: str = "") -> Replique:
        ligne = Replique(qui, texte, tour, marque)
        self.mount(ligne)
        self.scroll_end(animate=False)
        return ligne

    def terminer(self, resultat: str) -> None:
        self.mount(BandeauFin(resultat))
        self.scroll_end(animate=False)

    def marquer(self, tour: int, marque: str) -> None:
        """Signale après coup une réplique de l'apprenant (alerte de conformité)."""
        for r in self.query(Replique):
            if r.qui == "apprenant" and r.tour == tour:
                r.update(
                    Content.assemble(
                        ("Vous › ", "bold"), visible(r.texte), (f"  ⚠ {marque}", "bold")
                    )
                )
                r.add_class("infraction")
