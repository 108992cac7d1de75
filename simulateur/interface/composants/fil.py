"""Le fil de l'appel : répliques du débiteur et de l'apprenant, toujours en texte littéral."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
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
