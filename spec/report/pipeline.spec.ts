/**
 * The reporting pipeline on its own: a fake Update Session (an Observable
 * the test controls) and a VirtualTimeScheduler. Timing, order, session
 * waits, persistence and teardown.
 */
import { Observable, of } from 'rxjs';
import type { ReportEvent } from '../../src/report/events';
import type { EngagementError } from '../../src/errors';
import { left, type Either } from '../../src/internal/either';
import { defaultRetryPolicy, type RetryPolicy } from '../../src/retry/policy';
import { emptyOutbox, type OutboxState } from '../../src/report/outbox-state';
import { memoryOutboxStore, type OutboxStore } from '../../src/report/outbox-store';
import { createPipeline, loadOutbox, type PipelineEnv } from '../../src/report/pipeline';
import type { StoredOutbox } from '../../src/report/stored-outbox';
import { advanceBy, advanceTo } from '../helpers/virtual-clock';
import { S1, S2, harness, http, lead, leadIds, ok, outboxOf, spyStore } from './harness';

describe('the batching window', () => {
  it('sends what arrived within windowMs of the first report in one call, at the end of the window', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 100);
    r.enqueue([lead(2)]);
    advanceTo(h.scheduler, 249);
    expect(h.calls).toHaveLength(0);
    advanceTo(h.scheduler, 250);
    expect(h.calls.map((c) => [c.at, leadIds(c.body)])).toEqual([[250, ['1', '2']]]);
  });

  it('a report made later opens its own window', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    h.answer(ok);
    advanceTo(h.scheduler, 300);
    r.enqueue([lead(2)]);
    advanceTo(h.scheduler, 549);
    expect(h.calls).toHaveLength(1);
    advanceTo(h.scheduler, 550);
    expect(h.calls.map((c) => c.at)).toEqual([250, 550]);
  });

  it('windowMs 0 still sends asynchronously, on the scheduler', () => {
    const h = harness({ reportWindowMs: 0 });
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    expect(h.calls).toHaveLength(0);
    advanceTo(h.scheduler, 0);
    expect(h.calls).toHaveLength(1);
  });
});

describe('order', () => {
  it('sends one batch at a time: reports made during a send wait for its answer, then go next', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    r.enqueue([lead(2)]);
    r.enqueue([lead(3)]);
    advanceBy(h.scheduler, 10_000);
    expect(h.calls).toHaveLength(1); // still waiting for the first answer
    h.answer(ok);
    advanceBy(h.scheduler, 0);
    expect(h.calls.map((c) => leadIds(c.body))).toEqual([['1'], ['2', '3']]);
  });

  it('keeps a failed batch at the head: the next round resends it before anything newer', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    r.enqueue([lead(2)]);
    h.answer(left({ kind: 'network', operation: 'updateSession', cause: 'ECONNRESET', message: 'reset' }));
    const deferred = h.events.find((e): e is Extract<ReportEvent, { type: 'reportDeferred' }> => e.type === 'reportDeferred');
    expect(deferred).toMatchObject({ batch: 1, items: 1, attempts: 1, error: { kind: 'network' } });
    expect(deferred?.delayMs).toBeGreaterThanOrEqual(60_000);
    expect(deferred?.delayMs).toBeLessThanOrEqual(180_000);
    expect(r.state()).toMatchObject({ pending: 2, sending: false, lastError: { kind: 'network' } });
    advanceBy(h.scheduler, (deferred?.delayMs ?? 0) - 1);
    expect(h.calls).toHaveLength(1);
    advanceBy(h.scheduler, 1);
    // lead 1 and lead 2 are bound to the same session: they now go together, 1 first
    expect(h.calls.map((c) => leadIds(c.body))).toEqual([['1'], ['1', '2']]);
    h.answer(ok);
    expect(r.state()).toMatchObject({ pending: 0, delivered: 2 });
    expect(r.state().lastError).toBeUndefined();
  });

  it('waits longer after each failed round, and starts again from 1-3 minutes after a delivery', () => {
    const h = harness({ random: () => 0.999 });
    const r = createPipeline(h.env);
    const network = left<EngagementError, void>({ kind: 'network', operation: 'updateSession', cause: 'ECONNRESET', message: 'reset' });
    const deferrals = (): number[] => h.events.flatMap((e) => (e.type === 'reportDeferred' ? [e.delayMs] : []));
    r.enqueue([lead(1)]);
    for (let round = 0; round < 3; round++) {
      h.scheduler.flush();
      h.answer(network);
    }
    h.scheduler.flush();
    h.answer(ok);
    r.enqueue([lead(2)]);
    h.scheduler.flush();
    h.answer(network);
    const [first = 0, second = 0, third = 0, afterDelivery = 0] = deferrals();
    expect(first).toBeLessThanOrEqual(180_000);
    expect(second).toBeGreaterThan(first);
    expect(third).toBeGreaterThan(second);
    expect(afterDelivery).toBe(first);
  });

  it('retries inside a round with the client policy before deferring', () => {
    const retry: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 3, jitter: 'none' };
    const h = harness({ retry });
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    h.answer(http(503));
    advanceBy(h.scheduler, 5_000);
    h.answer(http(503));
    advanceBy(h.scheduler, 10_000);
    h.answer(ok);
    expect(h.calls.map((c) => c.at)).toEqual([250, 5_250, 15_250]);
    expect(h.events.find((e) => e.type === 'reportDelivered')).toMatchObject({ attempts: 3, items: 1 });
    expect(r.state().pending).toBe(0);
  });
});

