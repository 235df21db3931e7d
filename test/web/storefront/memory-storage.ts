/** An in-memory Web Storage for the storefront script's unit tests. */
import type { StorageLike } from '../../../web/widget/storage';

/** A Map-backed storage with its data visible to the test. */
export function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}
