"""Le dossier tel qu'un agent le voit avant et pendant l'appel (sans le budget caché)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from simulateur.interface.logique.entente import Formats

if TYPE_CHECKING:
    from simulateur.personnages.personnage import Personnage
    from simulateur.scenarios.schema import Scenario

Section = tuple[str, list[tuple[str, str]]]

LIGNES = {
    "domicile": "domicile",
    "cellulaire": "cellulaire",
    "travail": "travail",
    "visite": "visite",
}
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def formats_de(scenario: Scenario) -> Formats:
    """Formats de l'agent : toujours en français, selon la juridiction."""
    locale = scenario.locale
    if not locale.startswith("fr"):
        locale = "fr_FR" if scenario.juridiction == "fr" else "fr_CA"
    return Formats(locale, scenario.dossier.devise)


def sections(scenario: Scenario, personnage: Personnage | None) -> list[Section]:
    s, d, f = scenario, scenario.dossier, formats_de(scenario)
    creance: list[tuple[str, str]] = [
        ("Créancier", d.creancier),
        ("Agence", d.agence + (f" (permis {d.numero_permis})" if d.numero_permis else "")),
        ("Référence", d.reference or "—"),
        ("Montant dû", f.argent(d.montant)),
        ("Échéance", f.date(d.echeance)),
        ("Dernier paiement", f.date(d.dernier_paiement) if d.dernier_paiement else "aucun"),
    ]
    creance += [(c.libelle, f.argent(c.montant)) for c in d.detail]
    if d.notes:
        creance.append(("Notes", " ".join(d.notes.split())))
    m = s.mandat
    mandat = [
        ("Versement minimum", f"{f.argent(m.versement_minimum)} par mois"),
        ("Durée maximale", f"{m.duree_max_mois} mois"),
        (
            "Réduction",
            f"autorisée jusqu'à {m.reduction_max_pct:g} %"
            if m.reduction_autorisee
            else "non autorisée",
        ),
    ]
    a = s.appel
    appel = [
        ("Date", f"{JOURS[a.date.weekday()]} {f.date(a.date)}, {a.heure.strftime('%H:%M')}"),
        ("Canal", f"{'visite' if s.canal == 'visite' else 'téléphone'}, ligne {LIGNES[a.ligne]}"),
        ("Appel enregistré", "oui (à annoncer)" if a.enregistre else "non"),
    ]
    if a.date_avis:
        appel.append(("Avis écrit envoyé", f.date(a.date_avis)))
    if a.lettre_reference:
        lettre = a.lettre_reference + (f" du {f.date(a.lettre_date)}" if a.lettre_date else "")
        appel.append(("Lettre", lettre))
    sortie: list[Section] = []
    if personnage is not None:
        p = personnage
        sortie.append(
            (
                "Débiteur",
                [
                    ("Nom", f"{p.civilite} {p.nom_complet}"),
                    ("Téléphone", p.telephone),
                    ("Adresse", f"{p.adresse}, {p.ville} {p.code_postal}"),
                ]
                + (
                    [("Entreprise", p.entreprise)]
                    if s.personnage.archetype == "perte_commerce"
                    else []
                ),
            )
        )
    sortie += [
        ("Créance", creance),
        ("Historique", [(f.date(e.date), e.evenement) for e in d.historique]),
        ("Mandat du créancier", mandat),
        ("Appel", appel),
    ]
    return [x for x in sortie if x[1]]
