/**
 * Thundering-herd simulation: 1,000 clients whose checks fail during an
 * outage, retrying under different jitter strategies. Pure and
 * deterministic: a virtual clock, the library's own {@link decideRetry},
 * and a seeded PRNG. Run it with `npx tsx bench/herd.ts`.
 *
 * @packageDocumentation
 */
import type { EngagementError } from '../src/errors';
import { decideRetry, type RetryState } from '../src/retry/decision';
import { defaultRetryPolicy, type RetryPolicy } from '../src/retry/policy';

/**
 * mulberry32: a tiny seeded PRNG returning numbers in `[0, 1)`.
 *
 * @example
 * ```ts
 * const random = mulberry32(1);
 * random(); // always the same first value for seed 1
 * ```
 * @since 0.1.0
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A named retry policy to simulate.
 *
 * @example
 * ```ts
 * const strategy: HerdStrategy = { id: 'none', name: 'no jitter', policy: { ...defaultRetryPolicy, jitter: 'none' } };
 * ```
 * @since 0.1.0
 */
export interface HerdStrategy {
  readonly id: string;
  readonly name: string;
  readonly policy: RetryPolicy;
}

/**
 * The strategies compared by default: LivePerson's 5/10/15 s without jitter,
 * with full jitter, AWS's textbook decorrelated jitter (base 2.5 s, so the
 * first retry also averages 5 s), and the library's default.
 *
 * @example
 * ```ts
 * herdStrategies.map((s) => s.id); // ['none', 'full', 'decorrelated-aws', 'default']
 * ```
 * @since 0.1.0
 */
export const herdStrategies: ReadonlyArray<HerdStrategy> = [
  { id: 'none', name: 'no jitter, 5/10/15 s', policy: { ...defaultRetryPolicy, jitter: 'none' } },
  { id: 'full', name: 'full jitter, 5/10/15 s', policy: { ...defaultRetryPolicy, jitter: 'full' } },
  {
    id: 'decorrelated-aws',
    name: 'decorrelated, AWS formula, base 2.5 s',
    policy: { ...defaultRetryPolicy, backoff: { kind: 'schedule', delaysMs: [5_000] }, jitter: 'decorrelated' },
  },
  { id: 'default', name: 'default: decorrelated on 5/10/15 s', policy: defaultRetryPolicy },
];

/**
 * Options of {@link runHerdSimulation}; every field has a default.
 *
 * @example
 * ```ts
 * const options: HerdOptions = { clients: 1000, outageMs: 30000, startSpreadMs: 5000, seed: 1 };
 * ```
 * @since 0.1.0
 */
export interface HerdOptions {
  /** How many clients (1000). */
  readonly clients?: number;
  /** The outage lasts from 0 to this time; a request at or after it succeeds (30000). */
  readonly outageMs?: number;
  /** Clients start uniformly at random in `[0, startSpreadMs)`; 0 means all at once at 0 (0). */
  readonly startSpreadMs?: number;
  /** Seed of the PRNG for start times and jitter (1). */
  readonly seed?: number;
  /** Width of the bins that "requests per second" counts (1000 ms). */
  readonly binMs?: number;
  readonly strategies?: ReadonlyArray<HerdStrategy>;
}

/**
 * The figures of one strategy.
 *
 * @example
 * ```ts
 * const { peakPerSecondAfterRecovery, gaveUp } = runHerdSimulation().figures[0]!;
 * ```
 * @since 0.1.0
 */
export interface HerdFigures {
  readonly id: string;
  readonly name: string;
  /** Every request sent, failed or not. */
  readonly totalRequests: number;
  /** Requests in the busiest bin at or after recovery, per second. */
  readonly peakPerSecondAfterRecovery: number;
  /** Retries (first requests not counted) in the busiest bin of the outage, per second. */
  readonly peakRetriesPerSecondDuringOutage: number;
  readonly requestsAfterRecovery: number;
  /** Clients whose check ended Available. */
  readonly succeeded: number;
  /** Clients whose retries gave up before recovery. */
  readonly gaveUp: number;
  /** Why they gave up: give-up code to count. */
  readonly gaveUpReasons: Readonly<Record<string, number>>;
  /** When the last client had its answer (success or give-up), ms from the start of the outage. */
  readonly allAnsweredAtMs: number;
}

/**
 * The result of {@link runHerdSimulation}: the options used, the figures per
 * strategy, and the ratio of the default's post-recovery peak to the
 * no-jitter one (the target is at most 0.25).
 *
 * @example
 * ```ts
 * const { peakRatio } = runHerdSimulation();
 * if (peakRatio !== undefined && peakRatio > 0.25) throw new Error('herd target missed');
 * ```
 * @since 0.1.0
 */
export interface HerdResult {
  readonly clients: number;
  readonly outageMs: number;
  readonly startSpreadMs: number;
  readonly seed: number;
  readonly binMs: number;
  readonly figures: ReadonlyArray<HerdFigures>;
  /** default peak / no-jitter peak, when both strategies ran. */
  readonly peakRatio: number | undefined;
}

const OUTAGE_ERROR: EngagementError = { kind: 'http', status: 503, operation: 'createSession', message: 'service unavailable' };

