/**
 * `engagement-rx check`: one engagement check, its progress on stderr and
 * its outcome on stdout.
 *
 * @internal
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient } from '../client/client';
import { startEmulator, type RunningEmulator } from '../emulator/index';
import { left, right, type Either } from '../internal/either';
import { monitoringBackend, monitoringRetryPolicy } from '../backend/monitoring';
import { defaultRetryPolicy, retryPolicy } from '../retry/policy';
import { checkTarget, type CheckTarget } from './account';
import type { CheckCommand } from './args';
import { ExitCode, type CommandFailure } from './exit-codes';
import { formatOutcome, outcomeJson } from './format';
import { checkInput, usageOfIssues } from './input';
import type { Io } from './io';
import { createProgress } from './progress';

/** The budget of one attempt when `--timeout` is not given (the client's default). */
const DEFAULT_TIMEOUT_MS = 10_000;

/** Where a check goes, once reachable. */
interface OpenTarget {
  readonly accountId: string;
  readonly domain: string;
  /** The target in words, for the first line. */
  readonly where: string;
  /** The embedded emulator's app installation id (`undefined` for a domain). */
  readonly appInstallationId?: string;
  readonly close: () => Promise<void>;
}

/** A domain as it is, or an embedded emulator started on a free loopback port. */
async function open(target: CheckTarget): Promise<Either<CommandFailure, OpenTarget>> {
  if (target.kind === 'domain') return right({ accountId: target.account, domain: target.domain, where: target.domain, close: () => Promise.resolve() });
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(target.account === undefined ? {} : { accountId: target.account });
  } catch (e) {
    return left({ exitCode: ExitCode.failed, message: `cannot start the embedded emulator (${(e as { message?: string }).message ?? 'unknown reason'})` });
  }
  return right({ accountId: emulator.accountId, domain: emulator.url, where: `the embedded emulator at ${emulator.url}`, appInstallationId: emulator.appInstallationId, close: () => emulator.close() });
}

/**
 * Runs `engagement-rx check`: the exit status, or why it stopped before
 * checking.
 *
 * @internal
 */
export async function runCheck(cmd: CheckCommand, io: Io): Promise<Either<CommandFailure, ExitCode>> {
  const request = await checkInput(cmd);
  if (request._tag === 'Left') return request;
  const target = await checkTarget(cmd.account, cmd.domain, cmd.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (target._tag === 'Left') return target;
  const opened = await open(target.right);
  if (opened._tag === 'Left') return opened;
  const { accountId, domain, where, close } = opened.right;
  try {
    // With --api monitoring: the Monitoring backend, and its own retry policy with the attempts asked for.
    const appInstallationId = cmd.api === 'monitoring' ? (cmd.appInstallationId ?? opened.right.appInstallationId ?? '') : undefined;
    const policy = appInstallationId === undefined ? defaultRetryPolicy : monitoringRetryPolicy;
    const api = appInstallationId === undefined ? '' : ` (Monitoring API, app installation ${appInstallationId})`;
    if (!cmd.json) io.err(`engagement-rx check: account ${accountId} on ${where}${api}`);
    const maxAttempts = cmd.maxAttempts ?? policy.maxAttempts;
    const client = createEngagementClient({
      accountId,
      domain,
      retry: retryPolicy({ ...policy, maxAttempts }),
      timeoutMs: cmd.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(appInstallationId === undefined ? {} : { backend: monitoringBackend({ appInstallationId }) }),
    });
    const renderer = cmd.json ? undefined : createProgress(io.progress ?? { write: (t) => io.err(t.replace(/\n$/, '')), isTTY: false }, maxAttempts);
    const progress = renderer === undefined ? undefined : client.events$.subscribe(renderer.onEvent);
    const result = await lastValueFrom(client.getEngagement(request.right));
    progress?.unsubscribe();
    renderer?.done();
    // A validation error means nothing was sent: the input was refused.
    if (result._tag === 'Left' && result.left.kind === 'validation') return left(usageOfIssues(result.left.issues));
    io.out(cmd.json ? outcomeJson(result) : formatOutcome(result, Date.now()));
    return right(result._tag === 'Right' ? ExitCode.ok : ExitCode.failed);
  } finally {
    await close();
  }
}
