import fc from 'fast-check';
import { jitteredDelayMs, nominalDelayMs, unit, type DelayInput } from '../../src/retry/delay';
import type { Backoff, Jitter } from '../../src/retry/policy';

const liveperson: Backoff = { kind: 'schedule', delaysMs: [5000, 10000, 15000] };
const fixed = (value: number) => () => value;

describe('nominalDelayMs', () => {
  it('walks the schedule and repeats its last entry', () => {
    expect([1, 2, 3, 4, 9].map((n) => nominalDelayMs(liveperson, n, 20_000))).toEqual([5000, 10000, 15000, 15000, 15000]);
  });

  it('grows exponentially and stops at the cap', () => {
    const exp: Backoff = { kind: 'exponential', baseMs: 1000, factor: 2 };
    expect([1, 2, 3, 4, 5, 6].map((n) => nominalDelayMs(exp, n, 20_000))).toEqual([1000, 2000, 4000, 8000, 16000, 20000]);
    expect(nominalDelayMs(exp, 5000, 20_000)).toBe(20_000); // 2 ** 4999 is Infinity
  });

  it('caps schedule entries too', () => {
    expect(nominalDelayMs({ kind: 'schedule', delaysMs: [50_000] }, 1, 20_000)).toBe(20_000);
  });
});

describe('unit', () => {
  it('forces a faulty random source into [0, 1]', () => {
    expect(unit(fixed(0.25))).toBe(0.25);
    expect(unit(fixed(Number.NaN))).toBe(0);
    expect(unit(fixed(-3))).toBe(0);
    expect(unit(fixed(7))).toBe(1);
  });
});

describe('jitteredDelayMs', () => {
  const input = (jitter: Jitter, retry: number, previousDelayMs?: number): DelayInput =>
    previousDelayMs === undefined
      ? { backoff: liveperson, capMs: 20_000, jitter, retry }
      : { backoff: liveperson, capMs: 20_000, jitter, retry, previousDelayMs };

  it('none: the nominal delay, whatever random says', () => {
    expect(jitteredDelayMs(input('none', 1), fixed(0.9))).toBe(5000);
    expect(jitteredDelayMs(input('none', 3), fixed(0.1))).toBe(15000);
  });

  it('full: uniform in [0, nominal]', () => {
    expect(jitteredDelayMs(input('full', 2), fixed(0))).toBe(0);
    expect(jitteredDelayMs(input('full', 2), fixed(0.5))).toBe(5000);
    expect(jitteredDelayMs(input('full', 2), fixed(1))).toBe(10000);
  });

  it('decorrelated: the first retry is uniform in [d1/2, 3*d1/2]', () => {
    expect(jitteredDelayMs(input('decorrelated', 1), fixed(0))).toBe(2500);
    expect(jitteredDelayMs(input('decorrelated', 1), fixed(0.5))).toBe(5000);
    expect(jitteredDelayMs(input('decorrelated', 1), fixed(1))).toBe(7500);
  });

  it('decorrelated: later retries are uniform in [dn/2, 3*previous], capped', () => {
    expect(jitteredDelayMs(input('decorrelated', 2, 4000), fixed(0))).toBe(5000);
    expect(jitteredDelayMs(input('decorrelated', 2, 4000), fixed(1))).toBe(12000);
    expect(jitteredDelayMs(input('decorrelated', 3, 9000), fixed(1))).toBe(20000); // 27 s capped
    // a short previous delay never pulls the range below the floor
    expect(jitteredDelayMs(input('decorrelated', 3, 100), fixed(1))).toBe(7500);
  });

  it('decorrelated with a one-entry schedule [2 * base] is AWS decorrelated jitter', () => {
    const base = 1000;
    const aws = (previous: number, u: number) => Math.min(30_000, base + u * (previous * 3 - base));
    let previous = base;
    for (const [retry, u] of [[1, 0.3], [2, 0.9], [3, 0.5], [4, 0.99]] as const) {
      const got = jitteredDelayMs({ backoff: { kind: 'schedule', delaysMs: [2 * base] }, capMs: 30_000, jitter: 'decorrelated', retry, previousDelayMs: previous }, fixed(u));
      expect(got).toBeCloseTo(aws(previous, u), 6);
      previous = got;
    }
  });

  it('on the default schedule the decorrelated delays average about 5, 10 and 15 s', () => {
    // deterministic LCG so the averages are reproducible
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const sums = [0, 0, 0];
    const runs = 20_000;
    for (let i = 0; i < runs; i++) {
      let previous: number | undefined;
      for (let retry = 1; retry <= 3; retry++) {
        previous = jitteredDelayMs(input('decorrelated', retry, previous), random);
        sums[retry - 1]! += previous;
      }
    }
    const means = sums.map((s) => s / runs);
    expect(means[0]).toBeGreaterThan(4700);
    expect(means[0]).toBeLessThan(5300);
    expect(means[1]).toBeGreaterThan(9000);
    expect(means[1]).toBeLessThan(11000);
    expect(means[2]).toBeGreaterThan(14000);
    expect(means[2]).toBeLessThan(17000);
  });

  const backoffArb: fc.Arbitrary<Backoff> = fc.oneof(
    fc.record({ kind: fc.constant('schedule' as const), delaysMs: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 5 }) }),
    fc.record({ kind: fc.constant('exponential' as const), baseMs: fc.integer({ min: 0, max: 100_000 }), factor: fc.double({ min: 1, max: 10, noNaN: true }) }),
  );

  it('property: every delay is within [0, cap], whatever the source of randomness', () => {
    fc.assert(
      fc.property(
        backoffArb,
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom<Jitter>('none', 'full', 'decorrelated'),
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: undefined }),
        fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.constantFrom(Number.NaN, -1, 2, Number.POSITIVE_INFINITY)),
        (backoff, capMs, jitter, retry, previousDelayMs, r) => {
          const d = jitteredDelayMs(
            previousDelayMs === undefined ? { backoff, capMs, jitter, retry } : { backoff, capMs, jitter, retry, previousDelayMs },
            () => r,
          );
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(capMs);
        },
      ),
    );
  });
});
