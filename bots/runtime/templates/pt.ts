import type { TemplateSet } from './template-set';

/**
 * Portuguese templates, written for Brazil (most shoppers) but readable in Portugal; the greeting lists cover
 * both (`equipe`/`equipa`).
 */
export const ptTemplates: TemplateSet = {
  language: 'pt',
  endonym: 'Português',
  greeting: 'Olá! Sou o assistente virtual da loja {store}. Como posso ajudar?',
  fallback:
    'Desculpe, ainda estou aprendendo e não sei responder a isso. Quer que eu chame alguém da nossa equipe?',
  handoffRequested:
    'Claro! Uma pessoa da nossa equipe vai assumir a conversa e responder aqui mesmo o mais rápido possível. Enquanto isso, pode continuar escrevendo.',
  handoffAlreadyWaiting:
    'Você já está na fila para falar com alguém da nossa equipe. Vamos responder aqui mesmo o mais rápido possível.',
  dismissed: 'Sem problemas! Pode me perguntar qualquer outra coisa.',
  expectedWait: "Tempo de espera estimado: cerca de {minutes} min.",
  waitingTooLong:
    "Desculpe a demora, nossa equipe está mais ocupada do que o normal agora. Se você deixar seu e-mail aqui, também responderemos por e-mail assim que alguém estiver livre.",
  emailSaved: 'Obrigado! Alguém da nossa equipe também vai responder para {email} o mais rápido possível.',
  returnedToBot: 'Você está conversando com o assistente virtual de novo. Em que mais posso ajudar?',
  quickReplies: { talkToPerson: 'Falar com alguém', noThanks: 'Agora não' },
  channel: {
    chooseOption: 'Escolher',
    numberedHint: 'Responda com o número da opção desejada.',
    attachmentReceived:
      'Obrigado, recebi seu arquivo e guardei para a nossa equipe. Pode também descrever o que precisa em poucas palavras?',
    voiceNoteReceived:
      'Obrigado pela mensagem de voz, guardei para a nossa equipe. Mas eu só consigo ler texto: pode escrever sua mensagem, por favor?',
    locationReceived: 'Obrigado por compartilhar sua localização, já anotei.',
    unsupportedMessage: 'Desculpe, não consigo ler esse tipo de mensagem. Pode escrever em texto, por favor?',
  },
  greetings: [
    'olá',
    'ola',
    'oi',
    'oie',
    'oii',
    'opa',
    'e aí',
    'e ai',
    'eai',
    'eae',
    'bom dia',
    'boa tarde',
    'boa noite',
    'tudo bem',
    'tudo bom',
    'td bem',
    'tdb',
    'como vai',
    'como está',
    'como esta',
    'salve',
    'alô',
    'alo',
  ],
  greetingFillers: [
    'pessoal',
    'a todos',
    'todos',
    'gente',
    'equipe',
    'equipa',
    'amigo',
    'amiga',
    'de novo',
    'novamente',
    // "Oi, beleza?" greets, but "beleza" alone means "okay", so it only accompanies a greeting.
    'beleza',
    'blz',
    'tudo certo',
  ],
};
