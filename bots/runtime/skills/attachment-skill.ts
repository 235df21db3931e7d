/**
 * A photo, file, voice note or location sent without words, or a kind of message the bot cannot read (a sticker
 * pack, a contact card): thank the shopper in their language and say what happens next. The file is kept for the
 * team by the channel; the bot reads only text, so it asks for words where words are needed. An attachment with a
 * caption is answered by the other skills, which understand the caption.
 */
import { messagePayload } from '../conversation-store';
import type { Skill, Turn } from './skill';

function sentence(turn: Turn): string | undefined {
  const attachment = messagePayload(turn.message).attachment;
  if (!attachment) return undefined;
  const texts = turn.templates.channel;
  switch (attachment.kind) {
    case 'location':
      return texts.locationReceived;
    case 'unsupported':
      return texts.unsupportedMessage;
    case 'voice':
      return attachment.caption ? undefined : texts.voiceNoteReceived;
    default:
      return attachment.caption ? undefined : texts.attachmentReceived;
  }
}

/** See the file comment. */
export const attachmentSkill: Skill = {
  name: 'attachment',
  matches: (turn) => sentence(turn) !== undefined,
  respond: (turn) => ({ replies: [{ text: sentence(turn) ?? turn.templates.channel.unsupportedMessage, language: turn.language }] }),
};
