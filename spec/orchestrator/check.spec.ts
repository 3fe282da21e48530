/**
 * One check as the live state runs it: the client's `getEngagement` with
 * an `onProgress` that follows its attempts, the first answer only, and
 * unsubscribing to abort it.
 */
import { BehaviorSubject, NEVER, Observable, asyncScheduler, of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckOptions } from '../../src/client/client';
import type { EngagementError } from '../../src/errors';
import type { Either } from '../../src/internal/either';
import type { Engagement, EngagementRequest } from '../../src/model';
import type { CheckingClient } from '../../src/orchestrator/check';
import { watchEngagement, type EngagementInputs } from '../../src/orchestrator/engagement-stream';
import type { EngagementState } from '../../src/orchestrator/state';
import { available, fakeClient, http, notAvailable } from './fake-client';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/** Every state of a live state whose client answers at once (its clock stands at 7 and its timers never fire). */
function statesOf(client: CheckingClient, inputs: EngagementInputs = {}, react: (state: EngagementState) => void = () => undefined): { states: EngagementState[]; error: unknown } {
  const seen: { states: EngagementState[]; error: unknown } = { states: [], error: undefined };
  watchEngagement(client, inputs, { scheduler: { now: () => 7, schedule: () => NEVER.subscribe() } }).subscribe({
    next: (s) => {
      seen.states.push(s);
      react(s);
    },
    error: (e: unknown) => (seen.error = e),
  });
  return seen;
}

const label = (s: EngagementState): string => (s.status === 'Checking' ? `Checking:${s.trigger}${s.nextRetryAt === undefined ? '' : ':waiting'}` : s.status);

describe('a check of the live state', () => {
  it('follows the attempts its onProgress tells, then settles on the answer', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const client = fakeClient(() => [
        { ms: 10, answer: http(503), retryInMs: 5000 },
        { ms: 10, answer: available() },
      ]);
      expectObservable(watchEngagement(client, {}, { scheduler: asyncScheduler }), '^ 9999ms !').toBe('(ic) 6ms w 4999ms x 9ms a', {
        i: { status: 'Idle' },
        c: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 1, attemptAt: 0 },
        w: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 2, attemptAt: 0, nextRetryAt: 5010, lastFailure: { kind: 'http' } },
        x: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 2, attemptAt: 5010, lastFailure: { kind: 'http' } },
        a: expect.objectContaining({ status: 'Available', checkedAt: 5020 }),
      });
    });
  });

  it("hears only its own check's progress, not other checks of the same client", () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const client = fakeClient((_, n) => (n === 1 ? [{ ms: 5, answer: http(503), retryInMs: 10 }, { ms: 5, answer: notAvailable() }] : [{ ms: 30, answer: available() }]));
      client.getEngagement().subscribe(); // check 1, someone else's
      expectObservable(watchEngagement(client, {}, { scheduler: asyncScheduler }), '^ 99ms !').toBe('(ic) 26ms a', {
        i: { status: 'Idle' },
        c: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 1, attemptAt: 0 },
        a: expect.objectContaining({ status: 'Available', checkedAt: 30 }),
      });
    });
  });

  it('settles a synchronous Left (a refused request) without any attempt', () => {
    const { states } = statesOf({ getEngagement: () => of(http(400)) });
    expect(states).toEqual([
      { status: 'Idle' },
      { status: 'Checking', trigger: 'start', startedAt: 7, attempt: 1, attemptAt: 7 },
      { status: 'Failed', error: expect.objectContaining({ kind: 'http', status: 400 }), failedAt: 7 },
    ]);
  });

  it('asks the client for its progress through the check itself (onProgress), with no other option', () => {
    const given: Array<CheckOptions | undefined> = [];
    statesOf({ getEngagement: (_request, options) => (given.push(options), of(http(400))) });
    expect(given).toHaveLength(1);
    expect(Object.keys(given[0] ?? {})).toEqual(['onProgress']);
    expect(typeof given[0]?.onProgress).toBe('function');
  });

  it('aborts the check when the live state is let go', () => {
    const ts = newScheduler();
    const client = fakeClient(() => [{ ms: 100, answer: available() }]);
    ts.run(({ expectObservable }) => {
      expectObservable(watchEngagement(client, {}, { scheduler: asyncScheduler }), '^ 49ms !').toBe('(ic)', {
        i: { status: 'Idle' },
        c: expect.objectContaining({ status: 'Checking' }),
      });
    });
    expect(client.checks[0]).toMatchObject({ subscribedAt: 0, unsubscribedAt: 50 });
    expect(client.checks[0]?.answeredAt).toBeUndefined();
  });

  it('takes only the first answer (client polling belongs to direct callers), and lets the check go', () => {
    let released = false;
    const polling: CheckingClient = {
      getEngagement: () =>
        new Observable<Either<EngagementError, Engagement>>((subscriber) => {
          subscriber.next(notAvailable());
          subscriber.next(available());
          return () => (released = true);
        }),
    };
    const { states } = statesOf(polling);
    expect(states.map(label)).toEqual(['Idle', 'Checking:start', 'NotAvailable']);
    expect(released).toBe(true);
  });

  it('never hears from a check that a newer trigger replaced, even when it goes on synchronously', () => {
    const sections$ = new BehaviorSubject<ReadonlyArray<string>>(['Support']);
    const requests: EngagementRequest[] = [];
    const client: CheckingClient = {
      getEngagement: (request = {}, options = {}) =>
        new Observable<Either<EngagementError, Engagement>>((subscriber) => {
          requests.push(request);
          if (requests.length > 1) return subscriber.next(available());
          // The first check plans a retry, then (as if the retry had run) answers NotAvailable.
          options.onProgress?.({ type: 'retryScheduled', check: 1, attempt: 1, at: 7, delayMs: 5000, reason: 'test' });
          options.onProgress?.({ type: 'attemptStarted', check: 1, attempt: 2, at: 7, request: { hasVisitorId: false, hasSessionId: false, sections: 1, attributeTypes: [] } });
          subscriber.next(notAvailable());
        }),
    };
    // The subscriber navigates when it sees the retry planned: the first check is let go at once.
    const { states } = statesOf(client, { sections$ }, (s) => s.status === 'Checking' && s.nextRetryAt !== undefined && sections$.next(['Sales']));
    expect(states.map(label)).toEqual(['Idle', 'Checking:sections', 'Checking:sections:waiting', 'Checking:sections', 'Available']);
    expect(requests.map((r) => r.consumerSections)).toEqual([['Support'], ['Sales']]);
  });

  it('does not send a check that a trigger from a subscriber replaced before it went out', () => {
    const sections$ = new BehaviorSubject<ReadonlyArray<string>>(['Support']);
    const requests: EngagementRequest[] = [];
    const client: CheckingClient = { getEngagement: (request = {}) => (requests.push(request), of(available())) };
    const { states } = statesOf(client, { sections$ }, (s) => s.status === 'Checking' && requests.length === 0 && sections$.next(['Sales']));
    // The two Checking states are equal (same trigger, same time): the second is not emitted.
    expect(states.map(label)).toEqual(['Idle', 'Checking:sections', 'Available']);
    expect(requests.map((r) => r.consumerSections)).toEqual([['Sales']]);
  });

  it('passes an error notification of the client on: the live state ends with it', () => {
    const { states, error } = statesOf({ getEngagement: () => throwError(() => new Error('bug')) });
    expect(states.map(label)).toEqual(['Idle', 'Checking:start']);
    expect(error).toEqual(new Error('bug'));
  });
});
