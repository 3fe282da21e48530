/**
 * Progress of a check on the terminal: one line rewritten in place on a TTY
 * (with a countdown while a retry waits), plain lines when piped.
 *
 * @internal
 */
import type { ClientEvent } from '../client/events';

export interface ProgressSink {
  /** Writes without a newline (TTY mode rewrites the line). */
  write(text: string): void;
  readonly isTTY: boolean;
}

/** The plain-line text of an event, or undefined for events not shown. */
export function progressLine(e: ClientEvent, maxAttempts: number): string | undefined {
  switch (e.type) {
    case 'attemptStarted':
      return `attempt ${e.attempt} of ${maxAttempts}...`;
    case 'attemptFailed':
      return `attempt ${e.attempt} of ${maxAttempts} failed (${e.error.kind}${e.error.status === undefined ? '' : ` ${e.error.status}`}${e.error.internalCode === undefined ? '' : `, internalCode ${e.error.internalCode}`})`;
    case 'retryScheduled':
      return `next retry in ${(e.delayMs / 1000).toFixed(1)} s`;
    case 'gaveUp':
      return `gave up after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'} (${e.reason})`;
    case 'succeeded':
      return `answered after ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}`;
    default:
      return undefined;
  }
}

export interface Progress {
  readonly onEvent: (e: ClientEvent) => void;
  /** Clears the in-place line and stops any countdown. */
  readonly done: () => void;
}

/**
 * A progress renderer. On a TTY a retry wait shows a countdown refreshed
 * every second by `setTimer` (injectable for tests).
 */
export function createProgress(
  sink: ProgressSink,
  maxAttempts: number,
  clock: { now(): number; setInterval(fn: () => void, ms: number): () => void } = {
    now: () => Date.now(),
    setInterval: (fn, ms) => {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
  },
): Progress {
  let stopCountdown: (() => void) | undefined;
  let lastAttempt = 0;
  const stop = () => {
    stopCountdown?.();
    stopCountdown = undefined;
  };
  const show = (text: string) => sink.write(sink.isTTY ? `\x1b[2K\r${text}` : `${text}\n`);
  return {
    onEvent: (e) => {
      if (e.type === 'attemptStarted') lastAttempt = e.attempt;
      const line = progressLine(e, maxAttempts);
      if (line === undefined) return;
      stop();
      if (e.type === 'retryScheduled' && sink.isTTY) {
        const until = clock.now() + e.delayMs;
        const render = () => show(`attempt ${lastAttempt} of ${maxAttempts} failed; next retry in ${Math.max(0, Math.ceil((until - clock.now()) / 1000))} s`);
        render();
        stopCountdown = clock.setInterval(render, 1000);
        return;
      }
      show(line);
    },
    done: () => {
      stop();
      if (sink.isTTY) sink.write('\x1b[2K\r');
    },
  };
}
