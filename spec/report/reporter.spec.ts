/**
 * A reporter on a real client, end to end: real loopback HTTP against the
 * emulator, time on a VirtualTimeScheduler (no real sleeps).
 */
import { Observable, Subject, VirtualTimeScheduler, lastValueFrom, of, throwError } from 'rxjs';
import { left } from 'fp-ts/Either';
import { cartAttribute, createEngagementClient, createReporter, displayImpression, leadAttribute, memorySessionStore, retryPolicy, type ClientEvent, type EngagementClient, type EngagementClientConfig, type ReportEvent, type Reporter, type ReporterOptions } from '../../src/index';
import { memoryOutboxStore, webStorageOutboxStore, type OutboxStore } from '../../src/report/outbox-store';
import type { OutboxState } from '../../src/report/outbox-state';
import type { StoredOutbox } from '../../src/report/stored-outbox';
import type { SessionStore } from '../../src/session/session-store';
import type { WebStorageLike } from '../../src/session/web-storage-store';
import { useGatedEmulator } from '../helpers/gated-emulator';
import { countingFetch, settle, type CountingFetch } from './driver';

const gated = useGatedEmulator();

interface Rig {
  readonly client: EngagementClient;
  readonly reporter: Reporter;
  readonly scheduler: VirtualTimeScheduler;
  readonly http: CountingFetch;
  /** The client's and the reporter's events, in order. */
  readonly events: Array<ClientEvent | ReportEvent>;
  state(): OutboxState;
  /** Runs until the outbox is empty and idle. */
  drain(): Promise<void>;
  /** A getEngagement; returns the visitor, session and page ids. */
  engage(request?: Parameters<EngagementClient['getEngagement']>[0]): Promise<{ vid: string; sid: string; pageId: string }>;
}

const REPORTER_KEYS = ['outbox', 'reportWindowMs', 'maxOutbox', 'updateSessionMethod'];

/** A client and its reporter; `extra` holds options of either (the reporter's go to createReporter). */
function rig(extra: Partial<EngagementClientConfig> & ReporterOptions = {}, scheduler = new VirtualTimeScheduler()): Rig {
  const http = countingFetch();
  const clientExtra = Object.fromEntries(Object.entries(extra).filter(([k]) => !REPORTER_KEYS.includes(k)));
  const reporterOptions = Object.fromEntries(Object.entries(extra).filter(([k]) => REPORTER_KEYS.includes(k)));
  const client = createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url, scheduler, random: () => 0.5, fetch: http.fetch, ...clientExtra });
  const reporter = createReporter(client, reporterOptions);
  const events: Array<ClientEvent | ReportEvent> = [];
  client.events$.subscribe((e) => events.push(e));
  reporter.events$.subscribe((e) => events.push(e));
  let state: OutboxState | undefined;
  reporter.outbox$.subscribe((s) => (state = s));
  const current = (): OutboxState => {
    if (state === undefined) throw new Error('no outbox state');
    return state;
  };
  return {
    client,
    reporter,
    scheduler,
    http,
    events,
    state: current,
    drain: () => settle(scheduler, http, () => current().pending === 0 && !current().sending && scheduler.actions.every((a) => a.closed)),
    engage: async (request) => {
      const r = await lastValueFrom(client.getEngagement(request));
      if (r._tag !== 'Right') throw new Error(`getEngagement failed: ${r.left.message}`);
      return { vid: r.right.visitorId, sid: r.right.sessionId, pageId: r.right.pageId };
    },
  };
}

const updates = (r: Rig) => r.http.sent.filter((s) => s.method === 'PUT' || s.headers['X-HTTP-Method-Override'] === 'PUT');
type AnyEvent = ClientEvent | ReportEvent;
const ofType = <T extends AnyEvent['type']>(events: ReadonlyArray<AnyEvent>, type: T) => events.filter((e): e is Extract<AnyEvent, { type: T }> => e.type === type);
const lead = (id: string) => ({ type: 'lead' as const, lead: { leadId: id } });
const leadIdsOf = (vid: string) =>
  gated.emulator.received(vid).flatMap((r) => r.engagementAttributes.filter((a) => a['type'] === 'lead').map((a) => (a['lead'] as { leadId: string }).leadId));

