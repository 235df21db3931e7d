import type { InboundAttachment } from '../../../../bots/runtime/conversation-store';
import { attachmentSkill } from '../../../../bots/runtime/skills/attachment-skill';
import { decideTurn } from '../../../../bots/runtime/skills/policy';
import { defaultSkills } from '../../../../bots/runtime/skills/skill-list';
import type { Turn } from '../../../../bots/runtime/skills/skill';
import { templatesFor } from '../../../../bots/runtime/templates';
import { skillTurn } from '../../../support/skill-turns';

/** A turn for a message that carried `attachment` (the text the turn processor passes is its caption). */
function attachmentTurn(attachment: InboundAttachment, options: { language?: string; state?: 'bot' | 'with_agent' } = {}): Turn {
  const turn = skillTurn(attachment.caption ?? '', { language: options.language ?? 'en', ...(options.state ? { state: options.state } : {}) });
  return { ...turn, message: { ...turn.message, text: `[${attachment.kind}] ${attachment.caption ?? ''}`.trim(), payload: JSON.stringify({ attachment }) } };
}

describe('attachmentSkill', () => {
  it.each([
    ['a photo without words', { kind: 'image', file: 'whatsapp/a.jpg' }, 'attachmentReceived'],
    ['a document', { kind: 'document', filename: 'invoice.pdf' }, 'attachmentReceived'],
    ['a voice note', { kind: 'voice' }, 'voiceNoteReceived'],
    ['a location', { kind: 'location', location: { latitude: 1, longitude: 2 } }, 'locationReceived'],
    ['a message it cannot read', { kind: 'unsupported', providerType: 'contacts' }, 'unsupportedMessage'],
  ] as const)('thanks the shopper for %s in their language', async (_name, attachment, key) => {
    const turn = attachmentTurn(attachment, { language: 'es' });
    expect(attachmentSkill.matches(turn)).toBe(true);
    const outcome = await attachmentSkill.respond(turn);
    expect(outcome.replies).toEqual([{ text: templatesFor('es').channel[key], language: 'es' }]);
    expect(outcome.nextState).toBeUndefined();
  });

  it('leaves a photo with a caption to the skills that understand the caption', () => {
    expect(attachmentSkill.matches(attachmentTurn({ kind: 'image', caption: 'Is this the right size?' }))).toBe(false);
  });

  it('leaves text messages alone', () => {
    expect(attachmentSkill.matches(skillTurn('hello'))).toBe(false);
  });

  it('answers first in the skill list, and stays silent while a person holds the conversation', async () => {
    expect((await decideTurn(attachmentTurn({ kind: 'voice' }), defaultSkills)).skill).toBe('attachment');
    expect(await decideTurn(attachmentTurn({ kind: 'voice' }, { state: 'with_agent' }), defaultSkills)).toEqual({ skill: null, replies: [] });
  });
});
