"""Widgets de l'application."""
