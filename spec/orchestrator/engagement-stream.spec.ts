/**
 * Marble tests of every rule of the orchestrator, with exact timings (1
 * frame = 1 ms of the TestScheduler's virtual time). The client is a
 * scripted fake (fake-client.ts) that tells each check's attempts to its onProgress like
 * the real one and logs when each check was subscribed, answered and let go.
 *
 * Marble reminder: `(ic)` emits i and c in the same frame and takes 4
 * frames of the diagram; `36ms` advances 36 frames.
 */
import { BehaviorSubject, asyncScheduler, of, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { cartAttribute } from '../../src/attributes/cart';
import type { CheckProgress } from '../../src/client/events';
import type { ValidationIssue } from '../../src/errors';
import type { CheckingClient } from '../../src/orchestrator/check';
import { watchEngagement, type EngagementInputs } from '../../src/orchestrator/engagement-stream';
import type { WatchOptions } from '../../src/orchestrator/options';
import { IDLE, type EngagementState } from '../../src/orchestrator/state';
import { always, available, fakeClient, http, notAvailable, type FakeClient } from './fake-client';

let ts: TestScheduler;
beforeEach(() => {
  ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
});

const checking = (trigger: string, fields: Record<string, unknown> = {}) => expect.objectContaining({ status: 'Checking', trigger, ...fields });
const availableState = (fields: Record<string, unknown> = {}) => expect.objectContaining({ status: 'Available', ...fields });
const paused = (reason: string, previous: unknown) => ({ status: 'Paused', reason, previous });
const cart = (total: number): EngagementAttribute => ({ type: 'cart', total, numItems: 1 });
const view: EngagementAttribute = { type: 'prodView', products: [{ product: { name: 'tv' } }] };

/**
 * The live state of a fake client; its reporter (with `report: true`) is handed over as `options.reporter`.
 * A fake is not made by `createEngagementClient`, so it has no scheduler of its own: the live state is
 * given `asyncScheduler`, the TestScheduler's virtual time inside `ts.run`.
 */
function orchestrate(client: FakeClient, inputs: EngagementInputs = {}, options: WatchOptions = {}) {
  return watchEngagement(client, inputs, { scheduler: asyncScheduler, ...(client.reporter === undefined ? {} : { reporter: client.reporter }), ...options });
}

describe('start', () => {
  it('starts Idle and checks at once when there is no sections$', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 99ms !').toBe('(ic) 36ms a', {
        i: IDLE,
        c: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 1, attemptAt: 0 },
        a: availableState({ checkedAt: 40, renewAt: 870_000, expiresAt: 900_000 }),
      });
    });
    expect(client.checks.map((c) => c.request)).toEqual([{}]);
  });

  it('sends appDetails with every check', () => {
    const client = fakeClient(always(10, notAvailable()));
    ts.run(({ hot, expectObservable }) => {
      expectObservable(orchestrate(client, { appDetails: { os: 'IOS' }, refresh$: hot('50ms r') }), '^ 99ms !').toBe('(ic) 6ms n 39ms c 9ms n', {
        i: IDLE,
        c: expect.objectContaining({ status: 'Checking' }),
        n: expect.objectContaining({ status: 'NotAvailable' }),
      });
    });
    expect(client.checks.map((c) => c.request)).toEqual([{ appDetails: { os: 'IOS' } }, { appDetails: { os: 'IOS' } }]);
  });

  it('a subscriber that leaves on the first state sends nothing', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client).pipe(take(1))).toBe('(i|)', { i: IDLE });
    });
    expect(client.checks).toEqual([]);
  });
});

describe('rule 1: sections', () => {
  it('waits for the first sections, checks each change at once, never twice for equal sections', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ hot, expectObservable }) => {
      const sections$ = hot<ReadonlyArray<string> | string>('--a 97ms b 99ms c 99ms d', { a: ['Support'], b: ['Sales'], c: 'Sales', d: [' Sales ', ''] });
      expectObservable(orchestrate(client, { sections$ }), '^ 999ms !').toBe('i-c 39ms a 57ms d 39ms a', {
        i: IDLE,
        c: checking('sections', { startedAt: 2 }),
        d: checking('sections', { startedAt: 100, previous: availableState({ checkedAt: 42 }) }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.request.consumerSections])).toEqual([
      [2, ['Support']],
      [100, ['Sales']],
    ]);
  });
});

