"""Conformité : infractions des répliques et règles de contexte de cadre-legal.md.

Chaque constat est une Preuve (tour, citation, règle, référence, conseil).
Les règles de contexte se lisent dans l'ordre des actes, l'heure simulée et
les drapeaux du dossier ; rien n'est deviné hors de la transcription.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace

from simulateur.evaluation.calendrier import hors_bonne_pratique_france, interdit_quebec
from simulateur.evaluation.rapport import Preuve
from simulateur.evaluation.regles import LIBELLES_INFRACTION, REGLE_PAR_INFRACTION, regle
from simulateur.evaluation.vue import TourVu, Vue

# Actes qui révèlent la dette à l'interlocuteur.
DIVULGATION = (
    "objet_appel",
    "demande_paiement",
    "proposition_entente",
    "contre_proposition",
    "confirmation_entente",
)
NEGOCIATION = ("demande_paiement", "proposition_entente", "contre_proposition")


def _simple(texte: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", texte.lower()) if not unicodedata.combining(c)
    )


def _faute(
    id_regle: str,
    tour: TourVu | None,
    constat: str,
    *,
    grave: bool | None = None,
    bonne_pratique: bool = False,
) -> Preuve:
    r = regle(id_regle)
    return Preuve(
        tour=tour.numero if tour else None,
        citation=tour.citation() if tour else constat,
        regle=id_regle,
        reference=r.reference,
        conseil=r.conseil,
        sens="negatif",
        grave=r.grave if grave is None else grave,
        infraction="bonne_pratique" if bonne_pratique or not r.confirmee else None,
    )


def _succes(id_regle: str, tour: TourVu | None, constat: str) -> Preuve:
    r = regle(id_regle)
    return Preuve(
        tour=tour.numero if tour else None,
        citation=tour.citation() if tour else constat,
        regle=id_regle,
        reference=r.reference,
        conseil="Bien : " + constat,
        sens="positif",
    )


def infractions_des_repliques(v: Vue) -> Iterator[Preuve]:
    defaut = REGLE_PAR_INFRACTION[v.juridiction]
    for t in v.tours:
        for inf in t.infractions:
            id_regle = inf.get("regle") or defaut.get(inf["id"], inf["id"])
            r = regle(id_regle)
            declencheurs = ", ".join(inf.get("declencheurs") or ())
            conseil = r.conseil or f"Évitez : {LIBELLES_INFRACTION.get(inf['id'], inf['id'])}."
            if declencheurs:
                conseil += f" (relevé : « {declencheurs} »)"
            yield Preuve(
                tour=t.numero,
                citation=t.citation(),
                regle=id_regle,
                reference=r.reference,
                conseil=conseil,
                grave=True,
                infraction=inf["id"],
            )


def _premiere_divulgation(v: Vue) -> TourVu | None:
    return v.premier(*DIVULGATION)


def _a_negocie(v: Vue) -> TourVu | None:
    return v.premier("objet_appel", *NEGOCIATION)


def _mention(v: Vue, *mots: str) -> TourVu | None:
    return next((t for t in v.tours if any(m in _simple(t.texte) for m in mots)), None)


def regles_de_contexte(v: Vue) -> Iterator[Preuve]:
    s, a = v.scenario, v.scenario.appel
    qc = v.juridiction == "qc"
    p = "qc" if qc else "fr"
    divulgation = _premiere_divulgation(v)
    negociation = _a_negocie(v)

    # Heures d'appel.
    if qc:
        motif = interdit_quebec(a.date, a.heure)
        if motif and negociation:
            yield _faute("qc_heures_appel", negociation, f"appel {motif}")
        elif motif:
            yield _succes("qc_heures_appel", None, f"appel {motif} écourté sans négocier")
    else:
        motif = hors_bonne_pratique_france(a.date, a.heure)
        if motif and negociation:
            yield _faute("fr_horaires", negociation, f"appel {motif}", bonne_pratique=True)

    # Identification avant toute demande.
    presentation = v.premier("presentation")
    demande = v.premier(*DIVULGATION)
    if presentation is None and v.tours:
        yield _faute(f"{p}_identification", demande, "l'agent ne s'est jamais présenté")
    elif presentation and demande and demande.numero < presentation.numero:
        yield _faute(f"{p}_identification", demande, "demande faite avant de se présenter")
    elif presentation:
        yield _succes(f"{p}_identification", presentation, "présentation avant toute demande")
    # Le numéro de permis n'est dû qu'au débiteur lui-même (LRCC 4 al. 2).
    if qc and presentation and a.interlocuteur != "tiers" and not _mention(v, "permis", "licen"):
        yield _faute(
            "qc_identification",
            None,
            "numéro de permis de l'agence jamais donné",
            grave=False,
            bonne_pratique=True,
        )

    # Vérification de l'identité avant de parler de la dette.
    verification = v.premier("verification_identite")
    tiers = a.interlocuteur == "tiers"
    if divulgation and (tiers or verification is None or divulgation.numero < verification.numero):
        qui = "à un tiers" if tiers else "avant de vérifier l'identité"
        yield _faute(f"{p}_verif_avant_divulgation", divulgation, f"dette évoquée {qui}")
    elif verification:
        yield _succes(
            f"{p}_verif_avant_divulgation",
            verification,
            "identité vérifiée avant de parler de la dette",
        )
    if qc and tiers and (demande_tiers := v.premier(*NEGOCIATION)):
        yield _faute("qc_contact_tiers", demande_tiers, "paiement demandé à un tiers")

    # Ligne de travail.
    if a.ligne == "travail" and not a.autorisation_travail and divulgation:
        if qc:
            yield _faute("qc_travail", divulgation, "dette évoquée au travail sans autorisation")
        else:
            yield _faute("fr_tiers_employeur", divulgation, "dette évoquée sur la ligne du travail")

    # Drapeaux du dossier et documents préalables.
    if qc:
        if (a.ecrit_seulement or a.avocat) and negociation:
            raison = "un avocat désigné" if a.avocat else "l'écrit exigé"
            yield _faute("qc_stop_communication", negociation, f"négociation malgré {raison}")
        if negociation and (a.date_avis is None or (a.date - a.date_avis).days < 5):
            yield _faute(
                "qc_avis_ecrit_prealable",
                negociation,
                "avis écrit absent ou envoyé il y a moins de 5 jours",
            )
    else:
        if s.dossier.surendettement_recevable and (pression := v.premier(*NEGOCIATION)):
            yield _faute(
                "fr_surendettement",
                pression,
                "paiement demandé malgré un dossier de surendettement recevable",
            )
        if a.appels_recents >= 2:
            yield _faute(
                "fr_appels_reiteres",
                None,
                f"{a.appels_recents + 1} appels en une semaine",
                bonne_pratique=True,
            )
        if a.lettre_reference is None:
            yield _faute("fr_lettre_prealable", None, "aucune lettre R124-4 au dossier")
        elif negociation and not _mention(v, _simple(a.lettre_reference), "courrier", "lettre"):
            yield _faute(
                "fr_lettre_prealable",
                None,
                "référence de la lettre R124-4 jamais rappelée",
                grave=False,
            )
        if a.enregistre and v.tours:
            annonce = _mention(v, "enregistr", "recorded")
            if annonce:
                yield _succes("fr_enregistrement", annonce, "enregistrement annoncé")
            else:
                yield _faute(
                    "fr_enregistrement",
                    None,
                    "appel enregistré sans que le débiteur en soit informé",
                )
        if v.entente and not _mention(v, "quittance", "recu", "receipt"):
            yield _faute(
                "fr_quittance",
                None,
                "aucune quittance annoncée pour les versements",
                bonne_pratique=True,
            )

    # Dette prescrite.
    reference_date = s.dossier.dernier_paiement or s.dossier.echeance
    annees = 3 if qc else (5 if s.dossier.commercial else 2)
    prescrite = (a.date - reference_date).days > annees * 365
    pression = v.premier("demande_paiement", "autre")
    exagere = any(
        i["id"] in ("menace", "fausse_representation") for t in v.tours for i in t.infractions
    )
    if prescrite and pression and exagere:
        yield _faute(
            "qc_prescription" if qc else "fr_creance_prescrite",
            pression,
            f"dette de plus de {annees} ans présentée comme exigible",
        )

    yield from montants_reclames(v)
    yield from regles_d_entente(v)


def montants_reclames(v: Vue) -> Iterator[Preuve]:
    """Réclamer plus que le solde du dossier (pénalité inventée, montant gonflé)."""
    du = v.scenario.dossier.montant
    regle_id = "qc_montant_superieur" if v.juridiction == "qc" else "fr_montant"
    for t in v.tours:
        if t.acte not in ("objet_appel", "demande_paiement"):
            continue
        montants = [float(m["valeur"]) for m in t.entites.get("montants", ())]
        if montants and max(montants) > du * 1.005 + 0.5:
            yield _faute(regle_id, t, f"{max(montants):.2f} réclamés pour un solde de {du:.2f}")
            return


def regles_d_entente(v: Vue) -> Iterator[Preuve]:
    """Entente au-delà du mandat du créancier ou de la capacité réelle du débiteur."""
    e = v.entente
    if not e:
        return
    s, m = v.scenario, v.scenario.mandat
    confirmation = v.premier("confirmation_entente")
    tour = confirmation or next((t for t in v.tours if t.etat_apres.get("entente")), None)
    mensualite = float(e.get("mensualite") or e["montant"])
    if e["frequence"] == "unique":
        if e["montant"] + 0.01 < s.dossier.montant and not m.reduction_autorisee:
            yield _faute(
                "mandat_creancier",
                tour,
                "réduction du solde accordée sans autorisation du créancier",
                grave=False,
            )
    else:
        duree = s.dossier.montant / mensualite if mensualite > 0 else float("inf")
        if mensualite + 0.01 < m.versement_minimum:
            yield _faute(
                "mandat_creancier",
                tour,
                f"mensualité de {mensualite:.2f} sous le minimum du mandat ({m.versement_minimum:.2f})",
                grave=False,
            )
        elif duree > m.duree_max_mois + 0.01:
            yield _faute(
                "mandat_creancier",
                tour,
                f"plan de {duree:.0f} mois au-delà de la durée maximale ({m.duree_max_mois} mois)",
                grave=False,
            )
        else:
            yield _succes("mandat_creancier", tour, "entente dans le mandat du créancier")
    p = "qc" if v.juridiction == "qc" else "fr"
    if mensualite > v.capacite + 0.01 and e["frequence"] != "unique":
        yield _faute(
            f"{p}_entente_budget",
            tour,
            f"mensualité de {mensualite:.2f} au-delà de la capacité réelle ({v.capacite:.2f})",
        )


def evaluer_conformite(
    v: Vue, grille: dict[str, float]
) -> tuple[float, tuple[Preuve, ...], float | None]:
    """Note, preuves et plafond appliqué (une infraction grave plafonne la note)."""
    preuves = [*infractions_des_repliques(v), *regles_de_contexte(v)]
    note = grille["base"]
    sortie: list[Preuve] = []
    for pr in preuves:
        if pr.sens == "negatif":
            if pr.infraction == "bonne_pratique":
                points = grille["bonne_pratique"]
            elif pr.infraction:
                points = grille["infraction"]
            else:
                points = grille["regle_contexte"]
            note += points
            pr = _avec_points(pr, points)
        sortie.append(pr)
    note = max(0.0, min(100.0, note))
    plafond = None
    if any(pr.grave and pr.sens == "negatif" for pr in sortie):
        plafond = grille["plafond_grave"]
        note = min(note, plafond)
    return note, tuple(sortie), plafond


def _avec_points(p: Preuve, points: float) -> Preuve:
    return replace(p, points=points)