function fakeStorage(): WebStorageLike & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('report: refusals', () => {
  it('refuses invalid items with a validation Left naming index and field; nothing is queued or sent', async () => {
    const r = rig();
    await r.engage();
    const result = r.reporter.report(lead('ok'), { type: 'ctmrinfo', info: { balance: 'high' } } as never, { type: 'impDisplay', campaign: 'x1', engId: 2, revision: 3 } as never);
    expect(result._tag === 'Left' && result.left.kind === 'validation' && result.left.issues.map((i) => i.path)).toEqual(['[1].info.balance', '[2].campaign']);
    expect(r.reporter.report(null as never)._tag).toBe('Left');
    expect(r.reporter.report({ type: 'impDisplay' } as never)._tag).toBe('Left');
    expect(r.state().pending).toBe(0);
    await r.drain();
    expect(updates(r)).toHaveLength(0);
    expect(ofType(r.events, 'reportQueued')).toHaveLength(0);
  });

  it("takes builders' results: a Left is the report's Left (the builder's issues under its index), nothing is queued", async () => {
    const r = rig();
    await r.engage();
    const result = r.reporter.report(leadAttribute({ leadId: 'ok' }), cartAttribute({ total: 1, numItems: -1 }), left('refused') as never);
    expect(result).toEqual({
      _tag: 'Left',
      left: expect.objectContaining({ kind: 'validation', issues: [{ path: '[1].numItems', reason: expect.any(String) }, { path: '[2]', reason: 'is a Left: the builder refused it' }] }),
    });
    expect(r.state().pending).toBe(0);
    await r.drain();
    expect(updates(r)).toHaveLength(0);
  });

  it('an empty report is a no-op', () => {
    const r = rig();
    expect(r.reporter.report()).toEqual({ _tag: 'Right', right: undefined });
    expect(r.scheduler.actions).toHaveLength(0);
  });

  it('refuses its options when they are wrong, naming each; every report answers with that error', async () => {
    const c = createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url });
    const reporter = createReporter(c, {
      outbox: { load: () => undefined } as unknown as OutboxStore,
      reportWindowMs: -1,
      maxOutbox: 0,
      updateSessionMethod: 'PATCH' as never,
      window: 5,
    } as ReporterOptions);
    const reported = reporter.report(lead('1'));
    expect(reported._tag === 'Left' && reported.left.kind === 'validation' && reported.left.issues.map((i) => i.path)).toEqual([
      'outbox',
      'reportWindowMs',
      'maxOutbox',
      'updateSessionMethod',
      'window',
    ]);
    const events: ReportEvent[] = [];
    reporter.events$.subscribe((e) => events.push(e));
    reporter.reportFrom(of(lead('2'), lead('3')));
    expect(ofType(events, 'reportRejected').map((e) => [e.source, e.items, e.types])).toEqual([
      ['validation', 1, ['lead']],
      ['validation', 1, ['lead']],
    ]);
    expect(await lastValueFrom(reporter.outbox$)).toEqual({ pending: 0, sending: false, waitingForSession: false, delivered: 0, dropped: 0, rejected: [] });
    expect((await lastValueFrom(c.getEngagement()))._tag).toBe('Right'); // the client itself is fine
  });

  it('refuses options that are not an object', () => {
    const c = createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url });
    for (const options of [null, 'fast', [], 5]) {
      const reported = createReporter(c, options as never).report(lead('1'));
      expect(reported._tag === 'Left' && reported.left.issues).toEqual([{ path: 'options', reason: expect.stringContaining('options object') }]);
    }
    expect(createReporter(c, undefined).report(lead('1'))._tag).toBe('Right');
  });

  it("answers with the client's configuration error when the client was refused", () => {
    const c = createEngagementClient({ accountId: '', domain: gated.emulator.url });
    const reported = createReporter(c).report(lead('1'));
    expect(reported._tag === 'Left' && reported.left.issues.map((i) => i.path)).toEqual(['accountId']);
  });

  it('refuses something that is not a client, and never throws', () => {
    for (const notAClient of [undefined, {}, { getEngagement: () => undefined }, new Proxy({}, { get: () => { throw new Error('boom'); } })]) {
      const reported = createReporter(notAClient as unknown as EngagementClient).report(lead('1'));
      expect(reported._tag === 'Left' && reported.left.issues.map((i) => i.path)).toEqual(['client']);
    }
  });
});

