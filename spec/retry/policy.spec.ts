import fc from 'fast-check';
import { isLeft, isRight } from '../../src/internal/either';
import { defaultPollingPolicy, defaultRetryPolicy, retryPolicy, type RetryPolicy, type RetryPolicyInput } from '../../src/retry/policy';
import type { ValidationError } from '../../src/errors';

function ok(input: unknown): RetryPolicy {
  const r = retryPolicy(input as RetryPolicyInput);
  if (isLeft(r)) throw new Error(`expected Right, got ${r.left.message}`);
  return r.right;
}

function paths(input: unknown): string[] {
  const r = retryPolicy(input as RetryPolicyInput);
  if (isRight(r)) throw new Error('expected Left');
  return r.left.issues.map((i) => i.path);
}

describe('defaultRetryPolicy', () => {
  it('follows the LivePerson policy: 4 attempts, 5/10/15 s, 429 and 5xx, network and timeouts, at least 1 s on 429', () => {
    expect(defaultRetryPolicy).toEqual({
      maxAttempts: 4,
      maxElapsedMs: 60_000,
      backoff: { kind: 'schedule', delaysMs: [5_000, 10_000, 15_000] },
      capMs: 20_000,
      jitter: 'decorrelated',
      retryOn: { statuses: [429, '5xx'], network: true, timeout: true },
      honourRetryAfter: true,
      minDelayOn429Ms: 1_000,
      polling: false,
    });
  });

  it('is frozen, so no caller can change the default for everyone', () => {
    expect(Object.isFrozen(defaultRetryPolicy)).toBe(true);
    expect(Object.isFrozen(defaultRetryPolicy.retryOn)).toBe(true);
    expect(Object.isFrozen(defaultRetryPolicy.backoff)).toBe(true);
  });

  it('is a fixed point of retryPolicy', () => {
    expect(ok(defaultRetryPolicy)).toEqual(defaultRetryPolicy);
  });
});

