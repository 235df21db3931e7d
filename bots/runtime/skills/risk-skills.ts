/**
 * The risk check in the conversation (SkillServices.risk, see risk/chat/chat-risk-gate.ts): the order skills call
 * it before they cancel an order or change its address, and the gate skills here put it in front of refund
 * requests, "not received" claims and payment changes. Low risk: the bot goes on as without a check. Medium: a
 * one-time code goes to the e-mail on the order and the bot waits for it (`awaiting.slot = code`); the right code
 * lets the action go ahead, too many wrong ones hand the conversation to a person. High: nothing happens, a person
 * takes over (handoff reason `risk_review`), and the shopper gets a neutral sentence that says nothing about why.
 */
import type { Order, ShippingAddress } from '../../../commerce';
import type { RiskCheckResult } from '../../../risk';
import type { DialogueSkill, DialogueState } from '../dialogue/dialogue-state';
import { renderTemplate } from '../templates';
import type { TopicIntent } from './topics';
import type { Skill, Turn, TurnOutcome } from './skill';
import { confidentIntent, entityOf, handoffAnnouncement, offerPerson, remember, say } from './turn-helpers';

/** The actions the chat checks, by the dialogue skill that waits for their code. */
export type RiskGatedSkill = Extract<DialogueSkill, 'order_cancel' | 'change_address' | 'refund_request' | 'package_not_received' | 'payment_change'>;

/** A six-digit code inside a message ("123456", "code: 123 456"). */
const CODE = /(?<!\d)(\d{3})\s?(\d{3})(?!\d)/;

/** The code in a message, if it holds one. */
export function codeIn(text: string): string | undefined {
  const match = CODE.exec(text.normalize('NFKC'));
  return match ? `${match[1]}${match[2]}` : undefined;
}

/** What a code unlocks: exactly this action on this order (and, for an address change, this address). */
export function riskPayload(action: RiskGatedSkill, orderNumber?: string, address?: ShippingAddress): string {
  return JSON.stringify([action, orderNumber ?? null, address ?? null]);
}

/**
 * Asks the risk check about an action; undefined when the process runs without risk checks (the bot then acts as
 * it always did).
 */
export async function checkRisk(
  turn: Turn,
  action: RiskGatedSkill,
  order?: Order,
  newAddress?: ShippingAddress,
  payload = riskPayload(action, order?.orderNumber, newAddress),
): Promise<RiskCheckResult | undefined> {
  const risk = turn.services.risk;
  if (!risk) return undefined;
  return risk.check({
    workspaceId: turn.conversation.workspace_id,
    conversation: turn.conversation,
    messageId: turn.message.id,
    action,
    ...(order ? { order } : {}),
    ...(newAddress ? { newAddress } : {}),
    payload,
    email: (code, minutes) => ({
      subject: renderTemplate(turn.texts.riskCheck.emailSubject, { store: turn.storeName }),
      body: renderTemplate(turn.texts.riskCheck.emailBody, { store: turn.storeName, code, minutes: String(minutes) }),
    }),
  });
}

/** The code went out: ask for it, remembering what it is for. */
export function codeSentOutcome(turn: Turn, skill: RiskGatedSkill, sentTo: string, patch: Partial<DialogueState> = {}): TurnOutcome {
  return {
    replies: [say(turn, turn.texts.riskCheck.codeSent, { email: sentTo })],
    dialogue: remember(turn, { ...patch, awaiting: { skill, slot: 'code' }, askedTimes: undefined }),
  };
}

/** A person takes over; the shopper is told so in neutral words (nothing about risk). */
export async function riskHandoff(turn: Turn): Promise<TurnOutcome> {
  const text = await handoffAnnouncement(turn, turn.texts.riskCheck.handoff);
  return {
    nextState: 'waiting_agent',
    // The order stays known: the agents' thread shows it with the risk check.
    dialogue: turn.dialogue.orderNumber ? { orderNumber: turn.dialogue.orderNumber } : {},
    replies: [{ text, language: turn.language, notice: { kind: 'handoff', text: turn.templates.handoffRequested } }],
  };
}

/**
 * The shopper's answer while a code is awaited. `payload` names the pending action (as {@link riskPayload});
 * `proceed` carries it out once the code is right.
 */
