/**
 * Runs a function once input has been quiet for a while (the live preview and the list search), so typing sends
 * one request per pause instead of one per key.
 *
 * Timers are injectable, so the module is unit-tested under Node without waiting.
 */

/** setTimeout/clearTimeout, or fakes. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A debounced call: `schedule` restarts the wait, `flush` runs a pending call now, `cancel` drops it. */
export interface Debounced<A extends unknown[]> {
  schedule(...args: A): void;
  flush(): void;
  cancel(): void;
}

/** Calls `run` with the latest arguments `waitMs` after the last `schedule`. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, waitMs: number, timers: Timers = realTimers): Debounced<A> {
  let handle: unknown;
  let pending: A | undefined;
  const fire = (): void => {
    const args = pending;
    pending = undefined;
    handle = undefined;
    if (args) run(...args);
  };
  return {
    schedule(...args: A) {
      pending = args;
      if (handle !== undefined) timers.clear(handle);
      handle = timers.set(fire, waitMs);
    },
    flush() {
      if (handle !== undefined) timers.clear(handle);
      fire();
    },
    cancel() {
      if (handle !== undefined) timers.clear(handle);
      handle = undefined;
      pending = undefined;
    },
  };
}
