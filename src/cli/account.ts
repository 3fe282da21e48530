/**
 * The account `engagement-rx check` uses. With `--account`, that one.
 * Without it: the embedded emulator's when no `--domain` is given; when
 * `--domain` is a loopback origin, the emulator's default account if the
 * server there serves it (one CSDS lookup asks); otherwise a usage error
 * naming `--account`.
 *
 * @internal
 */
import { resolveOrigin } from '../core/origin';
import { isLoopbackHost } from '../emulator/index';
import { left, right, type Either } from '../internal/either';
import { ExitCode, type CommandFailure } from './exit-codes';

/** The account an emulator serves when started without `accountId` (spec/cli/account.spec.ts keeps them equal). @internal */
export const EMULATOR_ACCOUNT = '12345678';

/** Where a check goes: a domain and its account, or the embedded emulator (its own account unless one is given). @internal */
export type CheckTarget = { readonly kind: 'embedded'; readonly account?: string } | { readonly kind: 'domain'; readonly domain: string; readonly account: string };

const usage = (message: string): CommandFailure => ({ exitCode: ExitCode.usage, message });

/** Whether the server at `origin` serves `account`: one CSDS lookup. */
async function serves(origin: string, account: string, timeoutMs: number): Promise<Either<string, boolean>> {
  try {
    const res = await fetch(`${origin}/api/account/${account}/service/baseURI.json?version=1.0`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return right(res.ok);
  } catch (e) {
    const cause = (e as { cause?: { code?: unknown } }).cause?.code;
    return left(typeof cause === 'string' ? cause : ((e as { name?: string }).name ?? 'error'));
  }
}

/**
 * Finds where a check goes from `--account` and `--domain`.
 *
 * @internal
 */
export async function checkTarget(account: string | undefined, domain: string | undefined, timeoutMs: number): Promise<Either<CommandFailure, CheckTarget>> {
  if (domain === undefined) return right(account === undefined ? { kind: 'embedded' } : { kind: 'embedded', account });
  if (account !== undefined) return right({ kind: 'domain', domain, account });
  const origin = resolveOrigin(domain);
  if (origin._tag === 'Left') return left(usage(`--domain: ${origin.left}`));
  if (!isLoopbackHost(new URL(origin.right).hostname)) return left(usage(`--account is needed with --domain ${domain} (only an emulator on loopback lends its account)`));
  const answer = await serves(origin.right, EMULATOR_ACCOUNT, timeoutMs);
  if (answer._tag === 'Left') return left({ exitCode: ExitCode.failed, message: `cannot reach ${origin.right} (${answer.left}); is engagement-rx emulator running there?` });
  if (!answer.right) return left(usage(`--account is needed: ${origin.right} does not serve the emulator's default account ${EMULATOR_ACCOUNT}`));
  return right({ kind: 'domain', domain, account: EMULATOR_ACCOUNT });
}
