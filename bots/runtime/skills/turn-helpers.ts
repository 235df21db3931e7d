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
  // Apostrophes join a word ("don't" -> "dont", "d'accord" -> "daccord"); other punctuation separates words.
  return text.normalize('NFKC').toLowerCase().replace(/['’ʼ]/gu, '').replace(/[\p{P}\p{S}]/gu, ' ').replace(/\s+/g, ' ').trim();
}

/** True when `words` contain the (normalised) phrase as consecutive words. */
function containsPhrase(words: readonly string[], phrase: string): boolean {
  if (!phrase) return false;
  const parts = phrase.split(' ');
  for (let i = 0; i + parts.length <= words.length; i++) if (parts.every((part, k) => words[i + k] === part)) return true;
  return false;
}

/** `yes`, `no`, or undefined: a quick-reply button, or a typed yes/no word of the shopper's language (or English). */
export function yesOrNo(turn: Turn): 'yes' | 'no' | undefined {
  if (turn.quickReplyPayload === payloads.confirmYes) return 'yes';
  if (turn.quickReplyPayload === payloads.confirmNo) return 'no';
  const text = normalise(turn.text);
  if (!text) return undefined;
  const words = text.split(' ');
  // The words after a list entry that is the whole message or its first word(s): "yes please", "sí, cancélalo".
  const after = (list: readonly string[]): string[] | undefined => {
    for (const entry of list) {
      const candidate = normalise(entry);
      if (candidate && (text === candidate || text.startsWith(`${candidate} `))) return words.slice(candidate.split(' ').length);
    }
    return undefined;
  };
  const noWords = turn.texts.noWords.map(normalise);
  const yesRest = after(turn.texts.yesWords) ?? (normalise(turn.texts.confirmation.yes) === text ? [] : undefined);
  // "please don't cancel it", "да, не надо": a yes word followed by a no word is not a yes (the question is asked again).
  if (yesRest && !noWords.some((word) => containsPhrase(yesRest, word))) return 'yes';
  if (yesRest) return undefined;
  if (after(turn.texts.noWords) || normalise(turn.texts.confirmation.no) === text) return 'no';
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

/**
 * "A person is coming" (`text`, by default the plain announcement), with the expected wait when the handoff can tell
 * it, in the turn's language.
 */
export async function handoffAnnouncement(turn: Turn, text: string = turn.templates.handoffRequested): Promise<string> {
  const minutes = await turn.services.handoff?.expectedWaitMinutes(turn.conversation.workspace_id).catch(() => undefined);
  const rendered = renderTemplate(text, { store: turn.storeName });
  if (minutes === undefined) return rendered;
  return `${rendered} ${renderTemplate(turn.templates.expectedWait, { minutes: String(minutes) })}`;
}
