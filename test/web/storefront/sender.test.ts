import { EventQueue } from '../../../web/storefront/event-queue';
import { backoffMs, batchBody, Sender, verdict, type Transport } from '../../../web/storefront/sender';
import type { OutgoingEvent } from '../../../web/storefront/track-input';
import { memoryStorage } from './memory-storage';

const event = (n: number): OutgoingEvent => ({ eventId: `e${n}`, type: 'view', sku: `S${n}`, visitorId: 'v', sessionId: 's', at: '2025-05-01T10:00:00.000Z' });

/** A transport answering with the statuses given, one per post (a thrown error for `'network'`). */
function fakeTransport(answers: Array<number | 'network'>, beaconAccepts = true) {
  let now = 1_000;
  const posts: Array<{ url: string; body: string }> = [];
  const beacons: string[] = [];
  const transport: Transport = {
    post: async (url, body) => {
      posts.push({ url, body });
      const answer = answers.shift() ?? 202;
      if (answer === 'network') throw new TypeError('Failed to fetch');
      return answer;
    },
    beacon: (_url, body) => {
      if (beaconAccepts) beacons.push(body);
      return beaconAccepts;
    },
    now: () => now,
  };
  return { transport, posts, beacons, advance: (ms: number) => (now += ms) };
}

describe('EventQueue', () => {
  it('persists events across pages and keeps only the newest beyond its bound', () => {
    const storage = memoryStorage();
    const queue = new EventQueue(storage, 'demo', 3);
    for (let n = 1; n <= 5; n++) queue.add(event(n));
    expect(new EventQueue(storage, 'demo', 3).peek(10).map((e) => e.eventId)).toEqual(['e3', 'e4', 'e5']);
    queue.remove(new Set(['e3', 'e4', 'e5']));
    expect(storage.data.has('pgdesk:demo:events')).toBe(false);
  });

  it('keeps the shopper’s e-mail in memory only, never in storage', () => {
    const storage = memoryStorage();
    const queue = new EventQueue(storage, 'demo');
    queue.add({ ...event(1), email: 'ana@example.com' });
    expect(queue.peek(1)[0]?.email).toBe('ana@example.com');
    expect(storage.data.get('pgdesk:demo:events')).not.toContain('ana@example.com');
    expect(new EventQueue(storage, 'demo').peek(1)[0]).toEqual(event(1));
  });

  it('starts empty when what was stored is not a list of events', () => {
    const storage = memoryStorage();
    storage.setItem('pgdesk:demo:events', '{broken');
    expect(new EventQueue(storage, 'demo').size).toBe(0);
  });
});

describe('Sender', () => {
  it('posts batches as text with the key and the device time, and empties the queue once answered', async () => {
    const queue = new EventQueue(memoryStorage(), 'demo');
    for (let n = 1; n <= 60; n++) queue.add(event(n));
    const fake = fakeTransport([202, 207]);
    await new Sender(queue, 'https://desk.example/api/events', 'pgd_k', fake.transport).flush();
    expect(fake.posts).toHaveLength(2);
    const first = JSON.parse(fake.posts[0]!.body) as { key: string; sentAt: string; events: OutgoingEvent[] };
    expect(first).toMatchObject({ key: 'pgd_k', sentAt: new Date(1_000).toISOString() });
    expect(first.events).toHaveLength(50);
    expect(queue.size).toBe(0);
  });

  it('keeps the events after a network error or a 5xx and retries with growing backoff', async () => {
    const queue = new EventQueue(memoryStorage(), 'demo');
    queue.add(event(1));
    const fake = fakeTransport(['network', 503, 202]);
    const sender = new Sender(queue, 'u', 'k', fake.transport);
    await sender.flush();
    expect(queue.size).toBe(1);
    expect(sender.nextAttemptAt).toBe(1_000 + 1_000);
    await sender.flush(); // too early: nothing is sent
    expect(fake.posts).toHaveLength(1);
    fake.advance(1_000);
    await sender.flush();
    expect(sender.nextAttemptAt).toBe(2_000 + 2_000);
    fake.advance(2_000);
    await sender.flush();
    expect(queue.size).toBe(0);
    expect(sender.nextAttemptAt).toBe(0);
  });

  it('drops a batch the server refused for good, and says so', async () => {
    const queue = new EventQueue(memoryStorage(), 'demo');
    queue.add(event(1));
    const warnings: string[] = [];
    await new Sender(queue, 'u', 'k', fakeTransport([401]).transport, (m) => warnings.push(m)).flush();
    expect(queue.size).toBe(0);
    expect(warnings).toEqual([expect.stringContaining('HTTP 401')]);
  });

  it('hands everything to the beacon when the page goes away, keeping what the browser refuses', () => {
    const queue = new EventQueue(memoryStorage(), 'demo');
    for (let n = 1; n <= 70; n++) queue.add(event(n));
    const accepted = fakeTransport([]);
    new Sender(queue, 'u', 'k', accepted.transport).beaconAll();
    expect(accepted.beacons).toHaveLength(2);
    expect(queue.size).toBe(0);
    queue.add(event(71));
    new Sender(queue, 'u', 'k', fakeTransport([], false).transport).beaconAll();
    expect(queue.size).toBe(1);
  });

  it('classifies answers and spaces retries up to a minute', () => {
    expect([202, 207, 400, 401, 413, 408, 429, 500, 503, undefined].map(verdict)).toEqual(['done', 'done', 'done', 'done', 'done', 'retry', 'retry', 'retry', 'retry', 'retry']);
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 60_000]);
    expect(JSON.parse(batchBody('k', [event(1)], 0))).toEqual({ key: 'k', sentAt: '1970-01-01T00:00:00.000Z', events: [event(1)] });
  });
});
