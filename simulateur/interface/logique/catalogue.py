"""La bibliothèque de scénarios telle que l'accueil l'affiche."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ARCHETYPES = {
    "difficulte_financiere": "difficulté financière",
    "perte_commerce": "perte de commerce",
    "mauvaise_foi": "mauvaise foi",
}
CANAUX = {"telephone": "téléphone", "visite": "visite"}
# Libellés courts pour tenir en 80 colonnes.
ARCHETYPES_COURTS = {
    "difficulte_financiere": "difficulté fin.",
    "perte_commerce": "perte commerce",
    "mauvaise_foi": "mauvaise foi",
}
CANAUX_COURTS = {"telephone": "tél.", "visite": "visite"}


@dataclass(frozen=True)
class FicheScenario:
    fichier: Path
    id: str
    titre: str
    archetype: str
    niveau: str
    juridiction: str
    canal: str
    langues: str
    description: str = ""

    def correspond(self, filtre: str) -> bool:
        """Tous les mots du filtre apparaissent dans une des colonnes."""
        texte = " ".join(
            (
                self.id,
                self.titre,
                self.archetype,
                self.niveau,
                self.juridiction,
                self.canal,
                self.langues,
                ARCHETYPES.get(self.archetype, ""),
                CANAUX.get(self.canal, ""),
            )
        ).lower()
        return all(mot in texte for mot in filtre.lower().split())


def charger_catalogue(dossier: Path) -> tuple[list[FicheScenario], list[str]]:
    """Fiches des scénarios valides, et messages pour les invalides."""
    from simulateur.scenarios.chargement import charger_scenario
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.stockage import fichiers_scenarios

    fiches, invalides = [], []
    for f in fichiers_scenarios(dossier):
        try:
            s = charger_scenario(f).scenario
        except ScenarioInvalide:
            invalides.append(f"{f.name} : invalide (simulateur valider {f})")
            continue
        langues = s.langue.debiteur + (f"→{s.langue.bascule.vers}" if s.langue.bascule else "")
        fiches.append(
            FicheScenario(
                f,
                s.id,
                s.titre,
                s.personnage.archetype,
                s.niveau,
                s.juridiction,
                s.canal,
                langues,
                " ".join(s.description.split()),
            )
        )
    return fiches, invalides
