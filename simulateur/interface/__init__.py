"""L'application Textual : accueil, appel, fin d'appel, bilan, relecture, historique.

Seul ce paquet importe Textual ; le cœur (session, compréhension, évaluation)
reste utilisable sans lui.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulateur.interface.app import SimulateurApp


def creer_app(
    donnees: Path | None = None, scenarios: Path | None = None, **options: Any
) -> SimulateurApp:
    """Fabrique de l'application ; `donnees` et `scenarios` remplacent les dossiers par défaut.

    Options : graine, rythme, horloge, mode, relecture (voir `Config`).
    """
    from simulateur.interface.app import SimulateurApp
    from simulateur.interface.config import Config
    from simulateur.stockage import dossier_donnees, dossier_scenarios

    config = Config(
        donnees=Path(donnees) if donnees else dossier_donnees(),
        scenarios=Path(scenarios) if scenarios else dossier_scenarios(),
        **options,
    )
    return SimulateurApp(config)


def lancer(**options: Any) -> int:
    """Lance l'application ; code de sortie non nul si elle est morte sur une erreur."""
    app = creer_app(**options)
    app.run()
    return int(app.return_code or 0)
