/**
 * The foundation's skills: ask for a person, decline that offer, greet, and an honest fallback. The NLU issue adds
 * intent-driven skills in front of the fallback.
 */
import { isGreeting } from '../greeting-detector';
import { renderTemplate, templateSets } from '../templates';
import type { Reply } from '../reply';
import { payloads, type Skill, type Turn } from './skill';

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

// Typing the button's title (in any language) counts as pressing it.
const talkToPersonTitles = new Set(Object.values(templateSets).map((t) => normalise(t.quickReplies.talkToPerson)));

/** The offer of a person, attached to replies the bot cannot fully answer. */
function offerPerson(turn: Turn): Reply['quickReplies'] {
  return [
    { title: turn.templates.quickReplies.talkToPerson, payload: payloads.humanAgent },
    { title: turn.templates.quickReplies.noThanks, payload: payloads.declineAgent },
  ];
}

/** The shopper asks for a person: hand the conversation to the team's queue (`waiting_agent`). */
export const humanAgentRequestSkill: Skill = {
  name: 'human-agent-request',
  matches: (turn) => turn.quickReplyPayload === payloads.humanAgent || talkToPersonTitles.has(normalise(turn.text)),
  respond: (turn) => {
    if (turn.conversation.state === 'waiting_agent') {
      return { replies: [{ text: turn.templates.handoffAlreadyWaiting, language: turn.language }] };
    }
    return {
      nextState: 'waiting_agent',
      replies: [
        {
          text: turn.templates.handoffRequested,
          language: turn.language,
          notice: { kind: 'handoff', text: turn.templates.handoffRequested },
        },
      ],
    };
  },
};

/** The shopper declined the offer of a person. */
export const declineAgentSkill: Skill = {
  name: 'decline-agent',
  matches: (turn) => turn.quickReplyPayload === payloads.declineAgent,
  respond: (turn) => ({ replies: [{ text: turn.templates.dismissed, language: turn.language }] }),
};

/** Answers a greeting with the store's greeting. */
export const greetingSkill: Skill = {
  name: 'greeting',
  matches: (turn) => isGreeting(turn.text, turn.templates),
  respond: (turn) => ({
    replies: [{ text: renderTemplate(turn.templates.greeting, { store: turn.storeName }), language: turn.language }],
  }),
};

/** Everything else: say honestly that the assistant is still learning, and offer a person. */
export const fallbackSkill: Skill = {
  name: 'fallback',
  matches: () => true,
  respond: (turn) => ({
    replies: [{ text: turn.templates.fallback, language: turn.language, quickReplies: offerPerson(turn) }],
  }),
};

/** The foundation's skills in priority order; the fallback comes last and always matches. */
export const foundationSkills: readonly Skill[] = [humanAgentRequestSkill, declineAgentSkill, greetingSkill, fallbackSkill];