describe('verdicts', () => {
  it('parks a batch the server refused (4xx) with its reason and moves on', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1), { kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } }]);
    advanceTo(h.scheduler, 250);
    r.enqueue([lead(2)]);
    h.answer(http(404, 39));
    advanceBy(h.scheduler, 250);
    h.answer(ok);
    expect(r.state()).toMatchObject({
      pending: 0,
      delivered: 1,
      rejected: [{ items: 2, types: ['lead', 'impClose'], reason: 'http 404 (internalCode 39)', status: 404, internalCode: 39, at: 250 }],
    });
    expect(h.events.filter((e) => e.type === 'reportRejected')).toEqual([
      { type: 'reportRejected', at: 250, source: 'server', batch: 1, items: 2, types: ['lead', 'impClose'], reason: 'http 404 (internalCode 39)', status: 404 },
    ]);
  });

  it.each([408, 429, 500, 503])('keeps a batch answered %i after the retries', (status) => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    h.answer(http(status));
    expect(r.state()).toMatchObject({ pending: 1, rejected: [] });
    expect(h.events.map((e) => e.type)).toContain('reportDeferred');
  });
});

describe('sessions', () => {
  it('holds reports made before any session until one exists, then binds them to it', () => {
    const h = harness({}, null);
    const r = createPipeline(h.env);
    const states: OutboxState[] = [];
    r.state$.subscribe((s) => states.push(s));
    r.enqueue([lead(1)]);
    advanceBy(h.scheduler, 60_000);
    expect(h.calls).toHaveLength(0);
    expect(r.state()).toMatchObject({ pending: 1, waitingForSession: true, sending: false });
    h.session.next(S2);
    advanceBy(h.scheduler, 0);
    expect(h.calls.map((c) => c.target)).toEqual([{ visitorId: 'V2', sessionId: 'S2', pageId: 'P2' }]);
    expect(states.some((s) => s.waitingForSession)).toBe(true);
  });

  it('delivers reports made in a session to that session, even after the session changed', () => {
    const h = harness();
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    h.session.next(S2);
    r.enqueue([lead(2)]);
    advanceTo(h.scheduler, 250);
    h.answer(ok);
    advanceBy(h.scheduler, 0);
    h.answer(ok);
    expect(h.calls.map((c) => [c.target.sessionId, leadIds(c.body)])).toEqual([
      ['S1', ['1']],
      ['S2', ['2']],
    ]);
  });
});

describe('persistence', () => {
  it('writes the outbox when a report is queued, before the send (with its session) and after it', () => {
    const { store, writes } = spyStore();
    const h = harness({ outbox: store }, null);
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ version: 1, pending: [{ seq: 1, kind: 'attribute', item: { type: 'lead' } }] });
    expect((writes[0] as StoredOutbox).pending[0]?.target).toBeUndefined();
    h.session.next(S1);
    advanceTo(h.scheduler, 250);
    expect(writes).toHaveLength(2);
    expect((writes[1] as StoredOutbox).pending[0]?.target).toEqual({ visitorId: 'V1', sessionId: 'S1', pageId: 'P1' });
    h.answer(ok);
    expect(writes).toEqual([expect.anything(), expect.anything(), 'cleared']);
    expect(store.load('acc')).toBeUndefined();
  });

  it('keeps parked refusals (types and counts, no contents) in the store', () => {
    const { store } = spyStore();
    const h = harness({ outbox: store });
    const r = createPipeline(h.env);
    r.enqueue([{ kind: 'attribute', item: { type: 'personal', personal: { firstname: 'Jane' } } }]);
    advanceTo(h.scheduler, 250);
    h.answer(http(400, 5));
    const stored = store.load('acc') as StoredOutbox;
    expect(stored).toMatchObject({ pending: [], rejected: [{ items: 1, types: ['personal'], reason: 'http 400 (internalCode 5)' }] });
    expect(JSON.stringify(stored)).not.toContain('Jane');
  });

  it('an outbox read back with pending reports starts delivering at once', () => {
    const store = memoryOutboxStore();
    const restored = outboxOf([lead(1), lead(2)], { visitorId: 'V1', sessionId: 'S1', pageId: 'P1' });
    const h = harness({ outbox: store }, null);
    const r = createPipeline(h.env, restored);
    expect(r.running()).toBe(true);
    advanceTo(h.scheduler, 250);
    expect(h.calls.map((c) => [c.target.sessionId, leadIds(c.body)])).toEqual([['S1', ['1', '2']]]);
  });

  it('a store that refuses writes gives one warning per failing streak; delivery goes on', () => {
    let fail = true;
    const store: OutboxStore = {
      load: () => undefined,
      save: () => {
        if (fail) throw new Error('QuotaExceededError');
      },
      clear: () => undefined,
    };
    const h = harness({ outbox: store });
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    r.enqueue([lead(2)]);
    expect(h.events.filter((e) => e.type === 'warning')).toEqual([
      { type: 'warning', at: 0, code: 'outboxStoreWriteFailed', message: expect.stringContaining('kept in memory') },
    ]);
    advanceTo(h.scheduler, 250);
    h.answer(ok);
    fail = false;
    r.enqueue([lead(3)]);
    fail = true;
    r.enqueue([lead(4)]);
    expect(h.events.filter((e) => e.type === 'warning')).toHaveLength(2);
    expect(r.state().delivered).toBe(2);
  });

  it('loadOutbox: garbage gives an empty outbox and a warning; a throwing store too', () => {
    const events: ReportEvent[] = [];
    const garbage: OutboxStore = { load: () => 'not json', save: () => undefined, clear: () => undefined };
    expect(loadOutbox(garbage, 'acc', (e) => events.push({ ...e, at: 5 } as ReportEvent))).toEqual(emptyOutbox());
    const throwing: OutboxStore = {
      load: () => {
        throw new Error('SecurityError');
      },
      save: () => undefined,
      clear: () => undefined,
    };
    expect(loadOutbox(throwing, 'acc', (e) => events.push({ ...e, at: 6 } as ReportEvent))).toEqual(emptyOutbox());
    expect(events.map((e) => e.type === 'warning' && [e.code, e.at])).toEqual([
      ['outboxStoreUnreadable', 5],
      ['outboxStoreUnreadable', 6],
    ]);
  });
});

