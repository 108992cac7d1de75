"""Logique de l'application sans Textual : testable sans interface."""
