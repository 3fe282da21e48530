/**
 * What follows a failed Update Session (after the client's retry policy
 * gave up): park the batch as refused, or keep it and try again later.
 * Pure: time and randomness are parameters.
 *
 * - A 4xx answer other than 408 (Request Timeout) and 429 (Too Many
 *   Requests) is the server's verdict on the request: asking again gives the
 *   same answer, so the batch is parked and the outbox moves on.
 * - Everything else (5xx, network failures, timeouts, 408, 429, a failed
 *   host lookup) says nothing about the reports: they stay, in place, and
 *   are tried again after a long wait: 2, 4, 8... minutes (decorrelated
 *   jitter, at most 30 minutes), as LivePerson's retry-policy page suggests
 *   once its short retries are spent.
 *
 * @internal
 */
import type { EngagementError } from '../errors';
import { jitteredDelayMs } from '../retry/delay';
import type { ExponentialBackoff } from '../retry/policy';
import type { Refusal } from './outbox-state';

/** The verdict on a failed send. */
export type FailureVerdict = { readonly kind: 'park'; readonly refusal: Refusal } | { readonly kind: 'keep' };

/** Statuses in 4xx that are not a verdict on the request. */
const NOT_A_VERDICT: ReadonlyArray<number> = [408, 429];

/** Park or keep, and why (status and internal code only: never the server's message). */
export function judgeFailure(error: EngagementError, now: number): FailureVerdict {
  if (error.kind !== 'http' || error.status < 400 || error.status > 499 || NOT_A_VERDICT.includes(error.status)) return { kind: 'keep' };
  const reason = `http ${error.status}${error.internalCode === undefined ? '' : ` (internalCode ${error.internalCode})`}`;
  return {
    kind: 'park',
    refusal: { reason, status: error.status, ...(error.internalCode === undefined ? {} : { internalCode: error.internalCode }), at: now },
  };
}

/** The long waits between delivery rounds. */
export const REDELIVERY_BACKOFF: ExponentialBackoff = Object.freeze({ kind: 'exponential', baseMs: 120_000, factor: 2 });

/** No wait between delivery rounds is longer than 30 minutes. */
export const REDELIVERY_CAP_MS = 1_800_000;

/**
 * The wait before delivery round `round + 1`, after `round` failed rounds
 * (1 for the first), in whole milliseconds, within `[60 s, 30 min]`.
 */
export function redeliveryDelayMs(round: number, previousDelayMs: number | undefined, random: () => number): number {
  const input =
    previousDelayMs === undefined
      ? { backoff: REDELIVERY_BACKOFF, capMs: REDELIVERY_CAP_MS, jitter: 'decorrelated' as const, retry: round }
      : { backoff: REDELIVERY_BACKOFF, capMs: REDELIVERY_CAP_MS, jitter: 'decorrelated' as const, retry: round, previousDelayMs };
  return Math.floor(jitteredDelayMs(input, random));
}
