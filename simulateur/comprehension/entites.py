"""Entités d'une réplique : montants, fréquence, dates, postes de budget.

Tout se lit sur le texte normalisé (minuscules, sans accents) après conversion
des nombres en lettres (`text_to_num`) : « cent cinquante dollars aux deux
semaines » devient « 150 dollars aux deux semaines ». Les champs `texte` des
montants et des dates reprennent donc ce passage normalisé.
"""

from __future__ import annotations

import math
import re
from typing import Final

from simulateur.comprehension.analyse import DateMention, Entites, Frequence, Montant
from simulateur.comprehension.normalisation import Aiguillage, en_chiffres, nettoyer, normaliser

# --- Montants -----------------------------------------------------------------

# Ordre des variantes : milliers à espaces, à virgules, à points, puis nombre simple.
_NOMBRE: Final = (
    r"(?:\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"
    r"|\d+(?:[.,]\d{1,2})?)"
)
_DEVISE_APRES: Final = (
    r"(?:\$ ?ca\b|\$|€|dollars?\b|euros?\b|eur\b|cad\b|piasses?\b|piastres?\b|bucks\b|balles\b)"
)
_MONTANT_APRES = re.compile(rf"(?<![\d.,])({_NOMBRE}) ?({_DEVISE_APRES})", re.ASCII)
_MONTANT_AVANT = re.compile(rf"(\$|€|\bcad|\beur) ?({_NOMBRE})(?![\d])", re.ASCII)
_DEVISES: Final = {"€": "EUR", "eur": "EUR", "euro": "EUR", "balle": "EUR"}

# Nombre sans devise mais en contexte d'argent : suivi d'une fréquence (« 150 par mois »)
# ou précédé d'un verbe de paiement (« verser 75 »). Jamais une durée ni une date.
_PAS_UNE_SOMME: Final = (
    r"(?! ?(?:%|h\b|h\d|heures?|minutes?|jours?|semaines?|mois\b|ans?\b|annees?|fois|x\b"
    r"|days?|weeks?|months?|years?|times|hours?|er\b|e\b|eme\b|st\b|nd\b|rd\b|th\b))"
)
_SOMME_FREQUENCE = re.compile(
    rf"(?<![\d.,])(?<!le )(?<!du )(?<!au )(?<!the )({_NOMBRE})(?![\d])"
    r"(?= ?(?:par |/ ?(?:mois|mo\b|sem|semaine|an\b|month|week|year)|chaque |aux |toutes les |"
    r"tous les |a la (?:deux|2|quinzaine)|every |each |per |a (?:week|month|year)\b|"
    r"biweekly|bi weekly|weekly|monthly|mensuellement|hebdo))",
    re.ASCII,
)
_SOMME_VERBE = re.compile(
    r"\b(?:payer|verser|versement de|versements de|mensualites? de|paiements? de|montant de|"
    r"somme de|offrir|rembourser|mettre|donner|pay|payments? of|installments? of|do|offer|"
    r"send|put|give|afford) "
    rf"({_NOMBRE})(?![\d.,]){_PAS_UNE_SOMME}",
    re.ASCII,
)


def _valeur(nombre: str) -> float | None:
    """« 1 200 », « 1,200.50 », « 1.200,50 », « 842,17 » → float."""
    n = nombre.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", n):
        n = n.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", n):
        n = n.replace(".", "").replace(",", ".")
    else:
        n = n.replace(",", ".")
    try:
        v = float(n)
    except ValueError:
        return None
    return v if math.isfinite(v) else None  # 400 chiffres donnent l'infini : pas un montant


def _devise(mot: str) -> str:
    """Devise d'un symbole ou d'un mot ; « $ » et « dollars » valent CAD (public canadien)."""
    return _DEVISES.get(mot.replace(" ", "").rstrip("s"), "CAD")


_CHIFFRE = re.compile(r"\d", re.ASCII)


