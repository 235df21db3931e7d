import type { TemplateSet } from './template-set';

/** German templates, using "Sie", the safe default for a shop talking to customers. */
export const deTemplates: TemplateSet = {
  language: 'de',
  endonym: 'Deutsch',
  greeting: 'Hallo! Ich bin der digitale Assistent von {store}. Wie kann ich Ihnen helfen?',
  fallback:
    'Das kann ich leider noch nicht beantworten, ich lerne noch dazu. Soll ich Sie mit jemandem aus unserem Team verbinden?',
  handoffRequested:
    'Gern! Jemand aus unserem Team übernimmt und antwortet Ihnen so schnell wie möglich direkt hier. Sie können in der Zwischenzeit gern weiterschreiben.',
  handoffAlreadyWaiting:
    'Sie sind bereits für unser Team vorgemerkt. Wir melden uns so schnell wie möglich hier bei Ihnen.',
  dismissed: 'Kein Problem! Fragen Sie mich gern etwas anderes.',
  expectedWait: "Voraussichtliche Wartezeit: etwa {minutes} Min.",
  waitingTooLong:
    "Entschuldigen Sie die Wartezeit, unser Team ist gerade stärker ausgelastet als sonst. Wenn Sie hier Ihre E-Mail-Adresse hinterlassen, antworten wir Ihnen auch per E-Mail, sobald jemand frei ist.",
  emailSaved: 'Vielen Dank! Jemand aus unserem Team antwortet Ihnen so bald wie möglich auch per E-Mail an {email}.',
  returnedToBot: 'Sie chatten jetzt wieder mit dem digitalen Assistenten. Wobei kann ich noch helfen?',
  quickReplies: { talkToPerson: 'Persönliche Hilfe', noThanks: 'Nein, danke' },
  channel: {
    chooseOption: 'Auswählen',
    numberedHint: 'Bitte antworten Sie mit der Nummer Ihrer Wahl.',
    attachmentReceived:
      'Danke, ich habe Ihre Datei erhalten und für unser Team gespeichert. Könnten Sie Ihr Anliegen bitte zusätzlich kurz in Worten beschreiben?',
    voiceNoteReceived:
      'Danke für Ihre Sprachnachricht, ich habe sie für unser Team gespeichert. Ich kann allerdings nur Text lesen. Könnten Sie Ihr Anliegen bitte aufschreiben?',
    locationReceived: 'Danke, dass Sie Ihren Standort geteilt haben. Ich habe ihn notiert.',
    unsupportedMessage:
      'Diese Art von Nachricht kann ich leider nicht lesen. Bitte schreiben Sie mir Ihr Anliegen als Text.',
  },
  greetings: [
    'hallo',
    'hallöchen',
    'halloechen',
    'hi',
    'hey',
    'huhu',
    'moin',
    'moin moin',
    'servus',
    'grüß gott',
    'grüss gott',
    'gruss gott',
    'grüß dich',
    'grüss dich',
    'gruss dich',
    'grüezi',
    'gruezi',
    'gude',
    'guten tag',
    'guten morgen',
    'guten abend',
    'tag',
    'tach',
    'morgen',
    'wie gehts',
    'wie geht es ihnen',
    'wie geht es dir',
  ],
  greetingFillers: [
    'zusammen',
    'alle',
    'an alle',
    'allerseits',
    'ihr',
    'ihr lieben',
    'leute',
    'team',
    'liebes team',
    'freunde',
    'nochmal',
    'noch mal',
    'nochmals',
    'wieder',
  ],
};
