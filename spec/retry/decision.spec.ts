import fc from 'fast-check';
import type { EngagementError } from '../../src/errors';
import { decideRetry, type RetryDecision, type RetryState } from '../../src/retry/decision';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/retry/policy';
import { decode, discovery, http, loadingAccount, network, timeout, validation } from './fixtures';

const noJitter: RetryPolicy = { ...defaultRetryPolicy, jitter: 'none' };
const first: RetryState = { attempt: 1, startedAt: 0 };
const half = () => 0.5;

function delayOf(d: RetryDecision): number {
  if (!d.retry) throw new Error(`expected a retry, got ${d.reason}`);
  return d.delayMs;
}

describe('decideRetry: what is retried', () => {
  it.each([
    ['503', http(503)],
    ['500 Loading account', loadingAccount],
    ['network', network],
    ['timeout', timeout],
  ] as const)('retries %s after the scheduled delay', (_name, error) => {
    const d = decideRetry(noJitter, first, error, 100, half);
    expect(d).toMatchObject({ retry: true, delayMs: 5000, code: 'backoff' });
  });

  it.each([400, 401, 404])('gives up at once on %i', (status) => {
    expect(decideRetry(defaultRetryPolicy, first, http(status), 0, half)).toEqual({
      retry: false,
      code: 'not-retryable',
      reason: `not-retryable: http ${status} is not in retryOn.statuses`,
    });
  });

  it.each([validation, decode, discovery])('never retries a $kind error, even when the policy retries every status', (error) => {
    const everything: RetryPolicy = { ...defaultRetryPolicy, retryOn: { statuses: ['1xx', '2xx', '3xx', '4xx', '5xx'], network: true, timeout: true } };
    expect(decideRetry(everything, first, error, 0, half)).toMatchObject({ retry: false, code: 'not-retryable' });
  });

  it('maxAttempts 1 turns retries off', () => {
    expect(decideRetry({ ...defaultRetryPolicy, maxAttempts: 1 }, first, http(503), 0, half)).toEqual({
      retry: false,
      code: 'max-attempts',
      reason: 'max-attempts: http 503; 1 of 1 attempts used',
    });
  });

  it('gives up after the fourth attempt by default', () => {
    expect(delayOf(decideRetry(noJitter, { attempt: 3, startedAt: 0 }, http(503), 15_000, half))).toBe(15_000);
    expect(decideRetry(noJitter, { attempt: 4, startedAt: 0 }, http(503), 30_000, half)).toMatchObject({ retry: false, code: 'max-attempts' });
  });
});

describe('decideRetry: 429 and Retry-After', () => {
  it('waits what Retry-After asks in seconds', () => {
    expect(decideRetry(defaultRetryPolicy, first, http(429, { retryAfter: '3' }), 0, half)).toEqual({
      retry: true,
      delayMs: 3000,
      code: 'retry-after',
      reason: 'retry-after: http 429, retry 1 in 3000 ms as Retry-After asks',
    });
  });

  it('waits until the HTTP date Retry-After names', () => {
    const now = Date.UTC(2024, 0, 1, 12, 0, 0);
    const d = decideRetry(defaultRetryPolicy, { attempt: 1, startedAt: now }, http(429, { retryAfter: 'Mon, 01 Jan 2024 12:00:07 GMT' }), now, half);
    expect(delayOf(d)).toBe(7000);
  });

  it('waits at least 1 s on a 429, even when Retry-After says 0 or a past date', () => {
    expect(delayOf(decideRetry(defaultRetryPolicy, first, http(429, { retryAfter: '0' }), 0, half))).toBe(1000);
    expect(delayOf(decideRetry(defaultRetryPolicy, first, http(429, { retryAfter: 'Thu, 01 Jan 1970 00:00:00 GMT' }), 5000, half))).toBe(1000);
  });

  it('waits at least 1 s on a 429 without Retry-After, even when the jitter draws less', () => {
    const fullJitter: RetryPolicy = { ...defaultRetryPolicy, jitter: 'full' };
    expect(decideRetry(fullJitter, first, http(429), 0, () => 0)).toMatchObject({ retry: true, delayMs: 1000, code: 'rate-limited' });
    expect(decideRetry(fullJitter, first, http(429), 0, () => 0.8)).toMatchObject({ retry: true, delayMs: 4000, code: 'rate-limited' });
  });

  it('falls back to the backoff when Retry-After is unreadable', () => {
    expect(decideRetry(noJitter, first, http(429, { retryAfter: 'later' }), 0, half)).toMatchObject({ retry: true, delayMs: 5000, code: 'rate-limited' });
  });

  it('honours Retry-After on a 503 as well (no 1 s floor there)', () => {
    expect(decideRetry(noJitter, first, http(503, { retryAfter: '0' }), 0, half)).toMatchObject({ delayMs: 0, code: 'retry-after' });
  });

  it('ignores Retry-After when honourRetryAfter is off', () => {
    const policy: RetryPolicy = { ...noJitter, honourRetryAfter: false };
    expect(decideRetry(policy, first, http(429, { retryAfter: '12' }), 0, half)).toMatchObject({ delayMs: 5000, code: 'rate-limited' });
  });

  it('gives up when Retry-After asks for more than the cap', () => {
    expect(decideRetry(defaultRetryPolicy, first, http(429, { retryAfter: '21' }), 0, half)).toEqual({
      retry: false,
      code: 'retry-after-over-cap',
      reason: 'retry-after-over-cap: http 429; Retry-After asks for 21000 ms, more than capMs 20000 ms',
    });
    expect(delayOf(decideRetry(defaultRetryPolicy, first, http(429, { retryAfter: '20' }), 0, half))).toBe(20_000);
  });

  it('gives up when Retry-After asks for more than the budget left', () => {
    const d = decideRetry(defaultRetryPolicy, { attempt: 2, startedAt: 0 }, http(503, { retryAfter: '10' }), 55_000, half);
    expect(d).toEqual({
      retry: false,
      code: 'retry-after-over-budget',
      reason: 'retry-after-over-budget: http 503; Retry-After asks for 10000 ms, more than the 5000 ms left of maxElapsedMs 60000 ms',
    });
  });
});

