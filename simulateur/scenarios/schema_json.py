"""Schéma JSON d'un fichier de scénario et tableau des clés pour le guide du formateur.

Les deux viennent des modèles pydantic de `schema.py` ; les textes français de
chaque clé sont ici (DESCRIPTIONS), pour l'éditeur comme pour le guide. Un
test exige une description pour chaque clé du schéma.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from simulateur.actes import ACTES, INFRACTIONS
from simulateur.personnages.cles import CLES
from simulateur.scenarios import schema as modeles

CHEMIN_SCHEMA = "schema/scenario.schema.json"
URL_META = "https://json-schema.org/draft/2020-12/schema"

# Où chaque modèle apparaît dans un fichier de scénario, et ce qu'il décrit.
SECTIONS: dict[str, tuple[str, str]] = {
    "Scenario": ("premier niveau", "Le scénario : l'appel à simuler, de bout en bout."),
    "Langues": ("langue", "Langue du débiteur, et s'il change de langue en cours d'appel."),
    "Bascule": ("langue.bascule", "Le débiteur passe à l'autre langue en cours d'appel."),
    "Appel": ("appel", "Les circonstances de l'appel (ou de la visite)."),
    "Dossier": ("dossier", "Le dossier de recouvrement tel que l'agent le voit à l'écran."),
    "Creance": ("dossier.detail[]", "Une créance du dossier quand il y en a plusieurs."),
    "Evenement": ("dossier.historique[]", "Un événement passé du dossier."),
    "Mandat": ("mandat", "Ce que le créancier autorise l'agent à accepter."),
    "ContraintesPersonnage": (
        "personnage",
        "Le débiteur : tiré au hasard dans ces plages, selon la graine de la session.",
    ),
    "Fait": ("personnage.faits[]", "Ce que le débiteur ne dit que si on le lui demande bien."),
    "Phase": ("phases.<nom>", "Une étape de l'appel (état de la machine à états)."),
    "Fin": ("fins.<nom>", "Une issue de l'appel : y arriver termine l'appel."),
    "Transition": (
        "transitions[]",
        "Passage d'une phase à une autre quand l'apprenant fait un acte (et que « si » est vrai).",
    ),
    "Condition": (
        "transitions[].si, répliques (si), personnage.faits[].si",
        "Conditions ; toutes doivent être vraies (ET logique). Une clé absente ne teste rien.",
    ),
    "Effets": (
        "transitions[].effets",
        "Ce qui change chez le débiteur quand la transition a lieu.",
    ),
    "Variante": (
        "phases.<nom>.repliques.<clé>[], repliques.<clé>[], fins.<nom>.repliques[]",
        "Une réplique du débiteur ; un simple texte suffit quand les autres clés sont inutiles.",
    ),
    "Reaction": (
        "reactions.<acte ou infraction>",
        "Variation de la confiance et de l'irritation quand l'apprenant fait cet acte.",
    ),
}

DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Scenario": {
        "$schema": "Adresse du schéma pour l'éditeur (facultatif ; on préfère le commentaire "
        "« # yaml-language-server: $schema=… » en première ligne).",
        "id": "Identifiant unique : minuscules, chiffres, - et _ ; c'est aussi le nom du fichier.",
        "titre": "Titre court affiché dans la liste des scénarios.",
        "description": "Ce que l'apprenant doit savoir avant l'appel, et ce qui mène au succès.",
        "juridiction": "Règles appliquées : qc (Québec, dollars) ou fr (France, euros).",
        "canal": "telephone (appel) ou visite (visites et tournées).",
        "niveau": "simple ou complexe (plusieurs dettes, montant contesté, caution…).",
        "langue": "Langue du débiteur au début de l'appel et bascule éventuelle.",
        "appel": "Date, heure et circonstances de l'appel.",
        "dossier": "Créancier, montant, échéance et historique du dossier.",
        "mandat": "Limites que le créancier fixe à l'entente.",
        "personnage": "Le débiteur : archétype, budget caché, tempérament, faits.",
        "variables": "Variables propres au scénario (nom: valeur de départ), lues par « si » "
        "et changées par « effets ».",
        "reactions": "Remplace, pour ce scénario, l'effet d'un acte ou d'une infraction sur la "
        "confiance et l'irritation du débiteur.",
        "etat_initial": "Nom de la phase où commence l'appel.",
        "phases": "Les étapes de l'appel, par nom (ouverture, exploration, negociation…).",
        "fins": "Les issues de l'appel, par nom ; « raccroche » existe toujours sans la déclarer.",
        "transitions": "Passages d'une phase à l'autre, essayés dans l'ordre du fichier.",
        "repliques": "Répliques communes à toutes les phases, par clé (acte ou situation).",
        "exemples": "Répliques d'apprenant propres au scénario, par acte, pour guider la "
        "compréhension.",
        "grille": "Surcharge de la grille d'évaluation (mêmes sections et noms que grille.yaml).",
    },
    "Langues": {
        "debiteur": "Langue du débiteur au décroché : fr ou en.",
        "bascule": "Le débiteur change de langue en cours d'appel (facultatif).",
    },
    "Bascule": {
        "vers": "Langue vers laquelle il bascule : fr ou en.",
        "phase": "Il bascule en entrant dans cette phase…",
        "tour": "… ou à ce tour (1 = première réplique de l'apprenant).",
    },
    "Appel": {
        "date": "Date de l'appel (AAAA-MM-JJ) : elle compte pour les jours fériés et les délais.",
        "heure": 'Heure de l\'appel, entre guillemets ("10:15") : elle compte pour les heures '
        "permises.",
        "interlocuteur": "Qui répond : debiteur, tiers (ne rien divulguer) ou caution.",
        "ligne": "domicile, cellulaire, travail (divulgation interdite sans autorisation) ou "
        "visite.",
        "enregistre": "L'appel est enregistré : en France, l'agent doit l'annoncer.",
        "date_avis": "Québec : date d'envoi de l'avis de réclamation (formule N-41) ; sans avis "
        "de plus de 5 jours, négocier est une faute.",
        "lettre_reference": "France : référence de la lettre préalable (R124-4), que l'agent "
        "doit rappeler.",
        "lettre_date": "France : date de cette lettre.",
        "ecrit_seulement": "Le débiteur a exigé que l'on communique par écrit seulement.",
        "avocat": "Le débiteur a désigné un avocat.",
        "autorisation_travail": "Le débiteur a autorisé les appels au travail.",
        "appels_recents": "Appels déjà passés cette semaine (France : plus de deux, c'est trop).",
    },
    "Dossier": {
        "creancier": "Le créancier que l'agence représente.",
        "agence": "Le nom de l'agence de recouvrement.",
        "numero_permis": "Québec : numéro de permis de l'agence, que l'agent doit donner.",
        "reference": "Référence du dossier.",
        "montant": "Solde dû, dans la devise du dossier (plus grand que 0).",
        "devise": "CAD (Québec) ou EUR (France).",
        "echeance": "Date où le montant est devenu exigible (AAAA-MM-JJ).",
        "dernier_paiement": "Date du dernier paiement reçu, s'il y en a eu un (prescription).",
        "commercial": "Dette entre professionnels (France : indemnité forfaitaire de 40 € "
        "permise).",
        "surendettement_recevable": "France : dossier de surendettement déclaré recevable "
        "(plus aucune demande de paiement).",
        "detail": "Les créances quand le dossier en regroupe plusieurs.",
        "historique": "Les événements passés du dossier (factures, avis, promesses manquées…).",
        "notes": "Notes libres du dossier, montrées à l'agent.",
    },
    "Creance": {
        "libelle": "Nom de la créance (facture, prêt…).",
        "montant": "Montant de cette créance.",
    },
    "Evenement": {
        "date": "Date de l'événement (AAAA-MM-JJ), au plus tard la date de l'appel.",
        "evenement": "Ce qui s'est passé, en une phrase.",
    },
    "Mandat": {
        "versement_minimum": "Mensualité la plus basse que l'agent peut accepter.",
        "duree_max_mois": "Durée maximale de l'échéancier, en mois.",
        "reduction_autorisee": "L'agent peut-il réduire le solde ?",
        "reduction_max_pct": "Réduction maximale du solde, en pourcentage (0 à 100).",
    },
    "ContraintesPersonnage": {
        "archetype": "difficulte_financiere, perte_commerce ou mauvaise_foi.",
        "locale": "Pour les noms et les formats : fr_CA, fr_FR ou en_CA (déduit de la "
        "juridiction et de la langue si absent).",
        "revenu_net": "Revenu net mensuel [min, max], dans la devise du dossier.",
        "depenses_fixes": "Dépenses fixes mensuelles [min, max].",
        "actifs": "Ce qu'il possède et pourrait mobiliser [min, max].",
        "autres_dettes": "Total de ses autres dettes [min, max] (il en paie environ 3 % par mois).",
        "confiance": "Confiance de départ envers l'agent [min, max], de 0 à 1.",
        "irritation": "Irritation de départ [min, max], de 0 à 1.",
        "honnetete": "[min, max] de 0 à 1 : sous 0,7 il sous-déclare son budget ; sous 0,5 "
        "(mauvaise foi) il peut promettre sans intention de payer.",
        "patience": "Irritation à laquelle il raccroche [min, max], de 0 à 1.",
        "situation": "Ce qui lui arrive, en une ou deux phrases (texte, ou un texte par langue).",
        "faits": "Ce qu'il ne dit que si on le lui demande bien.",
    },
    "Fait": {
        "id": "Identifiant du fait (reveler, faits_reveles y renvoient).",
        "texte": "Ce qu'il dit (texte, ou un texte par langue : {fr: …, en: …}).",
        "actes": "Actes de l'apprenant qui peuvent le faire parler (sa confiance doit "
        "atteindre 0,4).",
        "si": "Condition de plus pour qu'il le dise.",
    },
    "Phase": {
        "description": "À quoi sert la phase (pour le formateur).",
        "repliques": "Répliques du débiteur propres à cette phase, par clé (acte ou situation).",
    },
    "Fin": {
        "resultat": "entente, refus, raccroche, rappel, tiers, orientation ou autre.",
        "description": "Ce que signifie cette issue (pour le formateur).",
        "repliques": "Dernière réplique du débiteur en arrivant à cette fin.",
    },
    "Transition": {
        "de": "Phase(s) de départ : un nom, une liste, ou « * » pour toutes.",
        "acte": "Acte(s) de l'apprenant qui déclenchent le passage.",
        "vers": "Phase ou fin d'arrivée.",
        "si": "Conditions ; sans « si », le passage a toujours lieu.",
        "effets": "Changements appliqués au débiteur quand le passage a lieu.",
    },
    "Condition": {
        "confiance_min": "Confiance du débiteur au moins égale (0 à 1).",
        "confiance_max": "Confiance au plus égale (0 à 1).",
        "irritation_min": "Irritation au moins égale (0 à 1).",
        "irritation_max": "Irritation au plus égale (0 à 1).",
        "offre": "Réponse du débiteur à l'offre de ce tour : acceptee, contre, refusee, "
        "impossible ou incomplete (sans montant).",
        "paiement_integral": "Réponse à une demande de paiement intégral : accepte ou refuse.",
        "identite_verifiee": "L'identité a-t-elle été vérifiée ?",
        "dette_annoncee": "La dette a-t-elle été annoncée ?",
        "entente_conclue": "Une entente a-t-elle été acceptée ?",
        "infraction": "La réplique de ce tour contient-elle une infraction ?",
        "faits_reveles": "Ces faits ont tous déjà été révélés.",
        "tour_min": "À partir de ce tour.",
        "tour_max": "Jusqu'à ce tour.",
        "langue": "Le débiteur parle cette langue : fr ou en.",
        "variables": "Les variables du scénario ont ces valeurs.",
    },
    "Effets": {
        "confiance": "Ajoute à la confiance (de -1 à 1 ; négatif : la fait baisser).",
        "irritation": "Ajoute à l'irritation (de -1 à 1).",
        "variables": "Donne ces valeurs aux variables du scénario.",
        "reveler": "Le débiteur révèle ces faits (ids).",
        "langue": "Le débiteur passe à cette langue.",
    },
    "Variante": {
        "id": "Identifiant unique de la réplique (sinon calculé) ; les tests y renvoient.",
        "texte": "Ce que dit le débiteur ; variables entre {{ }} (ex. {{ dossier.montant | "
        "argent }}).",
        "langue": "Langue de la réplique (par défaut : celle du débiteur au départ).",
        "si": "Condition ; une variante conditionnelle passe avant les autres quand elle est vraie.",
    },
    "Reaction": {
        "confiance": "Variation de la confiance (de -1 à 1).",
        "irritation": "Variation de l'irritation (de -1 à 1).",
    },
}


# -- schéma JSON ---------------------------------------------------------------------
def _nom(champ: str, info: Any) -> str:
    return info.alias or champ


def _modeles() -> dict[str, type[BaseModel]]:
    return {
        nom: getattr(modeles, nom)
        for nom in SECTIONS
        if isinstance(getattr(modeles, nom, None), type)
    }


def _enum(valeurs: Any) -> dict[str, Any]:
    return {"type": "string", "enum": sorted(valeurs)}


def _transformer(noeud: Any) -> Any:
    """Plages [min, max] ou nombre, réplique texte ou table, heure HH:MM, sans titres auto."""
    if isinstance(noeud, list):
        return [_transformer(x) for x in noeud]
    if not isinstance(noeud, dict):
        return noeud
    if "prefixItems" in noeud:  # Plage : [min, max], ou un nombre seul
        element = dict(noeud["prefixItems"][0])
        liste = {"type": "array", "items": element, "minItems": 2, "maxItems": 2}
        sortie = {"anyOf": [dict(element), liste]}
        if "default" in noeud:
            sortie["default"] = noeud["default"]
        return sortie
    if noeud.get("$ref") == "#/$defs/Variante" and len(noeud) == 1:
        return {"anyOf": [{"type": "string"}, noeud]}
    if noeud.get("format") == "time":
        noeud = {k: v for k, v in noeud.items() if k != "format"}
        noeud["pattern"] = r"^([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
    return {k: _transformer(v) for k, v in noeud.items() if k != "title"}


def _decrire(definition: dict[str, Any], nom: str) -> None:
    definition["title"] = nom
    definition["description"] = SECTIONS[nom][1]
    for cle, prop in definition.get("properties", {}).items():
        prop["title"] = cle
        if texte := DESCRIPTIONS.get(nom, {}).get(cle):
            prop["description"] = texte


def _bornes_01(defs: dict[str, Any]) -> None:
    """Les plages de 0 à 1 (confiance, patience…) portent leurs bornes."""
    for nom, modele in _modeles().items():
        for champ, info in modele.model_fields.items():
            if any(getattr(m, "func", None) is modeles._entre_0_et_1 for m in info.metadata):
                prop = (defs[nom] if nom != "Scenario" else {})["properties"][_nom(champ, info)]
                for variante in prop["anyOf"]:
                    cible = variante.get("items", variante)
                    cible["minimum"], cible["maximum"] = 0, 1


def _restreindre(defs: dict[str, Any], racine: dict[str, Any]) -> None:
    """Noms permis là où la validation les impose : l'éditeur les propose."""
    cles = _enum(CLES)
    actes = _enum(ACTES)
    for props in (racine["properties"], defs["Phase"]["properties"]):
        props["repliques"]["propertyNames"] = cles
    racine["properties"]["exemples"]["propertyNames"] = actes
    racine["properties"]["reactions"]["propertyNames"] = _enum(set(ACTES) | set(INFRACTIONS))
    defs["Transition"]["properties"]["acte"] = {
        "anyOf": [actes, {"type": "array", "items": actes, "minItems": 1}],
        "title": "acte",
        "description": DESCRIPTIONS["Transition"]["acte"],
    }
    defs["Fait"]["properties"]["actes"]["items"] = actes