describe('reportFrom', () => {
  it('follows an Observable: valid values are delivered, an invalid one is a reportRejected event and the stream goes on', async () => {
    const r = rig();
    const { vid } = await r.engage();
    const source = new Subject<unknown>();
    const sub = r.reporter.reportFrom(source as unknown as Observable<never>);
    source.next(lead('1'));
    source.next({ type: 'personal', personal: { gender: 'robot', firstname: 'Jane' } });
    source.next([lead('2'), lead('3')]);
    await r.drain();
    source.next(lead('4'));
    sub.unsubscribe();
    source.next(lead('5')); // not followed any more
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['1', '2', '3', '4']);
    const rejected = ofType(r.events, 'reportRejected');
    expect(rejected).toEqual([
      {
        type: 'reportRejected',
        at: expect.any(Number),
        source: 'validation',
        items: 1,
        types: ['personal'],
        reason: 'invalid value, not queued',
        issues: [{ path: '[0].personal.gender', reason: expect.any(String) }],
      },
    ]);
    expect(JSON.stringify(r.events)).not.toContain('Jane');
  });

  it('a failing source ends with a warning; what it reported before is delivered', async () => {
    const r = rig();
    const { vid } = await r.engage();
    r.reporter.reportFrom(new Observable<never>((s) => {
      s.next(lead('1') as never);
      s.error(new Error('boom'));
    }));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['1']);
    expect(ofType(r.events, 'warning').map((e) => e.code)).toEqual(['reportSourceFailed']);
    r.reporter.reportFrom(throwError(() => new Error('x')));
    expect(ofType(r.events, 'warning')).toHaveLength(2);
  });

  it('refuses what is not an Observable with an event, never a throw', () => {
    const r = rig();
    const sub = r.reporter.reportFrom(42 as never);
    expect(sub.closed).toBe(true);
    expect(ofType(r.events, 'reportRejected')).toEqual([expect.objectContaining({ source: 'validation', items: 0, issues: [{ path: 'source$', reason: expect.any(String) }] })]);
  });
});

describe("builders' results", () => {
  it('report(builder(...)) delivers the built attribute and impression in one Update Session', async () => {
    const r = rig();
    const engaged = await lastValueFrom(r.client.getEngagement());
    if (engaged._tag !== 'Right' || engaged.right.status !== 'Available') throw new Error('expected an Available engagement');
    expect(r.reporter.report(cartAttribute({ total: 11.7, numItems: 6 }), displayImpression(engaged.right))).toEqual({ _tag: 'Right', right: undefined });
    await r.drain();
    const [received] = gated.emulator.received(engaged.right.visitorId);
    expect(received?.engagementAttributes).toEqual([{ type: 'cart', total: 11.7, numItems: 6 }]);
    expect(received?.impAttributes.map((a) => a['type'])).toEqual(['impDisplay']);
  });

  it('reportFrom follows a stream of builder results: a Left is a reportRejected event with the builder\'s issues', async () => {
    const r = rig();
    const { vid } = await r.engage();
    r.reporter.reportFrom(of(leadAttribute({ leadId: '1' }), [leadAttribute({ leadId: '2' }), cartAttribute({ total: 1, numItems: -1 })]));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['1']);
    expect(ofType(r.events, 'reportRejected')).toEqual([expect.objectContaining({ source: 'validation', items: 2, types: ['lead'], issues: [{ path: '[1].numItems', reason: expect.any(String) }] })]);
  });
});

