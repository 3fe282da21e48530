/**
 * `engagement-rx emulator`: the embedded emulator on a port until a signal.
 *
 * @internal
 */
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { left, right, type Either } from '../internal/either';
import type { EmulatorCommand } from './args';
import { ExitCode, type CommandFailure } from './exit-codes';
import { signalled, type Io } from './io';

/** Why the emulator could not listen, in one line. */
function listenFailure(cmd: EmulatorCommand, e: unknown): CommandFailure {
  const message = String((e as { message?: unknown }).message ?? e);
  if (message.includes('EADDRINUSE')) return { exitCode: ExitCode.failed, message: `port ${cmd.port} is in use (pick another with --port, or --port 0 for a free one)` };
  if (message.includes('EACCES')) return { exitCode: ExitCode.failed, message: `port ${cmd.port} needs privileges this user lacks (pick one above 1023 with --port)` };
  return { exitCode: ExitCode.failed, message: message.replace(/^startEmulator: /, '') };
}

/**
 * Runs `engagement-rx emulator` until `io.stopped` settles (by default
 * SIGINT or SIGTERM): the exit status, or why it could not start.
 *
 * @internal
 */
export async function runEmulator(cmd: EmulatorCommand, io: Io): Promise<Either<CommandFailure, ExitCode>> {
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: cmd.port,
      ...(cmd.host === undefined ? {} : { host: cmd.host }),
      ...(cmd.account === undefined ? {} : { accountId: cmd.account }),
    });
  } catch (e) {
    return left(listenFailure(cmd, e));
  }
  io.out(`engagement-rx emulator listening on ${emulator.url} (account ${emulator.accountId}, Monitoring app installation id ${emulator.appInstallationId}); Ctrl-C stops it`);
  const account = cmd.account === undefined ? '' : ` --account ${emulator.accountId}`;
  io.out(`check it from another terminal: engagement-rx check --domain ${emulator.url}${account}`);
  io.out(`or through the Monitoring API: engagement-rx check --api monitoring --app-installation-id ${emulator.appInstallationId} --domain ${emulator.url}${account}`);
  await (io.stopped ?? signalled());
  await emulator.close();
  return right(ExitCode.ok);
}
