"""Charger un fichier de scénario : YAML positionné → pydantic → contrôles croisés."""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from simulateur.scenarios.erreurs import ErreurScenario, ScenarioInvalide, suggestion
from simulateur.scenarios.schema import Scenario
from simulateur.scenarios.yaml_positions import Chemin, ErreurYAML, Positions, charger_yaml

TAILLE_MAX = 2_000_000  # un scénario de plus de 2 Mo est une erreur, pas un scénario


@dataclass(frozen=True)
class ScenarioCharge:
    scenario: Scenario
    fichier: str
    empreinte: str  # sha256 du contenu exact du fichier
    positions: Positions
    avertissements: tuple[ErreurScenario, ...] = ()


def empreinte_texte(texte: str) -> str:
    return hashlib.sha256(texte.encode("utf-8")).hexdigest()


def _champs_a(chemin: Chemin, racine: type[BaseModel] = Scenario) -> set[str]:
    """Clés permises à ce niveau du schéma, pour suggérer la bonne orthographe."""
    courant: Any = racine
    for element in chemin:
        courant = _deballer(courant)
        if isinstance(courant, type) and issubclass(courant, BaseModel):
            champ = courant.model_fields.get(str(element))
            if champ is None:
                champ = next((f for f in courant.model_fields.values() if f.alias == element), None)
            if champ is None:
                return set()
            courant = champ.annotation
        else:
            args = typing.get_args(courant)
            courant = args[-1] if args else None
    courant = _deballer(courant)
    if isinstance(courant, type) and issubclass(courant, BaseModel):
        return {f.alias or n for n, f in courant.model_fields.items()}
    return set()


def _deballer(t: Any) -> Any:
    """Retire Optional, Annotated et les unions pour retrouver le modèle."""
    for _ in range(6):
        origine = typing.get_origin(t)
        if origine is typing.Annotated:
            t = typing.get_args(t)[0]
        elif origine in (typing.Union, types.UnionType):
            modeles = [
                a for a in typing.get_args(t) if isinstance(a, type) and issubclass(a, BaseModel)
            ]
            autres = [a for a in typing.get_args(t) if a is not type(None)]
            t = modeles[0] if modeles else autres[0]
        else:
            return t
    return t


def _message(err: dict[str, Any], chemin: Chemin, racine: type[BaseModel] = Scenario) -> str:
    type_ = err["type"]
    nom = str(chemin[-1]) if chemin else "document"
    ctx = err.get("ctx") or {}
    entree = err.get("input")
    if type_ == "missing":
        return f"clé obligatoire « {nom} » absente"
    if type_ == "extra_forbidden":
        return f"clé inconnue « {nom} »{suggestion(nom, _champs_a(chemin[:-1], racine))}"
    if type_ == "literal_error":
        attendu = ctx.get("expected", "")
        return (
            f"« {nom} » : valeur « {entree} » invalide, attendu {attendu.replace(' or ', ' ou ')}"
        )
    if type_ in ("float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"):
        return f"« {nom} » : nombre attendu, pas « {entree} »"
    if type_ in ("bool_parsing", "bool_type"):
        return f"« {nom} » : true ou false attendu, pas « {entree} »"
    if type_ in ("date_parsing", "date_type", "date_from_datetime_parsing"):
        return f"« {nom} » : date AAAA-MM-JJ attendue, pas « {entree} »"
    if type_ in ("time_parsing", "time_type"):
        return f"« {nom} » : heure HH:MM attendue (entre guillemets), pas « {entree} »"
    if type_ in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        borne = next(iter(ctx.values()), "")
        sens = "supérieur" if type_.startswith("greater") else "inférieur"
        egal = " ou égal" if type_.endswith("equal") else ""
        return f"« {nom} » : doit être {sens}{egal} à {borne}"
    if type_ == "string_pattern_mismatch":
        return f"« {nom} » : « {entree} » : lettres minuscules, chiffres, - et _ seulement"
    if type_ in ("string_type", "str_type"):
        return f"« {nom} » : texte attendu"
    if type_ in ("dict_type", "model_type", "model_attributes_type"):
        return f"« {nom} » : une liste de clés (dictionnaire) est attendue ici"
    if type_ in ("list_type", "tuple_type"):
        return f"« {nom} » : une liste est attendue ici"
    if type_ in ("too_short", "too_long"):
        if str(err.get("msg", "")).startswith("Tuple"):
            return f"« {nom} » : deux valeurs attendues [min, max]"
        return f"« {nom} » : la liste ne peut pas être vide"
    if type_ == "value_error":
        texte = str(err["msg"]).removeprefix("Value error, ")
        return texte if chemin and isinstance(chemin[-1], int) else f"« {nom} » : {texte}"
    return f"« {nom} » : {err['msg']}"


def _chemin_utile(loc: tuple[Any, ...]) -> Chemin:
    # pydantic ajoute des étapes internes (function-before[…], str, Variante…) : on les retire.
    return tuple(
        x
        for x in loc
        if isinstance(x, int)
        or not (
            "[" in x
            or x in ("str", "int", "float", "bool", "function-after", "tagged-union")
            or x[:1].isupper()
        )
    )


def erreurs_pydantic(
    exc: ValidationError, fichier: str, pos: Positions, racine: type[BaseModel] = Scenario
) -> list[ErreurScenario]:
    vues: set[tuple[int, int, str]] = set()
    sortie: list[ErreurScenario] = []
    for err in exc.errors():
        chemin = _chemin_utile(err["loc"])
        cle = err["type"] == "extra_forbidden"
        ligne, col = pos.de(chemin, cle=cle)
        if err["type"] == "missing":
            ligne, col = pos.de(chemin[:-1])
        msg = _message(err, chemin, racine)
        if (ligne, col, msg) in vues:
            continue  # les unions produisent la même erreur plusieurs fois
        vues.add((ligne, col, msg))
        sortie.append(ErreurScenario(fichier, ligne, col, msg))
    return sorted(sortie, key=lambda e: (e.ligne, e.colonne))