describe('batching and coalescing', () => {
  it('sends the reports of one window in one Update Session, coalesced (cart replaces, personal merges, the others append)', async () => {
    const r = rig();
    const { vid, sid, pageId } = await r.engage();
    r.reporter.report({ type: 'cart', total: 1, numItems: 1 }, { type: 'personal', personal: { firstname: 'Jane' } }, lead('1'));
    r.scheduler.schedule(() => r.reporter.report({ type: 'cart', total: 2, numItems: 2 }, { type: 'personal', personal: { lastname: 'Doe' } }, lead('2')), 200);
    r.scheduler.schedule(() => r.reporter.report({ type: 'impDisplay', campaign: 1, engId: 2, revision: 3 }), 240);
    await r.drain();
    expect(updates(r)).toHaveLength(1);
    expect(gated.emulator.received(vid)).toEqual([
      {
        sessionId: sid,
        pageId,
        pageKnown: true,
        engagementAttributes: [{ type: 'cart', total: 2, numItems: 2 }, { type: 'personal', personal: { firstname: 'Jane', lastname: 'Doe' } }, lead('1'), lead('2')],
        impAttributes: [{ type: 'impDisplay', campaign: 1, engId: 2, revision: 3 }],
        at: expect.any(Number),
      },
    ]);
    expect(ofType(r.events, 'reportDelivered')).toEqual([{ type: 'reportDelivered', at: 250, batch: 1, items: 7, attributes: 4, impressions: 1, attempts: 1, pending: 0 }]);
    expect(r.state()).toMatchObject({ pending: 0, delivered: 7, sending: false });
  });

  it('reportWindowMs sets the window', async () => {
    const r = rig({ reportWindowMs: 1000 });
    await r.engage();
    r.reporter.report(lead('1'));
    r.scheduler.schedule(() => r.reporter.report(lead('2')), 900);
    await r.drain();
    expect(updates(r)).toHaveLength(1);
    expect(ofType(r.events, 'reportDelivered')[0]?.at).toBe(1000);
  });

  it("updateSessionMethod 'POST_OVERRIDE' sends POST with X-HTTP-Method-Override: PUT", async () => {
    const r = rig({ updateSessionMethod: 'POST_OVERRIDE' });
    const { vid } = await r.engage();
    r.reporter.report(lead('1'));
    await r.drain();
    expect(updates(r).map((s) => [s.method, s.headers['X-HTTP-Method-Override']])).toEqual([['POST', 'PUT']]);
    expect(leadIdsOf(vid)).toEqual(['1']);
  });
});

describe('sessions', () => {
  it('holds reports made before a session exists and delivers them to the first one', async () => {
    const r = rig();
    r.reporter.report(lead('1'), { type: 'cart', total: 3, numItems: 1 });
    await settle(r.scheduler, r.http, () => r.state().waitingForSession);
    expect(updates(r)).toHaveLength(0);
    const { vid, sid, pageId } = await r.engage();
    await r.drain();
    expect(gated.emulator.received(vid).map((u) => [u.sessionId, u.pageId])).toEqual([[sid, pageId]]);
    expect(leadIdsOf(vid)).toEqual(['1']);
    expect(r.state()).toMatchObject({ pending: 0, waitingForSession: false, delivered: 2 });
  });

  it('later getEngagement calls carry the merged view (cart, personal, ctmrinfo, mrktInfo); the request’s own attributes win', async () => {
    const r = rig();
    const { vid } = await r.engage();
    r.reporter.report({ type: 'personal', personal: { firstname: 'Jane' } }, { type: 'cart', total: 1, numItems: 1 }, lead('1'));
    await r.drain();
    r.reporter.report({ type: 'personal', personal: { lastname: 'Doe' } });
    await r.drain();
    await r.engage({ engagementAttributes: [{ type: 'cart', total: 9, numItems: 3 }, { type: 'personal', personal: { firstname: 'Janet' } }] });
    const creates = gated.emulator.visitor(vid)?.sessions[0]?.creates ?? [];
    expect(creates[1]?.engagementAttributes).toEqual([
      { type: 'personal', personal: { firstname: 'Janet', lastname: 'Doe' } },
      { type: 'cart', total: 9, numItems: 3 },
    ]);
    // The lead (an appended type) was delivered once and is not sent again.
    expect(JSON.stringify(creates[1]?.engagementAttributes)).not.toContain('leadId');

    // After a reset the view is forgotten: the new visitor's first check carries nothing.
    r.client.resetSession();
    await r.engage();
    const newVisitor = r.client.currentSession()?.visitorId ?? '';
    expect(gated.emulator.visitor(newVisitor)?.sessions[0]?.creates[0]?.engagementAttributes).toBeUndefined();
  });

  it('after resetSession, reports already made go to the old session; new ones wait for the next session', async () => {
    const r = rig();
    const first = await r.engage();
    r.reporter.report(lead('old'));
    r.client.resetSession();
    r.reporter.report(lead('new'));
    await settle(r.scheduler, r.http, () => r.state().waitingForSession);
    expect(leadIdsOf(first.vid)).toEqual(['old']);
    const second = await r.engage();
    await r.drain();
    expect(second.vid).not.toBe(first.vid);
    expect(leadIdsOf(second.vid)).toEqual(['new']);
    expect(leadIdsOf(first.vid)).toEqual(['old']);
  });
});

