/**
 * The order skills: status, cancellation and address change. They share one multi-turn flow: find the order number
 * (this message, or the one the conversation already talks about, else ask), check the order exists, check this
 * chat may see it (the order's customer is this conversation's customer, or the shopper gives the order's e-mail
 * address), then act. Changes run a confirmation step and go through the store's rules (commerce/order-rules);
 * where the process has risk checks, a confirmed change is checked first (risk-skills.ts): it goes ahead, waits for
 * a one-time code sent to the order's e-mail, or goes to a person.
 */
import type { Order } from '../../../commerce';
import { canCancel, canChangeAddress } from '../../../commerce';
import type { DialogueSkill, DialogueState } from '../dialogue/dialogue-state';
import { parseAddressText, formatAddress } from './address-text';
import { answerRiskCode, checkRisk, codeIn, codeSentOutcome, proceedWithTopic, riskHandoff, riskPayload, type RiskGatedSkill } from './risk-skills';
import type { Skill, Turn, TurnOutcome } from './skill';
import { confidentIntent, confirmationButtons, entityOf, formatDate, formatMoney, offerPerson, remember, say, yesOrNo } from './turn-helpers';

/** After this many unanswered requests for a detail, the bot stops asking and offers a person. */
const MAX_ASKS = 2;

function orderNumberIn(turn: Turn): string | undefined {
  return entityOf(turn, 'order_number')?.value.normalized;
}

function isVerified(turn: Turn, order: Order): boolean {
  return order.customerId === turn.conversation.customer_id || (turn.dialogue.verifiedOrders ?? []).includes(order.orderNumber);
}

function askFor(turn: Turn, skill: DialogueSkill, slot: 'order_number', text: string): TurnOutcome {
  const askedTimes = (turn.dialogue.awaiting?.skill === skill ? (turn.dialogue.askedTimes ?? 0) : 0) + 1;
  if (askedTimes > MAX_ASKS) {
    return { replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) };
  }
  return { replies: [say(turn, text)], dialogue: remember(turn, { awaiting: { skill, slot }, askedTimes }) };
}

function statusReplies(turn: Turn, order: Order): TurnOutcome {
  const texts = turn.texts.orderStatus;
  const vars = { order: order.orderNumber, status: turn.texts.orderStatuses[order.status] };
  const lines = [say(turn, texts.summary, vars).text];
  if (order.status === 'delivered' && order.deliveredAt) {
    lines.push(say(turn, texts.delivered, { date: formatDate(order.deliveredAt, turn.language) }).text);
  } else if (['shipped', 'in_transit', 'out_for_delivery'].includes(order.status)) {
    if (order.carrier && order.trackingNumber) {
      lines.push(
        say(turn, texts.tracking, { carrier: order.carrier, tracking: order.trackingNumber, trackingUrl: order.trackingUrl ?? order.trackingNumber }).text,
      );
    }
    if (order.expectedDeliveryAt) lines.push(say(turn, texts.expected, { date: formatDate(order.expectedDeliveryAt, turn.language) }).text);
  } else if (['pending', 'paid', 'processing'].includes(order.status)) {
    lines.push(texts.notShippedYet);
    if (order.expectedDeliveryAt) lines.push(say(turn, texts.expected, { date: formatDate(order.expectedDeliveryAt, turn.language) }).text);
  }
  return {
    replies: [{ text: lines.join(' '), language: turn.language }],
    dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined, orderNumber: order.orderNumber }),
  };
}

function itemsOf(order: Order, language: string): string {
  const list = new Intl.ListFormat(language, { style: 'short', type: 'conjunction' });
  return list.format(order.items.map((item) => (item.quantity > 1 ? `${item.quantity} × ${item.name}` : item.name)));
}

function cancelStep(turn: Turn, order: Order): TurnOutcome {
  const texts = turn.texts.orderCancel;
  const base = { awaiting: undefined, askedTimes: undefined, orderNumber: order.orderNumber };
  if (order.status === 'cancelled') return { replies: [say(turn, texts.alreadyCancelled)], dialogue: remember(turn, base) };
  if (!canCancel(order.status)) {
    return {
      replies: [say(turn, texts.notAllowed, { order: order.orderNumber, status: turn.texts.orderStatuses[order.status] })],
      dialogue: remember(turn, base),
    };
  }
  const vars = { order: order.orderNumber, items: itemsOf(order, turn.language), total: formatMoney(order.total.amountMinor, order.total.currency, turn.language) };
  return {
    replies: [say(turn, texts.confirm, vars, { quickReplies: confirmationButtons(turn) })],
    dialogue: remember(turn, { ...base, awaiting: { skill: 'order_cancel', slot: 'confirm' } }),
  };
}