def _montants(n: str) -> tuple[Montant, ...]:
    if not _CHIFFRE.search(n):
        return ()  # tout montant a des chiffres (les lettres sont déjà converties)
    trouves: list[tuple[int, int, Montant]] = []

    def libre(debut: int, fin: int) -> bool:
        return all(fin <= d or debut >= f for d, f, _ in trouves)

    candidats = _AIGUILLAGE.candidats(n)
    for m in _MONTANT_APRES.finditer(n) if _N_MONTANT_APRES in candidats else ():
        v = _valeur(m.group(1))
        if v is not None:
            trouves.append((m.start(), m.end(), Montant(v, _devise(m.group(2)), m.group(0))))
    for m in _MONTANT_AVANT.finditer(n) if _N_MONTANT_AVANT in candidats else ():
        v = _valeur(m.group(2))
        if v is not None and libre(m.start(), m.end()):
            trouves.append((m.start(), m.end(), Montant(v, _devise(m.group(1)), m.group(0))))
    for motif in (_SOMME_FREQUENCE, _SOMME_VERBE):
        for m in motif.finditer(n) if _NUMERO[motif] in candidats else ():
            v = _valeur(m.group(1))
            if v is not None and libre(m.start(1), m.end(1)):
                trouves.append((m.start(1), m.end(1), Montant(v, None, m.group(1))))
    return tuple(mt for _, _, mt in sorted(trouves, key=lambda x: x[0]))


# --- Fréquence ----------------------------------------------------------------

_JOURS_FR: Final = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_JOURS_EN: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
JOURS: Final[dict[str, str]] = {
    **{j: j for j in _JOURS_FR},
    **dict(zip(_JOURS_EN, _JOURS_FR, strict=True)),
}
_JOUR: Final = "(?:" + "|".join(JOURS) + ")"
_ARGENT: Final = r"(?:\d|\$|€|dollars?|euros?|bucks)"

# Ordre de priorité : les formes précises d'abord (« deux fois par mois » avant « par mois »).
_FREQUENCES: Final[tuple[tuple[Frequence, re.Pattern[str]], ...]] = tuple(
    (f, re.compile(p, re.ASCII))
    for f, p in (
        (
            "aux_deux_semaines",
            r"\b(?:aux|toutes les|a toutes les|a la|a chaque|chaque) (?:deux|2) semaines"
            r"|\b(?:aux|tous les) (?:quinze|15|quatorze|14) jours|\b(?:a la|par|chaque) quinzaine"
            r"|toutes les quinzaines|une semaine sur (?:deux|2)"
            rf"|\b(?:un|le) {_JOUR} sur (?:deux|2)|every (?:other|second) (?:week\b|{_JOUR})"
            r"|every (?:two|2) weeks|\bbi ?weekly|fortnight",
        ),
        (
            "bimensuelle",
            r"\b(?:deux|2) fois par mois|twice (?:a|per|each|every) month|twice monthly"
            r"|semi ?monthly|bimensuel|le (?:1er|premier) et le 15|the (?:1st|first) and (?:the )?15",
        ),
        (
            "hebdomadaire",
            r"\bpar semaine|\b(?:a )?(?:chaque|toutes les) semaines?\b|hebdomadaire"
            r"|/ ?sem(?:aine)?\b|\b(?:per|each|every) week\b|\bweekly"
            rf"|{_ARGENT} (?:a|per) week\b|\b(?:chaque|every|each) {_JOUR}\b"
            rf"|\btous les {_JOUR}s\b|\bon {_JOUR}s\b",
        ),
        (
            "mensuelle",
            r"\bpar mois|\b(?:a )?(?:chaque|tous les) mois\b|\bmensuel|\bmensualite"
            r"|/ ?(?:mois|mo)\b|\bper month|\b(?:each|every) month|\bmonthly"
            rf"|{_ARGENT} (?:a|per) month\b|\bof (?:each|every|the) month"
            r"|\bdu mois\b(?! prochain| dernier| passe)",
        ),
        (
            "annuelle",
            r"\bpar (?:an|annee)\b|\bchaque annee|\btous les ans\b|\bannuel|\bper year"
            rf"|\b(?:each|every) year|\byearly|\bannually|/ ?an\b|{_ARGENT} (?:a|per) year\b",
        ),
        (
            "unique",
            r"\b(?:un|1) seul (?:versement|paiement|coup)|\ben une (?:seule )?fois"
            r"|\bd'?un (?:seul )?coup|\b(?:paiement|versement) unique"
            r"|\b(?:one|1|a single|single) (?:payment|installment|lump)|\blump sum"
            r"|\bin (?:one|1) (?:go|shot|payment)|\ball at once|\bin full\b|\bau complet\b"
            r"|\ben entier\b|\b(?:solde|montant|paiement) (?:complet|total|integral)|\btotalite"
            r"|aujourd'?hui le solde|\bfull (?:balance|amount|payment)|\bpa(?:y|id) (?:it )?off\b",
        ),
    )
)


