/**
 * `engagement-rx` on the command line: `check`, `emulator`, `help`,
 * `--version`. Errors are one line naming the option and the reason, with
 * the exit status docs/cli.md lists (src/cli/exit-codes.ts).
 *
 * @internal
 */
import type { Either } from '../internal/either';
import { parseArgs } from './args';
import { runCheck } from './check-command';
import { runEmulator } from './emulator-command';
import { ExitCode, type CommandFailure } from './exit-codes';
import { helpText, type CommandName } from './help';
import { stdio, type Io } from './io';
import { packageVersion } from './version';

/** Prints a failure (one line, plus where the help is for bad usage) and gives its exit status. */
function report(command: CommandName | undefined, failure: CommandFailure, io: Io): ExitCode {
  const name = command === undefined ? 'engagement-rx' : `engagement-rx ${command}`;
  io.err(`${name}: ${failure.message}${failure.exitCode === ExitCode.usage ? `; see ${name} --help` : ''}`);
  return failure.exitCode;
}

const settle = (command: CommandName, result: Either<CommandFailure, ExitCode>, io: Io): ExitCode => (result._tag === 'Left' ? report(command, result.left, io) : result.right);

/**
 * Runs `engagement-rx` with the arguments after its name; resolves with the
 * exit status.
 *
 * @internal
 */
export async function main(argv: ReadonlyArray<string>, io: Io = stdio): Promise<ExitCode> {
  const parsed = parseArgs(argv);
  if (parsed._tag === 'Left') return report(parsed.left.command, { exitCode: ExitCode.usage, message: parsed.left.message }, io);
  const cmd = parsed.right;
  switch (cmd.command) {
    case 'help':
      io.out(helpText(cmd.topic));
      return ExitCode.ok;
    case 'version':
      io.out(packageVersion());
      return ExitCode.ok;
    case 'check':
      return settle('check', await runCheck(cmd, io), io);
    case 'emulator':
      return settle('emulator', await runEmulator(cmd, io), io);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`engagement-rx: unexpected failure (${(e as { name?: string }).name ?? 'Error'}: ${(e as { message?: string }).message ?? ''})\n`);
      process.exitCode = ExitCode.failed;
    },
  );
}
