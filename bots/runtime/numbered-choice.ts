/**
 * Channels without buttons show a reply's quick replies as a numbered list (bots/channels/render-reply.ts); the
 * shopper answers "2". This maps such an answer back to the payload of the second quick reply of the last message
 * the shopper saw, so skills see the same `quickReplyPayload` as a button press on the web widget. It applies on
 * every channel: typing the number of an offered choice means that choice everywhere.
 */
import { messagePayload, type StoredMessage } from './conversation-store';

/** "2", " 2.", "2)", "#2", "２" (full-width digits, as Chinese and Japanese keyboards type them). */
const CHOICE_NUMBER = /^\s*#?\s*([0-9０-９]{1,2})\s*[.)）]?\s*$/;

/** The number a message consists of, or undefined. */
export function choiceNumber(text: string): number | undefined {
  const match = CHOICE_NUMBER.exec(text);
  if (!match) return undefined;
  const digits = (match[1] as string).replace(/[０-９]/g, (digit) => String(digit.charCodeAt(0) - 0xff10));
  return Number(digits);
}

/**
 * The payload chosen by a numeric answer: the quick replies (and card buttons, in the order render-reply numbers
 * them) of the latest outgoing message before `message`. Undefined when the text is not a number in range or the
 * shopper has written something else since.
 *
 * @param previous the conversation's messages before `message`, oldest first.
 */
export function numberedChoicePayload(text: string, previous: readonly StoredMessage[]): string | undefined {
  const number = choiceNumber(text);
  if (number === undefined || number < 1) return undefined;
  for (let index = previous.length - 1; index >= 0; index -= 1) {
    const candidate = previous[index] as StoredMessage;
    // Another shopper message after the offer: the offer is no longer what the number answers.
    if (candidate.direction === 'in') return undefined;
    const payload = messagePayload(candidate);
    const choices = [
      ...(payload.quickReplies ?? []).map((reply) => reply.payload),
      ...(payload.cards ?? []).flatMap((card) => (card.actions ?? []).map((action) => action.payload)),
    ];
    if (choices.length) return choices[number - 1];
  }
  return undefined;
}