export async function answerRiskCode(turn: Turn, payload: string, proceed: (turn: Turn) => Promise<TurnOutcome>): Promise<TurnOutcome> {
  const risk = turn.services.risk;
  const code = codeIn(turn.text);
  const cleared = { awaiting: undefined, askedTimes: undefined };
  if (!risk) return { replies: [say(turn, turn.texts.riskCheck.codeExpired)], dialogue: remember(turn, { ...cleared, pendingAddress: undefined }) };
  if (!code) {
    const askedTimes = (turn.dialogue.askedTimes ?? 0) + 1;
    if (askedTimes > 2) return { replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { ...cleared, pendingAddress: undefined }) };
    return { replies: [say(turn, turn.texts.riskCheck.askCode)], dialogue: remember(turn, { askedTimes }) };
  }
  const answer = await risk.answerCode({ conversationId: turn.conversation.id, messageId: turn.message.id, payload, code });
  if (answer.kind === 'passed') return proceed({ ...turn, dialogue: { ...turn.dialogue, ...cleared } });
  if (answer.kind === 'wrong') return { replies: [say(turn, turn.texts.riskCheck.codeWrong, { remaining: String(answer.remaining) })] };
  if (answer.kind === 'failed') return riskHandoff(turn);
  return { replies: [say(turn, turn.texts.riskCheck.codeExpired)], dialogue: remember(turn, { ...cleared, pendingAddress: undefined }) };
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/['’ʼ]/gu, '').replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

function mentions(turn: Turn, phrases: readonly string[]): boolean {
  const text = ` ${normalise(turn.text)} `;
  return phrases.some((phrase) => {
    const wanted = normalise(phrase);
    return wanted !== '' && text.includes(wanted);
  });
}

/** A refund message that asks for a refund (not where one is): the shopper's language's phrases, or English ones. */
export function isRefundRequest(turn: Turn): boolean {
  return mentions(turn, turn.texts.riskCheck.refundRequestPhrases) || mentions(turn, ENGLISH_REFUND_PHRASES);
}

/** A payment message that asks to change how an order is paid. */
export function isPaymentChange(turn: Turn): boolean {
  return mentions(turn, turn.texts.riskCheck.paymentChangePhrases) || mentions(turn, ENGLISH_PAYMENT_PHRASES);
}

// Shoppers often write English whatever their language; these few always count.
const ENGLISH_REFUND_PHRASES = ['i want a refund', 'refund me', 'money back', 'request a refund'];
const ENGLISH_PAYMENT_PHRASES = ['change my payment', 'change payment method', 'different card', 'another card'];

/** The answer the bot gives to a topic without a check: say what was understood, offer a person. */
export function topicAnswer(turn: Turn, topic: TopicIntent): TurnOutcome {
  return { replies: [say(turn, turn.texts.interim, { topic: turn.texts.topics[topic] }, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) };
}

/** The topic each gated action is answered with once it may go ahead. */
export const GATED_TOPICS: Record<Extract<RiskGatedSkill, 'refund_request' | 'package_not_received' | 'payment_change'>, TopicIntent> = {
  refund_request: 'refund_status',
  package_not_received: 'package_not_received',
  payment_change: 'payment_issue',
};

/** The order the message (or the conversation) is about, when this chat may see it. */
async function visibleOrder(turn: Turn): Promise<Order | undefined> {
  const number = entityOf(turn, 'order_number')?.value.normalized ?? turn.dialogue.orderNumber;
  const commerce = turn.services.commerce;
  if (!number || !commerce) return undefined;
  const order = await commerce.findOrder(turn.conversation.workspace_id, number);
  if (!order) return undefined;
  const visible = order.customerId === turn.conversation.customer_id || (turn.dialogue.verifiedOrders ?? []).includes(order.orderNumber);
  return visible ? order : undefined;
}

/**
 * A gate in front of an intent: scores the action, then (approve) lets the skills after it answer as they would
 * without a check, (review) asks for the code, (decline) hands over. Topic actions are scored without binding the
 * code to an order: going ahead only means answering, nothing changes in the store.
 */
function gateSkill(action: keyof typeof GATED_TOPICS, matches: (turn: Turn) => boolean, rest: () => readonly Skill[]): Skill {
  return {
    name: `risk-${action.replace(/_/g, '-')}`,
    matches: (turn) => turn.services.risk !== undefined && matches(turn),
    respond: async (turn) => {
      const order = await visibleOrder(turn);
      const result = (await checkRisk(turn, action, order, undefined, riskPayload(action)))!;
      const memory = order ? { orderNumber: order.orderNumber } : {};
      if (result.kind === 'verify') return codeSentOutcome(turn, action, result.sentTo, memory);
      if (result.kind === 'handoff') return riskHandoff({ ...turn, dialogue: { ...turn.dialogue, ...memory } });
      for (const skill of rest()) {
        if (skill.matches(turn)) return skill.respond(turn);
      }
      return topicAnswer(turn, GATED_TOPICS[action]);
    },
  };
}

/** The code of a gated topic action was right: answer the topic as the bot would have. */
export function proceedWithTopic(skill: RiskGatedSkill): ((turn: Turn) => Promise<TurnOutcome>) | undefined {
  if (skill === 'order_cancel' || skill === 'change_address') return undefined;
  return async (turn) => topicAnswer(turn, GATED_TOPICS[skill]);
}

/**
 * `skills` with the gates of refund requests, "not received" claims and payment changes put in front of the skills
 * that answer those topics (the help centre's answer, else the interim one). The gates only act when the turn has
 * a risk service.
 */
export function withRiskSkills(skills: readonly Skill[]): readonly Skill[] {
  const at = skills.findIndex((s) => s.name === 'knowledge-answer' || s.name === 'interim-topic');
  if (at < 0) return skills;
  const rest = () => skills.slice(at);
  const gates = [
    gateSkill('refund_request', (turn) => confidentIntent(turn) === 'refund_status' && isRefundRequest(turn), rest),
    gateSkill('package_not_received', (turn) => confidentIntent(turn) === 'package_not_received', rest),
    gateSkill('payment_change', (turn) => confidentIntent(turn) === 'payment_issue' && isPaymentChange(turn), rest),
  ];
  return [...skills.slice(0, at), ...gates, ...skills.slice(at)];
}
