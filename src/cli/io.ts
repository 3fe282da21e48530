/**
 * Where the commands write, and how a long-running command learns to stop;
 * the real terminal by default, injected by tests.
 *
 * @internal
 */
import type { ProgressSink } from './progress';

/** The output of a command. @internal */
export interface Io {
  /** One line of the outcome (stdout). */
  out(line: string): void;
  /** One line of diagnostics (stderr). */
  err(line: string): void;
  /** Where progress goes (stderr); TTY mode rewrites one line. */
  readonly progress?: ProgressSink;
  /** Settles when `engagement-rx emulator` should stop; default: on SIGINT or SIGTERM. */
  readonly stopped?: Promise<void>;
}

/** The process's stdout and stderr. @internal */
export const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: { write: (text) => process.stderr.write(text), isTTY: process.stderr.isTTY === true },
};

/** Settles on the first SIGINT or SIGTERM. @internal */
export function signalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