def lire_texte(chemin: Path) -> str:
    """Texte du fichier ou ScenarioInvalide lisible (absent, binaire, trop gros)."""
    nom = str(chemin)
    try:
        if chemin.stat().st_size > TAILLE_MAX:
            raise ScenarioInvalide([ErreurScenario(nom, 1, 1, "fichier trop volumineux (> 2 Mo)")])
        return chemin.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ScenarioInvalide([ErreurScenario(nom, 1, 1, "fichier introuvable")]) from None
    except IsADirectoryError:
        raise ScenarioInvalide(
            [ErreurScenario(nom, 1, 1, "c'est un dossier, pas un fichier")]
        ) from None
    except UnicodeDecodeError as e:
        avant = chemin.read_bytes()[: e.start]
        ligne = avant.count(b"\n") + 1
        col = e.start - (avant.rfind(b"\n") + 1) + 1
        raise ScenarioInvalide(
            [ErreurScenario(nom, ligne, col, "encodage invalide : enregistrez le fichier en UTF-8")]
        ) from None
    except OSError as e:
        raise ScenarioInvalide(
            [ErreurScenario(nom, 1, 1, f"lecture impossible ({e.strerror})")]
        ) from None


def _scenario_partiel(donnees: dict[str, Any]) -> Scenario | None:
    """Le scénario sans ses parties invalides, pour faire aussi les contrôles croisés.

    Une transition, une phase ou une fin invalide est remplacée par un élément neutre ;
    si une section de base (dossier, personnage…) est invalide, on renonce.
    """
    from simulateur.scenarios.schema import Fin, Phase, Transition

    valeurs: dict[str, Any] = {}
    for nom, champ in Scenario.model_fields.items():
        cle = champ.alias or nom
        if cle not in donnees:
            if champ.is_required():
                return None
            continue
        try:
            valeurs[nom] = TypeAdapter(champ.annotation).validate_python(donnees[cle])
            continue
        except ValidationError:
            pass
        brut = donnees[cle]
        if nom == "transitions" and isinstance(brut, list):
            neutre = Transition(de="*", acte=[], vers=str(donnees.get("etat_initial", "")))
            valeurs[nom] = [_ou(Transition, x, neutre) for x in brut]
        elif nom in ("phases", "fins") and isinstance(brut, dict):
            modele, neutre = (Phase, Phase()) if nom == "phases" else (Fin, Fin(resultat="autre"))
            valeurs[nom] = {str(k): _ou(modele, v, neutre) for k, v in brut.items()}
        elif champ.is_required():
            return None
    try:
        return Scenario.model_construct(**valeurs)
    except Exception:
        return None


def _ou(modele: Any, brut: Any, neutre: Any) -> Any:
    try:
        return modele.model_validate(brut)
    except ValidationError:
        return neutre


def _erreurs_croisees_partielles(
    donnees: dict[str, Any], fichier: str, pos: Positions, deja: list[ErreurScenario]
) -> list[ErreurScenario]:
    """Contrôles croisés sur ce qui est valide : toutes les erreurs en une fois."""
    from simulateur.scenarios.validation import valider_coherence

    partiel = _scenario_partiel(donnees)
    if partiel is None:
        return []
    try:
        croisees = valider_coherence(partiel, fichier, pos)
    except Exception:  # un morceau neutre a pu dérouter un contrôle : on s'en tient au schéma
        return []
    vues = {(e.ligne, e.message) for e in deja}
    return [e for e in croisees if e.gravite == "erreur" and (e.ligne, e.message) not in vues]


def lire_table(texte: str, fichier: str, cles: str) -> tuple[dict[str, Any], Positions]:
    """YAML positionné dont la racine doit être une table ; ScenarioInvalide sinon."""
    try:
        donnees, pos = charger_yaml(texte)
    except ErreurYAML as e:
        raise ScenarioInvalide([ErreurScenario(fichier, e.ligne, e.colonne, e.message)]) from None
    if not isinstance(donnees, dict):
        raise ScenarioInvalide(
            [ErreurScenario(fichier, 1, 1, f"le fichier doit être une liste de clés ({cles})")]
        )
    return donnees, pos


def charger_texte(texte: str, fichier: str = "<texte>") -> ScenarioCharge:
    """Valide un scénario donné comme texte ; lève ScenarioInvalide avec toutes les erreurs."""
    from simulateur.scenarios.validation import valider_coherence

    donnees, pos = lire_table(texte, fichier, "id, titre, …")
    try:
        scenario = Scenario.model_validate(donnees)
    except ValidationError as exc:
        erreurs = erreurs_pydantic(exc, fichier, pos)
        raise ScenarioInvalide(
            sorted(
                erreurs + _erreurs_croisees_partielles(donnees, fichier, pos, erreurs),
                key=lambda e: (e.ligne, e.colonne),
            )
        ) from None
    erreurs = sorted(valider_coherence(scenario, fichier, pos), key=lambda e: (e.ligne, e.colonne))
    bloquantes = [e for e in erreurs if e.gravite == "erreur"]
    if bloquantes:
        raise ScenarioInvalide(erreurs)
    return ScenarioCharge(scenario, fichier, empreinte_texte(texte), pos, tuple(erreurs))


def charger_scenario(chemin: str | Path) -> ScenarioCharge:
    chemin = Path(chemin)
    return charger_texte(lire_texte(chemin), str(chemin))
