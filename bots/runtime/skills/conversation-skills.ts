/**
 * Skills driven by the understood intent that need no commerce data: a person on request, complaints and
 * frustration, goodbye and thanks, honest interim answers for topics whose modules (help centre, recommender, risk)
 * are not connected yet, out-of-scope messages, and what to do when the bot did not understand.
 */
import { OUT_OF_SCOPE } from '../../../nlu/intents';
import type { TopicIntent } from './topics';
import { TOPIC_INTENTS } from './topics';
import type { Skill, Turn, TurnOutcome } from './skill';
import { confidentIntent, handoffAnnouncement, offerPerson, remember, say } from './turn-helpers';

async function handoff(turn: Turn, text: string): Promise<TurnOutcome> {
  if (turn.conversation.state === 'waiting_agent') {
    return { replies: [say(turn, turn.templates.handoffAlreadyWaiting)], dialogue: {} };
  }
  return {
    nextState: 'waiting_agent',
    // A person takes over: the bot's half-finished questions no longer apply, but the order the conversation is about
    // stays known (the agents' thread shows it).
    dialogue: turn.dialogue.orderNumber ? { orderNumber: turn.dialogue.orderNumber } : {},
    replies: [{ text: await handoffAnnouncement(turn, text), language: turn.language, notice: { kind: 'handoff', text: turn.templates.handoffRequested } }],
  };
}

/** The shopper asks for a person in words ("I want to talk to a person"): hand over (`waiting_agent`). */
export const humanAgentIntentSkill: Skill = {
  name: 'human-agent-intent',
  matches: (turn) => confidentIntent(turn) === 'human_agent',
  respond: (turn) => handoff(turn, turn.templates.handoffRequested),
};

/** A complaint, or a message angry enough (frustration signal), goes to a person with an apology. */
export const complaintSkill: Skill = {
  name: 'complaint',
  matches: (turn) =>
    (confidentIntent(turn) === 'complaint' && turn.policy.handoffOn?.complaint !== false) ||
    ((turn.understanding?.frustration.score ?? 0) >= turn.policy.frustrationHandoff && turn.policy.handoffOn?.frustration !== false),
  respond: (turn) => handoff(turn, turn.texts.complaintHandoff),
};

/** Greeting, understood by the intent model. */
export const greetingIntentSkill: Skill = {
  name: 'greeting-intent',
  matches: (turn) => confidentIntent(turn) === 'greeting',
  respond: (turn) => ({ replies: [say(turn, turn.templates.greeting)], dialogue: remember(turn, {}) }),
};

/** Goodbye. */
export const goodbyeSkill: Skill = {
  name: 'goodbye',
  matches: (turn) => confidentIntent(turn) === 'goodbye',
  respond: (turn) => ({ replies: [say(turn, turn.texts.goodbye)], dialogue: remember(turn, { awaiting: undefined, askedTimes: undefined }) }),
};

/** Thanks. */
export const thanksSkill: Skill = {
  name: 'thanks',
  matches: (turn) => confidentIntent(turn) === 'thanks',
  respond: (turn) => ({ replies: [say(turn, turn.texts.thanks)], dialogue: remember(turn, {}) }),
};

/**
 * Topics that need the knowledge base, recommender or risk checks: say honestly what was understood and offer a
 * person. Those modules replace this answer by registering their own skill for the intent ahead of this one.
 */
export const interimTopicSkill: Skill = {
  name: 'interim-topic',
  matches: (turn) => {
    const intent = confidentIntent(turn);
    return intent !== undefined && (TOPIC_INTENTS as readonly string[]).includes(intent);
  },
  respond: (turn) => {
    const topic = turn.texts.topics[confidentIntent(turn) as TopicIntent];
    return { replies: [say(turn, turn.texts.interim, { topic }, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, {}) };
  },
};

/** The model is sure the message is not the store's business: say what the bot can help with. */
export const outOfScopeSkill: Skill = {
  name: 'out-of-scope',
  matches: (turn) => turn.understanding?.intent.ranking[0]?.intent === OUT_OF_SCOPE && turn.understanding.intent.intent === OUT_OF_SCOPE,
  respond: (turn) => ({ replies: [say(turn, turn.texts.outOfScope, {}, { quickReplies: offerPerson(turn) })], dialogue: remember(turn, {}) }),
};

/**
 * Not understood (confidence too low): ask to rephrase; after `notUnderstoodHandoff` turns in a row, bring in a
 * person. Only runs when an intent model is live (without one the foundation's fallback answers).
 */
export const notUnderstoodSkill: Skill = {
  name: 'not-understood',
  matches: (turn) => turn.understanding !== undefined,
  respond: (turn) => {
    const streak = (turn.dialogue.notUnderstood ?? 0) + 1;
    if (streak >= turn.policy.notUnderstoodHandoff && turn.policy.handoffOn?.notUnderstood !== false) return handoff(turn, turn.texts.notUnderstoodHandoff);
    return { replies: [say(turn, turn.texts.notUnderstood, {}, { quickReplies: offerPerson(turn) })], dialogue: { ...turn.dialogue, notUnderstood: streak } };
  },
};