function addressStep(turn: Turn, order: Order): TurnOutcome {
  const texts = turn.texts.changeAddress;
  if (!canChangeAddress(order.status)) {
    return {
      replies: [say(turn, texts.notAllowed, { order: order.orderNumber, status: turn.texts.orderStatuses[order.status] })],
      dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined, orderNumber: order.orderNumber }),
    };
  }
  return {
    replies: [say(turn, texts.askAddress, { order: order.orderNumber })],
    dialogue: remember(turn, { awaiting: { skill: 'change_address', slot: 'address' }, askedTimes: undefined, orderNumber: order.orderNumber }),
  };
}

const askOrderNumberText = (turn: Turn, skill: DialogueSkill): string =>
  skill === 'order_status' ? turn.texts.orderStatus.askOrderNumber : skill === 'order_cancel' ? turn.texts.orderCancel.askOrderNumber : turn.texts.changeAddress.askOrderNumber;

/**
 * Runs a skill's flow from "which order?" on. `orderNumber` is the number to use (from this message or memory).
 */
async function runOrderFlow(turn: Turn, skill: DialogueSkill, orderNumber: string | undefined): Promise<TurnOutcome> {
  const commerce = turn.services.commerce;
  if (!commerce) return { replies: [say(turn, turn.texts.interim, { topic: turn.texts.topics.package_not_received }, { quickReplies: offerPerson(turn) })] };
  if (!orderNumber) {
    const again = turn.dialogue.awaiting?.skill === skill && turn.dialogue.awaiting.slot === 'order_number';
    return askFor(turn, skill, 'order_number', again ? turn.texts.orderStatus.askOrderNumberAgain : askOrderNumberText(turn, skill));
  }
  const order = await commerce.findOrder(turn.conversation.workspace_id, orderNumber);
  if (!order) {
    return {
      replies: [say(turn, turn.texts.orderStatus.notFound, { order: orderNumber })],
      dialogue: remember(turn, { awaiting: { skill, slot: 'order_number' }, orderNumber: undefined }),
    };
  }
  if (!isVerified(turn, order)) {
    return {
      replies: [say(turn, turn.texts.orderStatus.askEmail, { order: order.orderNumber })],
      dialogue: remember(turn, { awaiting: { skill, slot: 'email' }, askedTimes: undefined, orderNumber: order.orderNumber }),
    };
  }
  if (skill === 'order_status') return statusReplies(turn, order);
  if (skill === 'order_cancel') return cancelStep(turn, order);
  return addressStep(turn, order);
}

/** Starts an order skill when its intent is recognised. */
function orderIntentSkill(skill: DialogueSkill): Skill {
  return {
    name: skill.replace('_', '-'),
    matches: (turn) => confidentIntent(turn) === skill,
    respond: (turn) => {
      // A number in this message wins; otherwise the order the conversation is already about.
      const fromMessage = orderNumberIn(turn);
      const fresh: Turn = { ...turn, dialogue: { ...turn.dialogue, awaiting: undefined } };
      return runOrderFlow(fresh, skill, fromMessage ?? turn.dialogue.orderNumber);
    },
  };
}

/** order_status: where is my order. */
export const orderStatusSkill = orderIntentSkill('order_status');
/** order_cancel: cancel an existing order (confirmation step). */
export const orderCancelSkill = orderIntentSkill('order_cancel');
/** change_address: change the delivery address of an existing order (confirmation step). */
export const changeAddressSkill = orderIntentSkill('change_address');

/** True when the message clearly starts something else than the question the bot is waiting on. */
function changesTopic(turn: Turn, awaited: DialogueState['awaiting']): boolean {
  const intent = confidentIntent(turn);
  if (!intent || !awaited || intent === awaited.skill || intent === 'out_of_scope') return false;
  // Slot answers often look like other intents to the classifier (an address, an e-mail); only a confident,
  // different request counts as a change of topic.
  return (turn.understanding?.intent.confidence ?? 0) >= Math.max(0.75, turn.policy.minConfidence);
}

/** True when the message holds exactly what the bot asked for (an order number, an e-mail, a yes or no). */
function answersPendingQuestion(turn: Turn): boolean {
  const awaited = turn.dialogue.awaiting;
  if (!awaited) return false;
  if (awaited.slot === 'order_number') return orderNumberIn(turn) !== undefined;
  if (awaited.slot === 'email') return entityOf(turn, 'email') !== undefined;
  if (awaited.slot === 'confirm') return yesOrNo(turn) !== undefined;
  if (awaited.slot === 'code') return codeIn(turn.text) !== undefined;
  return false;
}

