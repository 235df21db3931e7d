import { TokenBucket } from '../../../../bots/channels/webchat/rate-limiter';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function takeAll(bucket: TokenBucket, tries: number): number {
  let taken = 0;
  for (let i = 0; i < tries; i += 1) if (bucket.tryTake()) taken += 1;
  return taken;
}

describe('TokenBucket', () => {
  describe('when full', () => {
    it('allows a burst of its capacity and refuses the next message', () => {
      const time = clock();
      const bucket = new TokenBucket(30, 30, time.now);
      expect(takeAll(bucket, 30)).toBe(30);
      expect(bucket.tryTake()).toBe(false);
    });

    it('uses the per-minute rate as capacity by default', () => {
      const time = clock();
      expect(takeAll(new TokenBucket(5, undefined, time.now), 10)).toBe(5);
    });
  });

  describe('when empty', () => {
    it('refills at the per-minute rate', () => {
      const time = clock();
      const bucket = new TokenBucket(30, 30, time.now); // one token every 2 s
      takeAll(bucket, 30);
      time.advance(1_999);
      expect(bucket.tryTake()).toBe(false);
      time.advance(1);
      expect(bucket.tryTake()).toBe(true);
      expect(bucket.tryTake()).toBe(false);
      time.advance(10_000);
      expect(takeAll(bucket, 10)).toBe(5);
    });

    it('never refills above its capacity', () => {
      const time = clock();
      const bucket = new TokenBucket(60, 3, time.now);
      takeAll(bucket, 3);
      time.advance(60 * 60_000);
      expect(takeAll(bucket, 10)).toBe(3);
    });
  });

  describe('when refused attempts keep coming', () => {
    it('does not let refused attempts use up the refill', () => {
      const time = clock();
      const bucket = new TokenBucket(60, 1, time.now); // one token per second
      expect(bucket.tryTake()).toBe(true);
      for (let i = 0; i < 9; i += 1) {
        time.advance(100);
        expect(bucket.tryTake()).toBe(false);
      }
      // Ten 100 ms refills add up to a hair under one token in floating point; a few ms more make it whole.
      time.advance(105);
      expect(bucket.tryTake()).toBe(true);
    });
  });
});
