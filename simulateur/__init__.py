"""Simulateur de négociation pour agents de recouvrement."""

__version__ = "0.1.0"
