/**
 * Posting to Slack exactly once per platform event. `chat.postMessage` has no idempotency key, and the outbound
 * queue retries a post whose answer was lost (a timeout after Slack had posted it): without care the agents would
 * see the shopper's message twice. Each post carries the event's key in Slack message metadata (invisible to
 * people); before a retry, the thread (or the channel) is searched for a message with that key, so a post that did
 * land is found instead of repeated. Redis remembers finished posts (no search at all for a job retried after its
 * post succeeded but a later step failed) and the time of the first attempt (where the search starts).
 */
import type { Redis } from 'ioredis';
import type { SlackPost, SlackPosted, SlackSender } from './slack-sender';

/** The metadata event type of this platform's posts. */
export const POST_EVENT_TYPE = 'polyglot_desk_post';

/** How long the ledger remembers a post; longer than any queue retry. */
const TTL_SECONDS = 7 * 24 * 3600;

/** See the file comment. */
export class IdempotentSlackPoster {
  constructor(
    private readonly sender: SlackSender,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  private key(kind: 'posted' | 'attempt', key: string): string {
    return `${this.keyPrefix}:slack-post:${kind}:${key}`;
  }

  /**
   * Posts `post` unless a post with `key` already landed; either way returns where it is.
   * @throws SlackRetryableError | SlackPermanentError (the job retries; the next attempt finds a post that landed)
   */
  async post(key: string, post: SlackPost): Promise<SlackPosted> {
    const posted = await this.redis.get(this.key('posted', key));
    if (posted) return JSON.parse(posted) as SlackPosted;
    const now = Date.now();
    // The first attempt's time, kept across retries: only messages from then on can be this post.
    const firstAttempt = (await this.redis.set(this.key('attempt', key), String(now), 'EX', TTL_SECONDS, 'NX')) === 'OK' ? undefined : await this.redis.get(this.key('attempt', key));
    if (firstAttempt) {
      // Slack's ts is the posting time in seconds; allow for clock skew between this host and Slack.
      const oldestTs = (Math.max(0, Number(firstAttempt) - 60_000) / 1000).toFixed(6);
      const found = await this.sender.findPosted({ channel: post.channel, ...(post.threadTs ? { threadTs: post.threadTs } : {}), oldestTs, eventType: POST_EVENT_TYPE, key });
      if (found) {
        await this.remember(key, found);
        return found;
      }
    }
    const result = await this.sender.postMessage({ ...post, metadata: { eventType: POST_EVENT_TYPE, payload: { ...post.metadata?.payload, key } } });
    await this.remember(key, result);
    return result;
  }

  private async remember(key: string, posted: SlackPosted): Promise<void> {
    await this.redis.set(this.key('posted', key), JSON.stringify(posted), 'EX', TTL_SECONDS);
  }
}
