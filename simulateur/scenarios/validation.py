"""Contrôles croisés d'un scénario déjà conforme au schéma : tout est signalé d'un coup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from simulateur.actes import ACTES, INFRACTIONS
from simulateur.personnages.cles import CLES, variables_de
from simulateur.personnages.gabarits import locale_de, rendre
from simulateur.scenarios.contexte import contexte_appel, contexte_dossier
from simulateur.scenarios.erreurs import ErreurScenario, suggestion
from simulateur.scenarios.schema import Condition, Effets, Scenario, Variante
from simulateur.scenarios.yaml_positions import Chemin, Positions

ETAT_RACCROCHE = "raccroche"  # fin implicite quand le débiteur perd patience

_EXEMPLES: dict[str, Any] = {
    "offre": {"montant": 100.0, "frequence": "par mois", "mensualite": 100.0},
    "contre_offre": {"montant": 60.0, "frequence": "par mois", "mensualite": 60.0},
    "valeur": 1850.0,
    "entente": {"montant": 100.0, "frequence": "par mois"},
    "fait": "J'ai perdu mon emploi en janvier.",
}


def personnage_exemple() -> dict[str, Any]:
    return {
        "prenom": "Alex",
        "nom": "Tremblay",
        "nom_complet": "Alex Tremblay",
        "civilite": "M.",
        "profession": "technicien",
        "employeur": "Transports Boréal",
        "entreprise": "Rénovations Tremblay inc.",
        "ville": "Laval",
        "telephone": "450 555-0142",
        "situation": "J'ai perdu mon emploi.",
    }


def contexte_exemple(scenario: Scenario, cle: str | None, langue: str) -> dict[str, Any]:
    base = {
        "personnage": personnage_exemple(),
        "dossier": contexte_dossier(scenario),
        "etat": {"confiance": 0.5, "irritation": 0.2, "langue": langue},
        "appel": contexte_appel(scenario),
    }
    if cle is None:  # situation et faits du personnage
        return {k: base[k] for k in ("personnage", "dossier")}
    return {v: base.get(v, _EXEMPLES.get(v)) for v in variables_de(cle)}


class _Verif:
    def __init__(self, scenario: Scenario, fichier: str, pos: Positions) -> None:
        self.s, self.fichier, self.pos = scenario, fichier, pos
        self.erreurs: list[ErreurScenario] = []

    def err(
        self, chemin: Chemin, message: str, *, cle: bool = False, fragment: str | None = None
    ) -> None:
        if fragment:
            ligne, col = self.pos.chercher(chemin, fragment)
        else:
            ligne, col = self.pos.de(chemin, cle=cle)
        self.erreurs.append(ErreurScenario(self.fichier, ligne, col, message))

    def avert(self, chemin: Chemin, message: str) -> None:
        ligne, col = self.pos.de(chemin)
        self.erreurs.append(ErreurScenario(self.fichier, ligne, col, message, "avertissement"))

    # -- noms -----------------------------------------------------------------
    def nom(self, chemin: Chemin, valeur: str, possibles: set[str], quoi: str) -> bool:
        if valeur in possibles:
            return True
        genre = "inconnue" if quoi.split()[0] in _FEMININS else "inconnu"
        self.err(chemin, f"{quoi} {genre} « {valeur} »{suggestion(valeur, possibles)}")
        return False

    def condition(self, chemin: Chemin, c: Condition | None) -> None:
        if c is None:
            return
        faits = {f.id for f in self.s.personnage.faits}
        for i, f in enumerate(c.faits_reveles):
            self.nom((*chemin, "faits_reveles", i), f, faits, "fait")
        self.variables((*chemin, "variables"), c.variables)

    def effets(self, chemin: Chemin, e: Effets | None) -> None:
        if e is None:
            return
        faits = {f.id for f in self.s.personnage.faits}
        for i, f in enumerate(e.reveler):
            self.nom((*chemin, "reveler", i), f, faits, "fait")
        self.variables((*chemin, "variables"), e.variables)

    def variables(self, chemin: Chemin, valeurs: dict[str, Any]) -> None:
        for nom, v in valeurs.items():
            if not self.nom((*chemin, nom), nom, set(self.s.variables), "variable"):
                continue
            attendu = type(self.s.variables[nom])
            if type(v) is not attendu and not (attendu is float and type(v) is int):
                self.err(
                    (*chemin, nom), f"variable « {nom} » : valeur de type {_type(attendu)} attendue"
                )


def _type(t: type) -> str:
    return {bool: "booléen", int: "entier", float: "nombre", str: "texte"}.get(t, t.__name__)


def _variantes(s: Scenario) -> Iterator[tuple[Chemin, str, Variante]]:
    for nom, phase in s.phases.items():
        for cle, liste in phase.repliques.items():
            for i, v in enumerate(liste):
                yield ("phases", nom, "repliques", cle, i), cle, v
    for cle, liste in s.repliques.items():
        for i, v in enumerate(liste):
            yield ("repliques", cle, i), cle, v
    for nom, fin in s.fins.items():
        for i, v in enumerate(fin.repliques):
            yield ("fins", nom, "repliques", i), "cloture", v


_FEMININS = {"phase", "variable", "clé"}
_VARIABLE_ABSENTE = re.compile(r"'([^']+)' is undefined")
_ATTRIBUT_ABSENT = re.compile(r"has no attribute '([^']+)'")


def _attributs(contexte: dict[str, Any]) -> set[str]:
    return {k for v in contexte.values() if isinstance(v, dict) for k in v}


def _verifier_gabarit(
    v: _Verif, chemin: Chemin, source: str, contexte: dict[str, Any], langue: str
) -> None:
    locale = locale_de(v.s.locale, langue)
    try:
        rendre(source, contexte, locale, v.s.dossier.devise)
    except TemplateSyntaxError as e:
        lignes = source.splitlines()
        fautive = lignes[(e.lineno or 1) - 1].strip() if len(lignes) >= (e.lineno or 1) else None
        v.err(chemin, f"gabarit invalide : {e.message}", fragment=fautive or None)
    except SecurityError:
        v.err(
            chemin,
            "gabarit : accès interdit (seules les variables du scénario sont permises)",
            fragment="{{",
        )
    except UndefinedError as e:
        attribut = _ATTRIBUT_ABSENT.search(str(e))
        if attribut:
            nom = attribut.group(1)
            v.err(
                chemin,
                f"gabarit : attribut inconnu « {nom} »{suggestion(nom, _attributs(contexte))}",
                fragment=nom,
            )
            return
        m = _VARIABLE_ABSENTE.search(str(e))
        nom = m.group(1) if m else str(e)
        permis = sorted(contexte)
        v.err(
            chemin,
            f"gabarit : variable inconnue « {nom} »{suggestion(nom, permis)} ; "
            f"variables permises ici : {', '.join(permis)}",
            fragment=nom,
        )
    except Exception as e:  # filtre mal employé, division par zéro…
        v.err(chemin, f"gabarit : erreur au rendu ({type(e).__name__} : {e})")


def valider_coherence(s: Scenario, fichier: str, pos: Positions) -> list[ErreurScenario]:
    v = _Verif(s, fichier, pos)
    phases, fins = set(s.phases), set(s.fins) | {ETAT_RACCROCHE}
    for nom in set(s.phases) & set(s.fins):
        v.err(("fins", nom), f"« {nom} » est à la fois une phase et une fin", cle=True)
    v.nom(("etat_initial",), s.etat_initial, phases, "phase")
    if s.langue.bascule and s.langue.bascule.phase:
        v.nom(("langue", "bascule", "phase"), s.langue.bascule.phase, phases, "phase")

    for i, t in enumerate(s.transitions):
        base: Chemin = ("transitions", i)
        for j, de in enumerate(t.sources()):
            if de != "*":
                ch = (*base, "de") if isinstance(t.de, str) else (*base, "de", j)
                v.nom(ch, de, phases | set(s.fins), "phase")
                if de in s.fins:
                    v.err(ch, f"« {de} » est une fin : aucune transition ne peut en partir")
        for j, acte in enumerate(t.actes()):
            ch = (*base, "acte") if isinstance(t.acte, str) else (*base, "acte", j)
            v.nom(ch, acte, set(ACTES), "acte")
        v.nom((*base, "vers"), t.vers, phases | fins, "phase ou fin")
        v.condition((*base, "si"), t.si)
        v.effets((*base, "effets"), t.effets)

    for cle in s.reactions:
        v.nom(("reactions", cle), cle, set(ACTES) | set(INFRACTIONS), "acte ou infraction")
    for cle in s.exemples:
        v.nom(("exemples", cle), cle, set(ACTES), "acte")

    ids: dict[str, Chemin] = {}
    langues = s.langues_possibles()
    for chemin, cle, var in _variantes(s):
        if chemin[0] != "fins":
            v.nom(chemin[:-1], cle, set(CLES), "clé de réplique (acte ou situation)")
        if var.id:
            if var.id in ids:
                v.err((*chemin, "id"), f"id de réplique « {var.id} » déjà employé")
            ids[var.id] = chemin
        langue = var.langue or s.langue.debiteur
        if langue not in langues:
            v.avert(
                chemin,
                f"réplique en « {langue} » alors que le débiteur ne parle que {'/'.join(sorted(langues))}",
            )
        v.condition((*chemin, "si"), var.si)
        if cle in CLES:
            _verifier_gabarit(
                v, (*chemin, "texte"), var.texte, contexte_exemple(s, cle, langue), langue
            )

    p = s.personnage
    ctx = contexte_exemple(s, None, s.langue.debiteur)
    for chemin, texte in _textes_personnage(p.situation, ("personnage", "situation")):
        _verifier_gabarit(v, chemin, texte, ctx, s.langue.debiteur)
    vus: set[str] = set()
    for i, f in enumerate(p.faits):
        if f.id in vus:
            v.err(("personnage", "faits", i, "id"), f"id de fait « {f.id} » déjà employé")
        vus.add(f.id)
        for j, acte in enumerate(f.actes):
            v.nom(("personnage", "faits", i, "actes", j), acte, set(ACTES), "acte")
        v.condition(("personnage", "faits", i, "si"), f.si)
        for chemin, texte in _textes_personnage(f.texte, ("personnage", "faits", i, "texte")):
            _verifier_gabarit(v, chemin, texte, ctx, s.langue.debiteur)

    _verifier_dates(v, s)
    _verifier_atteignables(v, s)
    if not any(e.gravite == "erreur" for e in v.erreurs):
        # Analyse statique (impasses, répliques inutiles…) : avertissements seulement.
        from simulateur.scenarios.analyse_statique import analyser

        v.erreurs.extend(analyser(s, fichier, pos))
    return v.erreurs


def _textes_personnage(
    valeur: str | dict[str, str], chemin: Chemin
) -> Iterator[tuple[Chemin, str]]:
    if isinstance(valeur, str):
        if valeur:
            yield chemin, valeur
    else:
        for lg, t in valeur.items():
            yield (*chemin, lg), t


def _verifier_dates(v: _Verif, s: Scenario) -> None:
    if s.dossier.echeance > s.appel.date:
        v.avert(
            ("dossier", "echeance"),
            "l'échéance est postérieure à la date de l'appel : rien n'est encore dû",
        )
    for i, ev in enumerate(s.dossier.historique):
        if ev.date > s.appel.date:
            v.avert(
                ("dossier", "historique", i, "date"), "événement postérieur à la date de l'appel"
            )


def _verifier_atteignables(v: _Verif, s: Scenario) -> None:
    """Avertit des phases jamais atteintes ; sans fin atteignable, c'est une erreur."""
    suivants: dict[str, set[str]] = {p: set() for p in s.phases}
    for t in s.transitions:
        for de in t.sources():
            for p in s.phases if de == "*" else [de]:
                if p in suivants:
                    suivants[p].add(t.vers)
    vus, pile = set(), [s.etat_initial]
    while pile:
        p = pile.pop()
        if p in vus:
            continue
        vus.add(p)
        pile.extend(suivants.get(p, ()))
    for p in s.phases:
        if p not in vus:
            v.avert(("phases", p), f"phase « {p} » jamais atteinte depuis « {s.etat_initial} »")
    if s.etat_initial in s.phases and not (vus & (set(s.fins) | {ETAT_RACCROCHE})) and s.fins:
        v.err(("fins",), "aucune fin n'est atteignable depuis la phase initiale", cle=True)
