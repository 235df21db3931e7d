import type { TemplateSet } from './template-set';

/** French templates, using "vous" as French shops do with customers. */
export const frTemplates: TemplateSet = {
  language: 'fr',
  endonym: 'Français',
  greeting: "Bonjour ! Je suis l'assistant virtuel de la boutique {store}. Comment puis-je vous aider ?",
  fallback:
    "Désolé, j'apprends encore et je ne sais pas encore répondre à cette question. Voulez-vous que je vous mette en relation avec un membre de notre équipe ?",
  handoffRequested:
    "C'est noté ! Un membre de notre équipe va prendre le relais et vous répondra ici même dès que possible. En attendant, n'hésitez pas à continuer à écrire.",
  handoffAlreadyWaiting:
    "Votre demande est déjà transmise à notre équipe. Quelqu'un vous répondra ici même dès que possible.",
  dismissed: "Pas de souci ! N'hésitez pas à me poser une autre question.",
  expectedWait: "Temps d'attente estimé : environ {minutes} min.",
  waitingTooLong:
    "Désolé pour l'attente, notre équipe est plus occupée que d'habitude. Si vous nous laissez votre adresse e-mail ici, nous vous répondrons aussi par e-mail dès que quelqu'un sera disponible.",
  emailSaved: "Merci ! Un membre de notre équipe vous répondra aussi à l'adresse {email} dès que possible.",
  returnedToBot: "Vous discutez de nouveau avec l'assistant virtuel. Que puis-je faire d'autre pour vous ?",
  quickReplies: { talkToPerson: "Parler à quelqu'un", noThanks: 'Non merci' },
  channel: {
    chooseOption: 'Choisir',
    numberedHint: 'Merci de répondre avec le numéro de votre choix.',
    attachmentReceived:
      "Merci, j'ai bien reçu votre fichier et je l'ai conservé pour notre équipe. Pourriez-vous aussi décrire votre demande en quelques mots ?",
    voiceNoteReceived:
      "Merci pour votre message vocal, je l'ai conservé pour notre équipe. Je ne peux cependant lire que du texte : pourriez-vous écrire votre message ?",
    locationReceived: "Merci d'avoir partagé votre position, c'est noté.",
    unsupportedMessage: "Désolé, je ne peux pas lire ce type de message. Pourriez-vous l'écrire sous forme de texte ?",
  },
  greetings: [
    'bonjour',
    'bonsoir',
    'salut',
    'coucou',
    'cc',
    'bjr',
    'bsr',
    'slt',
    'hello',
    'allô',
    'allo',
    're',
    'rebonjour',
    're bonjour',
    'bien le bonjour',
    'ça va',
    'ca va',
    'comment ça va',
    'comment ca va',
    'comment allez vous',
    'comment vas tu',
    'wesh',
  ],
  greetingFillers: [
    'à tous',
    'a tous',
    'à toutes',
    'a toutes',
    'tout le monde',
    'madame',
    'monsieur',
    'mesdames',
    'messieurs',
    'messieurs dames',
    // "l'équipe" once the apostrophe is dropped by the greeting detector's normalisation.
    'léquipe',
    'lequipe',
    'à vous',
    'a vous',
    'encore',
    'de nouveau',
  ],
};