describe('rule 2: SDEs', () => {
  it('an eligibility SDE re-checks after 1000 ms of quiet; a burst costs one check; the SDEs ride with it (no report)', () => {
    const client = fakeClient(always(10, available()));
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot<EngagementAttribute>('100ms x 299ms y 299ms z', { x: cart(10), y: cart(20), z: cart(30) });
      const refresh$ = hot('3000ms r');
      expectObservable(orchestrate(client, { attributes$, refresh$ }), '^ 3999ms !').toBe('(is) 6ms a 1689ms c 9ms a 1289ms r 9ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 1700 }),
        r: checking('refresh', { startedAt: 3000 }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.request.engagementAttributes])).toEqual([
      [0, undefined],
      [1700, [cart(30)]], // coalesced: a cart replaces the previous one
      [3000, undefined], // sent with an answered check: not sent again
    ]);
  });

  it('an SDE outside the eligibility types never re-checks but rides with the next check; a repeated SDE never re-checks', () => {
    const client = fakeClient(always(10, available()));
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot<EngagementAttribute>('100ms v 99ms x 1999ms y', { v: view, x: cart(10), y: cart(10) });
      expectObservable(orchestrate(client, { attributes$ }), '^ 4999ms !').toBe('(is) 6ms a 1189ms c 9ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 1200 }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => c.request.engagementAttributes)).toEqual([undefined, [view, cart(10)]]);
  });

  it('SDEs that arrive during a check are not dropped by its answer', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ hot, expectObservable }) => {
      expectObservable(orchestrate(client, { attributes$: hot<EngagementAttribute>('5ms x', { x: cart(1) }) }), '^ 1999ms !').toBe('(is) 36ms a 964ms c 39ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 1005 }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => c.request.engagementAttributes)).toEqual([undefined, [cart(1)]]);
  });

  it('SDEs before the first sections wait for it and ride with the first check, which absorbs their re-check', () => {
    const client = fakeClient(always(10, available()));
    ts.run(({ hot, expectObservable }) => {
      const sections$ = hot('500ms a', { a: ['Support'] });
      const attributes$ = hot<EngagementAttribute>('100ms x 599ms y', { x: cart(1), y: { type: 'error', error: { message: 'card refused' } } });
      // y at 700 arrives after the first check started: its own re-check at 1700.
      expectObservable(orchestrate(client, { sections$, attributes$ }), '^ 2999ms !').toBe('i 499ms c 9ms a 1189ms d 9ms a', {
        i: IDLE,
        c: checking('sections', { startedAt: 500 }),
        d: checking('attributes', { startedAt: 1700 }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.request.engagementAttributes?.map((a) => a.type)])).toEqual([
      [500, ['cart']],
      [1700, ['error']],
    ]);
  });

  it('with report: reports SDEs at once, in order, and debounces the re-check from the delivery', () => {
    const client = fakeClient(always(10, available()), { report: true, reportMs: 300 });
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot<EngagementAttribute | ReadonlyArray<EngagementAttribute>>('100ms x 49ms v', { x: cart(10), v: [view] });
      expectObservable(orchestrate(client, { attributes$ }), '^ 2999ms !').toBe('(is) 6ms a 1389ms c 9ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 1400 }),
        a: availableState(),
      });
    });
    expect(client.reports).toEqual([
      { at: 100, types: ['cart'] },
      { at: 400, types: ['prodView'] }, // after the cart's delivery
    ]);
    expect(client.checks.map((c) => c.request)).toEqual([{}, {}]);
  });

  it('with a report that answers at once (an outbox), debounces from the arrival; options.attributes forces the request', () => {
    const reporting = fakeClient(always(10, available()), { report: true });
    const forced = fakeClient(always(10, available()), { report: true });
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot<EngagementAttribute>('100ms x', { x: cart(10) });
      const marble = '(is) 6ms a 1089ms c 9ms a';
      const values = { i: IDLE,
        s: checking('start'), c: checking('attributes'), a: availableState() };
      expectObservable(orchestrate(reporting, { attributes$ }), '^ 1999ms !').toBe(marble, values);
      expectObservable(orchestrate(forced, { attributes$ }, { attributes: 'request' }), '^ 1999ms !').toBe(marble, values);
    });
    expect(reporting.reports).toEqual([{ at: 100, types: ['cart'] }]);
    expect(reporting.checks[1]?.request).toEqual({});
    expect(forced.reports).toEqual([]);
    expect(forced.checks[1]?.request).toEqual({ engagementAttributes: [cart(10)] });
  });

  it('drops invalid SDEs and tells onInvalidAttributes where they failed', () => {
    const client = fakeClient(always(10, available()));
    const seen: Array<ReadonlyArray<ValidationIssue>> = [];
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot('100ms x', { x: { type: 'cart', total: 'lots', numItems: 1 } as unknown as EngagementAttribute });
      expectObservable(orchestrate(client, { attributes$ }, { onInvalidAttributes: (issues) => seen.push(issues) }), '^ 1999ms !').toBe('(ic) 6ms a', {
        i: IDLE,
        c: checking('start'),
        a: availableState(),
      });
    });
    expect(seen).toEqual([[{ path: '[0].total', reason: expect.any(String) }]]);
    expect(client.checks).toHaveLength(1);
  });

  it("takes builders' results: a Right is reported, a Left goes to onInvalidAttributes and nothing is sent for it", () => {
    const client = fakeClient(always(10, available()), { report: true });
    const seen: Array<ReadonlyArray<ValidationIssue>> = [];
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot('100ms x 99ms y', { x: cartAttribute({ total: 10, numItems: 1 }), y: [cartAttribute({ total: 11, numItems: -1 })] });
      expectObservable(orchestrate(client, { attributes$ }, { onInvalidAttributes: (issues) => seen.push(issues) }), '^ 1999ms !').toBe('(is) 6ms a 1089ms c 9ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 1100 }),
        a: availableState(),
      });
    });
    expect(client.reports).toEqual([{ at: 100, types: ['cart'] }]);
    expect(seen).toEqual([[{ path: '[0].numItems', reason: expect.any(String) }]]);
  });

  it('follows options.eligibilityTypes and options.attributeDebounceMs', () => {
    const client = fakeClient(always(10, available()));
    ts.run(({ hot, expectObservable }) => {
      const attributes$ = hot<EngagementAttribute>('100ms v', { v: view });
      expectObservable(orchestrate(client, { attributes$ }, { eligibilityTypes: ['prodView'], attributeDebounceMs: 250 }), '^ 999ms !').toBe('(is) 6ms a 339ms c 9ms a', {
        i: IDLE,
        s: checking('start'),
        c: checking('attributes', { startedAt: 350 }),
        a: availableState(),
      });
    });
  });
});

