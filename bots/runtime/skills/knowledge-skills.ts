/**
 * Answers from the help centre: informational intents (shipping, customs, returns, payments, sizes, warranty, ...)
 * and messages outside the bot's intents go to knowledge retrieval. A confident match is answered with the best
 * passage of the article's version in the shopper's language (or the original with a one-line note) and a link to the
 * full article, with buttons to rate it; an unsure match is never guessed at: the bot says so and offers a person.
 */
import { OUT_OF_SCOPE } from '../../../nlu/intents/intent-classifier';
import type { DialogueState } from '../dialogue/dialogue-state';
import type { Reply } from '../reply';
import type { Skill, Turn, TurnOutcome } from './skill';
import { TOPIC_INTENTS } from './topics';
import { confidentIntent, offerPerson, remember, say } from './turn-helpers';

/** What the help centre says about a question. */
export interface KnowledgeAnswer {
  /** `answer`: confident enough to quote; `unsure`: below the threshold (or nothing found). */
  outcome: 'answer' | 'unsure';
  /** 0..1, the retriever's confidence in the best article. */
  confidence: number;
  article?: {
    slug: string;
    title: string;
    /** Language of the version quoted (the shopper's when the article has it). */
    language: string;
    /** The passage to quote, plain text. */
    passage: string;
    /** Absolute address of the full article. */
    url: string;
    /** The passage was machine-translated from this language (the article has no current version in the shopper's). */
    machineTranslatedFrom?: string;
  };
}

/** The help centre as skills see it (`turn.services.knowledge`). */
export interface KnowledgeService {
  /** `outOfScope`: the intent model found the message outside its intents, so the answer must clear a higher bar. */
  answer(workspaceId: string, question: string, language: string, options?: { outOfScope?: boolean }): Promise<KnowledgeAnswer>;
  rate(workspaceId: string, rating: { slug: string; language: string; conversationId: string; messageId: string; helpful: boolean }): Promise<void>;
}

/** Intents the help centre answers; product recommendations belong to the recommender. */
export const KNOWLEDGE_INTENTS: readonly string[] = TOPIC_INTENTS.filter((intent) => intent !== 'product_recommendation');

const RATE_PREFIX = 'kb_rate';

/** Payload of a rating button: `kb_rate:<1|0>:<slug>:<lang>:<id of the answered message>`. */
export function ratingPayload(helpful: boolean, slug: string, language: string, messageId: string): string {
  return [RATE_PREFIX, helpful ? '1' : '0', slug, language, messageId].join(':');
}

function parseRating(payload: string | undefined): { helpful: boolean; slug: string; language: string; messageId: string } | undefined {
  const parts = payload?.split(':');
  if (!parts || parts.length !== 5 || parts[0] !== RATE_PREFIX || (parts[1] !== '1' && parts[1] !== '0')) return undefined;
  const [, helpful, slug, language, messageId] = parts as [string, string, string, string, string];
  if (!/^[a-z0-9][a-z0-9-]{0,127}$/.test(slug) || !/^[a-z]{2}$/.test(language) || !messageId) return undefined;
  return { helpful: helpful === '1', slug, language, messageId };
}

function isOutOfScope(turn: Turn): boolean {
  return turn.understanding?.intent.intent === OUT_OF_SCOPE;
}

function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The answer message: optional other-language note, the passage, the link; rating buttons. */
function answerReply(turn: Turn, article: NonNullable<KnowledgeAnswer['article']>): Reply {
  const lines: string[] = [];
  if (article.language !== turn.language) lines.push(say(turn, turn.texts.knowledge.otherLanguage, { language: languageName(article.language, turn.language) }).text);
  lines.push(article.passage.trim());
  lines.push(say(turn, turn.texts.knowledge.readMore, { url: article.url }).text);
  return {
    text: lines.join('\n\n'),
    language: turn.language,
    quickReplies: [
      { title: turn.texts.knowledge.helpful, payload: ratingPayload(true, article.slug, article.language, turn.message.id) },
      { title: turn.texts.knowledge.notHelpful, payload: ratingPayload(false, article.slug, article.language, turn.message.id) },
    ],
  };
}

/** Informational intents and out-of-scope messages, answered from the help centre. */
export const knowledgeAnswerSkill: Skill = {
  name: 'knowledge-answer',
  matches: (turn) => {
    if (!turn.services.knowledge || !turn.understanding) return false;
    const intent = confidentIntent(turn);
    return (intent !== undefined && KNOWLEDGE_INTENTS.includes(intent)) || isOutOfScope(turn);
  },
  respond: async (turn): Promise<TurnOutcome> => {
    const answer = await turn.services.knowledge!.answer(turn.conversation.workspace_id, turn.text, turn.language, { outOfScope: isOutOfScope(turn) });
    const memory: Partial<DialogueState> = {};
    if (answer.outcome === 'answer' && answer.article) {
      return { replies: [answerReply(turn, answer.article)], dialogue: remember(turn, memory) };
    }
    // Outside the intents and not in the help centre either: say what the bot can do, and offer a person.
    const text = isOutOfScope(turn) ? turn.texts.outOfScope : turn.texts.knowledge.unsure;
    return { replies: [say(turn, text, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, memory) };
  },
};

/** A press of a rating button under an answer. */
export const knowledgeRatingSkill: Skill = {
  name: 'knowledge-rating',
  matches: (turn) => turn.services.knowledge !== undefined && parseRating(turn.quickReplyPayload) !== undefined,
  respond: async (turn): Promise<TurnOutcome> => {
    const rating = parseRating(turn.quickReplyPayload)!;
    await turn.services.knowledge!.rate(turn.conversation.workspace_id, { ...rating, conversationId: turn.conversation.id });
    if (rating.helpful) return { replies: [say(turn, turn.texts.knowledge.thanksHelpful)], dialogue: remember(turn, {}) };
    return { replies: [say(turn, turn.texts.knowledge.thanksNotHelpful, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, {}) };
  },
};
