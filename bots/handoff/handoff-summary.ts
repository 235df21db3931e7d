/**
 * The "short summary" line of a handoff thread's root message: what the shopper wants, about which order, how long
 * and how much they have written, and what they said first and last, in the agents' language. Built from facts
 * the platform already has (the intent of the message that handed over, the order in the dialogue, the translated
 * transcript), so it is right by construction; a generative summary would need a model this platform cannot assume
 * is present, and an agent must be able to trust the line at a glance.
 */
import type { TranscriptLine } from '../channels/slack';

/** What each intent means to an agent, as the object of "Wants help with …". */
const INTENT_TOPICS: Record<string, string> = {
  order_status: 'where an order is',
  order_cancel: 'cancelling an order',
  change_address: 'changing a delivery address',
  package_not_received: 'a parcel that did not arrive',
  damaged_or_wrong_item: 'a damaged or wrong item',
  return_item: 'returning an item',
  refund_status: 'a refund',
  shipping_info: 'shipping options and times',
  customs_duties: 'customs and import duties',
  payment_issue: 'a payment problem',
  payment_methods: 'payment methods',
  product_availability: 'whether a product is available',
  product_recommendation: 'choosing a product',
  size_guide: 'sizes',
  discount_code: 'a discount code',
  account_help: 'their account',
  invoice_request: 'an invoice',
  warranty_repair: 'a warranty or repair',
  complaint: 'a complaint',
};

/** A risk check that sent the conversation to a person (see risk/chat/risk-review.ts). */
export interface RiskFacts {
  /** The checked action (`change_address`, `order_cancel`, ...). */
  action: string;
  decision: string;
  /** Calibrated fraud probability; null when no model scored. */
  score: number | null;
  modelVersion: string;
  /** In plain words, most important first. */
  reasons: readonly string[];
  /** The one-time code step, when there was one (`failed`: too many wrong codes). */
  verification?: string;
}

const RISK_ACTIONS: Record<string, string> = {
  change_address: 'address change',
  order_cancel: 'cancellation',
  refund_request: 'refund request',
  package_not_received: '"not received" claim',
  payment_change: 'payment change',
};

/** "risk review: address change, score 0.93 (decline)": the Reason field of the thread's root message. */
export function riskReasonLine(risk: RiskFacts): string {
  const score = risk.score === null ? 'no model score' : `score ${risk.score.toFixed(2)}`;
  const verification = risk.verification === 'failed' ? ', one-time code failed' : '';
  return `risk review: ${RISK_ACTIONS[risk.action] ?? risk.action.replace(/_/g, ' ')}, ${score} (${risk.decision}${verification})`;
}

/** The risk sentences of the summary: what was checked, the outcome, and the reasons agents need to decide. */
function riskSentences(risk: RiskFacts): string {
  const action = RISK_ACTIONS[risk.action] ?? risk.action.replace(/_/g, ' ');
  const score = risk.score === null ? 'no model score' : `score ${risk.score.toFixed(2)}`;
  const parts = [`Risk check on the ${action}: ${score}, ${risk.decision} (model ${risk.modelVersion}).`];
  if (risk.reasons.length) parts.push(`Reasons: ${risk.reasons.join('; ')}.`);
  if (risk.verification === 'failed') parts.push('The shopper typed a wrong one-time code too many times.');
  else if (risk.verification === 'pending') parts.push('A one-time code was sent to the e-mail on the order and not answered yet.');
  parts.push('Nothing was changed: decide, then act or reply in this thread.');
  return parts.join(' ');
}

/** What the summary is built from. */
export interface SummaryFacts {
  /** The risk check behind a `risk_review` handoff. */
  risk?: RiskFacts;
  /** The intent of the message that handed over (null when the bot did not understand it). */
  intent: string | null;
  /** Why the bot handed over, in words ("asked for a person"). */
  reason: string;
  order?: { number: string; status: string };
  /** The recent transcript, oldest first, in the agents' language. */
  transcript: readonly TranscriptLine[];
}

const QUOTE_LIMIT = 160;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const points = Array.from(flat);
  return `“${points.length > QUOTE_LIMIT ? `${points.slice(0, QUOTE_LIMIT - 1).join('')}…` : flat}”`;
}

function minutesBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
}

/**
 * Two to four sentences, e.g. "Wants help with a refund (order A1B2C3, delivered); the bot handed over because of
 * a complaint. 3 messages from the shopper over 4 min; the bot answered 2. First: “…” Latest: “…”".
 */
export function summariseHandoff(facts: SummaryFacts): string {
  const topic = facts.intent ? (INTENT_TOPICS[facts.intent] ?? facts.intent.replace(/_/g, ' ')) : undefined;
  const order = facts.order ? ` (order ${facts.order.number}, ${facts.order.status.replace(/_/g, ' ')})` : '';
  const sentences: string[] = [];
  sentences.push(topic ? `Wants help with ${topic}${order}; handed over: ${facts.reason}.` : `Handed over: ${facts.reason}${order}.`);
  const shopper = facts.transcript.filter((line) => line.from === 'shopper');
  const bot = facts.transcript.filter((line) => line.from === 'bot').length;
  if (shopper.length) {
    const first = shopper[0] as TranscriptLine;
    const last = shopper[shopper.length - 1] as TranscriptLine;
    const span = minutesBetween(first.at, last.at);
    const count = `${shopper.length} message${shopper.length === 1 ? '' : 's'} from the shopper${span ? ` over ${span} min` : ''}`;
    sentences.push(`${count}; the bot answered ${bot}.`);
    sentences.push(shopper.length === 1 ? `Said: ${quote(first.text)}` : `First: ${quote(first.text)} Latest: ${quote(last.text)}`);
  }
  // The risk facts come first after the headline: they are why a person is needed.
  if (facts.risk) sentences.splice(1, 0, riskSentences(facts.risk));
  return sentences.join(' ');
}
