/** Small helpers the skills share: reading the understanding, yes/no, memory updates, formatting for a language. */
import type { EntityOf, EntityType } from '../../../nlu/entities';
import type { DialogueState } from '../dialogue/dialogue-state';
import type { Reply } from '../reply';
import { renderTemplate } from '../templates';
import { payloads, type Turn } from './skill';

/** The decided intent when it is confident enough to act on, else undefined. */
export function confidentIntent(turn: Turn): string | undefined {
  const intent = turn.understanding?.intent;
  if (!intent) return undefined;
  return intent.confidence >= turn.policy.minConfidence ? intent.intent : undefined;
}

/** The first entity of a type in the message. */
export function entityOf<T extends EntityType>(turn: Turn, type: T): EntityOf<T> | undefined {
  return turn.understanding?.entities.find((e) => e.type === type) as EntityOf<T> | undefined;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** `yes`, `no`, or undefined: a quick-reply button, or a typed yes/no word of the shopper's language (or English). */
export function yesOrNo(turn: Turn): 'yes' | 'no' | undefined {
  if (turn.quickReplyPayload === payloads.confirmYes) return 'yes';
  if (turn.quickReplyPayload === payloads.confirmNo) return 'no';
  const text = normalise(turn.text);
  if (!text) return undefined;
  const words = text.split(' ');
  const matches = (list: readonly string[]): boolean =>
    list.some((word) => {
      const candidate = normalise(word);
      // The whole message, or its first word(s): "yes please", "sí, cancélalo".
      return text === candidate || text.startsWith(`${candidate} `) || words.slice(0, candidate.split(' ').length).join(' ') === candidate;
    });
  if (matches(turn.texts.yesWords) || normalise(turn.texts.confirmation.yes) === text) return 'yes';
  if (matches(turn.texts.noWords) || normalise(turn.texts.confirmation.no) === text) return 'no';
  return undefined;
}

/** The memory after a turn the bot understood: `patch` applied, the not-understood streak reset. */
export function remember(turn: Turn, patch: Partial<DialogueState>): DialogueState {
  return { ...turn.dialogue, ...patch, notUnderstood: undefined };
}

/** A reply in the turn's language. */
export function say(turn: Turn, text: string, vars: Record<string, string> = {}, extra: Omit<Reply, 'text' | 'language'> = {}): Reply {
  return { text: renderTemplate(text, { store: turn.storeName, ...vars }), language: turn.language, ...extra };
}

/** Yes / no buttons for a confirmation question. */
export function confirmationButtons(turn: Turn): Reply['quickReplies'] {
  return [
    { title: turn.texts.confirmation.yes, payload: payloads.confirmYes },
    { title: turn.texts.confirmation.no, payload: payloads.confirmNo },
  ];
}

/** The offer of a person, attached to replies the bot cannot fully answer. */
export function offerPerson(turn: Turn): Reply['quickReplies'] {
  return [
    { title: turn.templates.quickReplies.talkToPerson, payload: payloads.humanAgent },
    { title: turn.templates.quickReplies.noThanks, payload: payloads.declineAgent },
  ];
}

/** A date in the shopper's language, e.g. "23 de noviembre de 2026", "2026年11月23日". */
export function formatDate(epochMs: number, language: string, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }).format(new Date(epochMs));
}

/** An amount in minor units as the shopper's language writes it, e.g. "59,90 €". */
export function formatMoney(amountMinor: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