describe('rule 3: a new trigger cancels the stale check', () => {
  it('a change of sections during a check aborts its request at once', () => {
    const client = fakeClient(always(100, available()));
    ts.run(({ hot, expectObservable }) => {
      const sections$ = hot('a 49ms b', { a: ['Support'], b: ['Sales'] });
      expectObservable(orchestrate(client, { sections$ }), '^ 999ms !').toBe('(ic) 46ms d 99ms a', {
        i: IDLE,
        c: checking('sections', { startedAt: 0 }),
        d: { status: 'Checking', trigger: 'sections', startedAt: 50, attempt: 1, attemptAt: 50 },
        a: availableState({ checkedAt: 150 }),
      });
    });
    expect(client.checks).toEqual([
      { n: 1, request: { consumerSections: ['Support'] }, subscribedAt: 0, unsubscribedAt: 50 },
      { n: 2, request: { consumerSections: ['Sales'] }, subscribedAt: 50, answeredAt: 150, unsubscribedAt: 150 },
    ]);
  });

  it('a refresh during a retry wait cancels the wait and checks at once', () => {
    const client = fakeClient((_, n) =>
      n === 1
        ? [
            { ms: 10, answer: http(503), retryInMs: 5000 },
            { ms: 10, answer: available() },
          ]
        : [{ ms: 10, answer: available() }],
    );
    const events: CheckProgress[] = [];
    client.progress.subscribe((e) => events.push(e));
    ts.run(({ hot, expectObservable }) => {
      expectObservable(orchestrate(client, { refresh$: hot('1000ms r') }), '^ 9999ms !').toBe('(ic) 6ms w 989ms r 9ms a', {
        i: IDLE,
        c: checking('start', { attempt: 1 }),
        w: checking('start', { attempt: 2, nextRetryAt: 5010, lastFailure: { kind: 'http' } }),
        r: { status: 'Checking', trigger: 'refresh', startedAt: 1000, attempt: 1, attemptAt: 1000 },
        a: availableState({ checkedAt: 1010 }),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.unsubscribedAt])).toEqual([
      [0, 1000],
      [1000, 1010],
    ]);
    expect(events.filter((e) => e.type === 'attemptStarted').map((e) => [e.type === 'attemptStarted' && e.check, e.type === 'attemptStarted' && e.attempt])).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });
});

describe('attempts and failures', () => {
  it('Checking shows the attempt number and when the next retry starts', () => {
    const client = fakeClient(() => [
      { ms: 30, answer: http(503), retryInMs: 5000 },
      { ms: 30, answer: http(503), retryInMs: 10_000 },
      { ms: 30, answer: available(10) },
    ]);
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 19999ms !').toBe('(ic) 26ms w 4999ms x 29ms y 9999ms z 29ms a', {
        i: IDLE,
        c: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 1, attemptAt: 0 },
        w: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 2, attemptAt: 0, nextRetryAt: 5030, lastFailure: { kind: 'http' } },
        x: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 2, attemptAt: 5030, lastFailure: { kind: 'http' } },
        y: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 3, attemptAt: 5030, nextRetryAt: 15_060, lastFailure: { kind: 'http' } },
        z: { status: 'Checking', trigger: 'start', startedAt: 0, attempt: 3, attemptAt: 15_060, lastFailure: { kind: 'http' } },
        a: availableState({ checkedAt: 15_090, renewAt: 24_060, expiresAt: 25_060 }), // validity counted from the last attempt
      });
    });
  });

  it('a check that fails for good is Failed; the next trigger checks again', () => {
    const client = fakeClient((_, n) => [{ ms: 20, answer: n === 1 ? http(404) : available() }]);
    ts.run(({ hot, expectObservable }) => {
      const failed = { status: 'Failed', error: expect.objectContaining({ kind: 'http', status: 404 }), failedAt: 20 };
      expectObservable(orchestrate(client, { refresh$: hot('100ms r') }), '^ 999ms !').toBe('(ic) 16ms f 79ms c 19ms a', {
        i: IDLE,
        c: expect.objectContaining({ status: 'Checking' }),
        f: failed,
        a: availableState(),
      });
    });
  });

  it('NotAvailable is an answer: no re-check without a trigger', () => {
    const client = fakeClient(always(20, notAvailable()));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 999999ms !').toBe('(ic) 16ms n', {
        i: IDLE,
        c: checking('start'),
        n: { status: 'NotAvailable', engagement: expect.objectContaining({ status: 'NotAvailable' }), checkedAt: 20 },
      });
    });
    expect(client.checks).toHaveLength(1);
  });
});

