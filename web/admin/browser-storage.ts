/**
 * Opens sessionStorage, which can be missing or throw on access (storage blocked, sandboxed frames); the app then
 * keeps the token in memory for this page only.
 */
import type { StorageLike } from './session';

/** sessionStorage when it works, else undefined. */
export function openSessionStorage(): StorageLike | undefined {
  try {
    const storage = window.sessionStorage;
    const probe = 'pgdesk:admin:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
