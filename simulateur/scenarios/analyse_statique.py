"""Analyse statique d'un scénario valide : avertissements pour le formateur.

Signale, sans jamais bloquer : les fins jamais atteintes, les impasses (phase
d'où l'appel ne peut finir que si le débiteur raccroche), les phases dont on
sort sans qu'aucune réplique propre ne réponde, et les répliques jamais
employées. Les règles suivent la recherche des répliques (session.py,
repliques.py) et les clés que produit le comportement (comportement.reagir) :
la table PRODUCTEURS les résume et un test la confronte à des sessions réelles.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from simulateur.actes import ACTES
from simulateur.personnages.cles import SITUATIONS
from simulateur.scenarios.erreurs import ErreurScenario
from simulateur.scenarios.schema import Condition, Scenario, Variante
from simulateur.scenarios.validation import ETAT_RACCROCHE
from simulateur.scenarios.yaml_positions import Chemin, Positions

TOUS = frozenset(ACTES)
OFFRES = frozenset({"proposition_entente", "contre_proposition", "confirmation_entente"})
ACTES_FAITS = frozenset({"question_ouverte", "question_financiere", "empathie", "reformulation"})

# Clé de situation → actes de l'apprenant qui peuvent la produire (comportement.reagir).
PRODUCTEURS: dict[str, frozenset[str]] = {
    "offre_acceptee": OFFRES,
    "offre_contre": OFFRES,
    "offre_refusee": OFFRES,
    "offre_impossible": OFFRES,
    "offre_incomplete": frozenset({"proposition_entente", "contre_proposition"}),
    "paiement_integral_accepte": frozenset({"demande_paiement"}),
    "paiement_integral_refuse": frozenset({"demande_paiement"}),
    "budget_revenu": frozenset({"question_financiere"}),
    "budget_depenses": frozenset({"question_financiere"}),
    "budget_actifs": frozenset({"question_financiere"}),
    "budget_dettes": frozenset({"question_financiere"}),
    "budget_refus": frozenset({"question_financiere"}),
    "identite_confirmee": frozenset({"verification_identite"}),
    "entente_confirmee": frozenset({"confirmation_entente"}),
    "confirmation_sans_entente": frozenset({"confirmation_entente"}),
    "ressource_acceptee": frozenset({"orientation_ressource"}),
    "reaction_infraction": TOUS,
    "langue_incomprise": TOUS,
    "bascule_langue": TOUS,
    "raccroche": TOUS,
    "fait_revele": ACTES_FAITS,
    "decroche": frozenset(),
}

# Actes dont la réplique est toujours cherchée d'abord sous une clé de situation.
MASQUES: dict[str, tuple[str, ...]] = {
    "proposition_entente": tuple(k for k in SITUATIONS if k.startswith("offre_")),
    "contre_proposition": tuple(k for k in SITUATIONS if k.startswith("offre_")),
    "demande_paiement": ("paiement_integral_accepte", "paiement_integral_refuse"),
    "confirmation_entente": (
        "entente_confirmee",
        "confirmation_sans_entente",
        "offre_acceptee",
        "offre_contre",
        "offre_refusee",
        "offre_impossible",
    ),
    "orientation_ressource": ("ressource_acceptee",),
}

_RESULTATS_OFFRE = ("acceptee", "contre", "refusee", "impossible", "incomplete")


def _liste(valeurs: Iterable[str]) -> str:
    return ", ".join(f"« {v} »" for v in valeurs)


@cache
def _defaut_couvre(cle: str, langue: str) -> bool:
    """La couche par défaut a une variante sans condition pour cette clé et cette langue."""
    from simulateur.personnages.repliques import repliques_defaut

    return any(c.langue == langue and c.si is None for c in repliques_defaut().get(cle, ()))


class _Analyse:
    def __init__(self, s: Scenario, fichier: str, pos: Positions) -> None:
        self.s, self.fichier, self.pos = s, fichier, pos
        self.sortie: list[ErreurScenario] = []
        self.langues = sorted(s.langues_possibles())
        self.fins = set(s.fins) | {ETAT_RACCROCHE}
        # (phase, acte) → [(vers, condition)] dans l'ordre où le moteur les essaie.
        self.essais: dict[tuple[str, str], list[tuple[str, Condition | None]]] = {}
        for t in s.transitions:
            sources = list(s.phases) if "*" in t.sources() else t.sources()
            for de in sources:
                for acte in t.actes():
                    self.essais.setdefault((de, acte), []).append((t.vers, t.si))
        self.atteintes = self._atteintes()

    def avert(self, chemin: Chemin, message: str) -> None:
        ligne, col = self.pos.de(chemin, cle=True)
        self.sortie.append(ErreurScenario(self.fichier, ligne, col, message, "avertissement"))

    # -- graphe ---------------------------------------------------------------
    def suivants(self, phase: str) -> set[str]:
        return {vers for (de, _), liste in self.essais.items() if de == phase for vers, _ in liste}

    def _atteintes(self) -> set[str]:
        vus: set[str] = set()
        pile = [self.s.etat_initial]
        while pile:
            p = pile.pop()
            if p in vus:
                continue
            vus.add(p)
            if p in self.s.phases:
                pile.extend(self.suivants(p))
        return vus

    def fin_atteignable(self, depart: str) -> bool:
        vus: set[str] = set()
        pile = [depart]
        while pile:
            p = pile.pop()
            if p in self.fins:
                return True
            if p in vus:
                continue
            vus.add(p)
            pile.extend(self.suivants(p))
        return False

    # -- 1. fins jamais atteintes et impasses ----------------------------------
    def fins_et_impasses(self) -> None:
        for nom in self.s.fins:
            if nom not in self.atteintes:
                self.avert(
                    ("fins", nom),
                    f"fin « {nom} » jamais atteinte : aucune transition n'y mène "
                    "depuis une phase atteignable",
                )
        for nom in self.s.phases:
            if nom not in self.atteintes:
                continue  # déjà signalée : phase jamais atteinte
            sorties = self.suivants(nom) - {nom}
            if not sorties:
                self.avert(
                    ("phases", nom),
                    f"impasse : aucune transition ne sort de la phase « {nom} » ; l'appel ne "
                    "peut s'y terminer que si le débiteur raccroche (ajoutez par exemple "
                    f"« de: {nom}, acte: cloture, vers: <une fin> »)",
                )
            elif not self.fin_atteignable(nom):
                self.avert(
                    ("phases", nom),
                    f"impasse : aucune fin n'est atteignable depuis la phase « {nom} » "
                    f"(elle ne mène qu'à {_liste(sorted(sorties))})",
                )

    def transitions_masquees(self) -> None:
        """Transition toujours devancée par une transition sans condition placée avant."""
        premiere: dict[tuple[str, str], int] = {}  # (phase, acte) → 1re transition sans « si »
        for i, t in enumerate(self.s.transitions):
            sources = list(self.s.phases) if "*" in t.sources() else t.sources()
            paires = [(de, a) for de in sources if de in self.atteintes for a in t.actes()]
            avant = {premiere[p] for p in paires if p in premiere}
            if paires and all(p in premiere for p in paires):
                numeros = ", ".join(f"n° {j + 1}" for j in sorted(avant))
                self.avert(
                    ("transitions", i),
                    f"transition n° {i + 1} jamais franchie : pour les mêmes phases et actes, "
                    f"la transition {numeros}, sans condition « si », placée avant, "
                    "l'emporte toujours (déplacez-la ou ajoutez-lui une condition)",
                )
            if t.si is None:
                for p in paires:
                    premiere.setdefault(p, i)

    # -- 2. sorties de phase sans réplique propre ------------------------------
    def cles_possibles(self, acte: str) -> set[str]:
        cles = {acte, "reaction_infraction", "langue_incomprise"}
        cles |= {k for k, actes in PRODUCTEURS.items() if acte in actes and k != "raccroche"}
        if not self.faits_possibles(acte):
            cles.discard("fait_revele")
        if self.s.langue.bascule is None:
            cles.discard("bascule_langue")
        cles.discard("decroche")
        return cles

    def faits_possibles(self, acte: str) -> bool:
        return acte in ACTES_FAITS and any(acte in f.actes for f in self.s.personnage.faits)

    def a_replique(self, etat: str, cles: set[str]) -> bool:
        if etat in self.s.fins:
            return bool(self.s.fins[etat].repliques)
        phase = self.s.phases.get(etat)
        return phase is not None and bool(cles & set(phase.repliques))

    def sorties_muettes(self) -> None:
        for nom, phase in self.s.phases.items():
            if nom not in self.atteintes or phase.repliques:
                continue  # une phase qui a ses propres répliques a été pensée
            sorties = [
                (acte, vers)
                for (de, acte), liste in self.essais.items()
                if de == nom
                for vers, _ in liste
                if vers != nom and vers != ETAT_RACCROCHE
            ]
            if not sorties:
                continue  # impasse, déjà signalée
            # Les sorties qui font avancer l'appel comptent d'abord ; les fins, à défaut.
            sorties = [x for x in sorties if x[1] in self.s.phases] or sorties
            communes = set(self.s.repliques)
            muette = True
            for acte, vers in sorties:
                cles = self.cles_possibles(acte)
                if cles & communes or self.a_replique(vers, cles):
                    muette = False
                    break
            if muette:
                actes = sorted({a for a, _ in sorties})
                self.avert(
                    ("phases", nom),
                    f"phase « {nom} » : aucune réplique propre au scénario ne répond quand "
                    f"l'apprenant en sort ({_liste(actes)}) ; le débiteur répondra par les "
                    "répliques génériques du simulateur (ajoutez des « repliques » à la phase)",
                )

    # -- 3. répliques jamais employées ------------------------------------------
    def repond_toujours(self, variantes: Iterable[Variante]) -> bool:
        """Une variante sans condition dans chaque langue possible du débiteur."""
        liste = list(variantes)
        return all(
            any(v.si is None and (v.langue or self.s.langue.debiteur) == lg for v in liste)
            for lg in self.langues
        )

    def jamais_produite(self, cle: str, phase: str | None) -> str | None:
        """Pourquoi la clé ne peut jamais être cherchée (phase None : répliques communes)."""
        s = self.s
        if cle == "decroche" and phase is not None and phase != s.etat_initial:
            return (
                f"« decroche » n'est cherchée que dans la phase initiale (« {s.etat_initial} »), "
                "au décroché"
            )
        if cle == "fait_revele" and not any(set(f.actes) & ACTES_FAITS for f in s.personnage.faits):
            return "le personnage n'a aucun fait à révéler (personnage.faits)"
        if cle == "bascule_langue" and s.langue.bascule is None:
            return "le scénario n'a pas de bascule de langue (langue.bascule)"
        if cle in MASQUES and all(
            _defaut_couvre(k, lg) for k in MASQUES[cle] for lg in self.langues
        ):
            return (
                f"après l'acte « {cle} », le débiteur répond toujours sous une clé plus précise "
                f"({_liste(MASQUES[cle])}), cherchée avant ; rangez la réplique sous l'une d'elles"
            )
        return None

    def possibles(self, acte: str, cle: str) -> dict[str, set[object]]:
        """Valeurs possibles des grandeurs que testent les conditions, sachant acte et clé."""
        if cle.startswith("offre_"):
            offre: set[object] = {cle.removeprefix("offre_")}
        elif acte in ("proposition_entente", "contre_proposition"):
            offre = set(_RESULTATS_OFFRE)
        elif acte == "confirmation_entente":
            offre = (
                {None}
                if cle in ("entente_confirmee", "confirmation_sans_entente")
                else {None, *_RESULTATS_OFFRE}
            )
        else:
            offre = {None}
        if cle.startswith("paiement_integral_"):
            paiement: set[object] = {cle.removeprefix("paiement_integral_")}
        elif acte == "demande_paiement":
            paiement = {"accepte", "refuse"}
        else:
            paiement = {None}
        infraction: set[object] = {True} if cle == "reaction_infraction" else {True, False}
        return {"offre": offre, "paiement_integral": paiement, "infraction": infraction}

    def issues(self, phase: str, acte: str, cle: str) -> list[str]:
        """États où l'on peut être après `acte` joué dans `phase` quand `cle` est produite."""
        valeurs = self.possibles(acte, cle)
        sortie: list[str] = []
        for vers, si in self.essais.get((phase, acte), []):
            if si is None:
                return [*sortie, vers]
            definies = {
                n: getattr(si, n)
                for n in Condition.model_fields
                if getattr(si, n) not in (None, [], {})
            }
            if any(n in valeurs and v not in valeurs[n] for n, v in definies.items()):
                continue  # condition incompatible avec la clé : jamais franchie
            sortie.append(vers)
            if all(n in valeurs and valeurs[n] == {v} for n, v in definies.items()):
                return sortie  # toujours franchie quand la clé est produite
        return [*sortie, phase]  # aucune transition certaine : on peut rester

    def employee_via(self, phase: str, cle: str, apres: str) -> bool:
        """La réplique de `phase` sert-elle quand l'appel arrive en `apres` ?"""
        if apres == phase:
            return True
        if apres == ETAT_RACCROCHE:
            return False
        if apres in self.s.fins:
            fin = self.s.fins[apres]
            return fin.resultat != "raccroche" and not self.repond_toujours(fin.repliques)
        cible = self.s.phases.get(apres)
        return cible is None or not self.repond_toujours(cible.repliques.get(cle, []))

    def masquee_par_transitions(self, phase: str, cle: str) -> list[str] | None:
        """Les états qui répondent toujours à sa place, ou None si la réplique peut servir."""
        if cle in ("raccroche", "decroche"):
            return None
        if cle == "bascule_langue":
            b = self.s.langue.bascule
            if b is None or b.tour is not None or b.phase == phase:
                return None
        actes = PRODUCTEURS.get(cle, frozenset({cle}))
        if cle == "fait_revele":
            actes = frozenset(a for a in actes if self.faits_possibles(a))
        cibles: set[str] = set()
        for acte in sorted(actes):
            for apres in self.issues(phase, acte, cle):
                if self.employee_via(phase, cle, apres):
                    return None
                cibles.add(apres)
        return sorted(cibles)

    def repliques_inutiles(self) -> None:
        s = self.s
        for cle in s.repliques:
            pourquoi = self.jamais_produite(cle, None)
            if pourquoi:
                self.avert(
                    ("repliques", cle),
                    f"répliques communes « {cle} » jamais employées : {pourquoi}",
                )
        for nom, phase in s.phases.items():
            if nom not in self.atteintes:
                continue
            for cle in phase.repliques:
                chemin: Chemin = ("phases", nom, "repliques", cle)
                pourquoi = self.jamais_produite(cle, nom)
                if pourquoi:
                    self.avert(
                        chemin,
                        f"répliques « {cle} » de la phase « {nom} » jamais employées : {pourquoi}",
                    )
                    continue
                cibles = self.masquee_par_transitions(nom, cle)
                if cibles:
                    self.avert(
                        chemin,
                        f"répliques « {cle} » de la phase « {nom} » jamais employées : quand "
                        f"« {cle} » survient dans cette phase, l'appel passe toujours en "
                        f"{_liste(cibles)}, dont les répliques répondent d'abord",
                    )


def analyser(s: Scenario, fichier: str, pos: Positions) -> list[ErreurScenario]:
    """Avertissements de l'analyse statique (jamais d'erreur bloquante)."""
    a = _Analyse(s, fichier, pos)
    a.fins_et_impasses()
    a.transitions_masquees()
    a.sorties_muettes()
    a.repliques_inutiles()
    return a.sortie