describe('idle', () => {
  it('holds no timer and no session subscription once the outbox is empty', () => {
    const h = harness({}, null);
    const r = createPipeline(h.env);
    expect(r.running()).toBe(false);
    expect(h.session.observed).toBe(false);
    r.enqueue([lead(1)]);
    advanceBy(h.scheduler, 250);
    expect(h.session.observed).toBe(true); // waiting for a session
    h.session.next(S1);
    advanceBy(h.scheduler, 0);
    h.answer(ok);
    expect(r.running()).toBe(false);
    expect(h.session.observed).toBe(false);
    expect(h.scheduler.actions.filter((a) => !a.closed)).toEqual([]);
    expect(h.calls[0]?.answer.observed).toBe(false); // the send's subscription ended too
  });

  it('creating a reporter with nothing pending schedules nothing', () => {
    const h = harness();
    const r = createPipeline(h.env);
    expect(r.running()).toBe(false);
    expect(h.scheduler.actions).toEqual([]);
  });

  it('restarts on the next report after a broken send (an error notification)', () => {
    let broken = true;
    const h = harness();
    const env: PipelineEnv = {
      ...h.env,
      send: (target, body) => (broken ? new Observable<Either<EngagementError, void>>((s) => s.error(new Error('bug'))) : h.env.send(target, body)),
    };
    const r = createPipeline(env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    expect(r.running()).toBe(false);
    expect(r.state().pending).toBe(1);
    broken = false;
    r.enqueue([lead(2)]);
    advanceBy(h.scheduler, 250);
    h.answer(ok);
    expect(r.state()).toMatchObject({ pending: 0, delivered: 2 });
  });
});

describe('events and state', () => {
  it('reports queued, delivered and overflow with counts only', () => {
    const h = harness({ maxOutbox: 2 });
    const r = createPipeline(h.env);
    r.enqueue([lead(1), { kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } }]);
    r.enqueue([lead(2)]);
    expect(h.events).toEqual([
      { type: 'reportQueued', at: 0, attributes: 1, impressions: 1, pending: 2 },
      { type: 'reportQueued', at: 0, attributes: 1, impressions: 0, pending: 2 },
      { type: 'outboxOverflow', at: 0, dropped: 1, compacted: 0, pending: 2, maxOutbox: 2 },
    ]);
    advanceTo(h.scheduler, 250);
    h.answer(ok);
    expect(h.events.at(-1)).toEqual({ type: 'reportDelivered', at: 250, batch: 1, items: 2, attributes: 1, impressions: 1, attempts: 1, pending: 0 });
    expect(r.state()).toMatchObject({ delivered: 2, dropped: 1 });
  });

  it('state$ replays the current state and emits changes only', () => {
    const h = harness();
    const r = createPipeline(h.env);
    const seen: OutboxState[] = [];
    r.state$.subscribe((s) => seen.push(s));
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    h.answer(ok);
    expect(seen.map((s) => [s.pending, s.sending, s.delivered])).toEqual([
      [0, false, 0],
      [1, false, 0],
      [1, true, 0],
      [0, true, 1],
      [0, false, 1],
    ]);
  });

  it('handles a send that answers synchronously', () => {
    const h = harness({ send: () => of(ok) });
    const r = createPipeline(h.env);
    r.enqueue([lead(1)]);
    advanceTo(h.scheduler, 250);
    expect(r.state()).toMatchObject({ pending: 0, delivered: 1 });
  });
});
