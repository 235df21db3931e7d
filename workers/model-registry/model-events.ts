/**
 * Model lifecycle events on Redis pub/sub, so every server and worker process swaps to a newly promoted version
 * (or a rollback) without a restart, and admin tools can follow training progress.
 */
import type { Redis } from 'ioredis';

/** One event about a scope's model. */
export type ModelEvent =
  | { type: 'progress'; scope: string | null; component: string; version: number; fraction: number }
  | { type: 'completed'; scope: string | null; component: string; version: number; metrics: Record<string, unknown> }
  | { type: 'promoted'; scope: string | null; component: string; version: number; reason: string }
  | { type: 'rejected'; scope: string | null; component: string; version: number; reason: string }
  | { type: 'failed'; scope: string | null; component: string; version: number; error: string };

/** The pub/sub channel of a deployment. */
export function modelEventsChannel(keyPrefix: string): string {
  return `${keyPrefix}:model-events`;
}

/** Publishes an event (best effort: a lost progress event only delays a display). */
export async function publishModelEvent(redis: Redis, keyPrefix: string, event: ModelEvent): Promise<void> {
  await redis.publish(modelEventsChannel(keyPrefix), JSON.stringify(event));
}

/**
 * Subscribes `subscriber` (a connection dedicated to pub/sub) to model events.
 * @returns a function that unsubscribes.
 */
export async function subscribeModelEvents(
  subscriber: Redis,
  keyPrefix: string,
  listener: (event: ModelEvent) => void,
): Promise<() => Promise<void>> {
  const channel = modelEventsChannel(keyPrefix);
  const onMessage = (from: string, payload: string): void => {
    if (from !== channel) return;
    try {
      listener(JSON.parse(payload) as ModelEvent);
    } catch {
      // A malformed event from another version of the platform is ignored rather than crashing the subscriber.
    }
  };
  subscriber.on('message', onMessage);
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.off('message', onMessage);
    await subscriber.unsubscribe(channel);
  };
}
