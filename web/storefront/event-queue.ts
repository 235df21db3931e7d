/**
 * The events waiting to be sent, kept in localStorage so that an event tracked just before the shopper leaves the
 * page (or while the network is down) is sent from the next page. Bounded: beyond `max` events the oldest go. An
 * event leaves the queue when the server answered for it (stored, already stored, or refused for good) or when a
 * beacon carried it away. The shopper's e-mail (when the page identified them) is never written to storage: an event
 * sent from a later page goes without it, and the server still attributes it through the visitor id, which the
 * identified events of the same visitor link to the customer.
 */
import { readItem, writeItem, type StorageLike } from '../widget/storage';
import type { OutgoingEvent } from './track-input';

/** Most events kept. */
const MAX_EVENTS = 200;

/** See the file comment. */
export class EventQueue {
  private events: OutgoingEvent[];
  private readonly key: string;

  constructor(
    private readonly storage: StorageLike | undefined,
    workspace: string,
    private readonly max = MAX_EVENTS,
  ) {
    this.key = `pgdesk:${workspace}:events`;
    this.events = this.load();
  }

  /** Events waiting. */
  get size(): number {
    return this.events.length;
  }

  /** Adds an event (dropping the oldest beyond the bound). */
  add(event: OutgoingEvent): void {
    this.events.push(event);
    if (this.events.length > this.max) this.events.splice(0, this.events.length - this.max);
    this.save();
  }

  /** The oldest events, at most `count` (they stay queued until {@link remove}). */
  peek(count: number): OutgoingEvent[] {
    return this.events.slice(0, count);
  }

  /** Removes events by id (answered or beaconed). */
  remove(ids: ReadonlySet<string>): void {
    this.events = this.events.filter((event) => !ids.has(event.eventId));
    this.save();
  }

  private load(): OutgoingEvent[] {
    try {
      const parsed: unknown = JSON.parse(readItem(this.storage, this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed.filter((e) => e && typeof e === 'object' && typeof e.eventId === 'string') as OutgoingEvent[]).slice(-this.max) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    const stored = this.events.map(({ email: _email, ...event }) => event);
    writeItem(this.storage, this.key, stored.length ? JSON.stringify(stored) : undefined);
  }
}
