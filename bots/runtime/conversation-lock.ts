/**
 * A per-conversation lock in Redis (SET NX PX with a random token, released only by its holder), so that the
 * messages of one conversation are processed one at a time and in order, whichever worker picks them up.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** Acquires and releases conversation locks. */
export class ConversationLock {
  /**
   * @param ttlMs how long a lock lives if its holder dies without releasing it.
   */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly ttlMs = 30_000,
  ) {}

  private key(conversationId: string): string {
    return `${this.keyPrefix}:lock:conversation:${conversationId}`;
  }

  // Tokens only need to be unique among holders: a random per-lock-object prefix and a counter are, without
  // drawing fresh randomness for every message.
  private readonly tokenPrefix = randomBytes(9).toString('base64url');
  private tokenCounter = 0;

  /** The lock's token when acquired, undefined when another holder has it. */
  async tryAcquire(conversationId: string): Promise<string | undefined> {
    this.tokenCounter += 1;
    const token = `${this.tokenPrefix}.${this.tokenCounter}`;
    const result = await this.redis.set(this.key(conversationId), token, 'PX', this.ttlMs, 'NX');
    return result === 'OK' ? token : undefined;
  }

  /** Releases the lock if `token` still holds it. */
  async release(conversationId: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE_SCRIPT, 1, this.key(conversationId), token);
  }
}
