import { type Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { EngagementError } from '../../src/errors';
import { left, right, type Either } from '../../src/internal/either';
import { withPolling, type PollContext } from '../../src/retry/poll';
import { defaultRetryPolicy } from '../../src/retry/policy';
import { withRetry } from '../../src/retry/with-retry';
import { http } from './fixtures';

type Status = 'Available' | 'NotAvailable';
type Answer = Either<EngagementError, Status>;

const N: Answer = right('NotAvailable');
const A: Answer = right('Available');
const isFinal = (s: Status) => s === 'Available';
const values = { n: N, a: A };

function newScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('withPolling', () => {
  it('emits each NotAvailable, asks again after each interval, and completes on Available', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const checks = [cold('10ms (n|)', values), cold('10ms (n|)', values), cold('10ms (a|)', values)];
      const seen: number[] = [];
      const check = (ctx: PollContext) => {
        seen.push(ctx.check);
        return checks[ctx.check - 1]!;
      };
      expectObservable(withPolling(check, isFinal, { intervalMs: 60_000, maxPolls: 30 }, ts)).toBe('10ms n 60009ms n 60009ms (a|)', values);
      expectSubscriptions(checks[1]!.subscriptions).toBe('60010ms ^ 9ms !');
      expectSubscriptions(checks[2]!.subscriptions).toBe('120020ms ^ 9ms !');
      ts.flush();
      expect(seen).toEqual([1, 2, 3]);
    });
  });

  it('stops after maxPolls more checks', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      let calls = 0;
      const check = () => {
        calls++;
        return cold('(n|)', values);
      };
      expectObservable(withPolling(check, isFinal, { intervalMs: 1000, maxPolls: 2 }, ts)).toBe('n 999ms n 999ms (n|)', values);
      ts.flush();
      expect(calls).toBe(3);
    });
  });

  it('maxPolls 0 or polling off: the first answer is final', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(withPolling(() => cold('5ms (n|)', values), isFinal, { intervalMs: 1000, maxPolls: 0 }, ts)).toBe('5ms (n|)', values);
      expectObservable(withPolling(() => cold('5ms (n|)', values), isFinal, false, ts)).toBe('5ms (n|)', values);
    });
  });

  it('stops on a Left: the check has already given up', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      const e: Answer = left(http(404));
      const checks = [cold('(n|)', values), cold('(e|)', { e })];
      expectObservable(withPolling((ctx) => checks[ctx.check - 1]!, isFinal, { intervalMs: 1000, maxPolls: 10 }, ts)).toBe('n 999ms (e|)', { n: N, e });
    });
  });

  it('unsubscribing during the interval cancels the next check', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const second = cold('(a|)', values);
      const checks = [cold('(n|)', values), second];
      expectObservable(withPolling((ctx) => checks[ctx.check - 1]!, isFinal, { intervalMs: 60_000, maxPolls: 10 }, ts), '^ 30s !').toBe('n', values);
      expectSubscriptions(second.subscriptions).toBe([]);
    });
  });

  it('composes with withRetry: each poll is a check with its own retries', () => {
    const ts = newScheduler();
    ts.run(({ cold, expectObservable }) => {
      // check 1: 503 then NotAvailable; check 2: Available
      const attempts: Array<Observable<Answer>> = [cold('(e|)', { e: left(http(503)) }), cold('(n|)', values), cold('(a|)', values)];
      let i = 0;
      const policy = { ...defaultRetryPolicy, jitter: 'none' as const };
      const check = () => withRetry(() => attempts[i++]!, policy, { scheduler: ts, random: () => 0.5 });
      expectObservable(withPolling(check, isFinal, { intervalMs: 60_000, maxPolls: 5 }, ts)).toBe('5000ms n 59999ms (a|)', values);
    });
  });
});