describe('failures', () => {
  it('parks a batch answered 4xx as rejected (reason, types, counts) and moves on', async () => {
    const r = rig();
    const { vid } = await r.engage();
    gated.emulator.inject({ kind: 'status', status: 400, body: { time: 1, message: 'personal.firstname Jane is bad', internalCode: 5 } }, { operation: 'updateSession' });
    r.reporter.report({ type: 'personal', personal: { firstname: 'Jane' } }, lead('1'));
    await r.drain();
    r.reporter.report(lead('2'));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['2']);
    expect(r.state()).toMatchObject({
      pending: 0,
      delivered: 1,
      rejected: [{ items: 2, types: ['personal', 'lead'], reason: 'http 400 (internalCode 5)', status: 400, internalCode: 5 }],
    });
    expect(ofType(r.events, 'reportRejected')).toEqual([expect.objectContaining({ source: 'server', items: 2, status: 400, reason: 'http 400 (internalCode 5)' })]);
    expect(JSON.stringify(r.state())).not.toContain('Jane');
    expect(JSON.stringify(r.events)).not.toContain('Jane');
    expect(gated.emulator.stats().updateSessionCalls).toBe(2); // a 4xx is not retried
  });

  it('keeps reports through network failures and 5xx, retrying with the client policy, then later rounds', async () => {
    const r = rig({ retry: retryPolicy({ maxAttempts: 2 }) });
    const { vid } = await r.engage();
    gated.emulator.inject({ kind: 'reset' }, { operation: 'updateSession' });
    gated.emulator.inject({ kind: 'status', status: 503 }, { operation: 'updateSession' });
    gated.emulator.inject({ kind: 'status', status: 500 }, { operation: 'updateSession' });
    r.reporter.report(lead('1'));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['1']);
    const deferred = ofType(r.events, 'reportDeferred');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ attempts: 2, error: { kind: 'http', status: 503 } });
    expect(gated.emulator.stats().updateSessionCalls).toBe(4);
    expect(r.state().lastError).toBeUndefined();
  });

  it('the overflow rule: past maxOutbox the oldest waiting reports are dropped and counted', async () => {
    const r = rig({ maxOutbox: 3 });
    const { vid } = await r.engage();
    r.reporter.report(lead('1'), lead('2'));
    r.reporter.report(lead('3'), lead('4'), lead('5'));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['3', '4', '5']);
    expect(ofType(r.events, 'outboxOverflow')).toEqual([{ type: 'outboxOverflow', at: 0, dropped: 2, compacted: 0, pending: 3, maxOutbox: 3 }]);
    expect(r.state().dropped).toBe(2);
  });

  it('refuses a report larger than maxOutbox whole, instead of queueing a part of it', async () => {
    const r = rig({ maxOutbox: 3 });
    await r.engage();
    const answer = r.reporter.report(lead('1'), lead('2'), lead('3'), lead('4'));
    expect(answer).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation', issues: [{ path: '(value)', reason: 'holds 4 items, more than maxOutbox (3)' }] }) });
    expect(r.state().pending).toBe(0);
  });
});