# Toute fréquence contient l'un de ces fragments : sans eux, inutile de lancer les motifs.
_FRAGMENTS_FREQUENCE: Final = (
    "sem", "quinz", "jour", "sur 2", "sur deux", "week", "fortnight", "fois", "month", "15",
    "hebdo", "day", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "mois", "mensu", "/", "par an", "annee", "les ans", "annuel", "year", "annual", "seul",
    "coup", "unique", "one", "1 ", "single", "lump", "once", "full", "complet", "entier", "total",
    "integral", "aujourd", "pay", "paid",
)  # fmt: skip


def _frequence(n: str) -> Frequence | None:
    """La fréquence citée le plus tôt, une fois écartés les motifs couverts par un plus précis."""
    candidats = _AIGUILLAGE.candidats(n)
    if _NUMEROS_FREQUENCES.isdisjoint(candidats):
        return None  # aucun motif de fréquence ne peut réussir : rien à chercher
    if not any(f in n for f in _FRAGMENTS_FREQUENCE):
        return None
    pris: list[tuple[int, int, Frequence]] = []
    for f, motif in _FREQUENCES:
        for m in motif.finditer(n) if _NUMERO[motif] in candidats else ():
            if all(m.end() <= d or m.start() >= e for d, e, _ in pris):
                pris.append((m.start(), m.end(), f))
    return min(pris)[2] if pris else None


# --- Dates --------------------------------------------------------------------

_MOIS: Final[dict[str, int]] = {
    **{
        m: i
        for i, m in enumerate(
            (
                "janvier",
                "fevrier",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "aout",
                "septembre",
                "octobre",
                "novembre",
                "decembre",
            ),
            start=1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            (
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ),
            start=1,
        )
    },
}
_NOM_MOIS: Final = "(?:" + "|".join(_MOIS) + ")"
_ORDINAL: Final = r"(?:er|re|e|eme|st|nd|rd|th)"
_QUANTIEME: Final = rf"(\d{{1,2}}|premier|first){_ORDINAL}?"
_JOUR_ET_MOIS = re.compile(rf"\b(?:le |the )?{_QUANTIEME}(?: of| de)? ({_NOM_MOIS})\b", re.ASCII)
_MOIS_ET_JOUR = re.compile(rf"\b({_NOM_MOIS}) (?:the )?(\d{{1,2}}){_ORDINAL}?\b", re.ASCII)
_MOIS_SEUL = re.compile(rf"\b({_NOM_MOIS})\b", re.ASCII)
# « le 15 » n'est une date que s'il n'est suivi ni d'une unité ni d'une devise.
_PAS_UNE_DATE: Final = (
    r"(?![.,]?\d| ?(?:\$|€|%|h\b|heures?|fois|ans?\b|annees?|mois\b|semaines?|jours?|minutes?"
    r"|dollars?|euros?|versements?|paiements?|payments?|appels?|avis|time))"
)
_QUANTIEME_SEUL = re.compile(
    r"\b(?:le|du|au|des le|avant le|d'?ici le|jusqu'?au|chaque|the|on the|by the|on|every|each)"
    rf" {_QUANTIEME}\b{_PAS_UNE_DATE}"
    r"|\b(\d{1,2})(?:er|st|nd|rd|th)\b" + _PAS_UNE_DATE,
    re.ASCII,
)
_PREMIER_NOM = re.compile(r" (?!du |of |de )[a-z]{3,}", re.ASCII)
_JOUR_SEMAINE = re.compile(rf"\b({_JOUR})s?\b", re.ASCII)
_RELATIFS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("demain", re.compile(r"(?<!apres )\bdemain\b|\btomorrow\b", re.ASCII)),
    (
        "aujourd_hui",
        re.compile(r"\baujourd'?hui\b|\btoday\b|\bce soir\b|\btonight\b|\bce matin\b", re.ASCII),
    ),
    (
        "semaine_prochaine",
        re.compile(r"\bsemaine (?:prochaine|qui vient)\b|\bnext week\b", re.ASCII),
    ),
    ("mois_prochain", re.compile(r"\bmois (?:prochain|qui vient)\b|\bnext month\b", re.ASCII)),
)


