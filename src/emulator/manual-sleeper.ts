/**
 * A sleeper a test drives by hand, to pass as `startEmulator({ sleep })`:
 * nothing waits for real time, and a test can observe that an answer is
 * held until it releases the sleep.
 *
 * @packageDocumentation
 */

/**
 * A hand-driven `sleep(ms)`.
 *
 * @example
 * ```ts
 * const sleeper = manualSleeper();
 * const emulator = await startEmulator({ sleep: sleeper.sleep, latencyMs: 250 });
 * const answer = fetch(`${emulator.url}/api/account/${emulator.accountId}/service/baseURI.json?version=1.0`);
 * await sleeper.waitForSleep();   // the emulator is now holding the answer
 * sleeper.releaseAll();
 * expect((await answer).status).toBe(200);
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface ManualSleeper {
  /** The function to inject. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Every `ms` asked for so far, in order. */
  readonly calls: ReadonlyArray<number>;
  /** How many sleeps are waiting to be released. */
  readonly pending: number;
  /** Resolves once at least `count` (default 1) sleeps are waiting. */
  waitForSleep(count?: number): Promise<void>;
  /** Releases the oldest waiting sleep; `false` when none waits. */
  releaseNext(): boolean;
  /** Releases every waiting sleep; returns how many. */
  releaseAll(): number;
}

/**
 * Makes a {@link ManualSleeper}. Uses no timer.
 *
 * @example
 * ```ts
 * const sleeper = manualSleeper();
 * const done = sleeper.sleep(1000).then(() => 'slept');
 * sleeper.releaseNext();
 * await done; // 'slept'
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export function manualSleeper(): ManualSleeper {
  const calls: number[] = [];
  const waiting: Array<() => void> = [];
  let watchers: Array<{ count: number; resolve: () => void }> = [];
  const notify = (): void => {
    const ready = watchers.filter((w) => waiting.length >= w.count);
    watchers = watchers.filter((w) => waiting.length < w.count);
    for (const w of ready) w.resolve();
  };
  return {
    sleep(ms) {
      calls.push(ms);
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        notify();
      });
    },
    get calls() {
      return [...calls];
    },
    get pending() {
      return waiting.length;
    },
    waitForSleep(count = 1) {
      return new Promise<void>((resolve) => {
        watchers.push({ count, resolve });
        notify();
      });
    },
    releaseNext() {
      const next = waiting.shift();
      if (next === undefined) return false;
      next();
      return true;
    },
    releaseAll() {
      const all = waiting.splice(0, waiting.length);
      for (const r of all) r();
      return all.length;
    },
  };
}
