"""Preuve d'intégrité des transcriptions : chaîne d'empreintes et signature HMAC.

Sans clé, la chaîne révèle toute ligne modifiée, supprimée ou déplacée, sauf
une retouche de la toute dernière ligne (rien ne la suit). Avec la clé de
l'établissement, chaque ligne est aussi signée : un apprenant ne peut ni
réécrire sa session ni recalculer les empreintes.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from simulateur.transcription import empreinte_ligne, lignes_jsonl

VARIABLE_CLE = "SIMULATEUR_CLE"
VARIABLE_FICHIER_CLE = "SIMULATEUR_CLE_FICHIER"


class CleIllisible(Exception):
    pass


def cle_institution(fichier: str | Path | None = None) -> bytes | None:
    """La clé : fichier donné, sinon $SIMULATEUR_CLE_FICHIER, sinon $SIMULATEUR_CLE."""
    chemin = fichier or os.environ.get(VARIABLE_FICHIER_CLE)
    if chemin:
        try:
            cle = Path(chemin).read_bytes().strip()
        except OSError as e:
            raise CleIllisible(f"clé illisible : {chemin} ({e.strerror or e})") from None
        if not cle:
            raise CleIllisible(f"clé vide : {chemin}")
        return cle
    valeur = os.environ.get(VARIABLE_CLE)
    return valeur.encode("utf-8") if valeur else None


def signer(ligne_sans_signature: str, cle: bytes) -> str:
    return hmac.new(cle, ligne_sans_signature.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True, slots=True)
class Probleme:
    ligne: int  # 1-based
    message: str

    def __str__(self) -> str:
        return f"ligne {self.ligne} : {self.message}"


def _sans_signature(evenement: dict[str, object]) -> str:
    reste = {k: v for k, v in evenement.items() if k != "signature"}
    return json.dumps(reste, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def verifier_integrite(chemin: str | Path, cle: bytes | None = None) -> list[Probleme]:
    """Tous les problèmes de la chaîne (et des signatures si une clé est donnée)."""
    try:
        lignes = lignes_jsonl(Path(chemin).read_text(encoding="utf-8"))
        while lignes and not lignes[-1]:
            lignes.pop()
    except (OSError, UnicodeDecodeError) as e:
        return [Probleme(1, f"fichier illisible ({e})")]
    problemes: list[Probleme] = []
    precedente: str | None = None
    dernier_tour = 0
    for n, ligne in enumerate(lignes, 1):
        if not ligne.strip():
            continue
        try:
            ev = json.loads(ligne)
        except json.JSONDecodeError:
            problemes.append(Probleme(n, "ligne qui n'est pas du JSON (tronquée ou modifiée)"))
            precedente = ligne
            continue
        if not isinstance(ev, dict):
            problemes.append(Probleme(n, "événement invalide"))
            continue
        attendu = empreinte_ligne(precedente) if precedente is not None else None
        if ev.get("precedent") != attendu:
            if precedente is None:
                problemes.append(Probleme(n, "la première ligne n'est pas un en-tête d'origine"))
            else:
                problemes.append(
                    Probleme(
                        n,
                        "la chaîne est rompue : la ligne précédente a été modifiée, supprimée ou déplacée",
                    )
                )
        if n == 1 and ev.get("type") != "entete":
            problemes.append(Probleme(n, "la première ligne doit être l'en-tête"))
        if ev.get("type") == "tour":
            if ev.get("tour") != dernier_tour + 1:
                problemes.append(
                    Probleme(n, f"tour {ev.get('tour')} inattendu après le tour {dernier_tour}")
                )
            dernier_tour = int(ev.get("tour") or dernier_tour)
        if cle is not None:
            signature = ev.get("signature")
            if not isinstance(signature, str):
                problemes.append(Probleme(n, "ligne non signée"))
            elif not hmac.compare_digest(signature, signer(_sans_signature(ev), cle)):
                problemes.append(
                    Probleme(n, "signature invalide (ligne modifiée, ou mauvaise clé)")
                )
        precedente = ligne
    if not lignes:
        problemes.append(Probleme(1, "fichier vide"))
    return problemes


def ligne_signee(evenement: dict[str, object], cle: bytes) -> dict[str, object]:
    return dict(evenement, signature=signer(_sans_signature(evenement), cle))
