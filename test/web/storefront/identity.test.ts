import { sessionId, visitorId } from '../../../web/storefront/identity';
import { memoryStorage } from './memory-storage';

describe('first-party ids', () => {
  it('keeps one visitor id per workspace in storage', () => {
    const storage = memoryStorage();
    let n = 0;
    const next = () => `id-${++n}`;
    expect(visitorId(storage, 'demo', next)).toBe('id-1');
    expect(visitorId(storage, 'demo', next)).toBe('id-1');
    expect(visitorId(storage, 'other', next)).toBe('id-2');
    expect(storage.data.get('pgdesk:demo:visitor')).toBe('id-1');
  });

  it('works for the page alone when storage is unavailable', () => {
    expect(visitorId(undefined, 'demo', () => 'fresh')).toBe('fresh');
  });

  it('keeps the session while the visitor is active and starts a new one after 30 idle minutes', () => {
    const storage = memoryStorage();
    let n = 0;
    const next = () => `s-${++n}`;
    const t = 1_000_000;
    expect(sessionId(storage, 'demo', t, next)).toBe('s-1');
    expect(sessionId(storage, 'demo', t + 29 * 60_000, next)).toBe('s-1');
    expect(sessionId(storage, 'demo', t + 58 * 60_000, next)).toBe('s-1');
    expect(sessionId(storage, 'demo', t + 89 * 60_000, next)).toBe('s-2');
  });
});