describe('retryPolicy', () => {
  it('gives the default for undefined, null and {}', () => {
    expect(ok(undefined)).toBe(defaultRetryPolicy);
    expect(ok(null)).toBe(defaultRetryPolicy);
    expect(ok({})).toEqual(defaultRetryPolicy);
  });

  it('{ maxAttempts: 1 } turns retries off and keeps the rest', () => {
    expect(ok({ maxAttempts: 1 })).toEqual({ ...defaultRetryPolicy, maxAttempts: 1 });
  });

  it('merges retryOn field by field', () => {
    expect(ok({ retryOn: { timeout: false } }).retryOn).toEqual({ statuses: [429, '5xx'], network: true, timeout: false });
    expect(ok({ retryOn: { statuses: [503] } }).retryOn).toEqual({ statuses: [503], network: true, timeout: true });
  });

  it('replaces backoff as a whole; exponential factor defaults to 2', () => {
    expect(ok({ backoff: { kind: 'exponential', baseMs: 1000 } }).backoff).toEqual({ kind: 'exponential', baseMs: 1000, factor: 2 });
    expect(ok({ backoff: { kind: 'schedule', delaysMs: [100] } }).backoff).toEqual({ kind: 'schedule', delaysMs: [100] });
  });

  it('polling: true, a partial object, or false', () => {
    expect(ok({ polling: true }).polling).toEqual(defaultPollingPolicy);
    expect(ok({ polling: { intervalMs: 120_000 } }).polling).toEqual({ intervalMs: 120_000, maxPolls: 30 });
    expect(ok({ polling: { maxPolls: 0 } }).polling).toEqual({ intervalMs: 60_000, maxPolls: 0 });
    expect(ok({ polling: false }).polling).toBe(false);
  });

  it.each<[string, unknown, string[]]>([
    ['maxAttempts 0', { maxAttempts: 0 }, ['maxAttempts']],
    ['maxAttempts 1.5', { maxAttempts: 1.5 }, ['maxAttempts']],
    ['maxAttempts as a string', { maxAttempts: '3' }, ['maxAttempts']],
    ['negative maxElapsedMs', { maxElapsedMs: -1 }, ['maxElapsedMs']],
    ['infinite capMs', { capMs: Number.POSITIVE_INFINITY }, ['capMs']],
    ['unknown jitter', { jitter: 'equal' }, ['jitter']],
    ['backoff without kind', { backoff: { delaysMs: [1] } }, ['backoff.kind']],
    ['backoff not an object', { backoff: [1, 2] }, ['backoff']],
    ['empty schedule', { backoff: { kind: 'schedule', delaysMs: [] } }, ['backoff.delaysMs']],
    ['bad schedule entry', { backoff: { kind: 'schedule', delaysMs: [1, -5, 3] } }, ['backoff.delaysMs[1]']],
    ['exponential factor below 1', { backoff: { kind: 'exponential', baseMs: 10, factor: 0.5 } }, ['backoff.factor']],
    ['exponential without baseMs', { backoff: { kind: 'exponential' } }, ['backoff.baseMs']],
    ['bad status', { retryOn: { statuses: [429, 700, '6xx'] } }, ['retryOn.statuses[1]', 'retryOn.statuses[2]']],
    ['network not a boolean', { retryOn: { network: 'yes' } }, ['retryOn.network']],
    ['retryOn not an object', { retryOn: true }, ['retryOn']],
    ['honourRetryAfter not a boolean', { honourRetryAfter: 1 }, ['honourRetryAfter']],
    ['polling interval below 1 s', { polling: { intervalMs: 10 } }, ['polling.intervalMs']],
    ['polling maxPolls negative', { polling: { maxPolls: -1 } }, ['polling.maxPolls']],
    ['polling a number', { polling: 5 }, ['polling']],
    ['429 floor above the cap', { capMs: 500 }, ['minDelayOn429Ms']],
    ['unknown top-level field (a typo)', { maxAttempt: 3 }, ['maxAttempt']],
    ['unknown nested field', { retryOn: { status: [500] } }, ['retryOn.status']],
    ['two bad fields at once', { maxAttempts: -1, jitter: 3 }, ['maxAttempts', 'jitter']],
    ['not an object', 42, ['(value)']],
    ['an array', [], ['(value)']],
  ])('refuses %s with a Left naming the field', (_name, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  it('gives a kind of validation error whose message names the field and never echoes a value', () => {
    const r = retryPolicy({ jitter: 'secret-value-123' } as unknown as RetryPolicyInput);
    expect(isLeft(r)).toBe(true);
    const error = (r as { left: ValidationError }).left;
    expect(error.kind).toBe('validation');
    expect(error.message).toContain('jitter');
    expect(error.message).not.toContain('secret-value-123');
  });

  it('never throws, even on an object whose getters throw', () => {
    const hostile = {
      get maxAttempts(): number {
        throw new Error('boom');
      },
    };
    expect(paths(hostile)).toEqual(['(value)']);
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(isLeft(retryPolicy(proxy as RetryPolicyInput))).toBe(true);
  });

  it('property: never throws on arbitrary input, and any Left names at least one field', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }), (input) => {
        const r = retryPolicy(input as RetryPolicyInput);
        if (isLeft(r)) expect(r.left.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it('property: arbitrary policy-shaped input either resolves to a valid policy or names exactly the bad fields', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const input = fc.record(
      {
        maxAttempts: maybe(fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double())),
        capMs: maybe(fc.oneof(fc.integer({ min: -100, max: 100_000 }), fc.constant(Number.NaN))),
        jitter: maybe(fc.constantFrom('none', 'full', 'decorrelated', 'equal')),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (raw) => {
        const r = retryPolicy(raw as RetryPolicyInput);
        const badAttempts = raw.maxAttempts !== undefined && !(Number.isInteger(raw.maxAttempts) && raw.maxAttempts >= 1 && raw.maxAttempts <= 1000);
        const badCap = raw.capMs !== undefined && !(Number.isFinite(raw.capMs) && raw.capMs >= 0);
        const badJitter = raw.jitter === 'equal';
        const expected = [badAttempts && 'maxAttempts', badCap && 'capMs', badJitter && 'jitter'].filter((x): x is string => x !== false);
        if (expected.length === 0) {
          // a valid cap below the 429 floor is the one cross-field refusal
          if (isLeft(r)) expect(r.left.issues.map((i) => i.path)).toEqual(['minDelayOn429Ms']);
          else {
            expect(r.right.maxAttempts).toBe(raw.maxAttempts ?? 4);
            expect(r.right.capMs).toBe(raw.capMs ?? 20_000);
          }
        } else {
          expect(isLeft(r)).toBe(true);
          if (isLeft(r)) expect(r.left.issues.map((i) => i.path)).toEqual(expected);
        }
      }),
    );
  });
});
