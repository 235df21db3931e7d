/**
 * Sends queued events in batches. While the page is open: `fetch` with `keepalive`, as `text/plain` JSON with the
 * key in the body (a CORS "simple" request: no preflight), retried with backoff (1 s, 2 s, 4 s ... 1 min) after a
 * network error, a 429 or a 5xx. When the page is hidden or left: `navigator.sendBeacon`, which the browser delivers
 * after the page is gone. The server stores an event id once, so a batch sent twice (a lost answer, a beacon and a
 * retry) is counted once.
 */
import type { EventQueue } from './event-queue';
import type { OutgoingEvent } from './track-input';

/** Most events per request (the API takes 500; beacons and keepalive bodies are limited to 64 KB). */
const BATCH = 50;
const MAX_BACKOFF_MS = 60_000;

/** What the sender needs from the browser (injected: unit-tested under Node). */
export interface Transport {
  /** POSTs the body; resolves with the HTTP status (rejects on a network error). */
  post(url: string, body: string): Promise<number>;
  /** Queues the body with `navigator.sendBeacon`; false when the browser refused it. */
  beacon(url: string, body: string): boolean;
  now(): number;
}

/** What to do with a batch after an answer. */
export type Verdict = 'done' | 'retry';

/**
 * The answer's meaning for the batch: answered (202 all stored, 207 some refused for good, 4xx refused for good:
 * resending would not help) or try again later (no answer, 408, 429, 5xx).
 */
export function verdict(status: number | undefined): Verdict {
  if (status === undefined || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'done';
}

/** Backoff before retry number `attempt` (1-based). */
export function backoffMs(attempt: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
}

/** The request body of a batch. */
export function batchBody(key: string, events: readonly OutgoingEvent[], now: number): string {
  return JSON.stringify({ key, sentAt: new Date(now).toISOString(), events });
}

/** See the file comment. */
export class Sender {
  private sending = false;
  private failures = 0;
  private retryAt = 0;

  constructor(
    private readonly queue: EventQueue,
    private readonly endpoint: string,
    private readonly key: string,
    private readonly transport: Transport,
    private readonly warn: (message: string) => void = () => undefined,
  ) {}

  /** When the next attempt may start after failures (epoch ms); 0 when not backing off. */
  get nextAttemptAt(): number {
    return this.retryAt;
  }

  /** Sends what is queued, batch by batch, until the queue is empty or an attempt fails. */
  async flush(): Promise<void> {
    if (this.sending || this.transport.now() < this.retryAt) return;
    this.sending = true;
    try {
      while (this.queue.size > 0) {
        const batch = this.queue.peek(BATCH);
        let status: number | undefined;
        try {
          status = await this.transport.post(this.endpoint, batchBody(this.key, batch, this.transport.now()));
        } catch {
          status = undefined;
        }
        if (verdict(status) === 'retry') {
          this.failures += 1;
          this.retryAt = this.transport.now() + backoffMs(this.failures);
          return;
        }
        if (status !== undefined && status >= 400 && status !== 207) this.warn(`events refused (HTTP ${status}); check data-key and the events`);
        this.failures = 0;
        this.retryAt = 0;
        this.queue.remove(new Set(batch.map((event) => event.eventId)));
      }
    } finally {
      this.sending = false;
    }
  }

  /** Hands everything queued to the browser's beacon (the page is going away); what it refuses stays queued. */
  beaconAll(): void {
    while (this.queue.size > 0) {
      const batch = this.queue.peek(BATCH);
      if (!this.transport.beacon(this.endpoint, batchBody(this.key, batch, this.transport.now()))) return;
      this.queue.remove(new Set(batch.map((event) => event.eventId)));
    }
  }
}
