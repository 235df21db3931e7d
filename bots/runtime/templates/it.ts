import type { TemplateSet } from './template-set';

/** Italian templates, using the friendly "tu" common in Italian online shops. */
export const itTemplates: TemplateSet = {
  language: 'it',
  endonym: 'Italiano',
  greeting: "Ciao! Sono l'assistente virtuale di {store}. Come posso aiutarti?",
  fallback:
    'Mi dispiace, sto ancora imparando e non so ancora rispondere a questa domanda. Vuoi che ti metta in contatto con qualcuno del nostro team?',
  handoffRequested:
    'Certo! Una persona del nostro team prenderà in carico la conversazione e ti risponderà qui il prima possibile. Nel frattempo puoi continuare a scrivere.',
  handoffAlreadyWaiting: 'Sei già in attesa di una persona del nostro team. Ti risponderemo qui il prima possibile.',
  dismissed: 'Nessun problema! Chiedimi pure qualsiasi altra cosa.',
  expectedWait: "Attesa stimata: circa {minutes} min.",
  waitingTooLong:
    "Ci scusi per l'attesa, il nostro team è più impegnato del solito. Se ci lascia qui il suo indirizzo e-mail, le risponderemo anche via e-mail appena qualcuno sarà libero.",
  emailSaved: "Grazie! Una persona del nostro team ti risponderà anche all'indirizzo {email} il prima possibile.",
  returnedToBot: "Ora stai di nuovo parlando con l'assistente virtuale. Posso aiutarti in qualcos'altro?",
  quickReplies: { talkToPerson: 'Parla con qualcuno', noThanks: 'No, grazie' },
  channel: {
    chooseOption: 'Scegli',
    numberedHint: 'Rispondi con il numero della tua scelta.',
    attachmentReceived:
      "Grazie, ho ricevuto il tuo file e l'ho conservato per il nostro team. Puoi descrivere anche a parole la tua richiesta?",
    voiceNoteReceived:
      "Grazie per il messaggio vocale, l'ho conservato per il nostro team. Però posso leggere solo testo: puoi scrivermi il tuo messaggio?",
    locationReceived: 'Grazie per aver condiviso la tua posizione, ne ho preso nota.',
    unsupportedMessage: 'Mi dispiace, non riesco a leggere questo tipo di messaggio. Puoi scriverlo come testo?',
  },
  greetings: [
    'ciao',
    'salve',
    'buongiorno',
    'buon giorno',
    'buonasera',
    'buona sera',
    'buon pomeriggio',
    'buondì',
    'buondi',
    'ehi',
    'ehilà',
    'ehila',
    'hey',
    'come va',
    'come stai',
    'come sta',
    'tutto bene',
  ],
  greetingFillers: [
    'a tutti',
    'tutti',
    'a voi',
    'ragazzi',
    'amici',
    'team',
    'staff',
    'signora',
    'signore',
    'di nuovo',
    'ancora',
  ],
};
