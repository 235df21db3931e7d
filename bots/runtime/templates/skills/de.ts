import type { SkillTexts } from '../skill-texts';

/** German sentences of the intent-driven skills ("Sie", the safe default for a shop talking to customers). */
export const deSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      'Gern sehe ich nach! Wie lautet Ihre Bestellnummer? Sie finden sie in der Bestellbestätigung, die wir Ihnen per E-Mail geschickt haben.',
    askOrderNumberAgain:
      'In Ihrer Nachricht konnte ich keine Bestellnummer finden. Könnten Sie sie noch einmal schicken? Sie sieht etwa so aus: A1B2C3.',
    notFound:
      'Zu dieser Nummer finde ich leider keine Bestellung in unserem Shop. Könnten Sie die Nummer bitte noch einmal prüfen?',
    askEmail:
      'Ich habe die Bestellung gefunden. Zum Schutz Ihrer Daten: Mit welcher E-Mail-Adresse haben Sie bestellt?',
    emailMismatch:
      'Diese E-Mail-Adresse passt leider nicht zur Bestellung. Bitte prüfen Sie sie und versuchen Sie es noch einmal.',
    summary: 'Ihre Bestellung {order} ist {status}.',
    tracking: 'Sie wird von {carrier} zugestellt, Sendungsnummer {tracking}: {trackingUrl}',
    expected: 'Voraussichtliche Zustellung: {date}.',
    delivered: 'Sie wurde am {date} zugestellt.',
    notShippedYet:
      'Sie hat unser Lager noch nicht verlassen; die Sendungsverfolgung erhalten Sie, sobald sie verschickt wird.',
  },
  orderStatuses: {
    pending: 'noch nicht bezahlt',
    paid: 'bezahlt',
    processing: 'in Bearbeitung',
    shipped: 'versandt',
    in_transit: 'unterwegs',
    out_for_delivery: 'in Zustellung',
    delivered: 'zugestellt',
    cancelled: 'storniert',
    returned: 'zurückgesendet',
  },
  orderCancel: {
    askOrderNumber:
      'Welche Bestellung möchten Sie stornieren? Nennen Sie mir bitte die Bestellnummer aus Ihrer Bestellbestätigung.',
    confirm: 'Soll ich die Bestellung {order} ({items}, {total}) wirklich stornieren?',
    done:
      'Erledigt, Ihre Bestellung ist storniert. Den Betrag von {total} erstatten wir über Ihre ursprüngliche Zahlungsart.',
    notAllowed:
      'Diese Bestellung kann leider nicht mehr storniert werden, da sie {status} ist. Nach der Zustellung können Sie sie aber gern zurücksenden.',
    alreadyCancelled: 'Diese Bestellung ist bereits storniert, Sie müssen nichts weiter tun.',
    aborted: 'Alles klar, ich habe nichts geändert. Ihre Bestellung bleibt bestehen.',
  },
  changeAddress: {
    askOrderNumber:
      'Gern! Für welche Bestellung möchten Sie die Lieferadresse ändern? Nennen Sie mir bitte die Bestellnummer.',
    askAddress:
      'An welche Adresse soll die Bestellung {order} geliefert werden? Bitte mit Straße und Hausnummer, Postleitzahl, Ort und Land.',
    addressIncomplete:
      'Die Adresse scheint noch unvollständig zu sein. Bitte schicken Sie sie mit Straße, Hausnummer, Postleitzahl und Ort.',
    confirm: 'Soll die Bestellung {order} an {address} geliefert werden?',
    done: 'Erledigt! Die Bestellung {order} wird an {address} geliefert.',
    notAllowed:
      'Die Adresse kann leider nicht mehr geändert werden, da die Bestellung {status} ist. Am besten wenden Sie sich direkt an den Versanddienstleister, vielleicht kann er die Sendung umleiten.',
    aborted: 'Alles klar, die Lieferadresse bleibt unverändert.',
  },
  confirmation: { yes: 'Ja', no: 'Nein' },
  yesWords: [
    'ja',
    'jap',
    'jep',
    'jo',
    'jup',
    'klar',
    'na klar',
    'ok',
    'okay',
    'okey',
    'gern',
    'gerne',
    'genau',
    'richtig',
    'sicher',
    'auf jeden fall',
    'passt',
    'jawohl',
    'ja bitte',
    'einverstanden',
  ],
  noWords: [
    'nein',
    'nee',
    'ne',
    'nö',
    'noe',
    'nein danke',
    'lieber nicht',
    'auf keinen fall',
    'noch nicht',
    'doch nicht',
    'nicht nötig',
    'nicht jetzt',
    'nope',
    'niemals',
  ],
  goodbye: 'Vielen Dank für Ihre Nachricht und noch einen schönen Tag!',
  thanks: 'Gern geschehen! Melden Sie sich jederzeit, wenn ich noch etwas für Sie tun kann.',
  notUnderstood:
    'Das habe ich leider nicht ganz verstanden. Könnten Sie es anders formulieren? Ich kann zum Beispiel den Status Ihrer Bestellung prüfen, eine Bestellung stornieren oder die Lieferadresse ändern.',
  notUnderstoodHandoff:
    'Entschuldigung, ich verstehe Sie leider nicht richtig. Ich hole jemanden aus unserem Team dazu, der Ihnen direkt hier antwortet.',
  outOfScope:
    'Dabei kann ich Ihnen leider nicht helfen. Als Assistent von {store} kann ich den Status Ihrer Bestellung prüfen, eine Bestellung stornieren oder die Lieferadresse ändern.',
  complaintHandoff:
    'Das tut mir wirklich leid, und ich verstehe Ihren Ärger. Jemand aus unserem Team übernimmt jetzt direkt hier und kümmert sich persönlich darum.',
  interim:
    'Ich verstehe, es geht um {topic}. Das kann ich allein noch nicht zuverlässig beantworten. Soll ich Sie mit jemandem aus unserem Team verbinden?',
  topics: {
    return_item: 'die Rücksendung eines Artikels',
    refund_status: 'den Stand einer Rückerstattung',
    shipping_info: 'Versand und Lieferung',
    customs_duties: 'Zoll und Einfuhrabgaben',
    payment_issue: 'ein Problem mit einer Zahlung',
    payment_methods: 'die Zahlungsarten',
    product_availability: 'die Verfügbarkeit eines Artikels',
    product_recommendation: 'Produktempfehlungen',
    size_guide: 'die richtige Größe',
    discount_code: 'einen Rabattcode',
    damaged_or_wrong_item: 'einen beschädigten oder falschen Artikel',
    package_not_received: 'ein Paket, das nicht angekommen ist',
    account_help: 'Ihr Kundenkonto',
    invoice_request: 'eine Rechnung',
    warranty_repair: 'Garantie und Reparatur',
  },
  knowledge: {
    readMore: "Mehr dazu in unserem Hilfe-Center: {url}",
    otherLanguage: "Diese Antwort gibt es bisher nur auf {language}:",
    unsure: "Ich bin mir nicht sicher, ob ich darauf die richtige Antwort habe. Soll ich Sie mit jemandem aus unserem Team verbinden?",
    helpful: "👍 Hilfreich",
    notHelpful: "👎 Nicht hilfreich",
    thanksHelpful: "Danke für Ihr Feedback!",
    thanksNotHelpful: "Danke für den Hinweis. Soll ich Sie mit jemandem aus unserem Team verbinden, der weiterhelfen kann?",
  },
  riskCheck: {
    codeSent: "Zum Schutz deiner Bestellung habe ich dir einen 6-stelligen Code an {email} geschickt. Bitte gib ihn hier ein, um fortzufahren.",
    codeWrong: "Dieser Code stimmt leider nicht. Bitte prüfe die E-Mail und versuche es noch einmal (noch {remaining} Versuche).",
    codeExpired: "Dieser Code ist abgelaufen. Frag einfach noch einmal, dann schicke ich dir einen neuen.",
    askCode: "Bitte gib den 6-stelligen Code aus der E-Mail ein, die ich dir geschickt habe, um fortzufahren.",
    handoff: "Danke für deine Geduld! Eine Kollegin oder ein Kollege aus unserem Team schaut sich dein Anliegen an und meldet sich hier bei dir.",
    emailSubject: "{store}: dein Bestätigungscode",
    emailBody: "Dein Bestätigungscode lautet {code}. Er ist {minutes} Minuten gültig. Wenn du ihn nicht angefordert hast, kannst du diese E-Mail ignorieren.",
    refundRequestPhrases: ["ich will eine rückerstattung", "ich möchte eine rückerstattung", "ich will mein geld zurück", "ich möchte mein geld zurück", "geld zurück", "erstattung beantragen", "bitte erstatten", "rückerstattung beantragen"],
    paymentChangePhrases: ["zahlungsmethode ändern", "zahlungsart ändern", "andere karte", "karte ändern", "neue karte", "karte aktualisieren", "mit einer anderen"],
  },
  recommendation: {
    askPreference: "Gern helfe ich Ihnen, etwas zu finden! Was suchen Sie: eine bestimmte Art von Produkt, oder haben Sie ein Budget? Zum Beispiel: Laufschuhe unter 100 €.",
    intro: "Hier ein paar Vorschläge für Sie:",
    similarIntro: "Ähnlich wie {product}:",
    relaxedIntro: "Nichts passte genau zu allen Wünschen; das hier kommt am nächsten:",
    noResults: "Ich habe nichts auf Lager gefunden, das mit diesen Wünschen zu Ihnen geliefert wird. Möchten Sie eine andere Produktart oder ein anderes Budget versuchen?",
    moreLikeThis: "Mehr davon",
    ordinals: [["erste", "ersten", "erster", "erstes", "nummer eins"], ["zweite", "zweiten", "zweiter", "zweites", "nummer zwei"], ["dritte", "dritten", "dritter", "drittes", "nummer drei"], ["vierte", "vierten", "vierter", "viertes", "nummer vier"]],
    categories: {
      "shoes": ["Schuhe", "schuh", "laufschuhe", "sneaker", "turnschuhe"],
      "running apparel": ["Laufbekleidung", "sportbekleidung", "laufkleidung"],
      "outdoor": ["Outdoor", "wandern", "camping", "berg"],
      "accessories": ["Zubehör", "accessoires"],
      "bags": ["Taschen", "tasche", "rucksack"],
      "tops": ["Oberteile", "shirt", "t-shirt", "top"],
      "bottoms": ["Hosen", "hose", "shorts", "leggings"],
      "outerwear": ["Jacken", "jacke", "mantel"],
      "dresses": ["Kleider", "kleid"],
      "knitwear": ["Strick", "pullover", "strickjacke"],
      "jewellery & watches": ["Schmuck & Uhren", "schmuck", "uhr", "uhren"],
    },
  },
};
