/**
 * Who may answer a turn, and which skill does. The bot acts only while it owns the conversation: while a person is
 * asked for or holds it, shopper messages are stored for them and the bot stays silent (Chatwoot's rule:
 * "pending means the bot owns it", here `bot`).
 */
import type { Skill, Turn, TurnOutcome } from './skill';
import { humanAgentRequestSkill } from './foundation-skills';
import { waitingContactEmailSkill } from './handoff-skills';

/** The decision for one turn, with the skill that made it (for logs and metrics). */
export interface PolicyDecision extends TurnOutcome {
  skill: string | null;
}

/** Picks the first matching skill; applies the ownership rules of the conversation state. */
export async function decideTurn(turn: Turn, skills: readonly Skill[]): Promise<PolicyDecision> {
  const state = turn.conversation.state;
  if (state === 'with_agent') return { skill: null, replies: [] };
  if (state === 'waiting_agent') {
    // Asking again while waiting deserves an answer; anything else waits for the person.
    if (humanAgentRequestSkill.matches(turn)) return { skill: humanAgentRequestSkill.name, ...(await humanAgentRequestSkill.respond(turn)) };
    // An e-mail address left while waiting (the bot offers that when the wait is long) is kept and confirmed.
    if (waitingContactEmailSkill.matches(turn)) return { skill: waitingContactEmailSkill.name, ...(await waitingContactEmailSkill.respond(turn)) };
    return { skill: null, replies: [] };
  }
  // A message in a closed conversation reopens it with the bot.
  const reopened = state === 'closed' ? { ...turn, conversation: { ...turn.conversation, state: 'bot' as const } } : turn;
  for (const skill of skills) {
    if (skill.matches(reopened)) {
      const outcome = await skill.respond(reopened);
      return {
        skill: skill.name,
        replies: outcome.replies,
        nextState: outcome.nextState ?? (state === 'closed' ? 'bot' : undefined),
        ...(outcome.dialogue !== undefined ? { dialogue: outcome.dialogue } : {}),
      };
    }
  }
  return { skill: null, replies: [], nextState: state === 'closed' ? 'bot' : undefined };
}
