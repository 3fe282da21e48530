/**
 * When an Available engagement is renewed and when it expires. Pure.
 *
 * LivePerson defines `validForSeconds` only as "the period in seconds that
 * the engagement will be valid". The orchestrator counts it from the moment
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
 * The longest renewal lead: a renewal starts at most this long before the
 * engagement expires.
 *
 * @example
 * ```ts
 * RENEW_LEAD_MAX_MS; // => 30000
 * ```
 * @since 0.1.0
 */
export const RENEW_LEAD_MAX_MS = 30_000;

/**
 * The renewal lead as a fraction of the validity, for validities under 300 s.
 *
 * @example
 * ```ts
 * RENEW_LEAD_FRACTION; // => 0.1
 * ```
 * @since 0.1.0
 */
export const RENEW_LEAD_FRACTION = 0.1;

/**
 * How long before the end of a validity of `validForMs` the renewal starts:
 * `leadMs` when given (clamped to `[0, validForMs]`), else
 * `min(30 s, 10 % of the validity)` rounded down to a millisecond.
 *
 * @example
 * ```ts
 * renewLeadMs(900_000); // => 30000
 * renewLeadMs(60_000); // => 6000
 * renewLeadMs(60_000, 15_000); // => 15000
 * ```
 * @since 0.1.0
 */
export function renewLeadMs(validForMs: number, leadMs?: number): number {
  const validity = Number.isFinite(validForMs) && validForMs > 0 ? validForMs : 0;
  if (leadMs !== undefined) return Math.min(Math.max(0, leadMs), validity);
  return Math.min(RENEW_LEAD_MAX_MS, Math.floor(validity * RENEW_LEAD_FRACTION));
}

/**
 * The two deadlines of an Available answer, on the scheduler's clock (ms).
 *
 * @example
 * ```ts
 * const t: ExpiryTimes = { renewAt: 870_000, expiresAt: 900_000 };
 * ```
 * @since 0.1.0
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
 * @example
 * ```ts
 * expiryTimes(1_000, 900); // => { renewAt: 871_000, expiresAt: 901_000 }
 * expiryTimes(0, 10); // => { renewAt: 9_000, expiresAt: 10_000 }
 * ```
 * @since 0.1.0
 */
export function expiryTimes(sentAt: number, validForSeconds: number, leadMs?: number): ExpiryTimes {
  const validForMs = Number.isFinite(validForSeconds) && validForSeconds > 0 ? validForSeconds * 1000 : 0;
  const expiresAt = sentAt + validForMs;
  return { renewAt: expiresAt - renewLeadMs(validForMs, leadMs), expiresAt };
}
