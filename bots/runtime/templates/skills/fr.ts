import type { SkillTexts } from '../skill-texts';

/** French sentences of the intent-driven skills ("vous", as French shops use with customers). */
export const frSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      "Je regarde ça pour vous ! Quel est votre numéro de commande ? Vous le trouverez dans l'e-mail de confirmation de commande.",
    askOrderNumberAgain:
      "Je n'ai pas trouvé de numéro de commande dans votre message. Pouvez-vous me le renvoyer ? Il ressemble à ceci : A1B2C3.",
    notFound:
      'Je ne trouve aucune commande avec ce numéro dans notre boutique. Pouvez-vous le vérifier et me le renvoyer ?',
    askEmail:
      "J'ai bien trouvé la commande. Pour protéger vos données, pouvez-vous m'indiquer l'adresse e-mail utilisée pour la commande ?",
    emailMismatch:
      'Cette adresse e-mail ne correspond pas à celle de la commande. Pouvez-vous la vérifier et réessayer ?',
    summary: 'Votre commande {order} est {status}.',
    tracking: 'Elle est acheminée par {carrier}, numéro de suivi {tracking} : {trackingUrl}',
    expected: 'Livraison prévue : {date}.',
    delivered: 'Elle a été livrée le {date}.',
    notShippedYet:
      "Elle n'a pas encore quitté notre entrepôt ; vous recevrez les informations de suivi dès son expédition.",
  },
  orderStatuses: {
    pending: 'en attente de paiement',
    paid: 'payée',
    processing: 'en préparation',
    shipped: 'expédiée',
    in_transit: "en cours d'acheminement",
    out_for_delivery: 'en cours de livraison',
    delivered: 'livrée',
    cancelled: 'annulée',
    returned: 'retournée',
  },
  orderCancel: {
    askOrderNumber:
      "Quelle commande souhaitez-vous annuler ? Indiquez-moi son numéro, qui figure dans l'e-mail de confirmation.",
    confirm: "Confirmez-vous l'annulation de la commande {order} ({items}, {total}) ?",
    done:
      "C'est fait, votre commande est annulée. Le remboursement de {total} sera effectué sur votre moyen de paiement d'origine.",
    notAllowed:
      'Désolé, cette commande ne peut plus être annulée car elle est déjà {status}. Vous pourrez la retourner après réception.',
    alreadyCancelled: "Cette commande a déjà été annulée, il n'y a rien d'autre à faire.",
    aborted: "Très bien, je n'ai rien modifié : votre commande reste inchangée.",
  },
  changeAddress: {
    askOrderNumber:
      "Bien sûr ! Pour quelle commande souhaitez-vous changer l'adresse de livraison ? Indiquez-moi son numéro.",
    askAddress:
      "Quelle est la nouvelle adresse de livraison pour la commande {order} ? Merci d'indiquer le numéro et la rue, le code postal, la ville et le pays.",
    addressIncomplete:
      'Cette adresse semble incomplète. Pouvez-vous me la renvoyer avec le numéro, la rue, le code postal et la ville ?',
    confirm: 'Souhaitez-vous que la commande {order} soit livrée à cette adresse : {address} ?',
    done: "C'est noté ! La commande {order} sera livrée à cette adresse : {address}.",
    notAllowed:
      "Désolé, l'adresse ne peut plus être modifiée car la commande est déjà {status}. Je vous conseille de contacter le transporteur, qui pourra peut-être la rediriger.",
    aborted: "Très bien, l'adresse de livraison reste inchangée.",
  },
  confirmation: { yes: 'Oui', no: 'Non' },
  yesWords: [
    'oui',
    'ouais',
    'ouai',
    'ui',
    'ok',
    'okay',
    'daccord',
    'dac',
    'bien sûr',
    'bien sur',
    'carrément',
    'carrement',
    'exactement',
    'absolument',
    'tout à fait',
    'parfait',
    'ça marche',
    'ca marche',
    'oui merci',
    'volontiers',
  ],
  noWords: [
    'non',
    'nan',
    'nope',
    'non merci',
    'pas du tout',
    'surtout pas',
    'pas maintenant',
    'pas besoin',
    'laisse tomber',
    'laissez tomber',
    'jamais',
    'non non',
    'négatif',
    'negatif',
  ],
  goodbye: 'Merci pour votre message et très bonne journée !',
  thanks: "Avec plaisir ! N'hésitez pas si vous avez besoin d'autre chose.",
  notUnderstood:
    "Désolé, je n'ai pas bien compris. Pouvez-vous reformuler ? Je peux par exemple vous donner le statut d'une commande, l'annuler ou modifier l'adresse de livraison.",
  notUnderstoodHandoff:
    "Désolé, je n'arrive pas à bien vous comprendre. Je passe le relais à un membre de notre équipe, qui vous répondra ici même.",
  outOfScope:
    "Je ne peux malheureusement pas vous aider sur ce point. En tant qu'assistant de la boutique {store}, je peux suivre une commande, l'annuler ou modifier son adresse de livraison.",
  complaintHandoff:
    'Je suis sincèrement désolé pour ce désagrément et je comprends votre mécontentement. Un membre de notre équipe prend le relais ici même pour trouver une solution avec vous.',
  interim:
    'Si je comprends bien, votre question concerne {topic}. Je ne peux pas encore y répondre de façon fiable ; souhaitez-vous que je vous mette en relation avec un membre de notre équipe ?',
  topics: {
    return_item: "le retour d'un article",
    refund_status: "le suivi d'un remboursement",
    shipping_info: 'la livraison et les frais de port',
    customs_duties: 'les droits de douane',
    payment_issue: 'un problème de paiement',
    payment_methods: 'les moyens de paiement',
    product_availability: "la disponibilité d'un produit",
    product_recommendation: 'des conseils sur nos produits',
    size_guide: 'le choix de la taille',
    discount_code: 'un code promo',
    damaged_or_wrong_item: 'un article abîmé ou non conforme',
    package_not_received: 'un colis non reçu',
    account_help: 'votre compte client',
    invoice_request: 'une demande de facture',
    warranty_repair: 'la garantie ou une réparation',
  },
  knowledge: {
    readMore: "Pour en savoir plus, consultez notre centre d'aide : {url}",
    otherLanguage: "Pour l'instant, cette réponse n'existe qu'en {language} :",
    unsure: "Je ne suis pas sûr d'avoir la bonne réponse. Voulez-vous que je vous mette en relation avec un membre de notre équipe ?",
    helpful: "👍 Utile",
    notHelpful: "👎 Pas utile",
    thanksHelpful: "Merci pour votre retour !",
    thanksNotHelpful: "Merci de nous l'avoir signalé. Voulez-vous que je vous mette en relation avec un membre de notre équipe ?",
  },
  riskCheck: {
    codeSent: "Pour protéger votre commande, je vous ai envoyé un code à 6 chiffres à {email}. Saisissez-le ici pour continuer.",
    codeWrong: "Ce code n'est pas le bon. Vérifiez l'e-mail et réessayez (il vous reste {remaining} essais).",
    codeExpired: "Ce code a expiré. Refaites simplement votre demande et je vous en enverrai un nouveau.",
    askCode: "Saisissez le code à 6 chiffres de l'e-mail que je vous ai envoyé pour continuer.",
    handoff: "Merci de votre patience ! Un collègue de notre équipe va examiner cette demande et poursuivre avec vous ici même.",
    emailSubject: "{store} : votre code de vérification",
    emailBody: "Votre code de vérification est {code}. Il est valable {minutes} minutes. Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer cet e-mail.",
    refundRequestPhrases: ["je veux un remboursement", "je voudrais un remboursement", "je veux etre rembourse", "je veux être remboursé", "remboursez moi", "demander un remboursement", "rendre mon argent", "mon argent en retour"],
    paymentChangePhrases: ["changer de moyen de paiement", "changer le moyen de paiement", "changer ma carte", "une autre carte", "autre carte", "mettre a jour ma carte", "mettre à jour ma carte", "payer avec une autre"],
  },
  recommendation: {
    askPreference: "Avec plaisir ! Que cherchez-vous : un type de produit, ou avez-vous un budget ? Par exemple : des chaussures de running à moins de 100 €.",
    intro: "Voici quelques idées pour vous :",
    similarIntro: "Dans le même esprit que {product} :",
    relaxedIntro: "Rien ne correspond exactement à tous vos critères ; voici les plus proches :",
    noResults: "Je n'ai rien trouvé en stock et livrable chez vous avec ces critères. Voulez-vous essayer un autre type de produit ou un autre budget ?",
    moreLikeThis: "Plus comme celui-ci",
    ordinals: [["premier", "première", "1er", "1re", "numéro un"], ["deuxième", "second", "seconde", "2e", "numéro deux"], ["troisième", "3e", "numéro trois"], ["quatrième", "4e", "numéro quatre"]],
    categories: {
      "shoes": ["Chaussures", "chaussure", "baskets", "basket"],
      "running apparel": ["Vêtements running", "vêtements de sport", "tenue de course"],
      "outdoor": ["Outdoor", "randonnée", "camping", "montagne"],
      "accessories": ["Accessoires", "accessoire"],
      "bags": ["Sacs", "sac", "sac à dos"],
      "tops": ["Hauts", "haut", "t-shirt", "chemise"],
      "bottoms": ["Pantalons", "pantalon", "short", "leggings"],
      "outerwear": ["Vestes", "veste", "manteau", "blouson"],
      "dresses": ["Robes", "robe"],
      "knitwear": ["Maille", "pull", "gilet"],
      "jewellery & watches": ["Bijoux et montres", "bijoux", "bijou", "montre", "montres"],
    },
  },
};
