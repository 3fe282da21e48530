/**
 * Delay arithmetic: the nominal delay of each retry and the jitter around
 * it. Pure: randomness comes from an injected `random: () => number` that
 * returns a number in `[0, 1)` like `Math.random`.
 *
 * @packageDocumentation
 */
import type { Backoff, Jitter } from './policy';

/**
 * The nominal (unjittered) delay before retry `retry` (1 = the first retry),
 * never more than `capMs`. A schedule repeats its last entry.
 * @since 0.1.0
 */
export function nominalDelayMs(backoff: Backoff, retry: number, capMs: number): number {
  const n = Math.max(1, Math.floor(retry));
  const raw =
    backoff.kind === 'schedule'
      ? (backoff.delaysMs[Math.min(n, backoff.delaysMs.length) - 1] ?? 0)
      : backoff.baseMs * Math.pow(backoff.factor, n - 1);
  return clamp(raw, 0, capMs);
}

/**
 * A value of `random()` forced into `[0, 1]`, so that a faulty source
 * (NaN, negative, above 1) can never push a delay out of its range.
 * @since 0.1.0
 */
export function unit(random: () => number): number {
  const r = random();
  return Number.isFinite(r) ? clamp(r, 0, 1) : 0;
}

function clamp(x: number, lo: number, hi: number): number {
  if (Number.isNaN(x)) return lo;
  return Math.min(hi, Math.max(lo, x));
}

/**
 * What {@link jitteredDelayMs} needs to know.
 * @since 0.1.0
 */
export interface DelayInput {
  readonly backoff: Backoff;
  readonly capMs: number;
  readonly jitter: Jitter;
  /** 1 for the first retry. */
  readonly retry: number;
  /** The delay actually waited before the previous attempt; absent before the first retry. */
  readonly previousDelayMs?: number;
}

/**
 * The delay before a retry, jitter included, always within `[0, capMs]`.
 * With `d` the nominal delay ({@link nominalDelayMs}) and `u = random()`:
 *
 * - `none`: `d`;
 * - `full`: `u * d` (AWS "full jitter");
 * - `decorrelated`: `min(cap, lo + u * (hi - lo))` with `lo = d / 2` and
 *   `hi = max(lo, 3 * previous)`, where `previous` is the delay waited
 *   before the previous attempt (`d1 / 2` before the first retry). This is
 *   AWS's "decorrelated jitter" (`min(cap, random_between(base, 3 * sleep))`)
 *   with its floor following the schedule; a one-entry schedule `[2 * base]`
 *   gives AWS's formula exactly. On the default schedule 5/10/15 s (cap
 *   20 s) the delays average about 5, 10 and 15.6 s.
 * @since 0.1.0
 */
export function jitteredDelayMs(input: DelayInput, random: () => number): number {
  const cap = Math.max(0, input.capMs);
  const d = nominalDelayMs(input.backoff, input.retry, cap);
  switch (input.jitter) {
    case 'none':
      return d;
    case 'full':
      return clamp(unit(random) * d, 0, cap);
    case 'decorrelated': {
      const lo = d / 2;
      const previous = input.previousDelayMs ?? nominalDelayMs(input.backoff, 1, cap) / 2;
      const hi = Math.max(lo, 3 * clamp(previous, 0, cap));
      return clamp(lo + unit(random) * (hi - lo), 0, cap);
    }
  }
}
