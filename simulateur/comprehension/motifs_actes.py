"""Motifs pondérés des actes (fr du Québec et de France, en), sur texte normalisé.

Poids : 3 à 4 pour une tournure qui signe l'acte, 2 pour un indice fort,
1 pour un indice faible. Les scores s'additionnent ; `regles.classer_acte`
applique ensuite les conventions d'étiquetage d'actes.md.
"""

from __future__ import annotations

import re
from typing import Final

from simulateur.comprehension.normalisation import compiler

_P = tuple[tuple[str, float], ...]

_SALUTATION: _P = (
    (
        r"^(?:re)?(?:bonjour|bonsoir|bon matin|allo|salut|hello|hi|hey|good (?:morning|afternoon|evening|day))\b",
        1.0,
    ),
    (
        r"\b(?:comment allez vous|comment ca va|comment vas tu|ca va bien|how are you|how's it going"
        r"|j'espere que vous allez bien|hope you're (?:well|doing well))\b",
        1.5,
    ),
)
_PRESENTATION: _P = (
    (r"^(?:(?:bonjour|allo|bonsoir|salut|oui|hello|hi),? )?ici [a-z]+", 3.0),
    (r", ici [a-z]+", 2.0),
    (r"\b(?:je m'appelle|mon nom est|my name is|je me nomme|je me presente)\b", 3.0),
    (
        r"^(?:(?:bonjour|allo|bonsoir|salut|hello|hi|good \w+),? )?(?:c'est|it's|this is) [a-z]+"
        r"(?: [a-z]+)? (?:de|d'|du|chez|avec|from|with|at|calling|pour|for)\b",
        3.0,
    ),
    (
        r"\b(?:je suis|chu|j'suis|i'm|i am) (?!desolee?|contente?|heureu|navree?|sure?|certaine?"
        r"|la\b|ici|en\b|pas\b|bien|obligee?|sorry|happy|glad|calling|here|not|just|afraid|trying"
        r"|going|looking|able|unable|aware|really|so\b|very|d'accord|prete?|disponible|available"
        r"|ready)[a-z]+(?: [a-z]+)?,? (?:de|d'|du|chez|from|with|at)\b",
        2.5,
    ),
    (
        r"\bje suis (?:l'|un |une |votre |ton |ta )?agente? (?:de recouvrement|de perception|de l'agence"
        r"|responsable|chez|pour|de)\b",
        3.0,
    ),
    (
        r"\b(?:je suis|i'm|i am|this is) (?:l'|le |la |un |une |votre |your |a |an |the )?(?:avocate?"
        r"|huissiere?|commissaire de justice|policiere?|lawyer|attorney|bailiff|sheriff"
        r"|police officer)\b",
        2.5,
    ),
    (
        r"\b(?:l'agence|agence de recouvrement|societe de recouvrement|service de recouvrement"
        r"|collection agency|collections? (?:agency|department|services?))\b",
        2.0,
    ),
    # Noms d'agence : « Recouvra » (agence par défaut des scénarios), « Northway Collections ».
    (r"\brecouvra\b|\b(?!de |des |du |la |the |of |your |our )[a-z]+ collections\b", 1.5),
    (r"\b(?:mandatee?|mandated|retained|hired) (?:par|by)\b", 2.0),
    (
        r"\b(?:pour le compte de|on behalf of|de la part de|je represente|nous representons"
        r"|i represent|we represent|je travaille (?:pour|chez|avec)|i work (?:for|with|at))\b",
        2.5,
    ),
    (
        r"\b(?:calling from|calling with|je vous appelle de (?:la part|l'agence|chez)|j'appelle pour)\b",
        2.5,
    ),
    (r"\b(?:numero de permis|permis (?:no|numero|n)|licen[cs]e (?:number|no))\b", 2.0),
)
_VERIFICATION: _P = (
    (r"\bsuis je bien (?:en communication |en ligne )?(?:avec|chez)\b", 4.0),
    (
        r"\b(?:est ce (?:que je parle (?:bien )?(?:a|avec)|bien)|je parle bien (?:a|avec)"
        r"|vous etes bien (?:m|mme|monsieur|madame|mademoiselle)\b|c'est bien (?:m|mme|monsieur"
        r"|madame|vous)\b|t'es bien|tu es bien [a-z]+ \?|j'ai bien (?:m|mme|monsieur|madame)\b"
        r"|je suis bien (?:chez|avec))",
        3.5,
    ),
    (
        r"\b(?:confirmer|verifier|valider|confirm|verify) (?:\w+ ){0,2}(?:votre|ta|ton|vos|your)"
        r" (?:identite|date de naissance|adresse|nom|code postal|identity|date of birth|birth ?date"
        r"|address|name|postal code|zip)",
        4.0,
    ),
    (
        r"\b(?:date de naissance|date of birth|code postal|postal code|zip code"
        r"|numero d'assurance sociale|social insurance|(?:4|quatre|four) derniers chiffres"
        r"|last (?:4|four) digits)\b",
        2.5,
    ),
    (
        r"\b(?:am i speaking (?:with|to)|is this (?:mr|mrs|ms|miss)\b|(?:could|can|may) i speak"
        r" (?:with|to)|puis je parler (?:a|avec)|je voudrais parler (?:a|avec)|je cherche a joindre"
        r"|i'm trying to reach|i am trying to reach|is (?:mr|mrs|ms|miss) [a-z]+ (?:there|available"
        r"|home))",
        3.5,
    ),
    (r"^(?:m|mme|mr|mrs|ms|miss|monsieur|madame|mademoiselle)\.? [a-z]+(?: [a-z]+)? ?\?$", 3.0),
    (r"^is this (?!a |an |the |about |for |because )[a-z]+(?: [a-z]+)? ?\?$", 3.0),
    (
        r"\b(?:pouvez vous parler|peux tu parler|can you talk|is (?:this|now) a good time"
        r"|un bon moment pour (?:parler|vous)|avez vous (?:quelques|deux|cinq) minutes"
        r"|do you have a (?:minute|moment|few minutes)|are you free to talk|etes vous seule?"
        r"|are you alone)\b",
        2.5,
    ),
    (r"\b(?:qui parle|who am i speaking|who's speaking|who is this|a qui ai je l'honneur)\b", 2.5),
)
_DETTE: Final = (
    r"(?:solde|compte|dette|facture|retard|paiement|creance|dossier|montant|somme|arrerages"
    r"|balance|account|debt|bill|invoice|payment|amount)"
)
_OBJET: _P = (
    (
        rf"\b(?:au sujet|concernant|a propos|regarding|about|concerning|in regards? to|relativement)"
        rf" (?:\w+ ){{0,3}}{_DETTE}",
        2.5,
    ),
    (
        r"\b(?:solde|montant|somme|facture|compte|dette|balance|amount|bill|invoice|account"
        r"|payment)s? (?:\w+ ){0,2}(?:impayee?s?|en souffrance|en retard|echue?s?|arrieree?s?"
        r"|overdue|outstanding|unpaid|past due|delinquent|owing|en defaut)\b",
        2.5,
    ),
    (
        r"\b(?:overdue|outstanding|unpaid|past due|delinquent|remaining) (?:balance|amount|account"
        r"|bill|invoice|payment|debt)",
        2.5,
    ),
    (
        r"\b(?:vous devez|tu dois|vous nous devez|il reste) (?:encore |toujours )?(?:\d|\$|€|la somme"
        r"|un montant|un solde)",
        2.5,
    ),
    (
        r"\byou (?:still )?owe (?:\w+ ){0,3}(?:\d|\$|€|a balance|the sum|an amount)|\b(?:amount|balance"
        r"|sum|what) (?:that )?you owe\b",
        2.5,
    ),
    (
        r"\b(?:suite a|following|further to|en lien avec|with regards? to) (?:notre|nos|votre|the"
        r"|our|your) (?:courrier|lettre|avis|letter|notice)",
        2.5,
    ),
    (
        r"\b(?:creance|arrerages|en souffrance|retard de paiement|late payment|in arrears|arrears"
        r"|en defaut de paiement)\b",
        1.5,
    ),
    (
        r"\b(?:votre|ton|your) (?:compte|dossier|account|file) (?:chez|aupres de|avec|with|at)\b",
        1.5,
    ),
    (r"\b(?:solde|balance) (?:\w+ )?(?:de|of|est de|is) (?:\d|\$|€)", 2.0),
    (
        r"\b(?:la raison de mon appel|l'objet de mon appel|the reason (?:for|of) my call"
        r"|i'm calling (?:about|regarding))\b",
        1.5,
    ),
    (
        rf"\b(?:je vous appelle|j'appelle|je t'appelle) pour (?:votre|ta|ton|le|la|un|une) {_DETTE}",
        1.5,
    ),
)
_QUESTION_OUVERTE: _P = (
    (
        r"\bqu'est ce qui (?:s'est passe|se passe|s'passe|est arrive|arrive|vous (?:a |ont )?(?:empeche|amene"
        r"|bloque)|explique|a change)\b",
        3.5,
    ),
    (r"\b(?:que s'est il passe|qu'est ce qu'il s'est passe|qu'est ce qu'il y a eu)\b", 3.5),
    (
        r"\b(?:pouvez vous|pourriez vous|peux tu|pourrais tu|voulez vous|veux tu) (?:m'expliquer"
        r"|me raconter|m'en dire plus|me dire ce qui|me parler de)",
        3.5,
    ),
    (
        r"\b(?:expliquez moi|racontez moi|parlez moi de|dites moi ce qui|explique moi|raconte moi"
        r"|parle moi de)\b",
        3.0,
    ),
    (r"\b(?:votre|ta) situation\b", 1.5),
    (
        r"\b(?:ou en etes vous|ou en es tu|comment ca se passe|comment vous en sortez vous"
        r"|comment tu t'en sors|comment voyez vous|comment tu vois|qu'en pensez vous|qu'en penses tu"
        r"|qu'est ce que vous en pensez|qu'est ce que vous proposez|qu'est ce que tu proposes"
        r"|qu'est ce qui serait (?:possible|realiste|faisable)|qu'est ce que je peux faire pour vous"
        r"|comment (?:puis je|est ce que je peux|je peux) vous aider|qu'est ce qui vous conviendrait"
        r"|qu'est ce qui vous aiderait)\b",
        3.0,
    ),
    (
        r"\bdepuis (?:notre|le|mon|votre) dernier (?:appel|contact|echange)\b|\bsince (?:we|our) last"
        r" (?:spoke|call|talked)\b",
        3.0,
    ),
    (
        r"\b(?:what happened|what's going on|what is going on|what's happening|can you (?:tell me"
        r"|explain|walk me)|could you (?:tell me|explain|walk me)|tell me (?:more|about|what)"
        r"|help me understand|walk me through|how (?:can|may) i help|what (?:do you|would you)"
        r" (?:think|suggest|propose)|what would (?:work|be realistic|be possible|help)"
        r"|how (?:are|have) things been|how is your situation|what's your situation"
        r"|how are you managing|how do you see)\b",
        3.0,
    ),
    (r"\bc'est quoi (?:la|ta|votre) situation|\bqu'est ce qui se passe avec (?:vous|toi)", 3.0),
    (r"^(?:pourquoi|why)\b", 1.5),
    (
        r"\bwhat(?:'s| is) (?:making it|keeping you|stopping you|preventing you|getting in the way)",
        3.5,
    ),
    (r"\bcomment ca va (?:de votre|de ton|avec|depuis)|\bde (?:votre|ton) (?:bord|cote)\b", 2.0),
)
_QUESTION_FINANCIERE: _P = (
    (
        r"\bcombien (?:\w+ ){0,2}(?:gagnez|gagnes|gagne|recevez|recois|touchez|touches|depensez"
        r"|depenses|rentre|vous reste|te reste)\b",
        3.0,
    ),
    (
        r"\b(?:quel|quels|quelle|quelles|c'est quoi) (?:est |sont )?(?:votre|vos|ton|tes|le|la|les)"
        r" (?:revenus?|salaire|budget|loyer|depenses|charges|paie|paye|situation financiere"
        r"|capacite de paiement)",
        3.5,
    ),
    (
        r"\b(?:travaillez vous|tu travailles|travailles tu|avez vous (?:un|une|des|d') ?(?:emploi"
        r"|job|travail|revenus?|epargne|economies|biens|autres dettes|voiture|maison|prets?"
        r"|cartes? de credit)|as tu (?:une|un|des) (?:job|emploi|autres dettes)|etes vous"
        r" (?:proprietaire|a l'emploi|salariee?|en emploi|sans emploi|au chomage))\b",
        3.5,
    ),
    (
        r"\b(?:how much do you (?:make|earn|spend|pay|have|bring)|what (?:is|are) your (?:monthly"
        r" |net |total )?(?:income|expenses|salary|wages|rent|budget|bills)|do you (?:work|have"
        r" (?:a job|any (?:savings|assets|other debts|income|loans))|own)|are you (?:working"
        r"|employed|a homeowner)|what do you do for (?:a living|work)|monthly (?:income|expenses))\b",
        3.5,
    ),
    (
        r"\b(?:budget|capacite de (?:paiement|remboursement)|situation financiere|finances"
        r"|reste a vivre|marge de manoeuvre|financial situation|cash flow|left over)\b",
        1.5,
    ),
    (
        r"\bcombien (?:pouvez|pourriez|peux|pourrais) (?:vous|tu) (?:payer|mettre|verser|rembourser"
        r"|donner|consacrer)|\bhow much (?:can|could) you (?:afford|pay|put|manage)",
        2.5,
    ),
    (
        r"\b(?:parler|dire|tell me about|talk about) (?:\w+ ){0,2}(?:vos|votre|ta|tes|your)"
        r" (?:revenus?|salaire|depenses|charges|budget|loyer|dettes|biens|epargne|finances|income"
        r"|expenses|rent|debts|assets|savings)\b",
        3.0,
    ),
)
_EMPATHIE: _P = (
    (
        r"(?<!si )(?<!if )\b(?:je (?:vous |te )?comprends|je peux comprendre|j'imagine|i understand"
        r"|i can (?:understand|imagine)|i hear you|je vous entends|je t'entends)\b",
        2.5,
    ),
    (r"\b(?:desolee?|navree?|sorry)\b", 2.0),
    (
        r"\b(?:ca doit etre|ce doit etre|cela doit etre|ca a du etre|ca semble|that must be|that sounds"
        r"|it must be|must have been"
        r"|it sounds|c'est|c'etait) (?:\w+ ){0,2}(?:difficile|dur|penible|stressant|eprouvant|lourd"
        r"|rough|hard|tough|difficult|stressful|overwhelming|frustrating|frustrant|inquietant)",
        2.5,
    ),
    (r"\b(?:ce n'est|c'est|c'etait) pas (?:\w+ ){0,2}(?:facile|evident|drole)\b", 2.5),
    (
        r"\b(?:une (?:periode|passe|situation) (?:difficile|dure|penible|stressante|eprouvante"
        r"|compliquee|inquietante)|(?:that's|it's) a lot to (?:deal with|handle|take in)"
        r"|a (?:difficult|tough|hard"
        r"|rough) (?:time|situation|period))\b",
        2.0,
    ),
    (
        r"\b(?:merci de (?:me le dire|votre franchise|partager|m'en parler|me l'expliquer"
        r"|votre honnetete)|thank(?:s| you) for (?:sharing|telling me|being (?:honest|open)))\b",
        2.5,
    ),
    (
        r"\b(?:prenez (?:votre|le) temps|inquietez vous pas|ne vous inquietez pas|inquiete toi pas"
        r"|t'inquiete|pas de souci|no worries|don't worry|take your time|c'est normal (?:de|d')"
        r"|it's (?:normal|understandable)|je sais que c'est (?:difficile|dur|stressant)|i know (?:it's"
        r"|this is) (?:hard|difficult|stressful|tough)|on va (?:trouver|y arriver)|we'll (?:figure"
        r"|work) (?:it|this|something) out)\b",
        1.5,
    ),
    (r"\b(?:sorry to hear|desolee? d'apprendre|navree? d'apprendre|sorry about)\b", 3.0),
    (r"\bc'est (?:\w+ ){0,3}normal (?:de|d')|\bit's (?:\w+ )?(?:normal|natural) to\b", 2.0),
    (r"\b(?:i appreciate (?:you|your)|j'apprecie (?:votre|que))\b", 1.5),
)
_REFORMULATION: _P = (
    (
        r"\b(?:si je (?:vous |te )?comprends bien|si j'ai bien compris|si je comprends|if i understand"
        r"|if i understood|if i heard you|let me make sure i understand|let me see if i understand)\b",
        4.0,
    ),
    (
        r"\b(?:vous (?:me )?dites (?:donc )?que|tu (?:me )?dis (?:donc )?que|vous voulez dire que"
        r"|autrement dit|en d'autres"
        r" (?:mots|termes)|ce que j'entends|ce que je comprends|si je resume|so you're saying"
        r"|so you are saying|what i'm hearing|what i hear is|in other words|you mean|you're saying"
        r"|you said|vous avez dit|vous mentionnez|vous avez mentionne|you mentioned|sounds like you"
        r"|on dirait que vous)\b",
        3.5,
    ),
    (
        r"^(?:donc|alors|so|ok so|okay so|faque|du coup|bref),?(?: basically| en gros| en fait"
        r"| finalement)? (?:vous|tu|t'|you|your|votre|ton)\b",
        3.5,
    ),
    (
        r"\b(?:vous proposez|vous offrez|tu proposes|tu offres|you're (?:offering|proposing)"
        r"|you are (?:offering|proposing)|your offer (?:is|of)|votre offre (?:est|de))\b",
        3.0,
    ),
    (
        r"\b(?:c'est bien ca|c'est ca|is that right|is that correct|did i get that right|right"
        r"|correct|n'est ce pas) ?\?",
        1.5,
    ),
)
_DEMANDE: _P = (
    (
        r"\b(?:regler|payer|acquitter|rembourser|solder|reglez|payez|remboursez|pay|settle|clear)"
        r" (?:\w+ ){0,2}(?:le |la |votre |ton |ta |the |your |this |ce |cette )?(?:solde|totalite"
        r"|dette|balance|debt|everything|tout)\b",
        2.0,
    ),
    (
        r"\b(?:solde|montant|paiement|balance|amount|payment) (?:complet|total|integral|au complet"
        r"|en entier|in full)|\b(?:full|entire|whole|total|complete) (?:balance|amount|payment|sum)"
        r"|\btotalite\b|\bin full\b|\bau complet\b|\ben totalite\b",
        2.0,
    ),
    (
        r"\b(?:payer|payez|paierez|regler|reglez|rembourser|remboursez|pay|paying|settle)"
        r" (?:\w+ ){0,4}(?:aujourd'hui|maintenant"
        r"|immediatement|tout de suite|ce soir|today|now|right away|immediately|tonight)\b",
        2.0,
    ),
    (
        r"(?:^|[,.;!?] |\b(?:et|alors|donc|maintenant|and|just|now) )(?:payez|reglez|pay)\b"
        r"(?! (?:attention|you|me))|\bpay up\b",
        2.5,
    ),
    (
        r"\b(?:the )?full \$?\d|\btake care of (?:the|your|this) (?:full|whole|entire|balance|bill"
        r"|debt|amount)",
        2.0,
    ),
    # « les 842 $ », « the $842 » : la somme connue, donc le solde entier.
    (r"\b(?:payer|regler|rembourser|pay|settle) (?:les|the|ces|vos) (?:\d|\$)", 2.0),
    (r"\btout (?:regler|payer|rembourser|acquitter)\b|\bpay (?:it )?all\b", 2.0),
    (
        r"\b(?:quand (?:pouvez vous|allez vous|pourriez vous|vas tu|peux tu|comptez vous) (?:payer"
        r"|regler|rembourser)|when (?:can|will|could) you (?:pay|settle|make (?:a|the) payment))\b",
        2.0,
    ),
    (
        r"\b(?:pouvez vous|pourriez vous|peux tu|pourrais tu|can you|could you|would you be able to"
        r"|are you able to) (?:\w+ )?(?:payer|regler|rembourser|acquitter|pay|settle|clear)\b",
        1.0,
    ),
    (
        r"\b(?:j'ai besoin|il faut|il faudrait|vous devez|tu dois|you need to|you have to|you must"
        r"|we need) (?:\w+ ){0,2}(?:payer|regler|rembourser|le paiement|pay|settle|payment)\b",
        1.5,
    ),
)
_PROPOSITION: _P = (
    (
        r"\b(?:que diriez vous|qu'est ce que vous diriez|que dirais tu|qu'est ce que tu dirais"
        r"|what would you say)\b",
        3.0,
    ),
    (
        r"\b(?:vous conviendrait|vous irait|te conviendrait|t'irait|ferait l'affaire|serait possible"
        r"|serait faisable|serait correct|ca vous va|ca te va|ca vous irait|ca marcherait|ca marche tu"
        r"|ca vous convient|est ce correct|ca serait correct|work for you|works for you|doable"
        r"|manageable|feasible)\b|\bwould (?:that|this|it|\S+(?: \S+){0,4}) work\b",
        2.5,
    ),
    (
        r"\b(?:je (?:vous |te )?propose|je peux (?:vous |te )?(?:proposer|offrir)|on (?:pourrait|peut)"
        r" (?:faire|etaler|echelonner|convenir|s'entendre|mettre en place|partir sur|commencer"
        r"|regarder|diviser|repartir|fractionner|y aller)|nous pourrions|je pourrais (?:vous )?"
        r"(?:accepter|proposer|offrir)|i (?:can|could) (?:offer|propose|suggest|accept|set up)"
        r"|we (?:can|could) (?:do|set up|arrange|split|spread|start|work out|agree)|i'd (?:suggest"
        r"|propose)|let's (?:say|do|set up|try)|disons)\b",
        2.5,
    ),
    (
        r"\b(?:entente|plan|echeancier|arrangement|calendrier) (?:de |d')(?:paiement|remboursement"
        r"|versements?)|\bpayment (?:plan|arrangement|schedule|agreement)|\binstallments?\b"
        r"|\bversements? (?:egaux|mensuels|reguliers)|\bechelonner|\betaler|\bfractionner"
        r"|\bspread (?:it|the|your|out|payments)|\bsplit (?:it|the|into)|\bbreak it (?:up|down)",
        2.0,
    ),
    (
        r"\b(?:how about|what about|would you (?:be able to|consider|agree)|could you do|can you do"
        r"|could you manage|can you manage|pourriez vous (?:faire|verser|payer|mettre|commencer)"
        r"|pouvez vous (?:faire|verser|mettre|commencer)|pourrais tu (?:faire|verser|payer|mettre)"
        r"|est ce que (?:vous pourriez|vous pouvez|tu pourrais|tu peux) (?:faire|verser|payer|mettre"
        r"|commencer))\b",
        1.5,
    ),
    (
        r"\b(?:a partir du|starting (?:on|from|the)|commencant|des le|premier versement"
        r"|first payment)\b",
        1.0,
    ),
)
# Marques d'une contre-offre ; `regles` n'en fait une contre-proposition que si elles sont nettes.
_CONTRE: _P = (
    (
        r"\b(?:ne suffit pas|ne suffira pas|suffit pas|pas suffisant|n'est pas suffisant|c'est"
        r" (?:trop|un peu) (?:peu|bas|juste)|trop (?:peu|bas)|pas assez|insuffisant|je ne peux pas"
        r" accepter|je peux pas accepter|on ne peut pas accepter|on peut pas accepter|au lieu de"
        r"|plutot que|a la place|en echange|couper la poire en deux|un compromis|isn't enough"
        r"|is not enough|not enough|too (?:low|little|small)|a bit low|can't accept|cannot accept|unable to accept"
        r"|instead of|rather than|meet (?:me|you) (?:in the middle|halfway)|split the difference"
        r"|compromise|that's (?:too|a bit) (?:low|little))\b",
        3.5,
    ),
    (r"\b(?:plutot|instead|rather|par contre|however)\b", 1.0),
    (r"\b(?:plutot|instead) ?\??$", 2.5),
    (
        r"\b(?:monter|augmenter|aller jusqu'a|go up to|bump (?:it|that) up|increase (?:it|that|to)"
        r"|un peu plus|a bit more|a little more|slightly more)\b",
        3.0,
    ),
    (r"\bmais (?:\d|\$|€)|\bbut (?:\d|\$|€)", 2.0),
    (
        r"\bmais (?:plutot|est ce que|pourriez|pourrais|que diriez|on pourrait|si on|seriez vous"
        r"|vous pourriez|tu pourrais)|\bbut (?:could you|can you|would you|how about|what about"
        r"|if you could|maybe)",
        1.0,
    ),
)
_ORIENTATION: _P = (
    (
        r"\b(?:acef|option consommateurs|union des consommateurs|syndic|syndics|proposition de"
        r" consommateur|commission de surendettement|surendettement|banque de france|points? conseil"
        r" budget|pcb|ccas|cresus|travailleu(?:r|se) sociale?|assistante? sociale?|organismes?"
        r"|ressources?|consultation budgetaire|conseill(?:er|ere|ers) (?:budgetaire|en budget"
        r"|financiere?|en credit|en gestion de dettes?)|aide budgetaire|service budgetaire"
        r"|credit counsel\w*|financial counsel\w*|budget(?:ing)? (?:help|counsel\w*|advis\w*|service"
        r"|coach)|non ?profit|insolvency trustee|trustee|consumer proposal|social worker|community"
        r" (?:organization|agency|resources?|services?)|help ?line|ligne d'aide|2 ?1 ?1"
        r"|bankruptcy trustee)\b",
        3.0,
    ),
    (
        r"\b(?:vous pourriez|tu pourrais|vous pouvez|tu peux|je vous suggere de|je vous conseille de"
        r"|je vous recommande de|you (?:could|can|might want to|may want to)|i (?:suggest|recommend))"
        r" (?:\w+ ){0,2}(?:contacter|consulter|appeler|vous adresser|rencontrer|contact|reach out"
        r"|call|see|speak with|talk to)\b",
        1.5,
    ),
    (
        r"\b(?:je peux vous (?:donner|transmettre|envoyer)|i can (?:give|send) you) (?:\w+ ){0,2}"
        r"(?:coordonnees|numero|number|contact|reference|info)",
        1.5,
    ),
)
_DROITS: _P = (
    (
        r"\b(?:vous avez|tu as|you have) (?:\w+ )?(?:le )?droits?\b|\byou have (?:the )?right"
        r"|\bvos droits\b|\byour rights\b|\bdroit de (?:contester|demander|exiger|refuser|consulter"
        r"|etre)",
        3.0,
    ),
    (
        r"\b(?:vous pouvez|tu peux|you (?:can|may)) (?:\w+ ){0,2}(?:contester|demander|exiger"
        r"|refuser|porter plainte|consulter|faire appel|verifier|nous ecrire|dispute|request"
        r"|ask (?:us|for)|file a complaint|consult|refuse|verify|write to us)\b",
        2.5,
    ),
    (
        r"\b(?:par ecrit|en ecrit|in writing|written (?:notice|request)|avis de reclamation|permis"
        r"|opc|office de la protection du consommateur|porter plainte|plainte|complaint"
        r"|consulter un avocat|consult (?:a|an) (?:lawyer|attorney)|legal aid|aide juridique)\b",
        1.5,
    ),
    (
        r"\b(?:titre executoire|demander (?:au|a un) juge|decision de justice|insaisissables?"
        r"|affaire civile|civil matter|rien de criminel|not (?:a )?criminal|aucun jugement"
        r"|no judgm?ent|prescri(?:te?|ption)|statute of limitations|forclusion|appel est enregistre"
        r"|call (?:is|may be) (?:being )?recorded|confidenti\w+|reste(?:nt)? entre (?:vous|nous)"
        r"|ne coute rien de plus|sans frais|aucuns? frais|no (?:extra |additional |hidden )?fees"
        r"|pas (?:de |d')?huissiere?|not a (?:lawyer|bailiff)|quittance|receipt for (?:each|every)"
        r" payment|pas de (?:frais|supplement|penalite)|aucun (?:supplement|frais|penalite)"
        r"|sans (?:supplement|penalite)|no (?:extra |additional |hidden )?(?:charges|penalt(?:y|ies)))\b",
        2.5,
    ),
    (
        r"\b(?:le creancier|the creditor) (?:pourra|pourrait|peut|could|may|can) (?:\w+ ){0,3}"
        r"(?:demander|ask|apply)",
        1.0,
    ),
    (
        r"\b(?:personne d'autre|no one else|nobody else|ne sera (?:pas )?(?:informee?|avisee?|contactee?)"
        r"|ne seront (?:pas )?(?:informes|avises|contactes)|won't be (?:told|informed|contacted)"
        r"|ne sera (?:pas )?(?:transmise?|communiquee?|divulguee?|revelee?|dite?)"
        r"|won't be (?:shared|disclosed)|will not be (?:shared|disclosed)"
        r"|will not be (?:told|informed|contacted))\b",
        2.5,
    ),
)
_CHANGEMENT_LANGUE: _P = (
    (r"\b(?:en|in) (?:anglais|francais|english|french)\b", 2.0),
    (
        r"\b(?:parlez vous|parles tu|tu parles|vous parlez|do you speak|do you prefer|would you prefer"
        r"|would you rather|preferez vous|preferes tu|vous preferez|aimeriez vous|voulez vous|veux tu"
        r"|prefer|continue|continuer|poursuivre|switch|passer|speak|parler)(?: \S+){0,5}"
        r" (?:anglais|francais|english|french)\b",
        3.0,
    ),
    (
        r"\b(?:no problem|pas de probleme|aucun probleme|bien sur|of course|sure|certainly"
        r"|absolument),? (?:we|i|on|je|nous) (?:can|peut|peux|pouvons|will|vais|va) (?:\w+ ){0,2}"
        r"(?:continue|speak|switch|continuer|parler|poursuivre)",
        2.0,
    ),
    (
        r"\b(?:preferez|preferes|prefer|aimez mieux|aimes mieux|rather) (?:\w+ )?(?:l'|le |en |in )?"
        r"(?:anglais|francais|english|french)\b",
        3.0,
    ),
    (r"\b(?:changer|switch|passer) (?:de langue|languages?)\b", 2.0),
    (r"\b(?:english|anglais|francais|french|bilingue|bilingual)\b", 1.0),
)
_CLOTURE: _P = (
    (r"\bmerci\b|\bthanks?\b|\bthank you\b", 1.2),
    (
        r"\b(?:bonne (?:journee|fin de journee|soiree|fin de semaine|semaine|continuation|chance"
        r"|fin d'apres midi|fin)|au revoir|a bientot|a la prochaine|a plus tard|bye|goodbye"
        r"|good bye|have a (?:good|nice|great|lovely) (?:day|evening|one|weekend|afternoon)"
        r"|take care(?! of)|talk (?:to you )?(?:soon|later)|good luck|all the best)\b",
        3.0,
    ),
    (
        r"\b(?:merci (?:beaucoup |bien |encore )?(?:pour|de) (?:votre|ta)? ?(?:temps|appel"
        r"|collaboration|comprehension|patience|aide|ecoute)|thank(?:s| you) for (?:your|the)"
        r" (?:time|call|help|patience|cooperation|understanding))\b",
        2.0,
    ),
    (
        r"\b(?:je vous laisse|on se reparle|on se rappelle|c'est tout pour (?:moi|aujourd'hui)"
        r"|that's all (?:for now|for today)|i'll let you go)\b",
        2.0,
    ),
)
_AUTRE: _P = (
    (
        r"\b(?:il fait beau|quel temps|la meteo|the weather|nice day out|hold on|un instant"
        r"|une seconde|une minute|attendez|ne quittez pas|one moment|one sec|just a (?:sec|second"
        r"|moment|minute)|hang on|give me a (?:sec|second|moment)|je n'entends (?:pas|rien)"
        r"|je vous entends mal|can't hear|cannot hear|vous m'entendez|can you hear me|repeter"
        r"|repeat that|say that again|la ligne coupe|bad connection)\b",
        3.0,
    ),
    (r"^(?:pardon|sorry|excusez moi|excuse me|comment|hein|quoi|what) ?\?$", 3.0),
)
# Récapitulatif : « Donc… », « So… », « Faque… » en tête de réplique.
_DEBUT_RECAP: Final = (
    r"^(?:donc|alors|so|ok so|okay so|alright so|great so|parfait(?:,)? donc|tres bien(?:,)? donc"
    r"|d'accord(?:,)? donc|faque|fait que|du coup|parfait|perfect|great|c'est note|noted"
    r"|entendu|c'est entendu|tres bien|d'accord|ok|okay|alright|excellent|super)\b"
    r",? (?!vous |tu |t\'|you |your |votre |ton )"
)
_CONFIRMATION: _P = (
    (_DEBUT_RECAP, 1.0),
    (
        r"\b(?:pour (?:confirmer|recapituler|resumer)|je (?:re)?confirme|je recapitule|recapitul\w*"
        r"|en resume|to confirm|just to confirm|let me confirm|to recap|to summarize|let me (?:recap"
        r"|summarize)|confirming)\b",
        3.5,
    ),
    (
        r"\b(?:on s'entend (?:donc )?(?:sur|pour)|c'est entendu|entendu pour|nous avons (?:donc )?"
        r"convenu|on a (?:donc )?convenu|comme convenu|c'est convenu|marche conclu|(?:it's|that's) a deal"
        r"|we have a deal|we've agreed"
        r"|we have agreed|we agreed|as agreed|we're (?:all )?set|you're (?:all )?set|c'est note pour"
        r"|l'entente (?:est|sera)|notre entente|our agreement|the agreement is)\b",
        3.0,
    ),
    (
        r"^(?:donc|so|alors|faque),? (?:vous allez|tu vas|you'll|you will|you're going to)"
        r" (?:payer|verser|faire|envoyer|effectuer|pay|send|make)\b",
        4.0,
    ),
    (
        r"\b(?:vous allez donc (?:payer|verser|faire|envoyer|effectuer)|tu vas donc (?:payer|verser"
        r"|faire|envoyer)|so you'll (?:pay|send|make|be paying)|so you will (?:pay|send|make)"
        r"|votre premier (?:versement|paiement)|your first payment|le premier (?:versement|paiement)"
        r" (?:sera|aura lieu|est prevu))\b",
        2.0,
    ),
    (
        r"\b(?:par (?:virement|carte|cheque|prelevement|debit|depot direct|interac|paypal)"
        r"|by (?:card|credit card|debit|e ?transfer|transfer|cheque|check|direct debit|pre ?authorized)"
        r"|pre ?authorized (?:debit|payment)|prelevement automatique)\b",
        1.5,
    ),
    (
        r"\b(?:vous recevrez|tu recevras|you'll (?:receive|get)|you will (?:receive|get)) (?:\w+ ){0,2}"
        r"(?:confirmation|quittance|recu|receipt|courriel|email|lettre|letter)|\bune quittance suivra"
        r"|\bconfirmation (?:par|by) (?:courriel|ecrit|email|mail)",
        2.0,
    ),
)


