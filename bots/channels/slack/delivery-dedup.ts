/**
 * Remembers which Slack deliveries were handled, in Redis so every server of a deployment agrees. A delivery is
 * claimed before its handler runs (`SET NX`), marked done when the handler recorded it, and released when the
 * handler failed, so Slack's next retry is let through instead of being lost.
 */
import type { Redis } from 'ioredis';

/** What {@link DeliveryDedup.claim} found. */
export type DeliveryClaim =
  /** First sight: run the handler, then call `complete` or `release`. */
  | 'claimed'
  /** Handled before: acknowledge and do nothing. */
  | 'done'
  /** Another request is handling it right now: let Slack retry later, since that one may still fail. */
  | 'in_flight';

/** Key lifetimes. */
export interface DeliveryDedupOptions {
  /**
   * How long a handled delivery is remembered. Slack retries three times within about five minutes.
   * @defaultValue 3600
   */
  doneTtlSeconds?: number;
  /**
   * How long a claim lasts when the process dies before completing it; after that a retry may run again.
   * @defaultValue 30
   */
  claimTtlSeconds?: number;
}

const DEFAULTS = { doneTtlSeconds: 3600, claimTtlSeconds: 30 } as const;

/** Claim / complete / release of Slack deliveries under `<keyPrefix>:slack:delivery:<key>`. */
export class DeliveryDedup {
  private readonly doneTtlSeconds: number;
  private readonly claimTtlSeconds: number;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    options: DeliveryDedupOptions = {},
  ) {
    this.doneTtlSeconds = options.doneTtlSeconds ?? DEFAULTS.doneTtlSeconds;
    this.claimTtlSeconds = options.claimTtlSeconds ?? DEFAULTS.claimTtlSeconds;
  }

  /** Claims a delivery for this request, or says who already has it. */
  async claim(key: string): Promise<DeliveryClaim> {
    const redisKey = this.redisKey(key);
    const set = await this.redis.set(redisKey, 'in_flight', 'EX', this.claimTtlSeconds, 'NX');
    if (set === 'OK') return 'claimed';
    return (await this.redis.get(redisKey)) === 'done' ? 'done' : 'in_flight';
  }

  /** The handler recorded the delivery: retries from now on are duplicates. */
  async complete(key: string): Promise<void> {
    await this.redis.set(this.redisKey(key), 'done', 'EX', this.doneTtlSeconds);
  }

  /** The handler failed: forget the claim so Slack's retry runs it again. */
  async release(key: string): Promise<void> {
    await this.redis.del(this.redisKey(key));
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}:slack:delivery:${key}`;
  }
}
