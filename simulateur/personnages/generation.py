"""Générer un personnage à partir des contraintes du scénario et d'une graine."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from functools import lru_cache
from typing import Any

from faker import Faker

from simulateur.personnages.fournisseurs import (
    EntrepriseQuebec,
    TelephoneFictifNordAmericain,
    TelephoneQuebec,
)
from simulateur.personnages.gabarits import rendre
from simulateur.personnages.personnage import Budget, FaitPersonnage, Personnage, Temperament
from simulateur.scenarios.schema import Scenario

# Situation par défaut quand le scénario n'en écrit pas, par archétype et langue.
SITUATIONS_DEFAUT: dict[str, dict[str, tuple[str, ...]]] = {
    "difficulte_financiere": {
        "fr": (
            "J'ai perdu mon emploi chez {{ personnage.employeur }} il y a quelques mois.",
            "J'ai été en arrêt maladie pendant longtemps, les revenus ont beaucoup baissé.",
            "Depuis ma séparation cette année, j'assume toutes les dépenses.",
        ),
        "en": (
            "I lost my job at {{ personnage.employeur }} a few months ago.",
            "I was off sick for a long time and my income dropped a lot.",
            "I separated this year, so now I'm paying everything on my own.",
        ),
    },
    "perte_commerce": {
        "fr": (
            "Mon plus gros client, qui faisait la moitié du chiffre de {{ personnage.entreprise }}, est parti.",
            "{{ personnage.entreprise }} a perdu son contrat principal, j'ai dû réduire les heures.",
        ),
        "en": (
            "My biggest client, half of {{ personnage.entreprise }}'s revenue, walked away.",
            "{{ personnage.entreprise }} lost its main contract and I had to cut hours.",
        ),
    },
    "mauvaise_foi": {
        "fr": (
            "Franchement, je ne vois pas pourquoi je paierais ça, le service était mauvais.",
            "J'ai déjà payé, je crois. Vérifiez vos dossiers.",
        ),
        "en": (
            "Honestly, I don't see why I should pay that, the service was bad.",
            "I think I already paid. Check your records.",
        ),
    },
}

# (masculin, féminin) : le personnage a un genre, ses répliques aussi.
PROFESSIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "fr": (
        ("préposé aux bénéficiaires", "préposée aux bénéficiaires"),
        ("technicien", "technicienne"),
        ("vendeur", "vendeuse"),
        ("cuisinier", "cuisinière"),
        ("commis de bureau", "commis de bureau"),
        ("chauffeur", "chauffeuse"),
        ("éducateur", "éducatrice"),
        ("magasinier", "magasinière"),
    ),
    "en": tuple(
        (m, m) for m in ("care aide", "technician", "sales clerk", "cook", "office clerk", "driver")
    ),
}


@lru_cache(maxsize=4)
def _faker(locale: str) -> Faker:
    fake = Faker(locale)
    if locale == "fr_CA":
        fake.add_provider(TelephoneQuebec)
        fake.add_provider(EntrepriseQuebec)
    elif locale == "en_CA":
        fake.add_provider(TelephoneFictifNordAmericain)
    return fake


def _tirer(rng: random.Random, plage: tuple[float, float], pas: float = 10) -> float:
    if plage[0] == plage[1]:
        return float(plage[0])
    return round(rng.uniform(*plage) / pas) * pas


def _tirer_01(rng: random.Random, plage: tuple[float, float]) -> float:
    return round(rng.uniform(*plage), 3)


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", texte) if not unicodedata.combining(c))


def _texte_langue(valeur: str | dict[str, str], langue: str) -> str:
    if isinstance(valeur, str):
        return valeur
    return valeur.get(langue) or next(iter(valeur.values()))


def generer_personnage(scenario: Scenario, graine: int) -> Personnage:
    """Même scénario et même graine : même personnage (Faker et hasard tous deux semés)."""
    rng = random.Random(f"personnage:{scenario.id}:{graine}")
    locale = scenario.locale
    langue = scenario.langue.debiteur
    fake = _faker(locale)
    fake.seed_instance(graine)
    c = scenario.personnage

    feminin = rng.random() < 0.5
    prenom = fake.first_name_female() if feminin else fake.first_name_male()
    nom = fake.last_name()
    civilite = ("Mme" if feminin else "M.") if langue == "fr" else ("Ms." if feminin else "Mr.")
    age = rng.randint(23, 68)
    naissance = scenario.appel.date - dt.timedelta(days=age * 365 + rng.randint(0, 364))
    employeur = fake.employeur() if locale == "fr_CA" else fake.company()
    entreprise = fake.company()
    courriel = f"{_sans_accents(prenom)}.{_sans_accents(nom)}".lower().replace(" ", "")
    courriel += f"@{fake.free_email_domain()}"

    temperament = Temperament(
        confiance=_tirer_01(rng, c.confiance),
        irritation=_tirer_01(rng, c.irritation),
        honnetete=_tirer_01(rng, c.honnetete),
        patience=_tirer_01(rng, c.patience),
    )
    autres_dettes = _tirer(rng, c.autres_dettes, 50)
    budget = Budget(
        revenu_net=_tirer(rng, c.revenu_net),
        depenses_fixes=_tirer(rng, c.depenses_fixes),
        actifs=_tirer(rng, c.actifs, 50),
        autres_dettes=autres_dettes,
        # Paiement minimal d'environ 3 % par mois sur les autres dettes.
        paiements_autres_dettes=round(autres_dettes * 0.03 / 5) * 5,
    )
    budget_declare = _declarer(budget, temperament.honnetete)

    base = {
        "prenom": prenom,
        "nom": nom,
        "nom_complet": f"{prenom} {nom}",
        "civilite": civilite,
        "profession": rng.choice(PROFESSIONS[langue])[1 if feminin else 0],
        "employeur": employeur,
        "entreprise": entreprise,
        "ville": fake.city(),
        "telephone": fake.phone_number(),
        "situation": "",
    }
    contexte = _contexte_rendu(scenario, base, locale)
    source = (
        _texte_langue(c.situation, langue)
        if c.situation
        else rng.choice(SITUATIONS_DEFAUT[c.archetype][langue])
    )
    situation = rendre(source, contexte, locale, scenario.dossier.devise)
    base["situation"] = situation
    contexte = _contexte_rendu(scenario, base, locale)
    faits = tuple(
        FaitPersonnage(
            id=f.id,
            texte=rendre(_texte_langue(f.texte, langue), contexte, locale, scenario.dossier.devise),
            actes=tuple(f.actes),
            textes=(
                {
                    lg: rendre(t, contexte, locale, scenario.dossier.devise)
                    for lg, t in f.texte.items()
                }
                if isinstance(f.texte, dict)
                else {}
            ),
        )
        for f in c.faits
    )
    return Personnage(
        graine=graine,
        locale=locale,
        langue=langue,
        archetype=c.archetype,
        prenom=prenom,
        nom=nom,
        civilite=civilite,
        date_naissance=naissance,
        adresse=fake.street_address(),
        ville=base["ville"],
        code_postal=fake.postcode(),
        telephone=base["telephone"],
        courriel=courriel,
        profession=base["profession"],
        employeur=employeur,
        entreprise=entreprise,
        situation=situation,
        budget=budget,
        budget_declare=budget_declare,
        temperament=temperament,
        promet_sans_intention=c.archetype == "mauvaise_foi" and temperament.honnetete < 0.5,
        faits=faits,
    )


def _declarer(budget: Budget, honnetete: float) -> Budget:
    """Un débiteur peu honnête sous-déclare ses revenus et gonfle ses dépenses."""
    if honnetete >= 0.7:
        return budget
    ecart = 0.7 - honnetete  # jusqu'à 0,7
    return Budget(
        revenu_net=round(budget.revenu_net * (1 - ecart * 0.6) / 10) * 10,
        depenses_fixes=round(budget.depenses_fixes * (1 + ecart * 0.3) / 10) * 10,
        actifs=round(budget.actifs * (1 - ecart) / 50) * 50,
        autres_dettes=budget.autres_dettes,
        paiements_autres_dettes=budget.paiements_autres_dettes,
    )


def _contexte_rendu(scenario: Scenario, personnage: dict[str, Any], locale: str) -> dict[str, Any]:
    from simulateur.scenarios.contexte import contexte_dossier

    return {"personnage": personnage, "dossier": contexte_dossier(scenario)}
