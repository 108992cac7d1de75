"""Configuration de l'application : chemins injectables, pour que les tests n'écrivent jamais chez l'utilisateur."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Mode = Literal["entrainement", "examen"]
Horloge = Callable[[], dt.datetime]


def maintenant() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class Config:
    donnees: Path
    scenarios: Path
    graine: int | None = None  # fixe : même débiteur à chaque appel (tests, démonstration)
    rythme: bool = True  # le débiteur « tape » avant de répondre
    horloge: Horloge = maintenant
    mode: Mode = "entrainement"
    relecture: Path | None = None  # ouvrir directement cette transcription
