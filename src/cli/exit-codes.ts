/**
 * The exit status of `engagement-rx`, as docs/cli.md lists them.
 *
 * @internal
 */
export const ExitCode = {
  /** The check answered (Available or NotAvailable); help or version printed; the emulator stopped on a signal. */
  ok: 0,
  /** The check failed (network, HTTP, timeout, unexpected answer), or the emulator could not listen (port in use). */
  failed: 1,
  /** Bad usage: unknown command or option, missing or invalid value, unreadable or invalid attributes file. */
  usage: 2,
} as const;

/** One of the {@link ExitCode} values. @internal */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Why a command stops early: one line, and the exit status it ends with. @internal */
export interface CommandFailure {
  readonly exitCode: ExitCode;
  readonly message: string;
}
