/**
 * Catalogue changes on Redis pub/sub: whoever writes products (an import route, a job) publishes the workspace's new
 * revision, and every process's {@link CatalogueCache} loads the change at once instead of at its next periodic
 * check. A lost message costs only that delay: the revision check finds the change anyway.
 */
import type { Redis } from 'ioredis';

/** The workspace's catalogue moved to `revision`. */
export interface CatalogueChangedEvent {
  workspaceId: string;
  revision: number;
}

/** The pub/sub channel of a deployment. */
export function catalogueEventsChannel(keyPrefix: string): string {
  return `${keyPrefix}:catalogue-changed`;
}

/** Publishes a change. */
export async function publishCatalogueChanged(redis: Redis, keyPrefix: string, event: CatalogueChangedEvent): Promise<void> {
  await redis.publish(catalogueEventsChannel(keyPrefix), JSON.stringify(event));
}

/**
 * Subscribes a pub/sub connection (one in subscriber mode) to catalogue changes.
 * @returns a function that unsubscribes.
 */
export async function subscribeCatalogueChanged(
  subscriber: Redis,
  keyPrefix: string,
  listener: (event: CatalogueChangedEvent) => void,
): Promise<() => Promise<void>> {
  const channel = catalogueEventsChannel(keyPrefix);
  const onMessage = (from: string, payload: string): void => {
    if (from !== channel) return;
    try {
      const event = JSON.parse(payload) as Partial<CatalogueChangedEvent>;
      if (typeof event.workspaceId === 'string' && Number.isInteger(event.revision)) listener(event as CatalogueChangedEvent);
    } catch {
      // A malformed message (another platform version) is ignored; the periodic revision check catches up.
    }
  };
  subscriber.on('message', onMessage);
  await subscriber.subscribe(channel);
  return async () => {
    subscriber.off('message', onMessage);
    await subscriber.unsubscribe(channel);
  };
}
