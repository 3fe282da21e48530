import fc from 'fast-check';
import { asyncScheduler, EMPTY, Observable, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { EngagementError } from '../../src/errors';
import { left, right, type Either } from '../../src/internal/either';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/retry/policy';
import { withRetry, type AttemptContext, type RetryHooks } from '../../src/retry/with-retry';
import { decode, http, loadingAccount, network, validation } from './fixtures';

type Result = Either<EngagementError, string>;

const noJitter: RetryPolicy = { ...defaultRetryPolicy, jitter: 'none' };
const ok: Result = right('Available');
const fail = (error: EngagementError): Result => left(error);

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** An attempt factory that answers attempt n with attempts[n - 1] and records its contexts. */
function factory(attempts: ReadonlyArray<Observable<Result>>) {
  const contexts: AttemptContext[] = [];
  const fn = (ctx: AttemptContext): Observable<Result> => {
    contexts.push(ctx);
    const a = attempts[ctx.attempt - 1];
    if (a === undefined) throw new Error(`unexpected attempt ${ctx.attempt}`);
    return a;
  };
  return { fn, contexts };
}

describe('withRetry (marble tests on a virtual clock)', () => {
  it('meets two failures then succeeds: resubscribes after exactly 5 s and 10 s', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a1 = cold('10ms (e|)', { e: fail(loadingAccount) });
      const a2 = cold('10ms (e|)', { e: fail(http(503)) });
      const a3 = cold('10ms (r|)', { r: ok });
      const { fn, contexts } = factory([a1, a2, a3]);
      expectObservable(withRetry(fn, noJitter, { scheduler: ts, random: Math.random })).toBe('15030ms (r|)', { r: ok });
      expectSubscriptions(a1.subscriptions).toBe('^ 9ms !');
      expectSubscriptions(a2.subscriptions).toBe('5010ms ^ 9ms !');
      expectSubscriptions(a3.subscriptions).toBe('15020ms ^ 9ms !');
      ts.flush();
      expect(contexts).toEqual([{ attempt: 1 }, { attempt: 2, lastError: loadingAccount }, { attempt: 3, lastError: http(503) }]);
      // the caller can reuse the visitor id the "Loading account" answer named
      expect(contexts[1]?.lastError).toMatchObject({ visitorId: 'abc' });
    });
  });

  it('works with the virtualized asyncScheduler as well', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      const { fn } = factory([cold('(e|)', { e: fail(network) }), cold('(r|)', { r: ok })]);
      expectObservable(withRetry(fn, noJitter, { scheduler: asyncScheduler, random: Math.random })).toBe('5000ms (r|)', { r: ok });
    });
  });

  it('uses the injected random for jitter: default policy with random() = 0.5 waits 5000, 10000, 18750 ms', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = fail(http(503));
      const attempts = [0, 1, 2, 3].map(() => cold('10ms (e|)', { e }));
      const { fn } = factory(attempts);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0.5 })).toBe('33790ms (e|)', { e });
      expectSubscriptions(attempts[1]!.subscriptions).toBe('5010ms ^ 9ms !');
      expectSubscriptions(attempts[2]!.subscriptions).toBe('15020ms ^ 9ms !');
      expectSubscriptions(attempts[3]!.subscriptions).toBe('33780ms ^ 9ms !');
    });
  });

  it('429 with Retry-After in seconds: waits exactly that long', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a2 = cold('10ms (r|)', { r: ok });
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(429, { retryAfter: '3' })) }), a2]);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0.5 })).toBe('3020ms (r|)', { r: ok });
      expectSubscriptions(a2.subscriptions).toBe('3010ms ^ 9ms !');
    });
  });

  it('429 with Retry-After as an HTTP date: waits until that date on the scheduler clock', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      // the virtual clock starts at epoch 0; the date is 7 s after it
      const a2 = cold('10ms (r|)', { r: ok });
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(429, { retryAfter: 'Thu, 01 Jan 1970 00:00:07 GMT' })) }), a2]);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0.5 })).toBe('7010ms (r|)', { r: ok });
      expectSubscriptions(a2.subscriptions).toBe('7000ms ^ 9ms !');
    });
  });

  it('429 waits at least 1 s, even when Retry-After says 0', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a2 = cold('10ms (r|)', { r: ok });
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(429, { retryAfter: '0' })) }), a2]);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0 })).toBe('1020ms (r|)', { r: ok });
      expectSubscriptions(a2.subscriptions).toBe('1010ms ^ 9ms !');
    });
  });

  it('429 whose Retry-After exceeds the cap: gives up at once with the 429', () => {
    const ts = newScheduler();
    const gaveUp = jest.fn();
    ts.run(({ cold, expectObservable }) => {
      const e = fail(http(429, { retryAfter: '3600' }));
      const { fn } = factory([cold('10ms (e|)', { e })]);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0.5, hooks: { gaveUp } })).toBe('10ms (e|)', { e });
    });
    expect(gaveUp).toHaveBeenCalledWith(1, http(429, { retryAfter: '3600' }), expect.stringMatching(/^retry-after-over-cap: /));
  });

  it.each([400, 401, 404])('does not retry %i', (status) => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      const e = fail(http(status));
      const { fn, contexts } = factory([cold('10ms (e|)', { e })]);
      expectObservable(withRetry(fn, defaultRetryPolicy, { scheduler: ts, random: () => 0.5 })).toBe('10ms (e|)', { e });
      ts.flush();
      expect(contexts).toHaveLength(1);
    });
  });

  it.each([
    ['decode', decode],
    ['validation', validation],
  ] as const)('never retries a %s error, even under a policy that retries everything', (_kind, error) => {
    const everything: RetryPolicy = { ...noJitter, retryOn: { statuses: ['1xx', '2xx', '3xx', '4xx', '5xx'], network: true, timeout: true } };
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      const e = fail(error);
      const { fn, contexts } = factory([cold('10ms (e|)', { e })]);
      expectObservable(withRetry(fn, everything, { scheduler: ts, random: () => 0.5 })).toBe('10ms (e|)', { e });
      ts.flush();
      expect(contexts).toHaveLength(1);
    });
  });

  it('maxAttempts 1: no retry', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      const e = fail(http(503));
      const { fn, contexts } = factory([cold('10ms (e|)', { e })]);
      expectObservable(withRetry(fn, { ...defaultRetryPolicy, maxAttempts: 1 }, { scheduler: ts, random: () => 0.5 })).toBe('10ms (e|)', { e });
      ts.flush();
      expect(contexts).toHaveLength(1);
    });
  });

  it('maxElapsedMs: gives up instead of starting an attempt past the budget', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const e1 = fail(http(503));
      const e2 = fail(http(502));
      const a2 = cold('10ms (e|)', { e: e2 });
      const { fn, contexts } = factory([cold('10ms (e|)', { e: e1 }), a2]);
      // retry 1 starts at 5010 (within 12 s), retry 2 would start at 15020: past the budget
      expectObservable(withRetry(fn, { ...noJitter, maxElapsedMs: 12_000 }, { scheduler: ts, random: () => 0.5 })).toBe('5020ms (e|)', { e: e2 });
      expectSubscriptions(a2.subscriptions).toBe('5010ms ^ 9ms !');
      ts.flush();
      expect(contexts).toHaveLength(2);
    });
  });

  it('capMs: no wait is longer than the cap', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const e = fail(http(503));
      const attempts = [0, 1, 2, 3].map(() => cold('10ms (e|)', { e }));
      const { fn } = factory(attempts);
      // nominal 5, 10, 15 s capped at 7 s
      expectObservable(withRetry(fn, { ...noJitter, capMs: 7000 }, { scheduler: ts, random: () => 0.5 })).toBe('19040ms (e|)', { e });
      expectSubscriptions(attempts[1]!.subscriptions).toBe('5010ms ^ 9ms !');
      expectSubscriptions(attempts[2]!.subscriptions).toBe('12020ms ^ 9ms !');
      expectSubscriptions(attempts[3]!.subscriptions).toBe('19030ms ^ 9ms !');
    });
  });

  it('unsubscribing during a wait cancels the pending timer: no further attempt ever starts', () => {
    const ts = newScheduler();
    const hooks = { attemptStarted: jest.fn(), retryScheduled: jest.fn(), gaveUp: jest.fn(), succeeded: jest.fn() };
    // a scheduler that records every timer the pipeline schedules and every one that fires
    const scheduled: number[] = [];
    const fired: number[] = [];
    const counting: SchedulerLike = {
      now: () => ts.now(),
      schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
        scheduled.push(delay);
        return ts.schedule<T>(function (this: SchedulerAction<T>, s?: T) {
          fired.push(ts.now());
          work.call(this, s);
        }, delay, state);
      },
    };
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a2 = cold('10ms (r|)', { r: ok });
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(503)) }), a2]);
      expectObservable(withRetry(fn, noJitter, { scheduler: counting, random: () => 0.5, hooks }), '^ 100ms !').toBe('');
      expectSubscriptions(a2.subscriptions).toBe([]);
    });
    // the run flushed all virtual time: attempt 2 would have started at 5010,
    // and the 5 s timer (scheduled at 10) never fired
    expect(scheduled).toEqual([5000]);
    expect(fired).toEqual([]);
    expect(hooks.attemptStarted).toHaveBeenCalledTimes(1);
    expect(hooks.retryScheduled).toHaveBeenCalledTimes(1);
    expect(hooks.gaveUp).not.toHaveBeenCalled();
    expect(hooks.succeeded).not.toHaveBeenCalled();
  });

  it('unsubscribing during an attempt unsubscribes that attempt at once', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a2 = cold('10ms (r|)', { r: ok });
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(503)) }), a2]);
      expectObservable(withRetry(fn, noJitter, { scheduler: ts, random: () => 0.5 }), '5015ms !').toBe('');
      expectSubscriptions(a2.subscriptions).toBe('5010ms ^ 4ms !');
    });
  });

  it('calls the hooks in order with attempts, delays and reasons', () => {
    const ts = newScheduler();
    const events: string[] = [];
    const hooks: RetryHooks = {
      attemptStarted: (n) => events.push(`started ${n} @${ts.now()}`),
      attemptFailed: (n, e) => events.push(`failed ${n} ${e.kind}`),
      retryScheduled: (n, d, reason) => events.push(`scheduled ${n} ${d} ${reason}`),
      gaveUp: (n, _e, reason) => events.push(`gaveUp ${n} ${reason}`),
      succeeded: (n, value) => events.push(`succeeded ${n} ${String(value)}`),
    };
    ts.run(({ cold }) => {
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(503)) }), cold('10ms (r|)', { r: ok })]);
      withRetry(fn, noJitter, { scheduler: ts, random: () => 0.5, hooks }).subscribe();
    });
    expect(events).toEqual([
      'started 1 @0',
      'failed 1 http',
      'scheduled 1 5000 backoff: http 503, retry 1 in 5000 ms',
      'started 2 @5010',
      'succeeded 2 Available',
    ]);
  });

  it('a hook that throws changes nothing', () => {
    const ts = newScheduler();
    const boom = () => {
      throw new Error('telemetry down');
    };
    ts.run(({ cold, expectObservable }) => {
      const { fn } = factory([cold('10ms (e|)', { e: fail(http(503)) }), cold('10ms (r|)', { r: ok })]);
      const hooks: RetryHooks = { attemptStarted: boom, attemptFailed: boom, retryScheduled: boom, succeeded: boom };
      expectObservable(withRetry(fn, noJitter, { scheduler: ts, random: () => 0.5, hooks })).toBe('5020ms (r|)', { r: ok });
    });
  });

  it('uses only the first value of an attempt', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a1 = cold('10ms r 9ms e|', { r: ok, e: fail(http(503)) });
      const { fn } = factory([a1]);
      expectObservable(withRetry(fn, noJitter, { scheduler: ts, random: () => 0.5 })).toBe('10ms (r|)', { r: ok });
      expectSubscriptions(a1.subscriptions).toBe('^ 9ms !');
    });
  });

  it('reports an attempt that completes without a value as an error notification (a programming error)', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      expectObservable(withRetry(() => EMPTY as Observable<Result>, noJitter, { scheduler: ts, random: () => 0.5 })).toBe(
        '#',
        undefined,
        new Error('withRetry: attempt 1 completed without a result'),
      );
    });
  });

  it('handles attempts that answer synchronously: only the first value counts, and retries still wait', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const sync = (...values: Result[]) => new Observable<Result>((s) => {
        for (const v of values) s.next(v);
        s.complete();
      });
      const { fn, contexts } = factory([sync(fail(http(503)), ok), sync(ok, fail(http(503)))]);
      expectObservable(withRetry(fn, noJitter, { scheduler: ts, random: () => 0.5 })).toBe('5000ms (r|)', { r: ok });
      ts.flush();
      expect(contexts.map((c) => c.attempt)).toEqual([1, 2]);
    });
  });

  it('reports an attempt factory that throws as an error notification', () => {
    const ts = newScheduler();
    const bug = new Error('factory bug');
    ts.run(({ expectObservable }) => {
      const throwing = (): Observable<Result> => {
        throw bug;
      };
      expectObservable(withRetry(throwing, noJitter, { scheduler: ts, random: () => 0.5 })).toBe('#', undefined, bug);
    });
  });

  it('each subscription starts its own sequence with its own budget', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      let calls = 0;
      const result$ = withRetry(() => (++calls % 2 === 1 ? cold('10ms (e|)', { e: fail(http(503)) }) : cold('10ms (r|)', { r: ok })), noJitter, {
        scheduler: ts,
        random: () => 0.5,
      });
      expectObservable(result$).toBe('5020ms (r|)', { r: ok });
      expectObservable(result$, '100000ms ^').toBe('100000ms 5020ms (r|)', { r: ok });
    });
  });
});