describe('decideRetry: budget and cap', () => {
  it('gives up when the next attempt would start after maxElapsedMs', () => {
    const policy: RetryPolicy = { ...noJitter, maxElapsedMs: 12_000 };
    expect(delayOf(decideRetry(policy, { attempt: 1, startedAt: 1000 }, http(503), 1200, half))).toBe(5000);
    expect(decideRetry(policy, { attempt: 2, startedAt: 1000 }, http(503), 6300, half)).toEqual({
      retry: false,
      code: 'elapsed-budget',
      reason: 'elapsed-budget: http 503; the next attempt would start 15300 ms after the first, past maxElapsedMs 12000 ms',
    });
  });

  it('never waits longer than capMs', () => {
    const policy: RetryPolicy = { ...noJitter, capMs: 7000 };
    expect(delayOf(decideRetry(policy, { attempt: 2, startedAt: 0 }, http(503), 0, half))).toBe(7000);
  });

  it('uses the previous delay for decorrelated jitter', () => {
    const d = decideRetry(defaultRetryPolicy, { attempt: 2, startedAt: 0, previousDelayMs: 4000 }, http(503), 4000, () => 1);
    expect(delayOf(d)).toBe(12_000);
  });
});

const errorArb: fc.Arbitrary<EngagementError> = fc.oneof(
  fc.record({
    kind: fc.constant('http' as const),
    status: fc.integer({ min: 100, max: 599 }),
    operation: fc.constant('createSession' as const),
    message: fc.constant('x'),
    retryAfter: fc.option(fc.oneof(fc.nat({ max: 120 }).map(String), fc.constantFrom('Thu, 01 Jan 1970 00:01:00 GMT', 'junk')), { nil: undefined }),
  }).map((e) => (e.retryAfter === undefined ? { kind: e.kind, status: e.status, operation: e.operation, message: e.message } : e)),
  fc.constantFrom(network, timeout, decode, validation, discovery, loadingAccount),
);

const policyArb: fc.Arbitrary<RetryPolicy> = fc.record({
  maxAttempts: fc.integer({ min: 1, max: 10 }),
  maxElapsedMs: fc.integer({ min: 0, max: 120_000 }),
  backoff: fc.oneof(
    fc.record({ kind: fc.constant('schedule' as const), delaysMs: fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('exponential' as const), baseMs: fc.integer({ min: 0, max: 10_000 }), factor: fc.double({ min: 1, max: 4, noNaN: true }) }),
  ),
  capMs: fc.integer({ min: 1000, max: 60_000 }),
  jitter: fc.constantFrom('none' as const, 'full' as const, 'decorrelated' as const),
  retryOn: fc.record({ statuses: fc.constantFrom([429, '5xx'] as const, [503] as const, ['4xx', '5xx'] as const), network: fc.boolean(), timeout: fc.boolean() }),
  honourRetryAfter: fc.boolean(),
  minDelayOn429Ms: fc.integer({ min: 0, max: 1000 }),
  polling: fc.constant(false as const),
});

describe('decideRetry properties', () => {
  it('every delay is within [0, capMs]; never retries validation/decode/discovery; never retries past maxAttempts or the budget', () => {
    fc.assert(
      fc.property(
        policyArb,
        fc.array(errorArb, { minLength: 1, maxLength: 15 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 15 }),
        fc.array(fc.nat({ max: 5000 }), { minLength: 1, maxLength: 15 }),
        (policy, errors, randoms, latencies) => {
          // a whole sequence: each attempt takes a latency, fails with the next error
          const startedAt = 1_000_000;
          let now = startedAt;
          let previousDelayMs: number | undefined;
          const starts = [now];
          for (let attempt = 1; ; attempt++) {
            now += latencies[(attempt - 1) % latencies.length]!;
            const error = errors[(attempt - 1) % errors.length]!;
            const state: RetryState = previousDelayMs === undefined ? { attempt, startedAt } : { attempt, startedAt, previousDelayMs };
            const d = decideRetry(policy, state, error, now, () => randoms[(attempt - 1) % randoms.length]!);
            if (!d.retry) break;
            expect(['validation', 'decode', 'discovery']).not.toContain(error.kind);
            expect(d.delayMs).toBeGreaterThanOrEqual(0);
            expect(d.delayMs).toBeLessThanOrEqual(policy.capMs);
            if (error.kind === 'http' && error.status === 429) expect(d.delayMs).toBeGreaterThanOrEqual(policy.minDelayOn429Ms);
            now += d.delayMs;
            previousDelayMs = d.delayMs;
            starts.push(now);
          }
          expect(starts.length).toBeLessThanOrEqual(policy.maxAttempts);
          for (const s of starts) expect(s - startedAt).toBeLessThanOrEqual(Math.max(policy.maxElapsedMs, 0));
        },
      ),
      { numRuns: 500 },
    );
  });
});