def _compiler_acte(motifs: _P) -> tuple[tuple[re.Pattern[str], float], ...]:
    """Motifs compilés d'un acte. Pas de pré-filtre (union des motifs) : l'aiguillage de
    `regles.py` (sous-chaînes nécessaires de chaque motif) écarte plus vite les motifs inutiles."""
    return tuple((compiler(m), p) for m, p in motifs)


# acte → ((motif, poids), …)
MOTIFS_ACTES: Final[dict[str, tuple[tuple[re.Pattern[str], float], ...]]] = {
    acte: _compiler_acte(motifs)
    for acte, motifs in {
        "salutation": _SALUTATION,
        "presentation": _PRESENTATION,
        "verification_identite": _VERIFICATION,
        "objet_appel": _OBJET,
        "question_ouverte": _QUESTION_OUVERTE,
        "question_financiere": _QUESTION_FINANCIERE,
        "empathie": _EMPATHIE,
        "reformulation": _REFORMULATION,
        "demande_paiement": _DEMANDE,
        "proposition_entente": _PROPOSITION,
        "contre_proposition": _CONTRE,
        "orientation_ressource": _ORIENTATION,
        "information_droits": _DROITS,
        "confirmation_entente": _CONFIRMATION,
        "changement_langue": _CHANGEMENT_LANGUE,
        "cloture": _CLOTURE,
        "autre": _AUTRE,
    }.items()
}
DEBUT_RECAPITULATIF: Final = compiler(_DEBUT_RECAP)

