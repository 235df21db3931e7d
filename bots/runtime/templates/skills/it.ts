import type { SkillTexts } from '../skill-texts';

/** Italian sentences of the intent-driven skills (friendly "tu", common in Italian online shops). */
export const itSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      "Certo, controllo subito! Qual è il numero del tuo ordine? Lo trovi nell'e-mail di conferma dell'ordine.",
    askOrderNumberAgain:
      "Non ho trovato un numero d'ordine nel tuo messaggio. Puoi mandarmelo di nuovo? È del tipo A1B2C3.",
    notFound: 'Non trovo nessun ordine con questo numero nel nostro negozio. Puoi controllarlo e rimandarmelo?',
    askEmail:
      "Ho trovato l'ordine. Per proteggere i tuoi dati, mi scrivi l'indirizzo e-mail che hai usato per ordinare?",
    emailMismatch: "Questo indirizzo e-mail non corrisponde a quello dell'ordine. Puoi controllarlo e riprovare?",
    summary: 'Il tuo ordine {order} risulta {status}.',
    tracking: 'È affidato a {carrier}, codice di tracciamento {tracking}: {trackingUrl}',
    expected: 'Consegna prevista: {date}.',
    delivered: 'È stato consegnato il {date}.',
    notShippedYet:
      'Non ha ancora lasciato il nostro magazzino; riceverai il codice di tracciamento appena verrà spedito.',
  },
  orderStatuses: {
    pending: 'in attesa di pagamento',
    paid: 'pagato',
    processing: 'in preparazione',
    shipped: 'spedito',
    in_transit: 'in transito',
    out_for_delivery: 'in consegna',
    delivered: 'consegnato',
    cancelled: 'annullato',
    returned: 'restituito',
  },
  orderCancel: {
    askOrderNumber: "Quale ordine vuoi annullare? Mandami il numero d'ordine: lo trovi nell'e-mail di conferma.",
    confirm: "Confermi che vuoi annullare l'ordine {order} ({items}, {total})?",
    done:
      'Fatto, il tuo ordine è stato annullato. Il rimborso di {total} verrà effettuato sul metodo di pagamento che hai usato.',
    notAllowed:
      'Mi dispiace, non è più possibile annullare questo ordine perché risulta già {status}. Dopo la consegna potrai però fare un reso.',
    alreadyCancelled: 'Questo ordine è già stato annullato, non serve fare altro.',
    aborted: "Va bene, non ho modificato nulla: il tuo ordine resta com'è.",
  },
  changeAddress: {
    askOrderNumber: "Certo! Per quale ordine vuoi cambiare l'indirizzo di consegna? Mandami il numero d'ordine.",
    askAddress:
      "Qual è il nuovo indirizzo di consegna per l'ordine {order}? Indica via e numero civico, CAP, città e paese.",
    addressIncomplete: "L'indirizzo sembra incompleto. Puoi rimandarlo con via, numero civico, CAP e città?",
    confirm: "Vuoi che l'ordine {order} venga consegnato all'indirizzo {address}?",
    done: "Fatto! L'ordine {order} verrà consegnato all'indirizzo {address}.",
    notAllowed:
      "Mi dispiace, non è più possibile cambiare l'indirizzo perché l'ordine risulta già {status}. Ti consiglio di contattare il corriere: potrebbe riuscire a reindirizzare la spedizione.",
    aborted: "Va bene, l'indirizzo di consegna resta invariato.",
  },
  confirmation: { yes: 'Sì', no: 'No' },
  yesWords: [
    'sì',
    'si',
    'certo',
    'certamente',
    'ok',
    'okay',
    'okk',
    'va bene',
    'vabene',
    'esatto',
    'giusto',
    'perfetto',
    'sicuro',
    'volentieri',
    'sì grazie',
    'si grazie',
    'assolutamente',
    'procedi',
    'dai',
    'yes',
  ],
  noWords: [
    'no',
    'no grazie',
    'nope',
    'nah',
    'macché',
    'macche',
    'assolutamente no',
    'per niente',
    'non ora',
    'non adesso',
    'meglio di no',
    'lascia stare',
    'lascia perdere',
    'negativo',
  ],
  goodbye: 'Grazie per averci scritto, buona giornata!',
  thanks: 'Figurati! Se ti serve altro, sono qui.',
  notUnderstood:
    "Scusa, non ho capito bene. Puoi dirlo in un altro modo? Per esempio, posso controllare lo stato del tuo ordine, annullare un ordine o cambiare l'indirizzo di consegna.",
  notUnderstoodHandoff:
    'Scusa, non riesco proprio a capirti. Passo la conversazione a una persona del nostro team, che ti risponderà qui.',
  outOfScope:
    "Su questo purtroppo non posso aiutarti. Come assistente di {store} posso controllare lo stato di un ordine, annullarlo o cambiare l'indirizzo di consegna.",
  complaintHandoff:
    'Mi dispiace davvero per quello che è successo e capisco il tuo fastidio. Una persona del nostro team prende in mano la conversazione qui per risolvere il problema con te.',
  interim:
    'Ho capito che la tua domanda riguarda {topic}. Per ora non riesco a rispondere in modo affidabile; vuoi che ti metta in contatto con qualcuno del nostro team?',
  topics: {
    return_item: 'il reso di un articolo',
    refund_status: 'lo stato di un rimborso',
    shipping_info: 'spedizioni e consegne',
    customs_duties: 'dogana e dazi',
    payment_issue: 'un problema con un pagamento',
    payment_methods: 'i metodi di pagamento',
    product_availability: 'la disponibilità di un prodotto',
    product_recommendation: 'consigli sui prodotti',
    size_guide: 'le taglie',
    discount_code: 'un codice sconto',
    damaged_or_wrong_item: 'un articolo danneggiato o sbagliato',
    package_not_received: 'un pacco non ricevuto',
    account_help: 'il tuo account',
    invoice_request: 'una fattura',
    warranty_repair: 'garanzia e riparazioni',
  },
  knowledge: {
    readMore: "Trovi maggiori informazioni nel nostro centro assistenza: {url}",
    otherLanguage: "Per ora questa risposta è disponibile solo in {language}:",
    unsure: "Non sono sicuro di avere la risposta giusta. Vuoi che ti metta in contatto con qualcuno del nostro team?",
    helpful: "👍 Utile",
    notHelpful: "👎 Non utile",
    thanksHelpful: "Grazie per il tuo feedback!",
    thanksNotHelpful: "Grazie per avercelo detto. Vuoi che ti metta in contatto con qualcuno del nostro team?",
  },
};
