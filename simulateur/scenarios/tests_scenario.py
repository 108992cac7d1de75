"""Tests de scénario : des appels joués d'avance et ce qu'on en attend.

Comme les tests de conversation des cadriciels de dialogue : un fichier
`<id>.test.yaml` liste des cas ; chaque cas rejoue des répliques d'apprenant
avec une ou plusieurs graines et vérifie les phases traversées, l'issue, la
réplique du débiteur à tel tour et les notes de l'évaluation.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, ValidationError

from simulateur.actes import ACTES
from simulateur.evaluation.rapport import AXES
from simulateur.personnages.cles import CLES
from simulateur.scenarios.chargement import erreurs_pydantic, lire_table, lire_texte
from simulateur.scenarios.erreurs import ErreurScenario, ScenarioInvalide, suggestion
from simulateur.scenarios.schema import Modele, Plage
from simulateur.scenarios.yaml_positions import Chemin, Positions

SUFFIXE = ".test.yaml"
DOSSIER_TESTS = Path("tests") / "scenarios"
Resultat = Literal[
    "entente", "refus", "raccroche", "rappel", "tiers", "orientation", "autre", "abandon"
]


def _sur_100(p: tuple[float, float]) -> tuple[float, float]:
    if not (0 <= p[0] <= 100 and 0 <= p[1] <= 100):
        raise ValueError("les notes vont de 0 à 100")
    return p


Note = Annotated[Plage, AfterValidator(_sur_100)]


class AttenteTour(Modele):
    """Une réplique de l'apprenant et, au besoin, ce qu'on attend à ce tour."""

    apprenant: str
    acte: str | None = None  # acte compris
    phase: str | None = None  # phase après le tour
    cle: str | None = None  # clé de la réplique du débiteur
    replique: str | None = None  # id de la réplique du débiteur


def _tour(v: Any) -> Any:
    if isinstance(v, str):
        return {"apprenant": v}
    if isinstance(v, dict) and len(v) == 1 and not set(v) & set(AttenteTour.model_fields):
        # « Donc, pour confirmer : 75 $ » : YAML y voit une clé et sa valeur.
        raise ValueError(
            "cette réplique contient « : » et YAML l'a coupée en clé et valeur ; "
            "mettez toute la réplique entre guillemets"
        )
    return v


def _graines(v: Any) -> Any:
    return [v] if isinstance(v, int) and not isinstance(v, bool) else v


class Notes(Modele):
    globale: Note | None = None
    approche_client: Note | None = None
    conformite: Note | None = None
    langue_seconde: Note | None = None
    negociation: Note | None = None
    analyse_financiere: Note | None = None


class Attendu(Modele):
    resultat: Resultat | None = None
    phases: list[str] | None = None  # phases traversées, dans l'ordre, fin comprise
    notes: Notes | None = None


class Cas(Modele):
    nom: str
    graines: Annotated[list[int], BeforeValidator(_graines)] = Field(
        default_factory=lambda: [1], min_length=1
    )
    tours: Annotated[list[Annotated[AttenteTour, BeforeValidator(_tour)]], Field(min_length=1)]
    attendu: Attendu = Attendu()


class FichierTest(Modele):
    scenario: str  # id (cherché dans un dossier scenarios/ au-dessus) ou chemin relatif
    cas: Annotated[list[Cas], Field(min_length=1)]


class FichierTestInvalide(Exception):
    def __init__(self, erreurs: list[ErreurScenario]) -> None:
        self.erreurs = erreurs
        super().__init__("\n".join(str(e) for e in erreurs))


# -- chargement ------------------------------------------------------------------------
def _erreurs_pydantic(exc: ValidationError, fichier: str, pos: Positions) -> list[ErreurScenario]:
    return erreurs_pydantic(exc, fichier, pos, racine=FichierTest)


@dataclass
class TestCharge:
    fichier: str
    test: FichierTest
    positions: Positions
    scenario: Path


def trouver_scenario_de_test(reference: str, fichier: Path) -> Path | None:
    """Chemin relatif au fichier de test, ou id cherché dans scenarios/ en remontant."""
    if reference.endswith((".yaml", ".yml")) or "/" in reference:
        chemin = fichier.parent / reference
        return chemin if chemin.is_file() else None
    dossier = fichier.resolve().parent
    for parent in [dossier, *dossier.parents][:5]:
        candidat = parent / "scenarios" / f"{reference}.yaml"
        if candidat.is_file():
            return candidat
    from simulateur.stockage import dossier_scenarios

    candidat = dossier_scenarios() / f"{reference}.yaml"
    return candidat if candidat.is_file() else None


def charger_test(chemin: str | Path) -> TestCharge:
    """Lit et valide un fichier de test ; FichierTestInvalide avec toutes ses erreurs."""
    chemin = Path(chemin)
    nom = str(chemin)
    try:
        donnees, pos = lire_table(lire_texte(chemin), nom, "scenario, cas")
    except ScenarioInvalide as e:
        raise FichierTestInvalide(e.erreurs) from None
    try:
        test = FichierTest.model_validate(donnees)
    except ValidationError as exc:
        raise FichierTestInvalide(_erreurs_pydantic(exc, nom, pos)) from None
    scenario = trouver_scenario_de_test(test.scenario, chemin)
    if scenario is None:
        ligne, col = pos.de(("scenario",))
        raise FichierTestInvalide(
            [
                ErreurScenario(
                    nom,
                    ligne,
                    col,
                    f"scénario « {test.scenario} » introuvable (un id cherché dans un dossier "
                    "scenarios/, ou un chemin relatif à ce fichier)",
                )
            ]
        )
    return TestCharge(nom, test, pos, scenario)


def verifier_noms(t: TestCharge, moteur: Any) -> list[ErreurScenario]:
    """Les phases, actes, clés et ids nommés dans le test existent dans le scénario."""
    from simulateur.personnages.repliques import repliques_defaut
    from simulateur.scenarios.validation import ETAT_RACCROCHE

    s = moteur.scenario
    etats = set(s.phases) | set(s.fins) | {ETAT_RACCROCHE}
    rep = moteur.repertoire
    ids = {c.id for d in rep.par_phase.values() for liste in d.values() for c in liste}
    ids |= {c.id for liste in rep.communes.values() for c in liste}
    ids |= {c.id for liste in repliques_defaut().values() for c in liste} | {"defaut.silence"}
    resultats = {f.resultat for f in s.fins.values()} | {"raccroche", "abandon"}
    erreurs: list[ErreurScenario] = []

    def nom(chemin: Chemin, valeur: str | None, possibles: set[str], quoi: str) -> None:
        if valeur is not None and valeur not in possibles:
            ligne, col = t.positions.de(chemin)
            message = f"{quoi} « {valeur} »{suggestion(valeur, possibles)}"
            erreurs.append(ErreurScenario(t.fichier, ligne, col, message))

    for i, cas in enumerate(t.test.cas):
        for j, tour in enumerate(cas.tours):
            base: Chemin = ("cas", i, "tours", j)
            nom((*base, "acte"), tour.acte, set(ACTES), "acte inconnu")
            nom((*base, "phase"), tour.phase, etats, "phase ou fin inconnue du scénario :")
            nom((*base, "cle"), tour.cle, set(CLES) | {"fin"}, "clé de réplique inconnue")
            nom((*base, "replique"), tour.replique, ids, "id de réplique inconnu du scénario :")
        for k, phase in enumerate(cas.attendu.phases or []):
            ch: Chemin = ("cas", i, "attendu", "phases", k)
            nom(ch, phase, etats, "phase ou fin inconnue du scénario :")
        r = cas.attendu.resultat
        if r is not None and r not in resultats:
            ligne, col = t.positions.de(("cas", i, "attendu", "resultat"))
            erreurs.append(
                ErreurScenario(
                    t.fichier,
                    ligne,
                    col,
                    f"aucune fin du scénario n'a le résultat « {r} » "
                    f"(possibles : {', '.join(sorted(resultats))})",
                )
            )
    return erreurs


# -- exécution -------------------------------------------------------------------------
@dataclass
class Ecart:
    quoi: str
    attendu: str
    obtenu: str
    tour: int | None = None


@dataclass
class TourJoue:
    numero: int
    apprenant: str
    acte: str
    phase: str
    cle: str
    replique: str
    texte: str


@dataclass
class ResultatCas:
    indice: int
    fichier: str
    ligne: int
    colonne: int
    nom: str
    graine: int
    tours: list[TourJoue]
    phases: list[str]
    resultat: str
    notes: dict[str, float | None] = field(default_factory=dict)
    ecarts: list[Ecart] = field(default_factory=list)

    @property
    def reussi(self) -> bool:
        return not self.ecarts


def _nombre(x: float) -> str:
    return f"{x:.1f}".replace(".", ",").removesuffix(",0")


def _plage(p: tuple[float, float]) -> str:
    return f"[{_nombre(p[0])}, {_nombre(p[1])}]"


def jouer_cas(t: TestCharge, moteur: Any, indice: int, graine: int, dossier: Path) -> ResultatCas:
    from simulateur.evaluation import evaluer
    from simulateur.session import Session
    from simulateur.transcription import lire_transcription

    cas = t.test.cas[indice]
    chemin = dossier / f"cas{indice}-graine{graine}.jsonl"
    session = Session(moteur, graine, transcription=chemin, apprenant=f"test : {cas.nom}")
    try:
        for attente in cas.tours:
            if session.terminee:
                break
            session.jouer(attente.apprenant)
        session.abandonner()
    finally:
        session.fermer()
    tours = [
        TourJoue(
            x.numero,
            x.texte,
            x.analyse.acte,
            x.phase_apres,
            x.replique.cle,
            x.replique.id,
            x.replique.texte,
        )
        for x in session.tours
    ]
    phases = [moteur.scenario.etat_initial]
    for x in tours:
        if x.phase != phases[-1]:
            phases.append(x.phase)
    ligne, col = t.positions.de(("cas", indice))
    r = ResultatCas(
        indice, t.fichier, ligne, col, cas.nom, graine, tours, phases, session.resultat or ""
    )
    _comparer(cas, r)
    attendues = cas.attendu.notes
    if attendues is not None:
        rapport = evaluer(lire_transcription(chemin), moteur.scenario)
        notes: dict[str, float | None] = {"globale": rapport.note_globale}
        notes |= {a: rapport.axes[a].note for a in AXES}
        r.notes = notes
        for axe, plage in attendues:
            if plage is None:
                continue
            obtenue = notes.get(axe)
            quoi = "note globale" if axe == "globale" else f"note « {axe} »"
            if obtenue is None:
                r.ecarts.append(Ecart(quoi, _plage(plage), "axe non noté pour cet appel"))
            elif not plage[0] <= obtenue <= plage[1]:
                r.ecarts.append(Ecart(quoi, _plage(plage), _nombre(obtenue)))
    return r


def _comparer(cas: Cas, r: ResultatCas) -> None:
    a = cas.attendu
    if a.resultat is not None and a.resultat != r.resultat:
        r.ecarts.append(Ecart("résultat", a.resultat, r.resultat))
    if a.phases is not None and a.phases != r.phases:
        r.ecarts.append(Ecart("phases", " → ".join(a.phases), " → ".join(r.phases)))
    for n, attente in enumerate(cas.tours, 1):
        voulu = {
            "acte": attente.acte,
            "phase": attente.phase,
            "cle": attente.cle,
            "replique": attente.replique,
        }
        voulu = {k: v for k, v in voulu.items() if v is not None}
        if not voulu:
            continue
        if n > len(r.tours):
            r.ecarts.append(
                Ecart(
                    "tour", "joué", f"jamais joué : l'appel s'est terminé au tour {len(r.tours)}", n
                )
            )
            continue
        joue = r.tours[n - 1]
        for quoi, valeur in voulu.items():
            obtenu = getattr(joue, quoi)
            if obtenu != valeur:
                r.ecarts.append(Ecart(quoi, valeur, obtenu, n))


def executer_test(t: TestCharge, moteur: Any) -> list[ResultatCas]:
    sortie: list[ResultatCas] = []
    with tempfile.TemporaryDirectory(prefix="simulateur-test-") as tmp:
        for i, cas in enumerate(t.test.cas):
            for graine in cas.graines:
                sortie.append(jouer_cas(t, moteur, i, graine, Path(tmp)))
    return sortie


# -- affichage -------------------------------------------------------------------------
_LIBELLES = {"acte": "acte compris", "phase": "phase après", "cle": "clé", "replique": "réplique"}


def _court(texte: str, n: int = 48) -> str:
    texte = " ".join(texte.split())
    return texte if len(texte) <= n else texte[: n - 1] + "…"


def decrire_echec(r: ResultatCas) -> str:
    """Le détail d'un cas raté : attendu et obtenu, puis le déroulé tour par tour."""
    lignes = [f"ÉCHEC {r.fichier}:{r.ligne}:{r.colonne} « {r.nom} » (graine {r.graine})"]
    for e in r.ecarts:
        if e.tour is None:
            quoi = e.quoi
            lignes.append(f"    {quoi} :")
            lignes.append(f"      attendu : {e.attendu}")
            lignes.append(f"      obtenu  : {e.obtenu}")
    par_tour: dict[int, list[Ecart]] = {}
    for e in r.ecarts:
        if e.tour is not None:
            par_tour.setdefault(e.tour, []).append(e)
    for n, ecarts in sorted(par_tour.items()):
        for e in ecarts:
            quoi = _LIBELLES.get(e.quoi, e.quoi)
            lignes.append(f"    tour {n}, {quoi} : attendu « {e.attendu} », obtenu « {e.obtenu} »")
    lignes.append("    déroulé :")
    lignes.append(
        f"      {'':2}{'tour':>4}  {'acte compris':<22} {'phase après':<16} réplique du débiteur"
    )
    for x in r.tours:
        marque = "✗" if x.numero in par_tour else " "
        lignes.append(
            f"      {marque:2}{x.numero:>4}  {x.acte:<22} {x.phase:<16} {x.replique} ({x.cle})"
        )
        lignes.append(f"      {'':2}{'':>4}  apprenant : « {_court(x.apprenant, 70)} »")
        lignes.append(f"      {'':2}{'':>4}  débiteur  : « {_court(x.texte, 70)} »")
    lignes.append(f"      résultat : {r.resultat}")
    if r.notes:
        notes = ", ".join(
            f"{a} {_nombre(v)}" if v is not None else f"{a} —" for a, v in r.notes.items()
        )
        lignes.append(f"      notes : {notes}")
    return "\n".join(lignes)


def decrire_succes(nom: str, resultats: list[ResultatCas]) -> str:
    graines = ", ".join(str(r.graine) for r in resultats)
    issue = resultats[0].resultat
    return f"  ok  « {nom} » — graine{'s' if len(resultats) > 1 else ''} {graines} : {issue}"
