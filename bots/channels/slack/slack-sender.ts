/**
 * Posting and updating Slack messages for the outbound queue. One call = one Web API request, no hidden retries:
 * failures come back as {@link SlackRetryableError} (throw it to have the job retried, after `retryAfterMs` when
 * set) or {@link SlackPermanentError} (a BullMQ `UnrecoverableError`: the job fails at once).
 */
import type { WebClient } from '@slack/web-api';
import type { SlackBlock } from './handoff-blocks';
import { classifySlackError, SlackRetryableError } from './slack-errors';

/** A message to post. */
export interface SlackPost {
  channel: string;
  /** Plain-text fallback shown in notifications and by clients that cannot draw blocks; required by Slack with blocks. */
  text: string;
  blocks?: SlackBlock[];
  /** Post as a reply in this thread. */
  threadTs?: string;
  /**
   * Shown in the thread and the channel, named as the shopper (needs the `chat:write.customize` scope);
   * without it the bot's name is shown.
   */
  username?: string;
  /** Event metadata carried with the message (e.g. the platform message id), invisible to people. */
  metadata?: { eventType: string; payload: Record<string, string | number | boolean> };
}

/** A posted message: where it lives, and its `ts`, which is its id. */
export interface SlackPosted {
  channel: string;
  ts: string;
}

/** An update of an earlier message. */
export interface SlackUpdate {
  channel: string;
  ts: string;
  text: string;
  blocks?: SlackBlock[];
}

/**
 * Sends to Slack with a client from `createSlackWebClient` (no internal retries, rate limits rejected).
 *
 * @example
 * const sender = new SlackSender(createSlackWebClient(config.slack));
 * try {
 *   const { ts } = await sender.postMessage({ channel, text, blocks, threadTs });
 * } catch (error) {
 *   if (error instanceof SlackRetryableError && error.retryAfterMs) await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
 *   throw error;
 * }
 */
export class SlackSender {
  constructor(private readonly client: WebClient) {}

  /** `chat.postMessage`. @throws SlackRetryableError | SlackPermanentError */
  async postMessage(post: SlackPost): Promise<SlackPosted> {
    const method = 'chat.postMessage';
    try {
      const result = await this.client.chat.postMessage({
        channel: post.channel,
        text: post.text,
        ...(post.blocks ? { blocks: post.blocks } : {}),
        ...(post.threadTs ? { thread_ts: post.threadTs } : {}),
        ...(post.username ? { username: post.username } : {}),
        ...(post.metadata ? { metadata: { event_type: post.metadata.eventType, event_payload: post.metadata.payload } } : {}),
        // Links in shopper text stay links; no previews of shop URLs cluttering the agents' channel.
        unfurl_links: false,
        unfurl_media: false,
      });
      if (!result.ts || !result.channel) throw new SlackRetryableError(`${method}: Slack answered ok without a ts`);
      return { channel: result.channel, ts: result.ts };
    } catch (error) {
      throw error instanceof SlackRetryableError ? error : classifySlackError(error, method);
    }
  }

  /** `chat.update` (e.g. the root message after a claim). @throws SlackRetryableError | SlackPermanentError */
  async update(update: SlackUpdate): Promise<SlackPosted> {
    try {
      const result = await this.client.chat.update({
        channel: update.channel,
        ts: update.ts,
        text: update.text,
        ...(update.blocks ? { blocks: update.blocks } : {}),
      });
      return { channel: result.channel ?? update.channel, ts: result.ts ?? update.ts };
    } catch (error) {
      throw classifySlackError(error, 'chat.update');
    }
  }

  /**
   * Finds a message this app posted with `metadata.event_payload.key === key`: in the thread `threadTs`, or among
   * the channel's top-level messages, posted at or after `oldestTs` (needs `channels:history` / `groups:history`).
   * @throws SlackRetryableError | SlackPermanentError
   */
  async findPosted(input: { channel: string; threadTs?: string; oldestTs: string; eventType: string; key: string }): Promise<SlackPosted | undefined> {
    const method = input.threadTs ? 'conversations.replies' : 'conversations.history';
    try {
      const common = { channel: input.channel, oldest: input.oldestTs, inclusive: true, include_all_metadata: true, limit: 200 };
      const result = input.threadTs
        ? await this.client.conversations.replies({ ...common, ts: input.threadTs })
        : await this.client.conversations.history(common);
      for (const message of result.messages ?? []) {
        const metadata = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
        if (message.ts && metadata?.event_type === input.eventType && metadata.event_payload?.key === input.key) return { channel: input.channel, ts: message.ts };
      }
      return undefined;
    } catch (error) {
      throw classifySlackError(error, method);
    }
  }
}