def _jour(texte: str) -> int | None:
    j = 1 if texte in ("premier", "first") else int(texte)
    return j if 1 <= j <= 31 else None


def _dates(n: str) -> tuple[DateMention, ...]:
    trouves: list[tuple[int, int, DateMention]] = []

    def ajouter(
        m: re.Match[str],
        jour_mois: int | None = None,
        jour_semaine: str | None = None,
        mois: int | None = None,
        relatif: str | None = None,
    ) -> None:
        # Un passage déjà lu par un motif plus précis (« 15 mars » avant « mars ») est ignoré.
        if all(m.end() <= d or m.start() >= f for d, f, _ in trouves):
            date = DateMention(m.group(0).strip(), jour_mois, jour_semaine, mois, relatif)
            trouves.append((m.start(), m.end(), date))

    # Un quantième s'écrit en chiffres, ou « premier » / « first » : sinon, motifs inutiles.
    quantieme = bool(_CHIFFRE.search(n)) or "premier" in n or "first" in n
    # Les motifs que l'aiguillage écarte ne peuvent rien trouver dans ce texte.
    c = _AIGUILLAGE.candidats(n)
    for m in _JOUR_ET_MOIS.finditer(n) if quantieme and _NUMERO[_JOUR_ET_MOIS] in c else ():
        if (j := _jour(m.group(1))) is not None:
            ajouter(m, jour_mois=j, mois=_MOIS[m.group(2)])
    for m in _MOIS_ET_JOUR.finditer(n) if quantieme and _NUMERO[_MOIS_ET_JOUR] in c else ():
        if (j := _jour(m.group(2))) is not None:
            ajouter(m, jour_mois=j, mois=_MOIS[m.group(1)])
    for m in _QUANTIEME_SEUL.finditer(n) if quantieme and _NUMERO[_QUANTIEME_SEUL] in c else ():
        brut = m.group(1) or m.group(2)
        # « premier » suivi d'un nom (« le premier versement ») n'est pas une date.
        if brut in ("premier", "first") and _PREMIER_NOM.match(n, m.end()):
            continue
        if (j := _jour(brut)) is not None:
            ajouter(m, jour_mois=j)
    for m in _MOIS_SEUL.finditer(n) if _NUMERO[_MOIS_SEUL] in c else ():
        if m.group(1) != "may":  # « may » est surtout un verbe anglais
            ajouter(m, mois=_MOIS[m.group(1)])
    for m in _JOUR_SEMAINE.finditer(n) if _NUMERO[_JOUR_SEMAINE] in c else ():
        ajouter(m, jour_semaine=JOURS[m.group(1)])
    for relatif, motif in _RELATIFS:
        for m in motif.finditer(n) if _NUMERO[motif] in c else ():
            ajouter(m, relatif=relatif)
    return tuple(d for _, _, d in sorted(trouves, key=lambda x: x[0]))


# --- Postes de budget ---------------------------------------------------------

