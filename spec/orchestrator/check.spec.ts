import { of, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { CheckOptions } from '../../src/client/client';
import { checkEvents, type CheckingClient } from '../../src/orchestrator/check';
import type { MachineEvent } from '../../src/orchestrator/state';
import { available, fakeClient, http, notAvailable } from './fake-client';

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('checkEvents', () => {
  it('reports the attempts of its check, then the answer, then completes', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const client = fakeClient(() => [
        { ms: 10, answer: http(503), retryInMs: 5000 },
        { ms: 10, answer: available() },
      ]);
      const values: Record<string, MachineEvent> = {
        s: { type: 'attemptStarted', attempt: 1, at: 0 },
        f: { type: 'attemptFailed', attempt: 1, at: 10, error: { kind: 'http' } },
        r: { type: 'retryScheduled', attempt: 1, at: 10, delayMs: 5000 },
        t: { type: 'attemptStarted', attempt: 2, at: 5010 },
        a: { type: 'answer', result: available(), at: 5020 },
      };
      expectObservable(checkEvents(client, {}, ts)).toBe('s 9ms (fr) 4996ms t 9ms (a|)', values);
    });
  });

  it("hears only its own check's progress, not other checks of the same client", () => {
    const ts = newScheduler();
    ts.run(({ expectObservable }) => {
      const client = fakeClient((_, n) => (n === 1 ? [{ ms: 5, answer: http(503), retryInMs: 10 }, { ms: 5, answer: notAvailable() }] : [{ ms: 30, answer: available() }]));
      client.getEngagement().subscribe(); // check 1, someone else's
      const mine = checkEvents(client, {}, ts); // check 2
      expectObservable(mine).toBe('s 29ms (a|)', {
        s: { type: 'attemptStarted', attempt: 1, at: 0 },
        a: { type: 'answer', result: available(), at: 30 },
      });
    });
  });

  it('answers a synchronous Left (a refused request) without any attempt', () => {
    const client: CheckingClient = { getEngagement: () => of(http(400)) };
    const seen: MachineEvent[] = [];
    let completed = false;
    checkEvents(client, {}, { now: () => 7, schedule: () => undefined as never }).subscribe({ next: (e) => seen.push(e), complete: () => (completed = true) });
    expect(seen).toEqual([{ type: 'answer', result: http(400), at: 7 }]);
    expect(completed).toBe(true);
  });

  it('asks the client for its progress through the check itself (onProgress), with no other option', () => {
    const given: Array<CheckOptions | undefined> = [];
    const client: CheckingClient = { getEngagement: (_request, options) => (given.push(options), of(http(400))) };
    checkEvents(client, { consumerSections: ['Support'] }, { now: () => 0, schedule: () => undefined as never }).subscribe();
    expect(given).toHaveLength(1);
    expect(Object.keys(given[0] ?? {})).toEqual(['onProgress']);
    expect(typeof given[0]?.onProgress).toBe('function');
  });

  it('aborts the check when unsubscribed', () => {
    const ts = newScheduler();
    ts.run(({ expectObservable, flush }) => {
      const client = fakeClient(() => [{ ms: 100, answer: available() }]);
      expectObservable(checkEvents(client, {}, ts), '^ 49ms !').toBe('s', { s: { type: 'attemptStarted', attempt: 1, at: 0 } });
      flush();
      expect(client.checks[0]).toMatchObject({ subscribedAt: 0, unsubscribedAt: 50 });
      expect(client.checks[0]?.answeredAt).toBeUndefined();
    });
  });

  it('takes only the first answer (client polling belongs to direct callers)', () => {
    const client: CheckingClient = { getEngagement: () => of(notAvailable(), available()) };
    const seen: string[] = [];
    checkEvents(client, {}, { now: () => 0, schedule: () => undefined as never }).subscribe((e) => seen.push(e.type));
    expect(seen).toEqual(['answer']);
  });

  it('passes an error notification of the client on', () => {
    const client: CheckingClient = { getEngagement: () => throwError(() => new Error('bug')) };
    let error: unknown;
    checkEvents(client, {}, { now: () => 0, schedule: () => undefined as never }).subscribe({ error: (e: unknown) => (error = e) });
    expect(error).toEqual(new Error('bug'));
  });
});