/**
 * A message that is exactly the answer to the bot's question wins over everything else: "someone.else@example.com"
 * is an e-mail address, not a request for someone.
 */
export const pendingAnswerSkill: Skill = {
  name: 'pending-answer',
  matches: answersPendingQuestion,
  respond: (turn) => answerPendingQuestion(turn),
};

/**
 * Otherwise the message still goes to the question the bot asked last turn (a new address, a second try), unless
 * the shopper clearly moved on to something else.
 */
export const pendingQuestionSkill: Skill = {
  name: 'pending-question',
  matches: (turn) => turn.dialogue.awaiting !== undefined && !changesTopic(turn, turn.dialogue.awaiting),
  respond: (turn) => answerPendingQuestion(turn),
};

async function answerPendingQuestion(turn: Turn): Promise<TurnOutcome> {
  const awaited = turn.dialogue.awaiting!;
  const commerce = turn.services.commerce;
  switch (awaited.slot) {
    case 'order_number':
      return runOrderFlow(turn, awaited.skill, orderNumberIn(turn));
    case 'email': {
      const email = entityOf(turn, 'email')?.value.address;
      const orderNumber = turn.dialogue.orderNumber;
      if (!email || !orderNumber || !commerce) {
        const askedTimes = (turn.dialogue.askedTimes ?? 0) + 1;
        if (askedTimes > MAX_ASKS) return { replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) };
        return { replies: [say(turn, turn.texts.orderStatus.askEmail, { order: orderNumber ?? '' })], dialogue: remember(turn, { askedTimes }) };
      }
      const owns = await commerce.customerOwnsOrder(turn.conversation.workspace_id, orderNumber, { email });
      if (!owns) {
        const askedTimes = (turn.dialogue.askedTimes ?? 0) + 1;
        // Repeated wrong addresses end the attempt: the order's details are not guessable by trying.
        if (askedTimes > MAX_ASKS) return { replies: [say(turn, turn.texts.orderStatus.emailMismatch, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) };
        return { replies: [say(turn, turn.texts.orderStatus.emailMismatch)], dialogue: remember(turn, { askedTimes }) };
      }
      // Proven: this channel identity belongs to the order's customer from now on, on every later conversation too.
      const order = turn.services.identity ? await commerce.findOrder(turn.conversation.workspace_id, orderNumber) : undefined;
      if (order && turn.services.identity) {
        await turn.services.identity.linkVerified({ workspaceId: turn.conversation.workspace_id, customerId: turn.conversation.customer_id, ownerCustomerId: order.customerId });
      }
      const verified = [...new Set([...(turn.dialogue.verifiedOrders ?? []), orderNumber])];
      return runOrderFlow({ ...turn, dialogue: { ...turn.dialogue, verifiedOrders: verified, askedTimes: undefined } }, awaited.skill, orderNumber);
    }
    case 'confirm':
      return confirm(turn, awaited.skill);
    case 'address':
      return receiveAddress(turn);
    case 'code':
      return answerCode(turn, awaited.skill);
  }
}

/** The shopper answers the one-time code of a risk check; the right code lets the waiting action go ahead. */
function answerCode(turn: Turn, skill: DialogueSkill): Promise<TurnOutcome> {
  if (skill === 'order_cancel' || skill === 'change_address') {
    const address = skill === 'change_address' ? turn.dialogue.pendingAddress : undefined;
    return answerRiskCode(turn, riskPayload(skill, turn.dialogue.orderNumber, address), (verified) => performOrderChange(verified, skill));
  }
  const proceed = skill === 'order_status' ? undefined : proceedWithTopic(skill);
  if (!proceed) return Promise.resolve({ replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) });
  return answerRiskCode(turn, riskPayload(skill as RiskGatedSkill), proceed);
}

