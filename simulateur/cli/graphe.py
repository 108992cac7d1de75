"""Commande `graphe` : la machine à états d'un scénario, en Mermaid (diagrammes de `transitions`)."""

from __future__ import annotations

import argparse
import re
import sys
from typing import TYPE_CHECKING, Any

from simulateur.cli.sortie import ecrire_sortie, texte_sur

if TYPE_CHECKING:
    from simulateur.scenarios.schema import Condition, Scenario

_ID_SUR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_RESERVES = {"state", "note", "end", "direction", "class", "classDef", "as", "click", "style"}


def ajouter(sous: Any) -> None:
    p = sous.add_parser(
        "graphe",
        help="dessiner les phases et transitions d'un scénario (Mermaid)",
        description="Écrit la machine à états du scénario en Mermaid (stateDiagram-v2) : une "
        "flèche par passage, étiquetée des actes et d'un résumé des conditions. À coller dans "
        "un fichier Markdown, un éditeur ou https://mermaid.live.",
    )
    p.add_argument("scenario", metavar="SCENARIO", help="fichier ou id du scénario")
    p.add_argument("--sortie", metavar="FICHIER", help="écrire dans ce fichier (sinon : écran)")


def _nombre(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def resume_condition(c: Condition | None) -> str:
    """Résumé court d'une condition, pour l'étiquette d'une flèche."""
    if c is None:
        return ""
    morceaux: list[str] = []
    for nom, signe in (("min", "≥"), ("max", "≤")):
        for grandeur in ("confiance", "irritation"):
            v = getattr(c, f"{grandeur}_{nom}")
            if v is not None:
                morceaux.append(f"{grandeur} {signe} {_nombre(v)}")
    if c.offre:
        morceaux.append(f"offre {c.offre}")
    if c.paiement_integral:
        morceaux.append(f"paiement intégral {c.paiement_integral}")
    for nom, oui, non in (
        ("identite_verifiee", "identité vérifiée", "identité non vérifiée"),
        ("dette_annoncee", "dette annoncée", "dette non annoncée"),
        ("entente_conclue", "entente conclue", "sans entente"),
        ("infraction", "infraction", "sans infraction"),
    ):
        v = getattr(c, nom)
        if v is not None:
            morceaux.append(oui if v else non)
    if c.faits_reveles:
        morceaux.append("faits " + ", ".join(c.faits_reveles))
    if c.tour_min is not None:
        morceaux.append(f"tour ≥ {c.tour_min}")
    if c.tour_max is not None:
        morceaux.append(f"tour ≤ {c.tour_max}")
    if c.langue:
        morceaux.append(f"langue {c.langue}")
    morceaux.extend(f"{k} = {v}" for k, v in c.variables.items())
    return " et ".join(morceaux)


def _propre(texte: str) -> str:
    # « ; » et « # » terminent ou échappent une étiquette Mermaid ; les guillemets ferment un nom.
    return re.sub(r"\s+", " ", texte).replace(";", ",").replace("#", "n°").replace('"', "'")


def mermaid(s: Scenario) -> str:
    """Le diagramme Mermaid du scénario, produit par GraphMachine (moteur « mermaid »)."""
    import copy

    from transitions import State
    from transitions.extensions.diagrams import GraphMachine

    from simulateur.scenarios.validation import ETAT_RACCROCHE

    class Etat(State):
        def __init__(self, *args: Any, label: str | None = None, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.label = label

    class Machine(GraphMachine):
        state_cls = Etat
        style_attributes = copy.deepcopy(GraphMachine.style_attributes)

    Machine.style_attributes["node"]["fin"] = {"fillcolor": "honeydew", "color": "darkgreen"}
    Machine.style_attributes["node"]["raccroche"] = {"fillcolor": "mistyrose", "color": "darkred"}

    noms = [*s.phases, *(f for f in s.fins if f not in s.phases)]
    if ETAT_RACCROCHE not in noms:
        noms.append(ETAT_RACCROCHE)
    ids: dict[str, str] = {}
    for i, nom in enumerate(noms):
        sur = _ID_SUR.fullmatch(nom) and nom not in _RESERVES
        ids[nom] = nom if sur else f"etat_{i}"
    etats = []
    for nom in noms:
        libelle = nom
        if nom in s.fins:
            libelle = f"{nom} (fin : {s.fins[nom].resultat})"
        elif nom == ETAT_RACCROCHE:
            libelle = f"{nom} (fin : le débiteur raccroche, depuis toute phase)"
        etats.append({"name": ids[nom], "label": _propre(libelle)})
    machine = Machine(
        model=None,
        states=etats,
        initial=ids[s.etat_initial],
        auto_transitions=False,
        graph_engine="mermaid",
        title=s.id,
    )
    vues: set[tuple[str, str, str]] = set()
    for i, t in enumerate(s.transitions):
        sources = list(s.phases) if "*" in t.sources() else t.sources()
        etiquette = ", ".join(t.actes())
        if resume := resume_condition(t.si):
            etiquette += f" [{resume}]"
        for source in sources:
            if (source, t.vers, etiquette) not in vues:  # une étiquette identique suffit
                vues.add((source, t.vers, etiquette))
                machine.add_transition(f"t{i}", ids[source], ids[t.vers], label=_propre(etiquette))
    graphe = machine.graph_cls(machine)
    for nom in s.fins:
        graphe.set_node_style(ids[nom], "fin")
    graphe.set_node_style(ids[ETAT_RACCROCHE], "raccroche")
    lignes = graphe.get_graph(title=s.id).source.splitlines()
    # On retire l'en-tête YAML (« --- titre --- ») : le diagramme commence par son type.
    debut = next(i for i, x in enumerate(lignes) if x.strip().startswith("stateDiagram"))
    lignes = lignes[debut:]
    lignes.insert(1, f"  %% {_propre(s.titre)} ({s.id})")
    lignes.extend(f"  {ids[nom]} --> [*]" for nom in noms if nom in s.fins or nom == ETAT_RACCROCHE)
    return "\n".join(x.rstrip() for x in lignes) + "\n"


def executer(args: argparse.Namespace) -> int:

    from simulateur.scenarios.chargement import charger_scenario
    from simulateur.scenarios.erreurs import ScenarioInvalide
    from simulateur.stockage import trouver_scenario

    try:
        charge = charger_scenario(trouver_scenario(args.scenario))
    except ScenarioInvalide as e:
        for err in e.erreurs:
            print(texte_sur(str(err)), file=sys.stderr)
        return 2
    texte = mermaid(charge.scenario)
    return ecrire_sortie(texte, args.sortie, "Graphe écrit", ecraser=True)