def schema_json() -> dict[str, Any]:
    """Le schéma JSON d'un fichier de scénario, annoté en français."""
    brut = _transformer(modeles.Scenario.model_json_schema(by_alias=True))
    defs: dict[str, Any] = brut.pop("$defs")
    for nom, definition in defs.items():
        if nom in SECTIONS:
            _decrire(definition, nom)
    _decrire(brut, "Scenario")
    _restreindre(defs, brut)
    _bornes_01(defs)
    brut["title"] = "Scénario du simulateur de recouvrement"
    return {"$schema": URL_META, **brut, "$defs": dict(sorted(defs.items()))}


def texte_schema() -> str:
    return json.dumps(schema_json(), ensure_ascii=False, indent=2) + "\n"


# -- tableau des clés pour le guide ----------------------------------------------------
def _type(annotation: Any, schema: dict[str, Any]) -> str:
    """Type d'une clé en mots simples, d'après son schéma JSON."""
    if "anyOf" in schema:
        types = [_type(annotation, s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " ou ".join(dict.fromkeys(types))
    if "enum" in schema:
        if set(schema["enum"]) == set(ACTES):
            return "acte"
        return " \\| ".join(f"`{v}`" for v in schema["enum"])
    if "$ref" in schema:
        return "table (voir plus bas)" if schema["$ref"] != "#/$defs/Variante" else "réplique"
    t = schema.get("type")
    if t == "array":
        element = schema.get("items", {})
        if schema.get("minItems") == 2 == schema.get("maxItems"):
            return "[min, max]"
        if "$ref" in element and element["$ref"] != "#/$defs/Variante":
            return "liste de tables (voir plus bas)"
        nom = _type(None, element)
        pluriels = {"acte": "liste d'actes", "texte ou réplique": "liste de répliques"}
        return pluriels.get(nom, f"liste de {nom}s")
    if t == "object":
        return "table"
    if t == "string" and schema.get("format") == "date":
        return "date AAAA-MM-JJ"
    if t == "string" and "pattern" in schema and ":" in schema["pattern"]:
        return 'heure "HH:MM"'
    return {
        "string": "texte",
        "number": "nombre",
        "integer": "entier",
        "boolean": "true/false",
    }.get(str(t), str(t))


def _defaut(info: Any) -> str:
    if info.default is PydanticUndefined:
        return "**obligatoire**"
    v = info.default
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "`true`" if v else "`false`"
    if isinstance(v, tuple):
        return f"`[{v[0]:g}, {v[1]:g}]`"
    if isinstance(v, str):
        return f"`{v}`" if v else '`""`'
    if isinstance(v, list):
        return f"`[{', '.join(map(str, v))}]`"
    if isinstance(v, dict):
        return "`{}`"
    return f"`{v}`"


def table_cles() -> str:
    """Tableaux Markdown de toutes les clés, un par section, générés depuis les modèles."""
    schema = schema_json()
    defs = schema["$defs"] | {"Scenario": schema}
    morceaux: list[str] = []
    for nom, modele in _modeles().items():
        ou, quoi = SECTIONS[nom]
        morceaux.append(f"#### `{ou}`\n\n{quoi}\n")
        morceaux.append("| clé | type | défaut | sens |\n|---|---|---|---|")
        props = defs[nom]["properties"]
        for champ, info in modele.model_fields.items():
            cle = _nom(champ, info)
            texte = DESCRIPTIONS.get(nom, {}).get(cle, "").replace("|", "\\|")
            type_ = _type(info.annotation, props[cle]).replace("|", "\\|").replace("\\\\|", "\\|")
            morceaux.append(f"| `{cle}` | {type_} | {_defaut(info)} | {texte} |")
        morceaux.append("")
    return "\n".join(morceaux).rstrip() + "\n"


def cles_sans_description() -> list[str]:
    """Clés des modèles qui n'ont pas de texte dans DESCRIPTIONS (un test les exige toutes)."""
    return [
        f"{nom}.{_nom(champ, info)}"
        for nom, modele in _modeles().items()
        for champ, info in modele.model_fields.items()
        if _nom(champ, info) not in DESCRIPTIONS.get(nom, {})
    ]


def modeles_non_documentes() -> list[str]:
    """Modèles du schéma absents de SECTIONS (un nouveau modèle doit y être ajouté)."""
    defs = modeles.Scenario.model_json_schema()["$defs"]
    return sorted(set(defs) - set(SECTIONS))


def table_cles_repliques() -> str:
    """Les clés de réplique (actes puis situations), avec les variables de leurs gabarits."""
    from simulateur.personnages.cles import SITUATIONS, VARIABLES_COMMUNES, variables_de

    lignes = ["| clé | sorte | sens | variables en plus |", "|---|---|---|---|"]
    for cle, sens in ACTES.items():
        lignes.append(f"| `{cle}` | acte de l'apprenant | {sens} | — |")
    for cle, (quand, _) in SITUATIONS.items():
        extra = [v for v in variables_de(cle) if v not in VARIABLES_COMMUNES]
        variables = ", ".join(f"`{v}`" for v in extra) or "—"
        lignes.append(f"| `{cle}` | situation | {quand} | {variables} |")
    return "\n".join(lignes) + "\n"


def table_reactions() -> str:
    """Effet par défaut de chaque acte et infraction sur le débiteur (surchargeable)."""
    from simulateur.personnages.comportement import TABLE_REACTIONS

    def signe(x: float) -> str:
        return f"{x:+.2f}".replace(".", ",") if x else "0"

    lignes = ["| acte ou infraction | confiance | irritation |", "|---|---|---|"]
    for cle, (dc, di) in TABLE_REACTIONS.items():
        lignes.append(f"| `{cle}` | {signe(dc)} | {signe(di)} |")
    return "\n".join(lignes) + "\n"


def blocs_guide() -> dict[str, str]:
    """Les tableaux générés du guide, par nom de bloc."""
    return {
        "cles-scenario": table_cles(),
        "cles-repliques": table_cles_repliques(),
        "reactions": table_reactions(),
    }


def mettre_a_jour_guide(texte: str) -> str:
    """Remplace le contenu de chaque bloc <!-- debut:NOM --> … <!-- fin:NOM --> du guide."""
    import re

    for nom, contenu in blocs_guide().items():
        motif = re.compile(rf"(<!-- debut:{nom} -->\n).*?(<!-- fin:{nom} -->)", re.S)
        texte = motif.sub(lambda m, c=contenu: m.group(1) + "\n" + c + "\n" + m.group(2), texte)
    return texte
