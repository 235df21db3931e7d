/**
 * Hand-built skill turns for unit tests of the skills and their helpers: a real conversation row shape, the real
 * templates and skill texts of a language, and an optional hand-built understanding (intent, entities,
 * frustration), so a test states exactly what the NLU "understood" without training a model.
 */
import type { Conversation, StoredMessage } from '../../bots/runtime/conversation-store';
import type { DialogueState } from '../../bots/runtime/dialogue/dialogue-state';
import { defaultUnderstandingPolicy, type SkillServices, type Turn, type UnderstandingPolicy } from '../../bots/runtime/skills/skill';
import { templatesFor } from '../../bots/runtime/templates';
import { skillTextsFor } from '../../bots/runtime/templates/skills';
import type { Entity } from '../../nlu/entities';
import { OUT_OF_SCOPE, type RankedIntent } from '../../nlu/intents';
import type { Understanding } from '../../nlu/pipeline';
import type { ConversationState } from '../../platform/database';

/** What a test may set on a turn; everything else gets a plain default. */
export interface TurnOptions {
  state?: ConversationState;
  payload?: string;
  /** @defaultValue 'en' */
  language?: string;
  understanding?: Understanding;
  dialogue?: DialogueState;
  services?: SkillServices;
  policy?: Partial<UnderstandingPolicy>;
  /** @defaultValue 'Acme Shoes' */
  storeName?: string;
}

/** The store name every turn uses unless told otherwise. */
export const TEST_STORE_NAME = 'Acme Shoes';

/** A conversation row in the given state. */
export function conversationRow(state: ConversationState = 'bot', language = 'en'): Conversation {
  return {
    id: 'conv-1',
    workspace_id: 'ws-1',
    customer_id: 'cust-1',
    channel: 'webchat',
    conversation_key: 'key-1',
    state,
    language,
    last_seq: 1,
    created_at: 0,
    updated_at: 0,
    last_message_at: 0,
    dialogue: null,
    channel_address: null,
    last_inbound_at: null,
  };
}

/** One shopper message as a skill sees it. */
export function skillTurn(text: string, options: TurnOptions = {}): Turn {
  const language = options.language ?? 'en';
  const message: StoredMessage = {
    id: 'msg-1',
    workspace_id: 'ws-1',
    conversation_id: 'conv-1',
    seq: 1,
    direction: 'in',
    author: 'shopper',
    author_name: null,
    channel: 'webchat',
    channel_message_id: 'conv-1:a',
    language: null,
    language_confidence: null,
    text,
    payload: null,
    status: 'accepted',
    reply_to: null,
    created_at: 0,
    processed_at: null,
    delivered_at: null,
  };
  return {
    conversation: conversationRow(options.state ?? 'bot', language),
    message,
    text,
    ...(options.payload !== undefined ? { quickReplyPayload: options.payload } : {}),
    language,
    templates: templatesFor(language),
    texts: skillTextsFor(language),
    storeName: options.storeName ?? TEST_STORE_NAME,
    ...(options.understanding ? { understanding: options.understanding } : {}),
    dialogue: options.dialogue ?? {},
    services: options.services ?? {},
    policy: { ...defaultUnderstandingPolicy, ...options.policy },
  };
}

/** Options of {@link understood}. */
export interface UnderstoodOptions {
  entities?: Entity[];
  /** @defaultValue 0 */
  frustration?: number;
  /** The ranking; by default the intent first, the rest of the probability on `out_of_scope`. */
  ranking?: RankedIntent[];
  /** The decided intent when it differs from the best-ranked one (the classifier's own out-of-scope threshold). */
  decided?: string;
}

/** A hand-built understanding: `intent` ranked first with `confidence`. */
export function understood(intent: string, confidence: number, options: UnderstoodOptions = {}): Understanding {
  const ranking = options.ranking ?? [
    { intent, confidence },
    ...(intent === OUT_OF_SCOPE ? [] : [{ intent: OUT_OF_SCOPE, confidence: Math.max(0, 1 - confidence) }]),
  ];
  return {
    intent: { intent: options.decided ?? intent, confidence, ranking },
    entities: options.entities ?? [],
    frustration: { score: options.frustration ?? 0, signals: options.frustration ? ['test:frustration'] : [] },
  };
}

/** An e-mail entity covering the whole of `address` at `start`. */
export function emailEntity(address: string, start = 0): Entity {
  return { type: 'email', text: address, start, end: start + address.length, value: { address } };
}

/** An order-number entity. */
export function orderNumberEntity(text: string, start = 0): Entity {
  return { type: 'order_number', text, start, end: start + text.length, value: { normalized: text.toUpperCase() } };
}

/** A country entity. */
export function countryEntity(text: string, code: string, start = 0): Entity {
  return { type: 'country', text, start, end: start + text.length, value: { code } };
}
