/**
 * Knowledge-index changes on Redis pub/sub: after a re-index job moves a workspace's index version, every server and
 * worker process applies the change to its in-memory index. A process that missed an event notices the gap (the
 * version it holds is not the one before) and rebuilds from the database instead.
 */
import type { Redis } from 'ioredis';

/** A workspace's index moved to `version`; `slugs` changed since `version - 1` (`all`: rebuild). */
export interface IndexChangedEvent {
  workspaceId: string;
  version: number;
  slugs: string[] | 'all';
}

/** The pub/sub channel of a deployment. */
export function indexEventsChannel(keyPrefix: string): string {
  return `${keyPrefix}:knowledge-index`;
}

/** Publishes a change. */
export async function publishIndexChanged(redis: Redis, keyPrefix: string, event: IndexChangedEvent): Promise<void> {
  await redis.publish(indexEventsChannel(keyPrefix), JSON.stringify(event));
}

/** Subscribes a pub/sub connection to index changes. @returns a function that unsubscribes. */
export async function subscribeIndexChanged(subscriber: Redis, keyPrefix: string, listener: (event: IndexChangedEvent) => void): Promise<() => Promise<void>> {
  const channel = indexEventsChannel(keyPrefix);
  const onMessage = (from: string, payload: string): void => {
    if (from !== channel) return;
    try {
      const event = JSON.parse(payload) as IndexChangedEvent;
      if (typeof event.workspaceId === 'string' && Number.isInteger(event.version)) listener(event);
    } catch {
      // A malformed event (another platform version) is ignored; the periodic version check catches up.
    }
  };
  subscriber.on('message', onMessage);
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.off('message', onMessage);
    await subscriber.unsubscribe(channel);
  };
}
