import { timeOrderedId } from '../../../platform/database/ids';

describe('timeOrderedId', () => {
  it('produces RFC 9562 version-7 UUIDs', () => {
    expect(timeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts by creation time', () => {
    const earlier = timeOrderedId(1_700_000_000_000);
    const later = timeOrderedId(1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(earlier.slice(0, 13)).toBe('018bcfe5-6800');
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(1)));
    expect(ids.size).toBe(10_000);
  });

  it('is strictly increasing within one millisecond of this process, past the counter range too', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 6000 }, () => timeOrderedId(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
