/**
 * The demo page's settings, read from its query string. Pure.
 *
 * - `retryBaseMs` (50-10000, default 1000): first retry delay; each next one doubles (cap 8 x, at least 1 s);
 * - `jitter` (`full` (default), `none`, `decorrelated`): how delays are randomized;
 * - `failSeconds` (1-120, default 8): how long the failure switch makes the emulator fail;
 * - `section`: the section selected first (default: the first one listed);
 * - `api` (`app-engagement` (default) or `monitoring`): the API the page's client checks through.
 *
 * The browser tests use `?retryBaseMs=100&jitter=none&failSeconds=1` to
 * watch retries in about a second.
 *
 * @packageDocumentation
 */
import type { Jitter, RetryPolicyInput } from '../../index';

/**
 * What the page runs with.
 * @since 0.1.0
 */
export interface PageSettings {
  /** The client's retry policy. */
  readonly retry: RetryPolicyInput;
  /** How long the failure switch makes the emulator fail, in seconds. */
  readonly failSeconds: number;
  /** The section asked for in the query string, if any. */
  readonly section?: string;
  /** The API the client checks through: App Engagement (the default) or the Monitoring API. */
  readonly api: 'app-engagement' | 'monitoring';
}

const JITTERS: ReadonlyArray<Jitter> = ['full', 'none', 'decorrelated'];

function bounded(raw: string | null, min: number, max: number, fallback: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

/**
 * Reads the settings; values out of range are clamped, unreadable ones ignored.
 *
 * @example
 * ```ts
 * pageSettings('').failSeconds;                       // 8
 * pageSettings('?retryBaseMs=100').retry.backoff;     // { kind: 'exponential', baseMs: 100, factor: 2 }
 * ```
 * @since 0.1.0
 */
export function pageSettings(search: string): PageSettings {
  const q = new URLSearchParams(search);
  const baseMs = bounded(q.get('retryBaseMs'), 50, 10_000, 1_000);
  const jitterParam = q.get('jitter');
  const jitter: Jitter = JITTERS.find((j) => j === jitterParam) ?? 'full';
  const section = q.get('section');
  return {
    retry: {
      maxAttempts: 6,
      backoff: { kind: 'exponential', baseMs, factor: 2 },
      // Never under 1 s: the policy's shortest wait after a 429 must fit under the cap.
      capMs: Math.max(1_000, baseMs * 8),
      jitter,
      maxElapsedMs: Math.max(60_000, baseMs * 40),
    },
    failSeconds: bounded(q.get('failSeconds'), 1, 120, 8),
    api: q.get('api') === 'monitoring' ? 'monitoring' : 'app-engagement',
    ...(section === null || section === '' ? {} : { section }),
  };
}