_SUJETS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (s, re.compile(p, re.ASCII))
    for s, p in (
        (
            "revenu",
            r"\b(?:salaires?|revenus?|incomes?|wages?|salary|salaries|paychecks?|pay ?cheques?"
            r"|gagne[sz]?|gagner|earn(?:s|ing|ings)?|travaill(?:ez|es|er)|emploi|jobs?"
            r"|chomage|pension|retraite|prestations?|allocations?|aide sociale|welfare"
            r"|employed|take home)\b|\b(?:la|votre|ta|chaque|par|de|une) pa[iy]es?\b",
        ),
        (
            "depenses",
            r"\b(?:depenses?|depensez|loyers?|epicerie|rent|expenses?|bills|factures"
            r"|charges|courses|groceries|spend(?:ing)?|hypotheques?|mortgage|garderie"
            r"|childcare|frais fixes)\b",
        ),
        (
            "actifs",
            r"\b(?:biens|epargnes?|economies|voitures?|vehicules?|auto|char|maison|proprietaire"
            r"|reer|celi|placements?|livrets?|savings?|assets?|own|owns|cars?|house|property"
            r"|investments?|rrsp|tfsa|immeubles?|terrain)\b",
        ),
        (
            "dettes",
            r"\b(?:autres? (?:dettes?|creanciers?|prets?|emprunts?)|prets\b|emprunts?"
            r"|cartes? de credit|marges? de credit|credit cards?|lines? of credit|loans?"
            r"|other (?:debts?|creditors?)|debts|dettes)\b"
            r"|\b(?:un|des|vos|votre|autre|le|ton|tes) pret\b(?! a)"
            r"|(?<!amount you )(?<!balance you )(?<!what you )(?<!amount that you )"
            r"\bowe\b(?! (?:us|the|\$|\d|a total|a balance))",
        ),
    )
)


def _sujets(n: str) -> tuple[str, ...]:
    c = _AIGUILLAGE.candidats(n)
    return tuple(s for s, motif in _SUJETS if _NUMERO[motif] in c and motif.search(n))


# --- Aiguillage -----------------------------------------------------------------
# Les motifs sont indexés par leurs sous-chaînes nécessaires (`normalisation.Aiguillage`) : un
# motif écarté pour un texte n'y trouverait rien, on saute sa recherche (résultat identique).
_MOTIFS_INDEXES: Final[list[re.Pattern[str]]] = [
    _MONTANT_APRES,
    _MONTANT_AVANT,
    _SOMME_FREQUENCE,
    _SOMME_VERBE,
    *(m for _, m in _FREQUENCES),
    _JOUR_ET_MOIS,
    _MOIS_ET_JOUR,
    _QUANTIEME_SEUL,
    _MOIS_SEUL,
    _JOUR_SEMAINE,
    *(m for _, m in _RELATIFS),
    *(m for _, m in _SUJETS),
]
_NUMERO: Final[dict[re.Pattern[str], int]] = {m: k for k, m in enumerate(_MOTIFS_INDEXES)}
_N_MONTANT_APRES: Final = _NUMERO[_MONTANT_APRES]
_N_MONTANT_AVANT: Final = _NUMERO[_MONTANT_AVANT]
_NUMEROS_FREQUENCES: Final = frozenset(_NUMERO[m] for _, m in _FREQUENCES)
_AIGUILLAGE: Final = Aiguillage(_MOTIFS_INDEXES)


# --- Point d'entrée -----------------------------------------------------------


def entites_depuis_normalise(n: str) -> Entites:
    """Extraction sur un texte déjà nettoyé, converti en chiffres et normalisé."""
    return Entites(
        montants=_montants(n),
        frequence=_frequence(n),
        dates=_dates(n),
        sujets_budget=_sujets(n),
    )


def extraire_entites(texte: str, langue: str) -> Entites:
    """Montants, fréquence, dates et postes de budget d'une réplique (fr ou en)."""
    try:
        return entites_depuis_normalise(normaliser(en_chiffres(nettoyer(texte), langue)))
    except Exception:  # filet : une entrée imprévue donne des entités vides, jamais une erreur
        return Entites()