async function confirm(turn: Turn, skill: DialogueSkill): Promise<TurnOutcome> {
  const answer = yesOrNo(turn);
  const orderNumber = turn.dialogue.orderNumber;
  const commerce = turn.services.commerce;
  const done = { awaiting: undefined, askedTimes: undefined, pendingAddress: undefined };
  const abortedText = skill === 'order_cancel' ? turn.texts.orderCancel.aborted : turn.texts.changeAddress.aborted;
  if (!answer) {
    // Neither yes nor no: ask the same question again, with fresh order details.
    if (skill === 'order_cancel' || !turn.dialogue.pendingAddress) return runOrderFlow(turn, skill, orderNumber);
    const address = formatAddress(turn.dialogue.pendingAddress);
    return { replies: [say(turn, turn.texts.changeAddress.confirm, { order: orderNumber ?? '', address }, { quickReplies: confirmationButtons(turn) })] };
  }
  if (answer === 'no' || !orderNumber || !commerce) return { replies: [say(turn, abortedText, { order: orderNumber ?? '' })], dialogue: remember(turn, done) };
  if (turn.services.risk && (skill === 'order_cancel' || skill === 'change_address')) {
    const address = skill === 'change_address' ? turn.dialogue.pendingAddress : undefined;
    if (skill === 'change_address' && !address) return receiveAddress(turn);
    const order = await commerce.findOrder(turn.conversation.workspace_id, orderNumber);
    // Not found, or no longer changeable: the change below says so; there is nothing to check.
    if (order && (skill === 'order_cancel' ? canCancel(order.status) : canChangeAddress(order.status))) {
      const result = await checkRisk(turn, skill, order, address);
      if (result?.kind === 'verify') return codeSentOutcome(turn, skill, result.sentTo);
      if (result?.kind === 'handoff') return riskHandoff(turn);
    }
  }
  return performOrderChange(turn, skill);
}

/** Cancels the order or changes its address (confirmed, and checked where there are risk checks). */
async function performOrderChange(turn: Turn, skill: DialogueSkill): Promise<TurnOutcome> {
  const orderNumber = turn.dialogue.orderNumber;
  const commerce = turn.services.commerce;
  const done = { awaiting: undefined, askedTimes: undefined, pendingAddress: undefined };
  if (!orderNumber || !commerce) return { replies: [say(turn, turn.texts.orderStatus.askOrderNumberAgain)], dialogue: remember(turn, done) };
  const actor = `bot:${turn.conversation.id}`;
  if (skill === 'order_cancel') {
    const result = await commerce.cancelOrder(turn.conversation.workspace_id, orderNumber, actor);
    if (result.kind === 'changed') {
      const total = formatMoney(result.order.total.amountMinor, result.order.total.currency, turn.language);
      return { replies: [say(turn, turn.texts.orderCancel.done, { order: orderNumber, total })], dialogue: remember(turn, done) };
    }
    if (result.kind === 'refused') {
      return { replies: [say(turn, turn.texts.orderCancel.notAllowed, { order: orderNumber, status: turn.texts.orderStatuses[result.order.status] })], dialogue: remember(turn, done) };
    }
    return { replies: [say(turn, turn.texts.orderStatus.notFound, { order: orderNumber })], dialogue: remember(turn, done) };
  }
  const address = turn.dialogue.pendingAddress;
  if (!address) return receiveAddress(turn);
  const result = await commerce.changeShippingAddress(turn.conversation.workspace_id, orderNumber, address, actor);
  if (result.kind === 'changed') {
    return { replies: [say(turn, turn.texts.changeAddress.done, { order: orderNumber, address: formatAddress(address) })], dialogue: remember(turn, done) };
  }
  if (result.kind === 'refused') {
    return { replies: [say(turn, turn.texts.changeAddress.notAllowed, { order: orderNumber, status: turn.texts.orderStatuses[result.order.status] })], dialogue: remember(turn, done) };
  }
  return { replies: [say(turn, turn.texts.orderStatus.notFound, { order: orderNumber })], dialogue: remember(turn, done) };
}

async function receiveAddress(turn: Turn): Promise<TurnOutcome> {
  const orderNumber = turn.dialogue.orderNumber;
  const order = orderNumber && turn.services.commerce ? await turn.services.commerce.findOrder(turn.conversation.workspace_id, orderNumber) : undefined;
  if (!order) return { replies: [say(turn, turn.texts.changeAddress.askOrderNumber)], dialogue: remember(turn, { awaiting: { skill: 'change_address', slot: 'order_number' } }) };
  const country = entityOf(turn, 'country')?.value.code;
  const address = parseAddressText(turn.text, order.shippingAddress, country);
  if (!address) {
    const askedTimes = (turn.dialogue.askedTimes ?? 0) + 1;
    if (askedTimes > MAX_ASKS) return { replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) };
    return { replies: [say(turn, turn.texts.changeAddress.addressIncomplete)], dialogue: remember(turn, { askedTimes }) };
  }
  return {
    replies: [say(turn, turn.texts.changeAddress.confirm, { order: order.orderNumber, address: formatAddress(address) }, { quickReplies: confirmationButtons(turn) })],
    dialogue: remember(turn, { awaiting: { skill: 'change_address', slot: 'confirm' }, askedTimes: undefined, pendingAddress: address }),
  };
}
