"""Les écrans de l'application (importés à la demande, pour un démarrage rapide)."""