describe('rule 4: expiry', () => {
  it('renews an Available engagement 30 s before its 900 s run out, without leaving Available', () => {
    const client = fakeClient(always(40, available(900)));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 999999ms !').toBe('(ic) 36ms a 869959ms r 39ms b', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ checkedAt: 40, renewAt: 870_000, expiresAt: 900_000 }),
        r: availableState({ checkedAt: 40, expiresAt: 900_000, renewal: { startedAt: 870_000, attempt: 1, attemptAt: 870_000 } }),
        b: { status: 'Available', engagement: expect.anything(), checkedAt: 870_040, renewAt: 1_740_000, expiresAt: 1_770_000 },
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 870_000]);
  });

  it('renews 10 % before a short validity runs out (60 s: at 54 s), or options.renewLeadMs before', () => {
    const short = fakeClient(always(40, available(60)));
    const lead = fakeClient(always(40, available(60)));
    ts.run(({ expectObservable }) => {
      const values = { i: IDLE, c: checking('start'), a: availableState({ checkedAt: 40 }), r: availableState({ renewal: expect.anything() }), b: availableState({ checkedAt: expect.any(Number) }) };
      expectObservable(orchestrate(short), '^ 59999ms !').toBe('(ic) 36ms a 53959ms r 39ms b', values);
      expectObservable(orchestrate(lead, {}, { renewLeadMs: 20_000 }), '^ 59999ms !').toBe('(ic) 36ms a 39959ms r 39ms b', values);
    });
  });

  it('turns Expired at expiresAt when the renewal is still unanswered (waiting for a retry), and aborts it', () => {
    const client = fakeClient((_, n) =>
      n === 1
        ? [{ ms: 40, answer: available(10) }]
        : [
            { ms: 40, answer: http(503), retryInMs: 5000 },
            { ms: 40, answer: available(10) },
          ],
    );
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 19999ms !').toBe('(ic) 36ms a 8959ms r 39ms w 959ms e', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ renewAt: 9000, expiresAt: 10_000 }),
        r: availableState({ renewal: { startedAt: 9000, attempt: 1, attemptAt: 9000 } }),
        w: availableState({ renewal: { startedAt: 9000, attempt: 2, attemptAt: 9000, nextRetryAt: 14_040, lastFailure: { kind: 'http' } } }),
        e: { status: 'Expired', engagement: expect.objectContaining({ status: 'Available' }), expiredAt: 10_000, cause: 'renewal-unanswered' },
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.unsubscribedAt])).toEqual([
      [0, 40],
      [9000, 10_000],
    ]);
  });

  it('keeps Available until expiresAt when the renewal gives up, then Expired with its error', () => {
    const client = fakeClient((_, n) => [{ ms: 40, answer: n === 1 ? available(10) : http(500) }]);
    ts.run(({ expectObservable }) => {
      const error = expect.objectContaining({ kind: 'http', status: 500 });
      expectObservable(orchestrate(client), '^ 19999ms !').toBe('(ic) 36ms a 8959ms r 39ms g 959ms e', {
        i: IDLE,
        c: checking('start'),
        a: availableState(),
        r: availableState({ renewal: expect.anything() }),
        g: availableState({ renewAt: 9000, expiresAt: 10_000, renewalError: error }),
        e: { status: 'Expired', engagement: expect.anything(), expiredAt: 10_000, cause: 'renewal-failed', error },
      });
    });
  });

  it('ends the engagement at once when the renewal answers NotAvailable', () => {
    const client = fakeClient((_, n) => [{ ms: 40, answer: n === 1 ? available(10) : notAvailable() }]);
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 19999ms !').toBe('(ic) 36ms a 8959ms r 39ms n', {
        i: IDLE,
        c: checking('start'),
        a: availableState(),
        r: availableState({ renewal: expect.anything() }),
        n: expect.objectContaining({ status: 'NotAvailable', checkedAt: 9040 }),
      });
    });
  });

  it('a trigger after Expired checks again, showing the expired answer as previous', () => {
    const client = fakeClient((_, n) => (n === 2 ? [{ ms: 40, answer: http(503), retryInMs: 60_000 }] : [{ ms: 40, answer: available(10) }]));
    ts.run(({ hot, expectObservable }) => {
      expectObservable(orchestrate(client, { refresh$: hot('12000ms r') }), '^ 19999ms !').toBe('(is) 36ms a 8959ms r 39ms w 959ms e 1999ms c 39ms a', {
        i: IDLE,
        s: checking('start'),
        a: availableState(),
        r: availableState({ renewal: expect.anything() }),
        w: availableState({ renewal: expect.objectContaining({ attempt: 2 }) }),
        e: expect.objectContaining({ status: 'Expired' }),
        c: checking('refresh', { startedAt: 12_000, previous: expect.objectContaining({ status: 'Expired' }) }),
      });
    });
  });
});

