/**
 * Who a Slack user is (the agent's name shown to the shopper, the e-mail that links them to a platform agent),
 * from `users.info`, cached per process: names rarely change and every relayed reply needs one.
 */
import type { WebClient } from '@slack/web-api';
import { classifySlackError } from './slack-errors';

/** A Slack user as the handoff needs them. */
export interface SlackUserProfile {
  userId: string;
  /** Display name, else real name, else the user id. */
  displayName: string;
  /** Needs the `users:read.email` scope; undefined without it or for bots. */
  email?: string;
}

/** Cache bounds. */
export interface SlackUserDirectoryOptions {
  /** @defaultValue 3600000 (one hour) */
  ttlMs?: number;
  /** @defaultValue 5000 */
  maxEntries?: number;
  /** Clock, for tests. @defaultValue Date.now */
  now?: () => number;
}

/** Resolves Slack user ids through `users.info`, remembering answers (and in-flight lookups) for `ttlMs`. */
export class SlackUserDirectory {
  private readonly cache = new Map<string, { at: number; profile: Promise<SlackUserProfile> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly client: WebClient,
    options: SlackUserDirectoryOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.now = options.now ?? Date.now;
  }

  /** The user's profile. @throws SlackRetryableError | SlackPermanentError (e.g. `user_not_found`); failures are not cached. */
  async lookup(userId: string): Promise<SlackUserProfile> {
    const cached = this.cache.get(userId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.profile;
    // Concurrent lookups of one user share a single request.
    const profile = this.fetch(userId);
    this.remember(userId, profile);
    try {
      return await profile;
    } catch (error) {
      if (this.cache.get(userId)?.profile === profile) this.cache.delete(userId);
      throw error;
    }
  }

  private remember(userId: string, profile: Promise<SlackUserProfile>): void {
    this.cache.delete(userId);
    if (this.cache.size >= this.maxEntries) {
      // Map keeps insertion order: the first key is the least recently fetched.
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(userId, { at: this.now(), profile });
  }

  private async fetch(userId: string): Promise<SlackUserProfile> {
    try {
      const { user } = await this.client.users.info({ user: userId });
      const name = user?.profile?.display_name || user?.profile?.real_name || user?.real_name || user?.name || userId;
      const email = user?.profile?.email;
      return { userId, displayName: name, ...(email ? { email } : {}) };
    } catch (error) {
      throw classifySlackError(error, 'users.info');
    }
  }
}
