/** Skills that run while the shopper waits for a person (the policy lets only these answer in `waiting_agent`). */
import { findEmails } from '../../../nlu/entities/emails';
import type { Skill } from './skill';
import { say } from './turn-helpers';

/**
 * When nobody claims a handoff in time the bot offers a reply by e-mail (handoff-jobs.ts `remind`). An address the
 * shopper then writes is kept on the customer (where agents see it in the thread's root message) and confirmed;
 * the message itself still reaches the thread like every message while waiting.
 */
export const waitingContactEmailSkill: Skill = {
  name: 'waiting-contact-email',
  matches: (turn) => turn.conversation.state === 'waiting_agent' && turn.services.handoff?.saveContactEmail !== undefined && findEmails(turn.text).length > 0,
  respond: async (turn) => {
    const email = (findEmails(turn.text)[0] as ReturnType<typeof findEmails>[number]).value.address;
    await turn.services.handoff!.saveContactEmail!(turn.conversation.customer_id, email);
    return { replies: [say(turn, turn.templates.emailSaved, { email })] };
  },
};
