/**
 * Quick replies go out as `imBack` suggested actions, the one kind every Bot Framework channel shows (Teams
 * documents only `imBack` for suggested actions). Pressing one sends its title as the shopper's text, so the payload
 * travels no further than our own database: this maps a text equal to the title of a quick reply the bot just
 * offered back to that reply's payload, the way numbered-choice.ts maps "2". Card buttons need no mapping: they are
 * Adaptive Card `Action.Submit` buttons whose data carries the payload.
 */
import { messagePayload, type StoredMessage } from '../../runtime/conversation-store';
import { clip } from '../render-reply';

/**
 * The payload of the offered quick reply whose title is `text`, or undefined. Only the outgoing messages after the
 * shopper's previous message count: once the shopper wrote something else, the offer is no longer what they answer.
 *
 * @param previous the conversation's latest messages, oldest first.
 * @param maxTitleLength the channel's title limit: a long title was shown (and is sent back) shortened.
 */
export function offeredChoicePayload(text: string, previous: readonly StoredMessage[], maxTitleLength: number): string | undefined {
  const wanted = text.trim();
  if (!wanted) return undefined;
  for (let index = previous.length - 1; index >= 0; index -= 1) {
    const candidate = previous[index] as StoredMessage;
    if (candidate.direction === 'in') return undefined;
    const match = (messagePayload(candidate).quickReplies ?? []).find((reply) => reply.title === wanted || clip(reply.title, maxTitleLength) === wanted);
    if (match) return match.payload;
  }
  return undefined;
}
