"""Motifs des infractions (fr et en), groupés par famille ; la logique est dans `regles.py`.

Un motif décrit une *forme* de menace ou d'abus, pas un mot isolé : « police »
seul ne suffit pas (« ce n'est pas la police qui appelle »), « la police
viendra » oui. Les motifs portent sur le texte normalisé (sans accents).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from simulateur.comprehension.normalisation import compiler


@dataclass(frozen=True, slots=True)
class Famille:
    """Un groupe de motifs qui pose les mêmes infractions, avec leur règle par juridiction."""

    nom: str
    infractions: tuple[tuple[str, dict[str, str]], ...]
    # Pas de pré-filtre (union des motifs) : l'aiguillage de `regles.py` (sous-chaînes
    # nécessaires de chaque motif) écarte plus vite les motifs sans rapport avec la réplique.
    motifs: tuple[re.Pattern[str], ...]
    # Quelle négation annule le déclencheur : « proche » (« pas huissière »), « attribut »
    # (seulement « vous n'êtes pas… » : « ne soyez pas stupide » reste une insulte) ou « aucune ».
    negation: str = "proche"


def _famille(
    nom: str, infractions: dict[str, dict[str, str]], motifs: list[str], negation: str = "proche"
) -> Famille:
    compiles = tuple(compiler(m) for m in motifs)
    return Famille(nom, tuple(infractions.items()), compiles, negation)


_MENACE_PENALE = {"menace": {"qc": "qc_arrestation_penale", "fr": "fr_pression_agressive"}}
_MENACE_VIOLENCE = {"menace": {"qc": "qc_harcelement", "fr": "fr_extorsion_chantage"}}
_MENACE_DIVULGATION = {"menace": {"qc": "qc_divulgation_menacee", "fr": "fr_extorsion_chantage"}}
_HARCELEMENT = {"harcelement": {"qc": "qc_harcelement", "fr": "fr_pression_agressive"}}
_FAUSSE = {
    "fausse_representation": {"qc": "qc_fausse_representation", "fr": "fr_confusion_judiciaire"}
}
_PENALITE = {
    "fausse_representation": {"qc": "qc_montant_superieur", "fr": "fr_montant"},
    "frais_illicites": {"qc": "qc_frais_recouvrement", "fr": "fr_frais_recouvrement"},
}
_FRAIS = {"frais_illicites": {"qc": "qc_frais_recouvrement", "fr": "fr_frais_recouvrement"}}

# Personnes qu'on menace de mettre au courant.
_CIBLES: Final = (
    r"(?:employeur|patron|patronne|boss|superieure?|gerante?|rh|ressources humaines|collegues?"
    r"|famille|conjointe?|femme|mari|epoux|epouse|blonde|chum|parents|mere|pere|enfants"
    r"|voisins?|voisines?|proches|amis|entourage|employer|manager|supervisor|hr|coworkers?"
    r"|co workers?|colleagues?|family|wife|husband|spouse|partner|kids|children|neighbou?rs?"
    r"|friends|relatives|clients|fournisseurs|mairie|tout le monde|customers|suppliers"
    r"|everyone|everybody)\b"
)
_INTENTION: Final = (
    r"(?:je vais|j'vais|m'as|on va|nous allons|je vais devoir|on va devoir|on devra|nous devrons"
    r"|i'll|i will|we'll|we will|i'm going to|we're going to|i am going to|we are going to"
    r"|gonna|we'll have to|i'll have to)"
)
_DIRE: Final = (
    r"(?:appeler|contacter|prevenir|avertir|informer|aviser|ecrire a|dire a|dire (?:ca|tout) a"
    r"|parler a|raconter a|joindre|call|contact|tell|inform|notify|let|reach out to"
    r"|speak (?:to|with)|talk to|email|write to|text)"
)
_DETERMINANT: Final = r"(?:(?:votre|vos|ton|ta|tes|your|la|le|les|the|l') ?)?"
_TITRES: Final = (
    r"(?:avocate?s?|huissiere?s?(?: de justice)?|commissaires? de justice|policiere?"
    r"|agente? de police|officiere? de (?:police|justice)|gendarmes?|juges?|greffiere?"
    r"|notaires?|fonctionnaires?|lawyers?|attorneys?(?: at law)?|bailiffs?|sheriffs?"
    r"|police officers?|officers? of the court|court officers?|judges?|constables?"
    r"|process servers?|legal counsel)\b"
)
_INSTANCES: Final = (
    r"(?:tribunal|cour|palais de justice|police|gendarmerie|court|courthouse"
    r"|sheriff'?s? office|ministere de la justice|department of justice|cabinet d'avocats"
    r"|etude d'huissiers?|law firm|law office)\b"
)

FAMILLES: Final[tuple[Famille, ...]] = (
    _famille(
        "penal",
        _MENACE_PENALE,
        [
            r"\bprison\b",
            r"\bjail\b",
            r"\ben taule\b",
            r"\b(?:finir|aller|irez|ira|mettre|envoyer|retrouver) en dedans\b",
            r"\bbehind bars\b|\bderriere les barreaux\b",
            r"\barrestation\b",
            r"\bmandat d'arret\b",
            r"\b(?:vous|te|t') (?:faire )?arreter\b",
            r"\b(?:serez|sera|seras|etes) arretee?s?\b",
            r"\barrest(?:ed|ing)?\b",
            r"\b(?:arrest )?warrant\b",
            r"\b(?:appeler|appelle|appellerai|appellerons|contacter|prevenir|avertir|envoyer|call"
            r"|calling|contact|send) (?:la |les |the )?(?:police|policiers|flics|cops|gendarmes?)\b",
            r"\b(?:la police|les policiers|les flics|the police|the cops|les gendarmes)(?: \w+){0,2}"
            r" (?:va|vont|viendra|viendront|sera|seront|arrive|debarque|passera|will|'ll"
            r"|is going|are going|is coming|are coming)\b",
            r"\bmenottes\b",
            r"\bhandcuffs\b",
            r"\bcasier judiciaire\b",
            r"\bcriminal record\b",
            r"\bcriminel(?:le)?s?\b",
            r"\bcriminal(?:ly)?\b",
            r"\bcrime\b",
            r"\bpoursuites? penales?\b",
            r"\bau penal\b",
            r"\b(?:porter|deposer) (?:une )?plainte (?:contre vous|a la police)\b",
            r"\b(?:press|file) (?:criminal )?charges\b",
            r"\bc'est (?:du vol|de la fraude|illegal)\b",
            r"\b(?:this is|that's|it's|you're committing|you are committing) (?:theft|fraud|stealing|illegal)\b",
            r"\bcommettez une fraude\b",
        ],
    ),
    _famille(
        "violence",
        _MENACE_VIOLENCE,
        [
            r"\bcasser (?:les jambes|la gueule|la figure)\b",
            r"\b(?:on|je|nous) sai[st]\w* ou (?:vous habitez|tu habites|vous restez|tu restes)\b",
            r"\bwe know where you live\b",
            r"\b(?:vous allez|tu vas|you'll|you will|you're going to) (?:le )?regrett(?:er|e|ez)\b",
            r"\bgare a (?:vous|toi)\b",
            r"\bwatch your back\b",
            r"\b(?:vous |te )faire mal\b",
            r"\bhurt you\b",
            rf"\b{_INTENTION} (?:\w+ ){{0,2}}(?:passer|venir|debarquer|come|stop by|show up|visit)"
            r" (?:chez vous|chez toi|to your (?:house|home|place|door)|at your (?:door|house|home|place))",
            r"\bvous allez voir ce qui va (?:se passer|arriver)\b",
            r"\byou'll see what happens\b",
        ],
    ),
    _famille(
        "divulgation",
        _MENACE_DIVULGATION,
        [
            rf"\b{_INTENTION} (?:\w+ ){{0,2}}{_DIRE} (?:\w+ ){{0,3}}{_DETERMINANT}{_CIBLES}",
            r"\b(?:j'appelle|j'appellerai|on appelle|on appellera|nous appellerons|je contacte"
            r"|je contacterai|on contacte|on contactera|nous contacterons|je previens|je previendrai"
            r"|on previent|on previendra|nous previendrons|j'avertis|j'avertirai|on avertit"
            r"|on avertira|j'informe|j'informerai|on informe|on informera|nous informerons|je dirai"
            rf"|on dira) (?:\w+ ){{0,2}}{_DETERMINANT}{_CIBLES}",
            rf"{_CIBLES} (?:\w+ ){{0,2}}(?:saura|sauront|va savoir|vont savoir"
            r"|seront (?:informes|avises|prevenus|au courant|mis au courant)"
            r"|sera (?:informee?|avisee?|prevenue?|au courant|mise? au courant)"
            r"|will (?:know|find out|hear|learn|be (?:told|informed|notified|contacted|called))"
            r"|(?:is|are) going to (?:know|find out|hear))",
            r"\b(?:signaler|signalerons|signalera|declarer|declarerons|rapporter|inscrire|inscrirons"
            r"|inscrira|transmettre|envoyer|report|reporting|send|flag) (?:\w+ ){0,4}"
            r"(?:bureaux? de credit|agences? d'evaluation du credit|equifax|transunion"
            r"|credit (?:bureaus?|agenc(?:y|ies)|file|report)|dossier de credit)",
            r"\b(?:cote de credit|dossier de credit|credit (?:score|rating|report|history)"
            r"|votre credit|your credit)(?: \w+){0,3} (?:sera|va etre|vont etre|will be"
            r"|is going to be|gonna be) (?:ruinee?|detruite?|affectee?|entachee?|touchee?|fichue?"
            r"|ruined|destroyed|damaged|hurt|affected|trashed|wrecked)",
            r"\b(?:ruiner|detruire|scraper|ruin|destroy|wreck|trash) (?:votre|ta|ton|your)"
            r" (?:cote de credit|credit|dossier de credit|reputation)",
            r"\b(?:inscrite?|signalee?|rapportee?|declaree?|reported|sent|flagged) (?:\w+ ){0,2}"
            r"(?:a|au|aux|dans|to|on) (?:votre |ton |your |the )?(?:dossier de credit|bureaux? de credit"
            r"|credit (?:bureaus?|report|file))",
            rf"\b(?:sinon|or else|otherwise|ou bien)\b,? (?:\w+ ){{0,3}}(?:parle|parlerai|dis|dirai|raconte"
            rf"|appelle|appellerai|contacte|contacterai|ecris|ecrirai|tell|call|contact|talk|speak)\w*"
            rf" (?:\w+ ){{0,2}}{_DETERMINANT}{_CIBLES}",
            r"\b(?:publier|afficher|post|publish) (?:\w+ ){0,4}(?:journal|facebook|reseaux sociaux"
            r"|sur internet|en ligne|newspaper|social media|online)",
        ],
    ),
    _famille(
        "identite",
        _FAUSSE,
        [
            rf"\b(?:je suis|chu|j'suis|ici|i am|i'm|this is|en tant qu'e?) (?:l'|le |la |un |une "
            rf"|votre |ton |ta |a |an |the |your |maitre )?{_TITRES}",
            rf"\b(?:ici|je suis|je m'appelle|mon nom est|this is|i'm|i am|my name is) [a-z]+"
            rf"(?: [a-z]+)?,? {_TITRES}",
            r"\b(?:ici|je suis|c'est|de la part de|au nom de|cabinet|etude|bureau|pour|avec)"
            r" maitre [a-z]+|^maitre [a-z]+|\bmaitre [a-z]+ (?:a l'appareil|au telephone|ici)",
            r"\b(?:ici|c'est|je vous appelle (?:du|de la|de l')|j'appelle (?:du|de la|de l')"
            r"|de la part (?:du|de la|de l')|au nom (?:du|de la)|mandatee? par (?:le|la)"
            r"|calling (?:from|on behalf of) (?:the|a)|on behalf of the|this is the"
            rf"|i'm calling from the|i am calling from the) {_INSTANCES}",
            r"\bservices? judiciaires?\b|\bjudicial services?\b|\bcourt services?\b",
            r"\bfrom the (?:sheriff'?s? office|court(?:house)?|police(?: department)?"
            r"|department of justice)\b",
            r"\b(?:this is|i'm|i am|ici|je suis) (?:officer|constable|sergeant|detective|sergent"
            r"|inspecteur|lieutenant|capitaine|deputy) [a-z]+",
        ],
    ),
    _famille(
        "deja_obtenu",
        _FAUSSE,
        [
            r"\bjugement (?:a ete |est |deja |a deja ete )?(?:rendu|obtenu|prononce|emis"
            r"|enregistre|inscrit)\b",
            r"\bjugement (?:contre vous|contre toi|a votre (?:nom|dossier|encontre)|a ton nom)",
            r"\b(?:vous avez ete|tu as ete|vous etes) condamnee?s?\b",
            r"\bjudg(?:e)?ment (?:has been |was |is |already )?(?:entered|issued|obtained|granted"
            r"|rendered|filed)\b",
            r"\bjudg(?:e)?ment against you\b",
            r"\b(?:procedure|poursuite|action|instance)s? (?:judiciaires? |en justice )?(?:est |sont "
            r"|a ete |ont ete |deja |est deja )?(?:engagees?|intentees?|deposees?|lancees?|en cours"
            r"|entamees?)\b",
            r"\b(?:l'huissier|les huissiers|le commissaire de justice|un huissier) (?:est|a ete|sont"
            r"|ont ete) (?:deja )?(?:saisie?|mandatee?s?|chargee?s?|en route)",
            r"\b(?:votre dossier|le dossier|your (?:file|case|account)) (?:est|a ete|has been|is)"
            r" (?:\w+ ){0,2}(?:au tribunal|devant le tribunal|a la cour|en cour|in court"
            r"|before the court|with the court)",
            r"\b(?:lawsuit|legal action|proceedings|a claim) (?:has been|was|have been|is)"
            r" (?:filed|started|initiated|commenced|underway)\b",
            r"\b(?:you've been|you have been|you are being|you're being) sued\b",
            r"\b(?:vous etes|tu es) (?:deja )?poursuivie?s?\b",
        ],
    ),
    _famille(
        "penalite",
        _PENALITE,
        [
            r"\bpenalites?\b",
            r"\bpenalt(?:y|ies)\b",
            r"\bmajorations?\b",
            r"\bmontant majore\b",
            r"\bamendes?\b",
        ],
    ),
    _famille(
        "frais",
        _FRAIS,
        [
            r"\bfrais (?:de |d')(?:dossier|gestion|administration|recouvrement|relance|traitement"
            r"|service|retard|huissier|l'acte|acte|perception|agence|ouverture|recherche|deplacement"
            r"|rappel|mise en demeure)\b",
            r"\bfrais (?:administratifs|supplementaires|additionnels|de plus|en sus|en plus)\b",
            r"\bfrais (?:s'ajoutent|seront ajoutes|sont ajoutes|vont s'ajouter|s'appliquent"
            r"|s'appliqueront)\b",
            r"\b(?:ajoute|ajoutons|ajouterons|ajoutera|ajouter|rajoute|rajoutons|facture|facturons"
            r"|facturerons|exige|exigeons|applique|appliquons|appliquerons|compte|comptons)"
            r" (?:\w+ ){0,3}(?:\d+(?:[.,]\d+)? ?%|frais\b|pour ?cent\b)",
            r"\b\d+(?:[.,]\d+)? ?(?:\$|€|dollars?|euros?) (?:de |d')(?:frais|relance|dossier|gestion"
            r"|administration|recouvrement|traitement|service)\b",
            r"\bplus \d+(?:[.,]\d+)? ?%|\+ ?\d+(?:[.,]\d+)? ?%",
            r"\b\d+(?:[.,]\d+)? ?% (?:de plus|en plus|supplementaires?|additionnels?|de frais|extra"
            r"|more|on top)",
            r"\b(?:collection|processing|admin|administration|administrative|service|handling"
            r"|convenience|late|file|filing|recovery|agency|setup|set up) (?:fees?|charges?"
            r"|surcharges?)\b",
            r"\bfees? (?:will be |are |is |get |gets )?(?:added|applied|charged|tacked on)\b",
            r"\b(?:add|adding|charge|charging|tack on|apply|applying) (?:\w+ ){0,3}(?:fees?\b"
            r"|surcharges?\b|\d+ ?%|percent\b)",
            r"\bsurcharges?\b|\bsupplements?\b(?! d'information)",
            r"\bdommages? (?:et )?interets\b",
        ],
    ),
    _famille(
        "insultes",
        _HARCELEMENT,
        [
            r"\bpleurnich\w*",
            r"\bpathetique\b",
            r"\bmenteu(?:r|se|rs|ses)\b",
            r"\b(?:arretez|arrete|cessez|stop|quit) de (?:mentir|pleurnicher|chialer|braill\w+"
            r"|niaiser|vous plaindre|te plaindre)",
            r"\b(?:vous mentez|tu mens|you're lying|you are lying|stop lying|quit lying"
            r"|stop whining|quit whining|stop crying|quit crying)\b",
            r"\bwhin(?:e|ing|er|ers)\b",
            r"\bcry ?baby\b",
            r"\blosers?\b",
            r"\bstupides?\b|\bstupid\b",
            r"\bidiot(?:e|s|es)?\b",
            r"\bimbeciles?\b|\bcretins?\b|\bdebiles?\b",
            r"\bconnards?\b|\bconnasses?\b|\bsalauds?\b|\bsalopes?\b",
            r"\bminables?\b|\blamentables?\b",
            r"\bbons? a rien\b|\bbonnes? a rien\b|\bincapables?\b|\bescrocs?\b|\bcheat(?:er)?s?\b",
            r"\bpauvre (?:minable|con|conne|type|idiote?|cave|nul|nulle|imbecile)\b",
            r"\bparesseu(?:x|se|ses)\b|\blazy\b",
            r"\bdeadbeats?\b|\bpathetic\b|\bliars?\b|\bdumb\b|\bmorons?\b|\buseless\b",
            r"\bworthless\b|\bshame on you\b|\bgrow up\b",
            r"\b(?:devriez|devrais) avoir honte\b|\bhonteu(?:x|se)\b",
            r"\birresponsables?\b|\birresponsible\b",
            r"\bparasites?\b|\bprofiteu(?:r|se|rs)\b|\bvoleu(?:r|se|rs)\b|\bthie(?:f|ves)\b",
            r"\bscammers?\b|\bfraudeu(?:r|se|rs)\b|\bclowns?\b|\bniaiseu(?:x|se)\b",
            r"\b(?:es|etes|est|gros|grosse|espece de|maudit|maudite) (?:caves?|cons?|connes?"
            r"|nulle?s?|epaisse?|twit)\b",
            r"\b(?:vous etes|tu es|t'es) (?:\w+ )?(?:nulle?|ridicule|lamentable|minable|cave)\b",
            r"\b(?:a votre age|a ton age|at your age)\b",
            r"\b(?:ta gueule|fermez la|ferme la|shut up)\b",
        ],
        negation="attribut",
    ),
    _famille(
        "jurons",  # un sacre reste un sacre, même à la forme négative
        _HARCELEMENT,
        [
            r"\btabarn\w*|\btabarouette\b",
            r"\bcal(?:isse|iss|ice|isses|ices)\b|\bcaliss\w*|\bcalvaire\b|\bcalvince\b",
            r"\bcriss(?:e)?\b|\bchrist\b",
            r"\b(?:h?ostie|osti|esti|estie|sti)\b",
            r"\bsacr[ae]ment\b|\bciboire\b|\bviarge\b",
            r"\bmerde\b|\bputain\b|\bbordel\b|\bfout(?:re|ez|u|ue|ent)\b|\bchier\b|\bemmerd\w+",
            r"\bencul\w+|\bsalop\w*",
            r"\bfuck\w*|\bf\*+k\w*|\bwtf\b|\bshit\w*|\bbullshit\b|\bgoddamn\w*|\bdamn\w*",
            r"\bbitch\w*|\bassholes?\b|\bbastards?\b|\bpiss(?:ed)? off\b|\bcrap\b",
        ],
        negation="aucune",
    ),
    _famille(
        "pression",
        _HARCELEMENT,
        [
            r"\b(?:rappeler|rappellerai|rappellerons|rappelle|appeler|appellerai|appellerons|harceler"
            r"|call|calling|keep calling|call you) (?:\w+ ){0,3}(?:toutes les heures|tous les jours"
            r"|chaque jour|chaque heure|toute la journee|every (?:hour|day)|all day|day and night"
            r"|jour et nuit|sans arret|nonstop|non stop|constamment|constantly)\b",
            # « jusqu'au paiement » seul décrit aussi une entente (« … jusqu'au paiement complet ») :
            # il faut des appels ou des relances qui ne cesseront qu'avec lui.
            r"\b(?:rappeler|rappellerai|rappellerons|rappelle|rappeller|appeler|appellerai|appellerons"
            r"|relancer|relancerai|relancerons|harceler|harcelerai|call|calling|call you|calls"
            r"|keep calling|calling you|contacting you|bug you|bugging you) (?:\w+ ){0,4}"
            r"(?:jusqu'a ce que (?:vous|tu) (?:payiez|paies|regliez|regles|payez)|jusqu'au paiement"
            r"|until you pay|till you pay|until (?:this|it) is paid)\b",
            r"\b(?:on va|je vais|we'll|we will|i'll|i will) (?:vous |te |you )?(?:harceler|harass)\b",
            r"\b(?:derniere chance|last chance|final warning|dernier avertissement"
            r"|maintenant ou jamais|now or never)\b",
            r"\b(?:vous avez|tu as|you have|you've got) (?:\d+|une|un|one|an|a) (?:heures?|minutes?"
            r"|jours?|hours?|days?) (?:pour|to) (?:payer|regler|decider|vous decider|pay|decide)\b",
            r"\b(?:je ne raccroche(?:rai)? pas|je raccroche pas|i'm not hanging up|i am not hanging up)"
            r" (?:tant que|avant|until|till)\b",
        ],
    ),
)

# --- Poursuites et saisies : logique propre dans regles.py --------------------

MOTIFS_POURSUITE: Final[tuple[re.Pattern[str], ...]] = tuple(
    compiler(m)
    for m in (
        r"\b(?:vous|te|t'|les|le|la|l') poursui[tv]\w*",
        r"\bpoursui[tv]\w* en justice\b",
        r"\bpoursuivie?s?\b(?! (?:la|notre|nos|cette|en|l'))",
        r"\bpoursuites?\b",
        r"\btribuna(?:l|ux)\b",
        r"\b(?:devant|en|a la|aller a la|amener a la|traduire en|trainer en|trainer a la) (?:cour|justice)\b",
        r"\bcour (?:du quebec|superieure|des petites creances|municipale)\b",
        r"\bpetites creances\b",
        r"\b(?:le|un|au|devant le|devant un|du) juge\b",
        r"\b(?:obtenir|obtient|obtiendra|obtiendrait|demander|aura|aurez|auriez) (?:\w+ ){0,2}jugement\b",
        r"\btitre executoire\b",
        r"\b(?:sue|suing|sued) (?:you|him|her|them)\b|\b(?:be|get|getting|been) sued\b",
        r"\blawsuits?\b|\blegal (?:action|proceedings|steps)\b|\blitigation\b",
        r"\btake (?:legal )?action\b|\btake (?:you|him|her|them) to court\b",
        r"\b(?:to|in|before|into) court\b|\bcourt (?:order|action|case|date|proceedings)\b",
        r"\bsmall claims\b|\b(?:a|the) judge\b",
        r"\b(?:transfere|transmis|envoye|remis|refere|transferer|transmettre|envoyer|remettre"
        r"|referer|transfer|send|refer|hand|forward|turn)(?:ed|s)? (?:\w+ ){0,3}(?:a nos|aux|a l'"
        r"|au|to our|to the|to|over to) (?:avocats?|contentieux|service juridique|lawyers?"
        r"|attorneys?|legal(?: department| team)?)\b",
    )
)
# « Voulez-vous poursuivre en anglais ? » n'annonce aucun procès.
EXCLUSIONS_POURSUITE: Final = compiler(
    r"\b(?:poursuivre|poursuive|poursuivons|poursuivez|poursuit|continuer) (?:en|in)"
    r" (?:anglais|francais|english|french)\b|\bpoursuivre (?:la|notre|cette|l'|nos) (?:conversation"
    r"|discussion|appel|echanges?)\b|\b(?:voulez|souhaitez|preferez|aimeriez|desirez|voudriez|veux"
    r"|veut) vous poursuivre\b(?! en justice)"
)
MOTIFS_SAISIE: Final[tuple[re.Pattern[str], ...]] = tuple(
    compiler(m)
    for m in (
        r"\bsaisies?\b(?! (?:de donnees|d'ecran|informatique))",
        r"\bsaisi(?:r|ra|rai|rons|ront|rait|raient|ssons|ssent|t|s)\b (?:\w+ ){0,2}"
        r"(?:votre|vos|ton|ta|tes|le|la|les|l'|sa|ses)? ?(?:salaire|paie|paye|compte|comptes"
        r"|voiture|auto|char|vehicule|maison|biens|meubles|tele|television|mobilier|remboursement"
        r"|avoirs|pension|prestations|effets|propriete|terrain)",
        # Tout bien possédé (« saisir votre camionnette »), sauf la saisie de données.
        r"\bsaisi(?:r|ra|rai|rons|ront|rait|raient|ssons|ssent|t)\b (?:votre|vos|ton|ta|tes|sa|ses)"
        r" (?!informations?|coordonnees|donnees|numeros?|reponses?|demandes?|messages?|chance"
        r"|occasion|offre|proposition|situation|point)[a-z]+",
        r"\b(?:sera|seront|etre|est|sont|va etre|vont etre|serez) saisie?s?\b",
        r"\b(?:on|je|nous|ils|l'huissier) (?:va |vont |vais |allons )?(?:vous|te) saisi\w*",
        r"\bgarnish\w*|\bseiz(?:e|ed|ing|ure|ures)\b|\brepossess\w*|\brepo\b",
        r"\b(?:freeze|block|froze|frozen|freezing) (?:\w+ ){0,2}(?:bank )?accounts?\b"
        r"|\baccounts? (?:will be |is |are )?(?:frozen|blocked)\b",
        r"\bbloqu(?:er|erons|era|e|ons) (?:votre|vos|ton|tes) comptes?\b"
        r"|\bcomptes? (?:bancaires? )?(?:sera |seront |est |va etre )?bloques?\b",
        r"\b(?:l'huissier|un huissier|les huissiers|le commissaire de justice|un commissaire de"
        r" justice|the bailiff|a bailiff|the sheriff|bailiffs) (?:\w+ ){0,2}(?:va|vont|viendra"
        r"|viendront|passera|passeront|se presentera|sera chez vous|debarque|arrive|will|is coming"
        r"|are coming|is going to)\b",
        r"\b(?:envoyer|envoie|enverrai|enverrons|send|sending|dispatch) (?:\w+ ){0,2}(?:huissiers?"
        r"|commissaires? de justice|bailiffs?|sheriffs?)\b",
        r"\bavis a tiers detenteur\b",
        r"\b(?:viens|viendrai|viendra|viendrons|viendront|venir|vais|va|allons|vont|passe|passerai"
        r"|passera|passeront) (?:vous |te )?saisir\b(?! (?:le|un|la) (?:tribunal|juge|cour))"
        r"(?! (?:vos|votre|les|ces|ton|tes|l') ?(?:informations?|coordonnees|donnees|numeros?"
        r"|reponses?|notes?|adresse|demande))",
    )
)


# Modalités qui décident entre information exacte et menace.
POSSIBILITE: Final = compiler(
    r"\b(?:pourr(?:a|ait|aient|ont)|peut|peuvent|possible(?:ment)?|eventuel(?:le|lement)?"
    r"|risque[sz]?|risquer|may|might|could|can|possibly|potentially|eventually)\b"
)
IMMINENCE: Final = compiler(
    r"\b(?:demain|aujourd'hui|ce soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|cette semaine|des (?:demain|maintenant|aujourd'hui|lundi)|immediatement|tout de suite"
    r"|sous \d+|dans (?:les )?\d+ (?:heures|jours)|d'ici (?:\d+|demain|lundi|mardi|mercredi|jeudi"
    r"|vendredi|la fin)|tomorrow|today|tonight|this week|immediately|right away|within \d+"
    r"|in \d+ (?:hours|days)|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
JUSTICE: Final = compiler(
    r"\b(?:jugement|titre executoire|decision de justice|juge|tribunal|judgment|judgement"
    r"|court order|court)\b"
)
RESTRICTION: Final = compiler(
    r"\b(?:seul|seule|seulement|sans|faut|necessite|permet|permettrait|only|without|requires"
    r"|unless|apres|after)\b"
)
DEJA: Final = compiler(
    r"\b(?:deja|a ete|ont ete|est saisie?|sont saisie?s|en cours|already|has been|have been"
    r"|is being|are being)\b"
)

# Négation de portée longue, dans la même phrase, avant le déclencheur : « Ce n'est pas, pour
# l'instant, une question de tribunal », « Nobody is talking about court ».
NEGATION_LONGUE: Final = compiler(
    r"\b(?:(?:n'est|n'etait|n'y a|ne sera|ne serait|c'est|il est|est)(?:[ ,]+[\w']+){0,3}?"
    r"[ ,]+pas(?:[ ,]+[\w']+){0,5}?[ ,]+(?:question|affaire|sujet|but|objectif|intention)"
    r"|pas question|hors de"
    r" question|aucune(?:ment)? (?:\w+ ){0,2}(?:question|intention|idee)|rien a voir|personne"
    r" ne (?:parle|veut|va|pense)|no intention|not (?:\w+ ){0,2}(?:about|the point|our goal"
    r"|what this is)|nobody(?:'s| is) (?:talking|going|thinking)|no one(?:'s| is) (?:talking"
    r"|going|thinking)|(?:this|it) (?:isn't|is not|wasn't) (?:\w+ ){0,3}(?:about|a matter))"
)
FIN_PHRASE: Final = compiler(r"[.!?;\n]| mais | but | sinon | otherwise | or else ")
# Le débiteur qui conteste : renvoyer le litige au tribunal est une information sur ses droits.
CONTESTATION: Final = compiler(
    r"\b(?:contest\w*|disput\w*|desaccord|disagree\w*|pas d'accord avec le montant)"
)
