/**
 * The bot's memory of one conversation between turns: the question it is waiting on, the order the shopper is
 * talking about, orders this chat has proven it may see, and how many turns in a row it did not understand.
 * Stored as JSON on the conversation row and written in the same transaction as the turn's replies.
 */
import { z } from 'zod';

/** Skills that ask follow-up questions. */
export type DialogueSkill = (typeof DIALOGUE_SKILLS)[number];

/** What the bot asked and waits for (`code`: the one-time code of a risk check, sent to the order's e-mail). */
export type AwaitedSlot = (typeof AWAITED_SLOTS)[number];

const DIALOGUE_SKILLS = ['order_status', 'order_cancel', 'change_address', 'refund_request', 'package_not_received', 'payment_change'] as const;
const AWAITED_SLOTS = ['order_number', 'email', 'confirm', 'address', 'code'] as const;

const addressSchema = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  postcode: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  country: z.string(),
  phone: z.string().optional(),
});

/**
 * The product recommendations of this conversation (skills/recommendation-skills.ts): whether the bot asked its one
 * clarifying question, the cards of its last answer in order ("the second one"), every product shown so far (not
 * shown again), and the shopper's wishes, kept for "show me more".
 */
const recommendationSchema = z.object({
  asked: z.boolean().optional(),
  cards: z.array(z.string()).optional(),
  shown: z.array(z.string()).optional(),
  categories: z.array(z.string()).optional(),
  price: z.object({ currency: z.string(), minMinor: z.number().int().optional(), maxMinor: z.number().int().optional() }).optional(),
});

const dialogueSchema = z.object({
  awaiting: z.object({ skill: z.enum(DIALOGUE_SKILLS), slot: z.enum(AWAITED_SLOTS) }).optional(),
  orderNumber: z.string().optional(),
  verifiedOrders: z.array(z.string()).optional(),
  pendingAddress: addressSchema.optional(),
  askedTimes: z.number().int().optional(),
  notUnderstood: z.number().int().optional(),
  recommendation: recommendationSchema.optional(),
});

/** See {@link recommendationSchema}. */
export type RecommendationMemory = z.infer<typeof recommendationSchema>;

/** See the file comment. */
export type DialogueState = z.infer<typeof dialogueSchema>;

/** Parses the stored JSON; anything unreadable (an older format) starts a fresh memory rather than failing a turn. */
export function parseDialogue(json: string | null | undefined): DialogueState {
  if (!json) return {};
  try {
    const parsed = dialogueSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The JSON to store, or null when there is nothing to remember. */
export function serializeDialogue(state: DialogueState): string | null {
  const compact = Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
  return Object.keys(compact).length ? JSON.stringify(compact) : null;
}