function simulate(strategy: HerdStrategy, starts: ReadonlyArray<number>, outageMs: number, binMs: number, seed: number): HerdFigures {
  const random = mulberry32(seed ^ 0x9e3779b9);
  const perSecond = 1000 / binMs;
  const after = new Map<number, number>();
  const during = new Map<number, number>();
  const gaveUpReasons: Record<string, number> = {};
  let totalRequests = 0;
  let requestsAfterRecovery = 0;
  let succeeded = 0;
  let gaveUp = 0;
  let allAnsweredAtMs = 0;
  for (const start of starts) {
    let now = start;
    let state: RetryState = { attempt: 1, startedAt: start };
    for (;;) {
      totalRequests++;
      if (now >= outageMs) {
        requestsAfterRecovery++;
        const bin = Math.floor((now - outageMs) / binMs);
        after.set(bin, (after.get(bin) ?? 0) + 1);
        succeeded++;
        break;
      }
      if (state.attempt > 1) {
        const bin = Math.floor(now / binMs);
        during.set(bin, (during.get(bin) ?? 0) + 1);
      }
      const decision = decideRetry(strategy.policy, state, OUTAGE_ERROR, now, random);
      if (!decision.retry) {
        gaveUp++;
        gaveUpReasons[decision.code] = (gaveUpReasons[decision.code] ?? 0) + 1;
        break;
      }
      now += decision.delayMs;
      state = { attempt: state.attempt + 1, startedAt: start, previousDelayMs: decision.delayMs };
    }
    allAnsweredAtMs = Math.max(allAnsweredAtMs, now);
  }
  const peak = (bins: Map<number, number>) => Math.max(0, ...bins.values()) * perSecond;
  return {
    id: strategy.id,
    name: strategy.name,
    totalRequests,
    peakPerSecondAfterRecovery: peak(after),
    peakRetriesPerSecondDuringOutage: peak(during),
    requestsAfterRecovery,
    succeeded,
    gaveUp,
    gaveUpReasons,
    allAnsweredAtMs,
  };
}

/**
 * Simulates `clients` clients whose every request fails (503) during an
 * outage of `outageMs` and succeeds afterwards, under each strategy. Each
 * client starts at a random time in `[0, startSpreadMs)` (all at 0 when
 * `startSpreadMs` is 0) and follows {@link decideRetry} exactly; answers are
 * instantaneous. All strategies see the same start times. Deterministic for
 * a given seed.
 *
 * @example
 * ```ts
 * const result = runHerdSimulation({ clients: 1000, outageMs: 30000, startSpreadMs: 0, seed: 1 });
 * console.log(result.figures.map((f) => `${f.name}: peak ${f.peakPerSecondAfterRecovery}/s`));
 * ```
 * @since 0.1.0
 */
export function runHerdSimulation(options: HerdOptions = {}): HerdResult {
  const clients = options.clients ?? 1000;
  const outageMs = options.outageMs ?? 30_000;
  const startSpreadMs = options.startSpreadMs ?? 0;
  const seed = options.seed ?? 1;
  const binMs = options.binMs ?? 1000;
  const strategies = options.strategies ?? herdStrategies;
  const startRandom = mulberry32(seed);
  const starts = Array.from({ length: clients }, () => (startSpreadMs > 0 ? Math.floor(startRandom() * startSpreadMs) : 0));
  const figures = strategies.map((s) => simulate(s, starts, outageMs, binMs, seed));
  const none = figures.find((f) => f.id === 'none');
  const dflt = figures.find((f) => f.id === 'default');
  const peakRatio = none !== undefined && dflt !== undefined && none.peakPerSecondAfterRecovery > 0 ? dflt.peakPerSecondAfterRecovery / none.peakPerSecondAfterRecovery : undefined;
  return { clients, outageMs, startSpreadMs, seed, binMs, figures, peakRatio };
}

/**
 * The result as a plain-text table.
 *
 * @example
 * ```ts
 * console.log(formatHerdResult(runHerdSimulation()));
 * ```
 * @since 0.1.0
 */
export function formatHerdResult(result: HerdResult): string {
  const start = result.startSpreadMs > 0 ? `start uniformly in the first ${result.startSpreadMs / 1000} s` : 'all start at once at t = 0';
  const rows = result.figures.map((f) => [
    f.name,
    String(f.peakPerSecondAfterRecovery),
    String(f.peakRetriesPerSecondDuringOutage),
    String(f.totalRequests),
    (f.allAnsweredAtMs / 1000).toFixed(1),
    String(f.succeeded),
    `${f.gaveUp}${f.gaveUp > 0 ? ` (${Object.entries(f.gaveUpReasons).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
  ]);
  const header = ['strategy', 'peak/s after recovery', 'retries peak/s in outage', 'requests', 'all answered (s)', 'succeeded', 'gave up'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const ratio =
    result.peakRatio === undefined
      ? 'default / no-jitter peak: n/a'
      : `default / no-jitter peak after recovery: ${result.peakRatio.toFixed(3)} (${result.peakRatio <= 0.25 ? 'at most' : 'more than'} a quarter)`;
  return [
    `${result.clients} clients, outage 0-${result.outageMs / 1000} s (503), ${start}, seed ${result.seed}, bins of ${result.binMs} ms`,
    line(header),
    ...rows.map(line),
    ratio,
  ].join('\n');
}

function main(): void {
  // The target scenario: every client meets the outage at the same moment.
  const target = runHerdSimulation({ clients: 1000, outageMs: 30_000, startSpreadMs: 0, seed: 1 });
  // A sensitivity check: clients already spread over the first 5 s.
  const spread = runHerdSimulation({ clients: 1000, outageMs: 30_000, startSpreadMs: 5_000, seed: 1 });
  const ratio = target.peakRatio;
  const verdict = ratio !== undefined && ratio <= 0.25 ? 'met' : 'MISSED';
  console.log(
    [
      formatHerdResult(target),
      formatHerdResult(spread),
      `Target (all-at-once scenario): default peak after recovery <= 1/4 of the no-jitter peak: ${verdict} (${ratio?.toFixed(3) ?? 'n/a'})`,
    ].join('\n\n'),
  );
}

if (require.main === module) main();
