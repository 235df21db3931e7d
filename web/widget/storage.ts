/**
 * Small, failure-tolerant wrappers around Web Storage. Storage can be missing or throw in ordinary situations
 * (Safari private mode quota, sandboxed iframes, cookies blocked), and the chat must keep working in memory then.
 *
 * Storage is injected, so this module has no DOM dependency and is unit-tested under Node with a fake.
 */

/** The part of the DOM `Storage` interface the widget uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Returns the storage the getter yields, or `undefined` when even touching it throws (a `SecurityError` when
 * the page blocks storage) or a test write fails.
 */
export function openStorage(get: () => StorageLike | undefined | null): StorageLike | undefined {
  try {
    const storage = get();
    if (!storage) return undefined;
    const probe = '__pgdesk_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** Reads a key, treating any storage failure as "not stored". */
export function readItem(storage: StorageLike | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Writes a key (or removes it for `undefined`); returns false when storage refused. */
export function writeItem(storage: StorageLike | undefined, key: string, value: string | undefined): boolean {
  if (!storage) return false;
  try {
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Storage keys, namespaced per workspace so two stores embedding the widget on one origin (or a staging
 * workspace next to production) never share a conversation.
 */
export const storageKeys = {
  /** localStorage: the session token, so the conversation survives reloads and new tabs. */
  session: (workspace: string): string => `pgdesk:${workspace}:session`,
  /** sessionStorage: unacknowledged messages of this tab. */
  outbox: (workspace: string): string => `pgdesk:${workspace}:outbox`,
  /** sessionStorage: whether the window was open, so it stays open while the shopper browses the store. */
  open: (workspace: string): string => `pgdesk:${workspace}:open`,
};