describe('withRetry properties', () => {
  const outcome = fc.oneof(
    fc.constant(ok),
    fc.constantFrom(fail(http(503)), fail(http(429)), fail(http(404)), fail(network), fail(decode), fail(http(500, { retryAfter: '2' }))),
  );

  it('never exceeds maxAttempts, never starts an attempt past maxElapsedMs, and emits exactly one final Either', () => {
    fc.assert(
      fc.property(
        fc.array(outcome, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 90_000 }),
        fc.constantFrom('none' as const, 'full' as const, 'decorrelated' as const),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (outcomes, maxAttempts, maxElapsedMs, jitter, r) => {
          const policy: RetryPolicy = { ...defaultRetryPolicy, maxAttempts, maxElapsedMs, jitter };
          const ts = newScheduler();
          const starts: number[] = [];
          const values: Array<{ at: number; value: Result }> = [];
          let completed = false;
          ts.run(({ cold }) => {
            withRetry(
              (ctx) => {
                starts.push(ts.now());
                return cold('7ms (a|)', { a: outcomes[(ctx.attempt - 1) % outcomes.length]! });
              },
              policy,
              { scheduler: ts, random: () => r },
            ).subscribe({ next: (value) => values.push({ at: ts.now(), value }), complete: () => (completed = true) });
          });
          expect(starts.length).toBeGreaterThanOrEqual(1);
          expect(starts.length).toBeLessThanOrEqual(maxAttempts);
          for (const s of starts) expect(s).toBeLessThanOrEqual(maxElapsedMs);
          expect(values).toHaveLength(1);
          expect(completed).toBe(true);
          // the final value is the last attempt's outcome
          expect(values[0]!.value).toEqual(outcomes[(starts.length - 1) % outcomes.length]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