describe('rule 5: offline or hidden', () => {
  it('offline cancels the check in flight and sends nothing; back online, it checks at once (trigger resume)', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ hot, expectObservable }) => {
      const online$ = hot('t 19ms f 99ms t', { t: true, f: false });
      expectObservable(orchestrate(client, { online$ }), '^ 999ms !').toBe('(ic) 16ms p 99ms r 39ms a', {
        i: IDLE,
        c: checking('start', { attempt: 1 }),
        p: paused('offline', checking('start')),
        r: { status: 'Checking', trigger: 'resume', startedAt: 120, attempt: 1, attemptAt: 120 },
        a: availableState({ checkedAt: 160 }),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.unsubscribedAt])).toEqual([
      [0, 20],
      [120, 160],
    ]);
  });

  it('hidden while Available: nothing is sent; back visible before renewal time, Available is restored as it was, renewal at its time', () => {
    const client = fakeClient(always(40, available(10)));
    ts.run(({ hot, expectObservable }) => {
      const visible$ = hot('t 999ms f 1999ms t', { t: true, f: false });
      const a = availableState({ checkedAt: 40, renewAt: 9000, expiresAt: 10_000 });
      expectObservable(orchestrate(client, { visible$ }), '^ 9999ms !').toBe('(ic) 36ms a 959ms p 1999ms a 5999ms r 39ms b', {
        i: IDLE,
        c: checking('start'),
        a,
        p: paused('hidden', a),
        r: availableState({ checkedAt: 40, renewal: expect.anything() }),
        b: availableState({ checkedAt: 9040 }),
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 9000]);
  });

  it('remembers triggers during the pause: one check on return, with the latest sections', () => {
    const client = fakeClient(always(40, available()));
    ts.run(({ hot, expectObservable }) => {
      const sections$ = hot('a 999ms b 99ms c', { a: ['Support'], b: ['Sales'], c: ['Billing'] });
      const online$ = hot('t 499ms f 999ms t', { t: true, f: false });
      expectObservable(orchestrate(client, { sections$, online$ }), '^ 2999ms !').toBe('(ic) 36ms a 459ms p 999ms c 39ms a', {
        i: IDLE,
        c: checking('sections'),
        a: availableState(),
        p: paused('offline', availableState({ checkedAt: 40 })),
      });
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.request.consumerSections])).toEqual([
      [0, ['Support']],
      [1500, ['Billing']],
    ]);
  });

  it('an Available engagement expires while paused (it cannot be renewed); on return it is checked again', () => {
    const client = fakeClient(always(40, available(10)));
    ts.run(({ hot, expectObservable }) => {
      const visible$ = hot('t 4999ms f 9999ms t', { t: true, f: false });
      const a = availableState({ checkedAt: 40, expiresAt: 10_000 });
      expectObservable(orchestrate(client, { visible$ }), '^ 19999ms !').toBe('(is) 36ms a 4959ms p 4999ms q 4999ms c 39ms b', {
        i: IDLE,
        s: checking('start'),
        c: checking('resume', { startedAt: 15_000, previous: expect.objectContaining({ status: 'Expired', cause: 'paused' }) }),
        a,
        p: paused('hidden', a),
        q: paused('hidden', { status: 'Expired', engagement: expect.anything(), expiredAt: 10_000, cause: 'paused' }),
        b: availableState({ checkedAt: 15_040 }),
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 15_000]);
  });

  it('starting offline and hidden sends nothing; offline wins over hidden; equal values change nothing', () => {
    const client = fakeClient(always(40, available()));
    const online$ = new BehaviorSubject(false);
    const visible$ = new BehaviorSubject(false);
    ts.run(({ expectObservable }) => {
      ts.schedule(() => online$.next(false), 50);
      ts.schedule(() => online$.next(true), 100);
      ts.schedule(() => visible$.next(true), 200);
      ts.schedule(() => visible$.next(true), 300);
      expectObservable(orchestrate(client, { online$, visible$ }), '^ 999ms !').toBe('p 99ms h 99ms c 39ms a', {
        p: paused('offline', IDLE),
        h: paused('hidden', IDLE),
        c: checking('start', { startedAt: 200 }),
        a: availableState(),
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([200]);
  });

  it('a pause that a subscriber ends from its own callback leaves the renewal at its time', () => {
    const client = fakeClient(always(40, available(10)));
    const visible$ = new BehaviorSubject(true);
    const seen: EngagementState[] = [];
    ts.run(() => {
      const subscription = orchestrate(client, { visible$ }).subscribe((s) => {
        seen.push(s);
        if (s.status === 'Paused') visible$.next(true);
      });
      ts.schedule(() => visible$.next(false), 1000);
      ts.schedule(() => subscription.unsubscribe(), 19_999);
    });
    expect(seen.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Available', 'Paused', 'Available', 'Available', 'Available', 'Available', 'Available']);
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 9000, 18_000]);
  });
});

describe('rule 6: one pipeline for all subscribers', () => {
  it('shares one check; a late subscriber gets the current state at once', () => {
    const client = fakeClient(always(100, available()));
    ts.run(({ expectObservable }) => {
      const states$ = orchestrate(client);
      const values = { i: IDLE, c: checking('start'), a: availableState({ checkedAt: 100 }) };
      expectObservable(states$, '^ 199ms !').toBe('(ic) 96ms a', values);
      expectObservable(states$, '50ms ^ 249ms !').toBe('50ms c 49ms a', values);
      expectObservable(states$, '150ms ^ 49ms !').toBe('150ms a', values);
    });
    expect(client.checks).toHaveLength(1);
  });

  it('the last subscriber leaving aborts the check and clears every timer; subscribing again starts afresh', () => {
    const client = fakeClient(always(100, available(10)));
    ts.run(({ hot, expectObservable }) => {
      const states$ = orchestrate(client, { attributes$: hot<EngagementAttribute>('20ms x', { x: cart(1) }) });
      const values = { i: IDLE, c: checking('start'), a: availableState() };
      expectObservable(states$, '^ 49ms !').toBe('(ic)', values);
      expectObservable(states$, '10ms ^ 39ms !').toBe('10ms c', values);
      expectObservable(states$, '400ms ^ 199ms !').toBe('400ms (ic) 96ms a', values);
    });
    // Check 1 aborted at 50; the SDE debounce (due at 1020) and check 2's renewal (due at 9400) were
    // cleared with the last subscriber: the scheduler ran everything and no other check started.
    expect(client.checks.map((c) => [c.subscribedAt, c.unsubscribedAt])).toEqual([
      [0, 50],
      [400, 500],
    ]);
  });

  it('a subscriber may hand over to another from its own callback', () => {
    const client = fakeClient(always(100, available()));
    const seen: string[] = [];
    ts.run(() => {
      const states$ = orchestrate(client);
      let second: { unsubscribe(): void } | undefined;
      states$.pipe(take(1)).subscribe(() => (second = states$.subscribe((s) => seen.push(s.status))));
      ts.schedule(() => second?.unsubscribe(), 500);
    });
    expect(seen).toEqual(['Idle', 'Checking', 'Available']);
    expect(client.checks).toHaveLength(1);
  });

  it('an error of an input ends the orchestrator with it, aborting the check', () => {
    const client = fakeClient(always(100, available()));
    ts.run(({ cold, expectObservable }) => {
      const refresh$ = cold('30ms #', {}, new Error('router broke'));
      expectObservable(orchestrate(client, { refresh$ })).toBe('(ic) 26ms #', { i: IDLE, c: checking('start') }, new Error('router broke'));
    });
    expect(client.checks.map((c) => [c.subscribedAt, c.unsubscribedAt])).toEqual([[0, 30]]);
  });
});

describe('validation', () => {
  it('answers invalid options or inputs with one Failed state naming them', () => {
    const client = fakeClient(always(10, available()));
    ts.run(({ expectObservable }) => {
      const failed = (path: string) => ({ status: 'Failed', error: expect.objectContaining({ kind: 'validation', issues: [expect.objectContaining({ path })] }), failedAt: 0 });
      expectObservable(orchestrate(client, {}, { attributeDebounceMs: -5 })).toBe('(f|)', { f: failed('attributeDebounceMs') });
      expectObservable(orchestrate(client, { section$: null } as unknown as EngagementInputs)).toBe('(f|)', { f: failed('section$') });
      expectObservable(orchestrate(client, {}, { attributes: 'report' })).toBe('(f|)', { f: failed('attributes') });
    });
    expect(client.checks).toEqual([]);
  });
});

describe('the states', () => {
  it('are never emitted twice in a row', () => {
    const client = fakeClient(always(10, available()));
    const seen: EngagementState[] = [];
    ts.run(({ hot }) => {
      const sub = orchestrate(client, { online$: hot('t 9ms t 9ms t 9ms f 9ms f 9ms t', { t: true, f: false }), sections$: hot('a 99ms a', { a: 'Support' }) }).subscribe((s) => seen.push(s));
      ts.schedule(() => sub.unsubscribe(), 500);
    });
    expect(seen.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Available', 'Paused', 'Available']);
  });
});

describe('the clock', () => {
  // Every marble test above names its scheduler (options.scheduler); a real client's own is used in end-to-end.spec.ts.
  it('of a client not made by createEngagementClient (it has no scheduler) is Date.now and setTimeout', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    try {
      const client: CheckingClient = { getEngagement: () => of(available(10)) };
      const seen: EngagementState[] = [];
      const subscription = watchEngagement(client).subscribe((s) => seen.push(s));
      expect(seen[seen.length - 1]).toMatchObject({ status: 'Available', checkedAt: 1_000_000, renewAt: 1_009_000, expiresAt: 1_010_000 });
      jest.advanceTimersByTime(9_000); // the renewal, on setTimeout
      expect(seen[seen.length - 1]).toMatchObject({ status: 'Available', checkedAt: 1_009_000, renewAt: 1_018_000 });
      subscription.unsubscribe();
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
