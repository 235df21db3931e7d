/**
 * The skills that need no intent model: a person on request (button or its title typed), declining that offer, a
 * lexicon greeting, and an honest fallback. They answer alone until an intent model is live, and stay in the list
 * around the intent-driven skills afterwards (see skill-list.ts).
 */
import { isGreeting } from '../greeting-detector';
import { renderTemplate, templateSets } from '../templates';
import { payloads, type Skill } from './skill';
import { handoffAnnouncement, offerPerson } from './turn-helpers';

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, '').replace(/\s+/g, ' ').trim();
}

// Typing the button's title (in any language) counts as pressing it.
const talkToPersonTitles = new Set(Object.values(templateSets).map((t) => normalise(t.quickReplies.talkToPerson)));

/** The shopper asks for a person: hand the conversation to the team's queue (`waiting_agent`). */
export const humanAgentRequestSkill: Skill = {
  name: 'human-agent-request',
  matches: (turn) => turn.quickReplyPayload === payloads.humanAgent || talkToPersonTitles.has(normalise(turn.text)),
  respond: async (turn) => {
    if (turn.conversation.state === 'waiting_agent') {
      return { replies: [{ text: turn.templates.handoffAlreadyWaiting, language: turn.language }] };
    }
    const announcement = await handoffAnnouncement(turn);
    return {
      nextState: 'waiting_agent',
      replies: [
        {
          text: announcement,
          language: turn.language,
          notice: { kind: 'handoff', text: announcement },
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

