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

/** Why the server refused a batch. */
export interface Refusal {
  readonly reason: string;
  readonly status: number;
  readonly internalCode: number | undefined;
  readonly at: number;
}

/**
 * The refusal a failed send stands for (park the batch), with its status
 * and internal code only (never the server's message); `undefined`: keep
 * the batch for a later round.
 */
export function judgeFailure(error: EngagementError, at: number): Refusal | undefined {
  if (error.kind !== 'http') return undefined;
  const { status, internalCode } = error;
  // a 4xx status other than 408 and 429
  return /^4(?!08|29)/.test(`${status}`) ? { reason: `http ${status}${internalCode === undefined ? '' : ` (internalCode ${internalCode})`}`, status, internalCode, at } : undefined;
}

/** No wait between delivery rounds is longer than 30 minutes. */
export const REDELIVERY_CAP_MS = 1_800_000;

/**
 * The wait before delivery round `round + 1`, after `round` failed rounds
 * (1 for the first), in whole milliseconds, within `[60 s, 30 min]`:
 * exponential from 2 minutes, decorrelated jitter.
 */
export const redeliveryDelayMs = (round: number, previousDelayMs: number | undefined, random: () => number): number =>
  Math.floor(jitteredDelayMs({ backoff: { kind: 'exponential', baseMs: 120_000, factor: 2 }, capMs: REDELIVERY_CAP_MS, jitter: 'decorrelated', retry: round, previousDelayMs }, random));
