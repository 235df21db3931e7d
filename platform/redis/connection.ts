/**
 * The one place Redis connections are made. Every component asks the factory instead of constructing clients, so
 * connection options, naming and shutdown are uniform.
 */
import { Redis, type RedisOptions } from 'ioredis';

/** Makes named Redis connections and closes them all at shutdown. */
export interface RedisFactory {
  /**
   * A new connection. `blocking: true` is required by BullMQ workers and subscribers (no per-command retry limit).
   * `autoPipelining: true` sends the commands of one event-loop turn in one write; worth it for connections that
   * issue many small commands (locks, publishes), but not for BullMQ's: ioredis copies every script a connection
   * has defined into each automatic pipeline, and BullMQ defines dozens (measured: 6 % of CPU at chat load).
   * @param purpose short name shown in `CLIENT LIST` (e.g. `queue`, `socket-pub`).
   */
  create(purpose: string, options?: { blocking?: boolean; autoPipelining?: boolean }): Redis;
  /** Closes every connection made by this factory. */
  closeAll(): Promise<void>;
}

/** Creates the factory for `redis.url`. */
export function createRedisFactory(url: string, keyPrefix: string): RedisFactory {
  const made = new Set<Redis>();
  return {
    create(purpose, options = {}) {
      const redisOptions: RedisOptions = {
        connectionName: `${keyPrefix}:${purpose}`,
        // BullMQ requires null for blocking connections; others fail fast instead of queueing forever.
        maxRetriesPerRequest: options.blocking ? null : 3,
        enableReadyCheck: true,
        enableAutoPipelining: options.autoPipelining ?? false,
      };
      const client = new Redis(url, redisOptions);
      // Errors are reported through readiness checks and failing operations; an unhandled 'error' event would crash.
      client.on('error', () => undefined);
      made.add(client);
      client.once('end', () => made.delete(client));
      return client;
    },
    async closeAll() {
      await Promise.all(
        [...made].map(async (client) => {
          try {
            await client.quit();
          } catch {
            client.disconnect();
          }
        }),
      );
      made.clear();
    },
  };
}
