"""argparse en français : ses messages passent par gettext, qu'on remplace ici."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

_MESSAGES = {
    "usage: ": "utilisation : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "expected one argument": "une valeur attendue",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s (%(matches)s)",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}


def _traduire(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ntraduire(singulier: str, pluriel: str, n: int) -> str:
    return _traduire(singulier if n == 1 else pluriel)


argparse._ = _traduire  # type: ignore[attr-defined]
argparse.ngettext = _ntraduire  # type: ignore[attr-defined]


class Analyseur(argparse.ArgumentParser):
    """ArgumentParser dont l'aide et les erreurs sont en français (code 2 en cas d'erreur)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        kwargs.setdefault("formatter_class", argparse.RawDescriptionHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument(
            "-h", "--aide", "--help", action="help", help="afficher cette aide et quitter"
        )

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")