describe('durability', () => {
  /** A client whose Update Sessions all fail, abandoned with reports pending (a page that is reloaded). */
  async function abandoned(outbox: OutboxStore, session: SessionStore, engage: boolean): Promise<void> {
    const a = rig({ outbox, session });
    if (engage) await a.engage();
    gated.emulator.inject({ kind: 'status', status: 503 }, { operation: 'updateSession', times: Infinity });
    a.reporter.report(lead('1'), { type: 'personal', personal: { firstname: 'Jane' } });
    a.reporter.report(lead('2'));
    await settle(a.scheduler, a.http, () => ofType(a.events, 'reportDeferred').length > 0);
    gated.emulator.clearFaults();
    // a's scheduler never runs again: the page is gone.
  }

  it.each([
    ['memory', () => memoryOutboxStore()],
    ['Web Storage', () => webStorageOutboxStore(fakeStorage())],
  ])('a second client on the same %s outbox store delivers what the first left pending, once', async (_name, makeStore) => {
    const outbox = makeStore();
    const session = memorySessionStore();
    await abandoned(outbox, session, true);
    const vid = (session.load(gated.emulator.accountId) as { visitorId: string }).visitorId;
    expect(leadIdsOf(vid)).toEqual([]);

    const b = rig({ outbox, session });
    await b.drain();
    expect(leadIdsOf(vid)).toEqual(['1', '2']);
    expect(gated.emulator.received(vid)[0]?.engagementAttributes).toContainEqual({ type: 'personal', personal: { firstname: 'Jane' } });
    expect(b.state()).toMatchObject({ pending: 0, delivered: 3 });
    expect(outbox.load(gated.emulator.accountId)).toBeUndefined(); // delivered: nothing left on the device
  });

  it('reports made before any session survive the reload and go to the session the next client gets', async () => {
    const outbox = memoryOutboxStore();
    const session = memorySessionStore();
    await (async () => {
      const a = rig({ outbox, session });
      a.reporter.report(lead('early'));
      await settle(a.scheduler, a.http, () => a.state().waitingForSession);
    })();
    const b = rig({ outbox, session });
    expect(b.state().pending).toBe(1);
    const { vid } = await b.engage();
    await b.drain();
    expect(leadIdsOf(vid)).toEqual(['early']);
  });

  it('the Web Storage outbox holds SDE contents only until delivered', async () => {
    const storage = fakeStorage();
    const r = rig({ outbox: webStorageOutboxStore(storage) });
    await r.engage();
    r.reporter.report({ type: 'personal', personal: { firstname: 'Jane' } });
    expect(storage.map.get(`engagement-rx:outbox:${gated.emulator.accountId}`)).toContain('Jane');
    await r.drain();
    expect(storage.map.size).toBe(0);
  });

  it('delivery is at least once: an answer lost after the server applied it means a second client resends it', async () => {
    const outbox = memoryOutboxStore();
    const session = memorySessionStore();
    const a = rig({ outbox, session });
    const { vid } = await a.engage();
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 }, { operation: 'updateSession' });
    a.reporter.report(lead('1'));
    await settle(a.scheduler, a.http, () => a.http.active() > 0);
    await gated.sleeper.waiting(); // the emulator holds a's request; a's page is reloaded now

    const b = rig({ outbox, session });
    await b.drain();
    gated.sleeper.release(); // a's request is applied after all
    await settle(a.scheduler, a.http, () => a.http.active() === 0);
    expect(leadIdsOf(vid)).toEqual(['1', '1']);
  });

  it('an unreadable store is ignored with a warning replayed on events$; a store that refuses writes warns and delivery goes on', async () => {
    const broken: OutboxStore = {
      load: () => ({ version: 1, pending: 'nope' }),
      save: () => {
        throw new Error('QuotaExceededError');
      },
      clear: () => undefined,
    };
    const r = rig({ outbox: broken });
    expect(ofType(r.events, 'warning').map((e) => e.code)).toEqual(['outboxStoreUnreadable']);
    const { vid } = await r.engage();
    r.reporter.report(lead('1'));
    await r.drain();
    expect(leadIdsOf(vid)).toEqual(['1']);
    expect(ofType(r.events, 'warning').map((e) => e.code)).toEqual(['outboxStoreUnreadable', 'outboxStoreWriteFailed']);
  });
});

describe('idle', () => {
  it('an idle client schedules nothing; after delivering, nothing is left running', async () => {
    const r = rig();
    expect(r.scheduler.actions).toHaveLength(0);
    await r.engage();
    expect(r.scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
    r.reporter.report(lead('1'));
    expect(r.scheduler.actions.filter((a) => !a.closed).length).toBeGreaterThan(0);
    await r.drain();
    expect(r.scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
    expect(r.http.active()).toBe(0);
  });

  it('outbox$ of a fresh reporter shows an empty outbox', async () => {
    const c = createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url });
    const states: OutboxState[] = [];
    createReporter(c).outbox$.subscribe((s) => states.push(s)).unsubscribe();
    expect(states).toEqual([{ pending: 0, sending: false, waitingForSession: false, delivered: 0, dropped: 0, rejected: [] }]);
  });
});

describe('stored form', () => {
  it('stores each pending report with its session and its wire form', async () => {
    const outbox = memoryOutboxStore();
    const r = rig({ outbox });
    const { vid, sid, pageId } = await r.engage();
    r.reporter.report({ type: 'impClose', campaign: '1' as unknown as number, engId: 2, revision: 3 }); // ids as strings of digits are read as numbers
    expect(outbox.load(gated.emulator.accountId)).toEqual({
      version: 1,
      nextSeq: 2,
      pending: [{ seq: 1, queuedAt: 0, target: { visitorId: vid, sessionId: sid, pageId }, kind: 'impression', item: { type: 'impClose', campaign: 1, engId: 2, revision: 3 } }],
      rejected: [],
      dropped: 0,
    } satisfies StoredOutbox);
    await r.drain();
  });
});
