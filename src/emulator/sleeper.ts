/**
 * How the emulator waits. Every wait ends at once when the emulator closes,
 * whether the sleep is the built-in `setTimeout` one (whose timers are
 * cleared) or an injected one (which is raced against the close).
 *
 * @internal
 */

/** A sleep that `cancelAll` ends. */
export interface Sleeper {
  /** Waits `ms` (no wait for `ms <= 0`). Never rejects. */
  sleep(ms: number): Promise<void>;
  /** Ends every current and future wait immediately. */
  cancelAll(): void;
}

/** A sleeper over `inject`, or over `setTimeout` when none is given. */
export function createSleeper(inject?: (ms: number) => Promise<void>): Sleeper {
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  let cancelled = false;
  let onCancel: () => void = () => undefined;
  const cancelledPromise = new Promise<void>((resolve) => {
    onCancel = resolve;
  });
  const timerSleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });
  return {
    sleep(ms) {
      if (cancelled || !(ms > 0)) return Promise.resolve();
      let waiting: Promise<void>;
      try {
        waiting = inject === undefined ? timerSleep(ms) : Promise.resolve(inject(ms)).then(() => undefined);
      } catch {
        waiting = Promise.resolve();
      }
      return Promise.race([waiting.catch(() => undefined), cancelledPromise]);
    },
    cancelAll() {
      cancelled = true;
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve();
      }
      timers.clear();
      onCancel();
    },
  };
}