# « si vous ne payez pas… » : condition, pas demande ; masquée avant le calcul des scores.
CONDITION_PAIEMENT: Final = compiler(
    r"\b(?:si (?:vous|tu) (?:ne |n')?(?:payez|paies|reglez|regles|remboursez|rembourses)(?: pas)?"
    r"|sans (?:paiement|entente|accord|virement|versement)|if you (?:don't |do not |can't |cannot "
    r"|won't |fail to )?(?:pay|settle)|without (?:payment|paying))\b"
)

# Répliques entières (squelette : mots seuls, espaces simples).
ACQUIESCEMENTS: Final = frozenset(
    {
        "oui",
        "ouais",
        "ouin",
        "ok",
        "okay",
        "oki",
        "d'accord",
        "daccord",
        "dac",
        "parfait",
        "tres bien",
        "bien",
        "correct",
        "c'est correct",
        "entendu",
        "yes",
        "yeah",
        "yep",
        "yup",
        "sure",
        "alright",
        "all right",
        "right",
        "fine",
        "great",
        "perfect",
        "got it",
        "mhm",
        "hmm",
        "hum",
        "uh huh",
        "oui oui",
        "ok ok",
        "bon",
        "ben oui",
        "exactement",
        "exactly",
        "absolument",
        "absolutely",
        "certainement",
        "certainly",
        "bien sur",
        "of course",
        "je vois",
        "i see",
        "c'est ca",
        "that's right",
        "super",
        "cool",
        "ok parfait",
        "oui d'accord",
        "ok d'accord",
        "d'accord parfait",
        "oui bien sur",
        "non",
        "no",
        "nope",
        "pas de probleme",
        "no problem",
        "c'est bon",
        "ca marche",
        "nickel",
        "excellent",
        "good",
        "very good",
        "ok great",
        "okay great",
        "sounds good",
        "noted",
        "c'est note",
        "compris",
        "understood",
        "voila",
        "oui c'est ca",
        "yes please",
        "oui s'il vous plait",
        "euh",
        "um",
        "uh",
        "ah",
        "oh",
        "ah bon",
        "ah ok",
        "oh ok",
        "okay then",
        "ok alors",
        "bon ben",
    }
)
MERCI_SEUL: Final = compiler(
    r"(?:(?:oui|ok|okay|parfait|tres bien|d'accord|super|great|perfect|alright|bon|ben|yes) )?"
    r"(?:merci|merci beaucoup|merci bien|merci a vous|merci infiniment|mille mercis|thanks"
    r"|thank you|thanks a lot|thank you so much|thank you very much|thx|many thanks)"
    r"(?: (?:beaucoup|a vous|madame|monsieur|bien|encore))?"
)
SALUTATION_SEULE: Final = compiler(
    r"(?:re)?(?:bonjour|bonsoir|bon matin|allo|salut|hello|hi|hey|good (?:morning|afternoon"
    r"|evening|day)|greetings)(?: (?:madame|monsieur|mme|m|mr|mrs|ms|miss|sir|ma'am|mademoiselle"
    r"|maitre))?(?: (?!ici\b|je\b|c'est|this\b|it's|i'm|i\b|my\b|mon\b|de\b|from\b|vous\b|est\b"
    r"|suis\b|avez\b|comment\b|how\b)[a-z']+){0,2}(?: (?:comment allez vous|comment ca va"
    r"|how are you(?: doing)?|how's it going|ca va))?"
)
