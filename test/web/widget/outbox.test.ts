import { Outbox, type OutboxEntry } from '../../../web/widget/outbox';
import type { StorageLike } from '../../../web/widget/storage';

/** An in-memory Storage, optionally refusing writes like Safari's private mode. */
class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

const KEY = 'pgdesk:demo:outbox';
const NOW = Date.parse('2024-05-01T12:00:00Z');
const now = (): number => NOW;

function entry(id: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return { clientMessageId: id, text: `text ${id}`, at: '2024-05-01T11:59:00Z', ...overrides };
}

describe('Outbox', () => {
  it('persists queued messages so that a reload finds them in order', () => {
    const storage = new FakeStorage();
    const outbox = new Outbox(storage, KEY, { now });
    outbox.add(entry('a'));
    outbox.add(entry('b', { quickReplyPayload: 'track_order' }));

    const reloaded = new Outbox(storage, KEY, { now });
    expect(reloaded.entries()).toEqual([entry('a'), entry('b', { quickReplyPayload: 'track_order' })]);
  });

  it('forgets acknowledged messages in storage too', () => {
    const storage = new FakeStorage();
    const outbox = new Outbox(storage, KEY, { now });
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    outbox.remove('a');
    expect(new Outbox(storage, KEY, { now }).entries().map((e) => e.clientMessageId)).toEqual(['b']);
  });

  it('removes the storage key once the last message is acknowledged', () => {
    const storage = new FakeStorage();
    const outbox = new Outbox(storage, KEY, { now });
    outbox.add(entry('a'));
    outbox.remove('a');
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('queues each clientMessageId once', () => {
    const outbox = new Outbox(new FakeStorage(), KEY, { now });
    outbox.add(entry('a'));
    outbox.add(entry('a', { text: 'changed' }));
    expect(outbox.entries()).toEqual([entry('a')]);
    expect(outbox.has('a')).toBe(true);
    expect(outbox.has('b')).toBe(false);
  });

  it('ignores corrupt storage instead of failing', () => {
    const storage = new FakeStorage();
    storage.data.set(KEY, '{not json');
    expect(new Outbox(storage, KEY, { now }).entries()).toEqual([]);
  });

  it('drops malformed, duplicate and expired entries when loading', () => {
    const storage = new FakeStorage();
    storage.data.set(
      KEY,
      JSON.stringify([
        entry('ok'),
        entry('ok'),
        { clientMessageId: 'no-text', at: '2024-05-01T11:59:00Z' },
        entry('old', { at: '2024-04-29T11:59:00Z' }),
        entry('bad-date', { at: 'yesterday' }),
        42,
      ]),
    );
    const outbox = new Outbox(storage, KEY, { now, maxAgeMs: 60 * 60 * 1000 });
    expect(outbox.entries().map((e) => e.clientMessageId)).toEqual(['ok']);
    // The cleaned list is written back.
    expect(JSON.parse(storage.data.get(KEY) ?? '[]')).toHaveLength(1);
  });

  it('keeps working in memory when storage refuses writes', () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const outbox = new Outbox(storage, KEY, { now });
    outbox.add(entry('a'));
    expect(outbox.entries()).toEqual([entry('a')]);
  });

  it('keeps working without any storage', () => {
    const outbox = new Outbox(undefined, KEY, { now });
    outbox.add(entry('a'));
    outbox.remove('a');
    expect(outbox.entries()).toEqual([]);
  });

  it('returns copies so callers cannot change the queue by accident', () => {
    const outbox = new Outbox(new FakeStorage(), KEY, { now });
    outbox.add(entry('a'));
    outbox.entries().pop();
    expect(outbox.entries()).toHaveLength(1);
  });
});
