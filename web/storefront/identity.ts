/**
 * First-party ids kept in the store's own origin: a visitor id in localStorage (the same shopper across visits,
 * until they clear site data) and a session id in sessionStorage that starts over after 30 idle minutes. Random,
 * never derived from anything about the person. Without storage (blocked, private mode) they live for the page.
 */
import { newClientMessageId } from '../widget/ids';
import { readItem, writeItem, type StorageLike } from '../widget/storage';

const SESSION_IDLE_MS = 30 * 60_000;

/** A random UUID v4 (the widget's generator: `crypto.randomUUID` where the page is a secure context). */
export const randomId = (): string => newClientMessageId();

/** The visitor id, created on first use. */
export function visitorId(storage: StorageLike | undefined, workspace: string, newId: () => string = randomId): string {
  const key = `pgdesk:${workspace}:visitor`;
  const known = readItem(storage, key);
  if (known && /^[A-Za-z0-9_.:-]{1,64}$/.test(known)) return known;
  const id = newId();
  writeItem(storage, key, id);
  return id;
}

/** The session id: the current one while the visitor was active in the last 30 minutes, else a new one. */
export function sessionId(storage: StorageLike | undefined, workspace: string, now: number, newId: () => string = randomId): string {
  const key = `pgdesk:${workspace}:session`;
  const [id, last] = (readItem(storage, key) ?? '').split(' ');
  const current = id && last && now - Number(last) < SESSION_IDLE_MS ? id : newId();
  writeItem(storage, key, `${current} ${now}`);
  return current;
}
