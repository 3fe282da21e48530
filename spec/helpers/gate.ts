/**
 * A controllable sleeper for the emulator: every `sleep` waits until the test
 * releases it, so latency and slow bodies are tested without real time.
 */
export interface Gate {
  readonly sleep: (ms: number) => Promise<void>;
  /** Resolves once `n` sleeps have started (the emulator is holding a request). */
  waiting(n?: number): Promise<void>;
  /** Ends every current sleep. */
  release(): void;
  readonly requested: ReadonlyArray<number>;
}

export function gate(): Gate {
  const pending: Array<() => void> = [];
  const requested: number[] = [];
  const watchers: Array<{ n: number; resolve: () => void }> = [];
  const notify = () => {
    for (const w of [...watchers]) {
      if (requested.length >= w.n) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  return {
    requested,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        requested.push(ms);
        pending.push(resolve);
        notify();
      }),
    waiting: (n = 1) =>
      new Promise<void>((resolve) => {
        watchers.push({ n, resolve });
        notify();
      }),
    release: () => {
      for (const r of pending.splice(0)) r();
    },
  };
}
