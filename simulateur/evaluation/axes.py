"""Les axes autres que la conformité : approche client, langue seconde, négociation, analyse.

Chaque fonction rend (note, preuves) ; les points viennent de la grille (données).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from simulateur.evaluation.rapport import Preuve, Sens
from simulateur.evaluation.vue import Vue

REFERENCES = {
    "approche_client": "AEP 224-023 ; CQP : communication adaptée aux débiteurs",
    "langue_seconde": "AEP 224-076 Communiquer en langue seconde",
    "negociation": "AEP 224-086 ; CQP : plan de remboursement, règlement amiable",
    "analyse_financiere": "AEP 224-043, 224-063, 224-105 ; CQP : diagnostic financier",
}

VOCABULAIRE_EN = frozenset(
    [
        "balance",
        "payment",
        "arrangement",
        "installment",
        "instalment",
        "due",
        "overdue",
        "account",
        "creditor",
        "collection",
        "agency",
        "budget",
        "income",
        "expenses",
        "monthly",
        "biweekly",
        "outstanding",
        "settle",
        "statement",
        "receipt",
        "dispute",
        "arrears",
        "schedule",
        "amount",
        "plan",
        "confirm",
    ]
)
# Les mots composés (« pre-authorized ») restent entiers : « pre » seul n'est pas une faute.
_MOT = re.compile(r"[A-Za-z][A-Za-z']*(?:-[A-Za-z']+)*")
NoteEtPreuves = tuple[float, tuple[Preuve, ...]]


def _p(
    axe: str,
    critere: str,
    points: float,
    conseil: str,
    *,
    tour: int | None = None,
    citation: str = "",
    sens: Sens | None = None,
) -> Preuve:
    return Preuve(
        tour=tour,
        citation=citation,
        regle=f"{axe}.{critere}",
        reference=REFERENCES[axe],
        conseil=conseil,
        sens=sens or ("positif" if points > 0 else "negatif"),
        points=points,
    )


def _noter(base: float, preuves: list[Preuve]) -> NoteEtPreuves:
    note = base + sum(p.points for p in preuves)
    return max(0.0, min(100.0, round(note, 1))), tuple(preuves)


def approche_client(v: Vue, g: dict[str, float]) -> NoteEtPreuves:
    a, pr = "approche_client", []
    tours = v.tours
    if tours and tours[0].acte in ("salutation", "presentation"):
        pr.append(
            _p(
                a,
                "ouverture",
                g["salutation_ou_presentation_au_debut"],
                "Bonne ouverture : salutation et présentation.",
                tour=1,
                citation=tours[0].citation(),
            )
        )
    elif tours:
        pr.append(
            _p(
                a,
                "ouverture",
                0,
                "Ouvrez l'appel en saluant et en vous présentant.",
                tour=1,
                citation=tours[0].citation(),
                sens="negatif",
            )
        )
    for acte, critere, conseil_ok, conseil_manque in (
        (
            "question_ouverte",
            "question_ouverte",
            "Question ouverte : le débiteur a pu expliquer sa situation.",
            "Posez une question ouverte (« Qu'est-ce qui s'est passé ? ») avant de proposer.",
        ),
        (
            "empathie",
            "empathie",
            "Empathie exprimée.",
            "Reconnaissez la difficulté du débiteur (« Je comprends, ce n'est pas facile »).",
        ),
        (
            "reformulation",
            "reformulation",
            "Reformulation : le débiteur se sent écouté.",
            "Reformulez ce que dit le débiteur pour montrer votre écoute.",
        ),
        ("cloture", "cloture", "Clôture courtoise.", "Concluez en remerciant et en saluant."),
    ):
        t = v.premier(acte)
        if t:
            pr.append(_p(a, critere, g[critere], conseil_ok, tour=t.numero, citation=t.citation()))
        else:
            pr.append(
                _p(a, critere, 0, conseil_manque, citation="jamais dans l'appel", sens="negatif")
            )
    offre = v.premier("proposition_entente", "contre_proposition", "demande_paiement")
    ecoute = v.premier("question_ouverte", "question_financiere")
    if offre and ecoute and ecoute.numero < offre.numero:
        pr.append(
            _p(
                a,
                "ecoute_avant_proposition",
                g["ecoute_avant_proposition"],
                "Vous avez écouté avant de proposer.",
                tour=ecoute.numero,
                citation=ecoute.citation(),
            )
        )
    elif offre:
        pr.append(
            _p(
                a,
                "ecoute_avant_proposition",
                0,
                "Comprenez la situation avant de demander ou de proposer un paiement.",
                tour=offre.numero,
                citation=offre.citation(),
                sens="negatif",
            )
        )
    for t in tours:
        if any(i["id"] == "harcelement" for i in t.infractions):
            pr.append(
                _p(
                    a,
                    "ton",
                    g["harcelement"],
                    "Gardez un ton courtois : aucune insulte ni moquerie.",
                    tour=t.numero,
                    citation=t.citation(),
                )
            )
    hors_sujet = [t for t in tours if t.acte == "autre" and not t.infractions]
    for t in hors_sujet[int(g["repliques_hors_sujet_max"]) :]:
        pr.append(
            _p(
                a,
                "hors_sujet",
                g["hors_sujet"],
                "Restez sur l'objet de l'appel ; chaque réplique doit faire avancer.",
                tour=t.numero,
                citation=t.citation(),
            )
        )
    return _noter(g["base"], pr)


@lru_cache(maxsize=1)
def _correcteur() -> Any:
    from spellchecker import SpellChecker

    return SpellChecker(language="en")


def langue_seconde_applicable(v: Vue) -> bool:
    return "en" in v.scenario.langues_possibles()


def langue_seconde(v: Vue, g: dict[str, float]) -> NoteEtPreuves | None:
    if not langue_seconde_applicable(v):
        return None
    a, pr = "langue_seconde", []
    en_anglais = [t for t in v.tours if t.langue_debiteur == "en"]
    if not en_anglais:
        return None
    bonnes = [t for t in en_anglais if t.langue == "en"]
    ratio = len(bonnes) / len(en_anglais)
    pr.append(
        _p(
            a,
            "bonne_langue",
            round(g["bonne_langue"] * ratio, 1),
            f"{len(bonnes)} réplique(s) sur {len(en_anglais)} dans la langue du débiteur.",
            citation=f"{ratio:.0%} en anglais",
            sens="positif" if ratio >= 0.8 else "negatif",
        )
    )
    for t in en_anglais:
        if t.langue != "en":
            pr.append(
                _p(
                    a,
                    "bonne_langue",
                    0,
                    "Le débiteur parle anglais : répondez en anglais.",
                    tour=t.numero,
                    citation=t.citation(),
                    sens="negatif",
                )
            )
    # Bascule : le premier tour où le débiteur parle anglais alors qu'il parlait français.
    bascule = next(
        (
            t
            for t in v.tours
            if t.etat_apres.get("langue") == "en" and t.etat_avant.get("langue") != "en"
        ),
        None,
    )
    if bascule:
        suivants = [t for t in v.tours if t.numero > bascule.numero][
            : int(g["tours_pour_basculer"])
        ]
        if suivants and all(t.langue == "en" for t in suivants):
            pr.append(
                _p(
                    a,
                    "bascule_rapide",
                    g["bascule_rapide"],
                    "Vous avez suivi le débiteur en anglais aussitôt.",
                    tour=suivants[0].numero,
                    citation=suivants[0].citation(),
                )
            )
        else:
            pr.append(
                _p(
                    a,
                    "bascule_rapide",
                    0,
                    "Quand le débiteur passe à l'anglais, suivez-le dès la réplique suivante.",
                    tour=bascule.numero,
                    citation=bascule.citation(),
                    sens="negatif",
                )
            )
    else:
        pr.append(
            _p(
                a,
                "bascule_rapide",
                g["bascule_rapide"],
                "Appel tenu en anglais du début à la fin.",
                citation="langue du débiteur tenue",
            )
        )
    mots = [m.lower() for t in bonnes for m in _MOT.findall(t.texte) if len(m) >= 3]
    metier = sorted(VOCABULAIRE_EN.intersection(mots))
    if len(metier) >= 3:
        pr.append(
            _p(
                a,
                "vocabulaire",
                g["vocabulaire"],
                "Vocabulaire du métier employé.",
                citation=", ".join(metier[:8]),
            )
        )
    else:
        pr.append(
            _p(
                a,
                "vocabulaire",
                round(g["vocabulaire"] * len(metier) / 3, 1),
                "Employez le vocabulaire du métier : balance, payment plan, instalment, due date…",
                citation=", ".join(metier) or "aucun terme du métier",
                sens="negatif",
            )
        )
    if mots:
        propres = {
            _simple_nom(x)
            for x in (
                v.personnage.get("nom", ""),
                v.personnage.get("prenom", ""),
                v.scenario.dossier.creancier,
            )
        }
        candidats = [m for m in mots if m not in propres]
        inconnus = _inconnus(candidats)
        ratio_ok = 1 - len(inconnus) / max(1, len(candidats))
        pr.append(
            _p(
                a,
                "orthographe",
                round(g["orthographe"] * ratio_ok, 1),
                "Relisez l'orthographe anglaise." if inconnus else "Orthographe soignée.",
                citation=("mots inconnus : " + ", ".join(inconnus[:8]))
                if inconnus
                else f"{len(candidats)} mots reconnus",
                sens="negatif" if inconnus else "positif",
            )
        )
    return _noter(g["base"], pr)


def _inconnus(mots: list[str]) -> list[str]:
    """Mots absents du dictionnaire ; un mot composé est connu si ses parties le sont."""
    if not mots:
        return []
    correcteur = _correcteur()
    inconnus = correcteur.unknown(mots)
    sortie = []
    for m in sorted(inconnus):
        parties = [x for x in m.split("-") if len(x) > 3]
        if "-" in m and not correcteur.unknown(parties):
            continue
        sortie.append(m)
    return sortie


def _simple_nom(x: str) -> str:
    return x.lower()


def capacite_faible(v: Vue, g_analyse: dict[str, float]) -> bool:
    return v.capacite < g_analyse["seuil_capacite_faible"] * v.scenario.mandat.versement_minimum


def negociation(v: Vue, g: dict[str, float], g_analyse: dict[str, float]) -> NoteEtPreuves:
    a, pr = "negociation", []
    e, m = v.entente, v.scenario.mandat
    orientation = v.premier("orientation_ressource")
    if capacite_faible(v, g_analyse):
        if orientation:
            pr.append(
                _p(
                    a,
                    "orientation_si_incapable",
                    g["orientation_si_incapable"],
                    "Le débiteur ne pouvait pas payer : l'orienter vers une aide était la bonne issue.",
                    tour=orientation.numero,
                    citation=orientation.citation(),
                )
            )
        else:
            pr.append(
                _p(
                    a,
                    "orientation_si_incapable",
                    0,
                    "Quand le débiteur ne peut rien payer, orientez-le vers une ressource (ACEF, Point conseil budget…).",
                    citation="aucune orientation",
                    sens="negatif",
                )
            )
    if e:
        # Le tour où l'entente finale a été conclue (pas une entente antérieure remplacée).
        tour = next(
            (
                t
                for t in reversed(v.tours)
                if t.etat_apres.get("entente") == e and t.etat_avant.get("entente") != e
            ),
            None,
        )
        ref = {"tour": tour.numero, "citation": tour.citation()} if tour else {}
        pr.append(_p(a, "entente", g["entente"], "Entente obtenue.", **ref))
        mensualite = float(e.get("mensualite") or e["montant"])
        if e["frequence"] == "unique":
            dans_mandat = e["montant"] + 0.01 >= v.scenario.dossier.montant or m.reduction_autorisee
        else:
            duree = v.scenario.dossier.montant / mensualite if mensualite else float("inf")
            dans_mandat = (
                mensualite + 0.01 >= m.versement_minimum and duree <= m.duree_max_mois + 0.01
            )
        pr.append(
            _p(
                a,
                "dans_le_mandat",
                g["dans_le_mandat"] if dans_mandat else 0,
                "Entente dans le mandat du créancier."
                if dans_mandat
                else f"Respectez le mandat : au moins {m.versement_minimum:.0f} par mois, {m.duree_max_mois} mois au plus.",
                sens="positif" if dans_mandat else "negatif",
                **ref,
            )
        )
        realiste = e["frequence"] == "unique" or mensualite <= v.capacite + 0.01
        pr.append(
            _p(
                a,
                "dans_la_capacite",
                g["dans_la_capacite"] if realiste else 0,
                "Mensualité réaliste pour le budget du débiteur."
                if realiste
                else f"La mensualité ({mensualite:.0f}) dépasse ce que le débiteur peut payer ({v.capacite:.0f}) : l'entente risque d'être rompue.",
                sens="positif" if realiste else "negatif",
                **ref,
            )
        )
        recap = v.premier("confirmation_entente")
        confirmee = (v.fin or {}).get("entente_confirmee") or v.etat_final.get("entente_confirmee")
        if recap and confirmee:
            pr.append(
                _p(
                    a,
                    "recapitulee",
                    g["recapitulee"],
                    "Entente récapitulée (montant, date, mode).",
                    tour=recap.numero,
                    citation=recap.citation(),
                )
            )
        else:
            pr.append(
                _p(
                    a,
                    "recapitulee",
                    0,
                    "Récapitulez l'entente : montant, fréquence, première date, mode de paiement.",
                    citation="aucun récapitulatif après l'accord",
                    sens="negatif",
                )
            )
        budget_explore = "revenu" in v.etat_final.get("budget_revele", [])
        if e.get("sincere") is False and not (budget_explore and recap):
            pr.append(
                _p(
                    a,
                    "engagement",
                    0,
                    "Le débiteur a promis sans intention de payer : vérifiez son budget et obtenez un premier versement daté.",
                    citation="promesse peu fiable",
                    sens="negatif",
                )
            )
    elif not capacite_faible(v, g_analyse):
        offre = next(
            (
                t
                for t in v.tours
                if t.acte in ("proposition_entente", "contre_proposition")
                and t.entites.get("montants")
            ),
            None,
        )
        if offre:
            pr.append(
                _p(
                    a,
                    "proposition_chiffree",
                    g["proposition_chiffree"],
                    "Une offre chiffrée a été faite.",
                    tour=offre.numero,
                    citation=offre.citation(),
                )
            )
        pr.append(
            _p(
                a,
                "entente",
                0,
                "Aucune entente : proposez un échéancier chiffré (montant, fréquence, date) adapté au budget.",
                citation=f"fin : {(v.fin or {}).get('resultat', 'interrompu')}",
                sens="negatif",
            )
        )
    demandes = [t for t in v.tours if t.acte == "demande_paiement"]
    for t in demandes[int(g["demandes_integrales_max"]) :]:
        pr.append(
            _p(
                a,
                "insistance",
                g["insistance"],
                "N'insistez pas sur le paiement intégral : cherchez une entente échelonnée.",
                tour=t.numero,
                citation=t.citation(),
            )
        )
    return _noter(g["base"], pr)


def analyse_financiere(v: Vue, g: dict[str, float]) -> NoteEtPreuves:
    a, pr = "analyse_financiere", []
    revele = v.etat_final.get("budget_revele", [])
    noms = {
        "revenu": "le revenu",
        "depenses": "les dépenses",
        "dettes": "les autres dettes",
        "actifs": "les biens",
    }
    for sujet, nom in noms.items():
        tour = next(
            (t for t in v.tours if (t.reaction.get("budget") or {}).get("sujet") == sujet), None
        )
        if sujet in revele and tour:
            pr.append(
                _p(
                    a,
                    f"budget_{sujet}",
                    g["poste_budget"],
                    f"Vous avez exploré {nom}.",
                    tour=tour.numero,
                    citation=tour.citation(),
                )
            )
        else:
            pr.append(
                _p(
                    a,
                    f"budget_{sujet}",
                    0,
                    f"Renseignez-vous sur {nom} avant de proposer un montant.",
                    citation="jamais exploré",
                    sens="negatif",
                )
            )
    faits = [t for t in v.tours if t.reaction.get("fait")][:2]
    for t in faits:
        pr.append(
            _p(
                a,
                "situation",
                g["fait_revele"],
                "Un élément de la situation a été découvert.",
                tour=t.numero,
                citation=t.citation(),
            )
        )
    e = v.entente
    if e and e["frequence"] != "unique":
        mensualite = float(e.get("mensualite") or e["montant"])
        ok = mensualite <= v.capacite + 0.01
        pr.append(
            _p(
                a,
                "capacite",
                g["capacite_respectee"] if ok else 0,
                f"Mensualité de {mensualite:.0f} pour une capacité réelle de {v.capacite:.0f}."
                + (
                    ""
                    if ok
                    else " Calculez le surplus (revenus − dépenses − autres paiements) avant de proposer."
                ),
                citation=f"capacité réelle : {v.capacite:.0f}",
                sens="positif" if ok else "negatif",
            )
        )
    if capacite_faible(v, g):
        t = v.premier("orientation_ressource")
        pr.append(
            _p(
                a,
                "orientation",
                g["orientation"] if t else 0,
                "Ressource d'aide proposée."
                if t
                else "Le budget ne permet pas de payer : proposez une ressource d'aide.",
                tour=t.numero if t else None,
                citation=t.citation() if t else "aucune orientation",
                sens="positif" if t else "negatif",
            )
        )
    if v.notes:
        note = v.notes[-1]
        pr.append(_note_coherente(v, note, g))
    return _noter(g["base"], pr)


def _note_coherente(v: Vue, note: dict[str, Any], g: dict[str, float]) -> Preuve:
    e = v.entente
    texte = note.get("note") or ""
    echeancier = note.get("echeancier") or {}
    if e is None:
        ok = not echeancier
        return _p(
            "analyse_financiere",
            "note_dossier",
            g["note_coherente"] if ok else 0,
            "Note de dossier cohérente : aucune entente n'est inscrite."
            if ok
            else "La note inscrit un échéancier alors qu'aucune entente n'a été conclue.",
            citation=texte[:160] or "note vide",
            sens="positif" if ok else "negatif",
        )
    montant = float(echeancier.get("montant") or 0)
    chiffres = {float(x.replace(",", ".")) for x in re.findall(r"\d+(?:[.,]\d+)?", texte)}
    ok = abs(montant - e["montant"]) < 0.01 or e["montant"] in chiffres
    return _p(
        "analyse_financiere",
        "note_dossier",
        g["note_coherente"] if ok else 0,
        "La note de dossier reprend l'entente."
        if ok
        else f"La note de dossier doit reprendre l'entente convenue ({e['montant']:.2f}, {e['frequence']}).",
        citation=texte[:160] or "note vide",
        sens="positif" if ok else "negatif",
    )
