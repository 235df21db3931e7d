import { debounce, type Timers } from '../../../web/admin/debounce';

/** Timers that run only when told to. */
function manualTimers(): Timers & { runAll(): void; pending(): number } {
  const queue = new Map<number, () => void>();
  let next = 0;
  return {
    set: (callback) => {
      queue.set(++next, callback);
      return next;
    },
    clear: (handle) => void queue.delete(handle as number),
    runAll: () => {
      const callbacks = [...queue.values()];
      queue.clear();
      for (const callback of callbacks) callback();
    },
    pending: () => queue.size,
  };
}

describe('debounce', () => {
  it('runs once, with the latest arguments, after typing pauses', () => {
    const timers = manualTimers();
    const calls: string[] = [];
    const typed = debounce((text: string) => calls.push(text), 300, timers);
    typed.schedule('a');
    typed.schedule('ab');
    typed.schedule('abc');
    expect(timers.pending()).toBe(1);
    timers.runAll();
    expect(calls).toEqual(['abc']);
  });

  it('runs a pending call at once on flush and drops it on cancel', () => {
    const timers = manualTimers();
    const calls: string[] = [];
    const typed = debounce((text: string) => calls.push(text), 300, timers);
    typed.schedule('now');
    typed.flush();
    typed.flush();
    typed.schedule('never');
    typed.cancel();
    timers.runAll();
    expect(calls).toEqual(['now']);
  });
});
