/**
 * The retry decision after one failed attempt: retry after some delay, or
 * give up, with a reason. Pure: time and randomness are parameters.
 *
 * @packageDocumentation
 */
import type { EngagementError } from '../errors';
import { classifyError } from './classify';
import { jitteredDelayMs } from './delay';
import type { RetryPolicy } from './policy';
import { parseRetryAfter } from './retry-after';

/**
 * Where a retry sequence stands after a failed attempt.
 * @since 0.1.0
 */
export interface RetryState {
  /** Attempts made so far, the one that just failed included (1-based). */
  readonly attempt: number;
  /** When the first attempt started, on the same clock as `now`. */
  readonly startedAt: number;
  /** The delay waited before the attempt that just failed; absent after the first attempt. */
  readonly previousDelayMs?: number;
}

/**
 * Why a retry is scheduled:
 * `backoff` (the policy's delay), `rate-limited` (a 429 without a usable
 * `Retry-After`: the policy's delay, at least `minDelayOn429Ms`),
 * `retry-after` (the server's `Retry-After`).
 * @since 0.1.0
 */
export type RetryCode = 'backoff' | 'rate-limited' | 'retry-after';

/**
 * Why the sequence gives up:
 * `not-retryable` (the error kind or status is not retried),
 * `max-attempts`, `elapsed-budget` (the next attempt would start after
 * `maxElapsedMs`), `retry-after-over-cap` and `retry-after-over-budget` (the
 * server asks for a longer wait than `capMs` or than the budget left).
 * @since 0.1.0
 */
export type GiveUpCode = 'not-retryable' | 'max-attempts' | 'elapsed-budget' | 'retry-after-over-cap' | 'retry-after-over-budget';

/**
 * The outcome of {@link decideRetry}. `reason` is a one-line text that
 * starts with the code (`"max-attempts: http 503; 4 of 4 attempts used"`),
 * safe to log: it names statuses, kinds and durations only.
 * @since 0.1.0
 */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number; readonly code: RetryCode; readonly reason: string }
  | { readonly retry: false; readonly code: GiveUpCode; readonly reason: string };

function giveUp(code: GiveUpCode, detail: string): RetryDecision {
  return { retry: false, code, reason: `${code}: ${detail}` };
}

/**
 * Decides what follows a failed attempt. In order:
 *
 * 1. `validation`, `decode`, `discovery` errors and outcomes that
 *    `policy.retryOn` leaves out give up (`not-retryable`);
 * 2. after `policy.maxAttempts` attempts, give up (`max-attempts`);
 * 3. a readable `Retry-After` on an HTTP error (when `honourRetryAfter`) sets
 *    the delay exactly, at least `minDelayOn429Ms` on a 429; if that is more
 *    than `capMs`, or more than the budget left, give up rather than retry
 *    early or wait past the budget;
 * 4. otherwise the jittered backoff delay, in whole milliseconds (at least `minDelayOn429Ms` on a
 *    429); if the next attempt would then start more than `maxElapsedMs`
 *    after the first, give up (`elapsed-budget`).
 *
 * Every delay returned is within `[0, policy.capMs]`.
 * @since 0.1.0
 */
export function decideRetry(policy: RetryPolicy, state: RetryState, error: EngagementError, now: number, random: () => number): RetryDecision {
  const verdict = classifyError(error, policy.retryOn);
  if (!verdict.retryable) return giveUp('not-retryable', verdict.reason);
  const what = verdict.reason;
  if (state.attempt >= policy.maxAttempts) {
    return giveUp('max-attempts', `${what}; ${state.attempt} of ${policy.maxAttempts} attempts used`);
  }
  const cap = Math.max(0, policy.capMs);
  const elapsed = Math.max(0, now - state.startedAt);
  const remaining = policy.maxElapsedMs - elapsed;
  const floor = verdict.rateLimited ? policy.minDelayOn429Ms : 0;

  const asked = error.kind === 'http' && policy.honourRetryAfter ? parseRetryAfter(error.retryAfter, now) : undefined;
  if (asked !== undefined) {
    const delayMs = Math.max(asked, floor);
    if (delayMs > cap) {
      return giveUp('retry-after-over-cap', `${what}; Retry-After asks for ${delayMs} ms, more than capMs ${cap} ms`);
    }
    if (delayMs > remaining) {
      return giveUp('retry-after-over-budget', `${what}; Retry-After asks for ${delayMs} ms, more than the ${Math.max(0, remaining)} ms left of maxElapsedMs ${policy.maxElapsedMs} ms`);
    }
    return { retry: true, delayMs, code: 'retry-after', reason: `retry-after: ${what}, retry ${state.attempt} in ${delayMs} ms as Retry-After asks` };
  }

  const jittered = jitteredDelayMs(
    state.previousDelayMs === undefined
      ? { backoff: policy.backoff, capMs: cap, jitter: policy.jitter, retry: state.attempt }
      : { backoff: policy.backoff, capMs: cap, jitter: policy.jitter, retry: state.attempt, previousDelayMs: state.previousDelayMs },
    random,
  );
  // Whole milliseconds: easier to read in telemetry and in marble tests.
  const delayMs = Math.min(cap, Math.max(Math.floor(jittered), floor));
  if (delayMs > remaining) {
    return giveUp('elapsed-budget', `${what}; the next attempt would start ${elapsed + delayMs} ms after the first, past maxElapsedMs ${policy.maxElapsedMs} ms`);
  }
  const code: RetryCode = verdict.rateLimited ? 'rate-limited' : 'backoff';
  return { retry: true, delayMs, code, reason: `${code}: ${what}, retry ${state.attempt} in ${delayMs} ms` };
}
