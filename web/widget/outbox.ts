/**
 * Messages the shopper sent that the server has not acknowledged yet. They are persisted so that a reload or a
 * navigation in the middle of sending does not lose them, and re-sent with the same `clientMessageId` after
 * every reconnect; the server deduplicates by that id, so a resend of something that did arrive is harmless.
 *
 * Storage is injected (the widget passes `sessionStorage`: per tab, so two open tabs do not both adopt the same
 * pending bubble; it survives reloads, which is the case that matters).
 */
import { readItem, writeItem, type StorageLike } from './storage';

/** One unacknowledged message; exactly what is needed to re-send it and to redraw its bubble. */
export interface OutboxEntry {
  clientMessageId: string;
  text: string;
  quickReplyPayload?: string;
  /** ISO 8601 time the shopper sent it. */
  at: string;
}

/** Tuning and test seams. */
export interface OutboxOptions {
  /**
   * Entries older than this are dropped when loading: a question typed yesterday should not pop into a
   * conversation that has moved on. Default 24 hours.
   */
  maxAgeMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const DEFAULT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function isEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.clientMessageId === 'string' &&
    entry.clientMessageId.length > 0 &&
    typeof entry.text === 'string' &&
    typeof entry.at === 'string' &&
    (entry.quickReplyPayload === undefined || typeof entry.quickReplyPayload === 'string')
  );
}

/** The persistent queue of unacknowledged messages, oldest first. */
export class Outbox {
  private items: OutboxEntry[];

  /**
   * Loads what an earlier page left under `key`. Unreadable, malformed or expired data is ignored rather than
   * thrown: a broken outbox must never stop the chat from starting.
   */
  constructor(
    private readonly storage: StorageLike | undefined,
    private readonly key: string,
    options: OutboxOptions = {},
  ) {
    const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    const now = (options.now ?? Date.now)();
    this.items = [];
    const raw = readItem(storage, key);
    if (raw === undefined) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed)) return;
    const seen = new Set<string>();
    for (const value of parsed) {
      if (!isEntry(value) || seen.has(value.clientMessageId)) continue;
      const age = now - Date.parse(value.at);
      if (!(age <= maxAgeMs)) continue; // also drops unparsable timestamps (NaN)
      seen.add(value.clientMessageId);
      const entry: OutboxEntry = { clientMessageId: value.clientMessageId, text: value.text, at: value.at };
      if (value.quickReplyPayload !== undefined) entry.quickReplyPayload = value.quickReplyPayload;
      this.items.push(entry);
    }
    if (this.items.length !== parsed.length) this.save();
  }

  /** The queued messages, oldest first (a copy). */
  entries(): OutboxEntry[] {
    return [...this.items];
  }

  /** Whether `clientMessageId` is still waiting for an acknowledgement. */
  has(clientMessageId: string): boolean {
    return this.items.some((entry) => entry.clientMessageId === clientMessageId);
  }

  /** Queues a message; adding an id that is already queued is a no-op. */
  add(entry: OutboxEntry): void {
    if (this.has(entry.clientMessageId)) return;
    this.items.push({ ...entry });
    this.save();
  }

  /** Forgets a message (acknowledged, refused, or found in the server's history). */
  remove(clientMessageId: string): void {
    const before = this.items.length;
    this.items = this.items.filter((entry) => entry.clientMessageId !== clientMessageId);
    if (this.items.length !== before) this.save();
  }

  private save(): void {
    // An empty outbox removes the key instead of leaving "[]" behind in the store's storage.
    writeItem(this.storage, this.key, this.items.length ? JSON.stringify(this.items) : undefined);
  }
}
