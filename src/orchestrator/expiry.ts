/**
 * When an Available engagement is renewed and when it expires. Pure.
 *
 * LivePerson defines `validForSeconds` only as "the period in seconds that
 * the engagement will be valid". The live state counts it from the moment
 * the attempt that got the answer was **sent** (the server cannot have
 * started the period earlier), and renews the engagement a little before the
 * end of the period:
 *
 * - the lead is **10 % of the validity, at most 30 s**: 30 s for the usual
 *   900 s (renewal at 870 s), 6 s for 60 s, 1 s for 10 s;
 * - 30 s fits the first renewal attempt and two retries of the default
 *   retry policy (about 5 and 10 s apart), so a short outage does not end an
 *   engagement;
 * - 10 % keeps a short validity useful: a 60 s engagement is not renewed
 *   after 30 s, halving its life and doubling the checks.
 *
 * @packageDocumentation
 */

/**
 * The longest renewal lead, in ms: a renewal starts at most this long before
 * the engagement expires.
 *
 * @internal
 */
export const RENEW_LEAD_MAX_MS = 30_000;

/**
 * The renewal lead as a fraction of the validity (it is below 30 s for
 * validities under 300 s).
 *
 * @internal
 */
export const RENEW_LEAD_FRACTION = 0.1;

/** A validity in ms, or 0 when it is not a positive finite number. */
const validity = (ms: number): number => (ms > 0 && ms < Infinity ? ms : 0);

/**
 * How long before the end of a validity of `validForMs` the renewal starts:
 * `leadMs` when given (clamped to `[0, validForMs]`), else
 * `min(30 s, 10 % of the validity)` rounded down to a millisecond.
 *
 * @internal
 */
export function renewLeadMs(validForMs: number, leadMs?: number): number {
  const valid = validity(validForMs);
  return leadMs === undefined ? Math.min(RENEW_LEAD_MAX_MS, Math.floor(valid * RENEW_LEAD_FRACTION)) : Math.min(Math.max(0, leadMs), valid);
}

/**
 * The two deadlines of an Available answer, on the scheduler's clock (ms).
 *
 * @internal
 */
export interface ExpiryTimes {
  /** When the renewal check starts. */
  readonly renewAt: number;
  /** When the engagement stops being valid. */
  readonly expiresAt: number;
}

/**
 * The deadlines of an engagement valid for `validForSeconds` whose attempt
 * was sent at `sentAt`. A negative or non-finite validity counts as 0 (the
 * engagement is already due for renewal).
 *
 * @internal
 */
export function expiryTimes(sentAt: number, validForSeconds: number, leadMs?: number): ExpiryTimes {
  const validForMs = validity(validForSeconds * 1000);
  const expiresAt = sentAt + validForMs;
  return { renewAt: expiresAt - renewLeadMs(validForMs, leadMs), expiresAt };
}
