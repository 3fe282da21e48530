/**
 * Many visitors per service: `forVisitor(client, key)` handles, and stores
 * that answer with Promises (read before each check, saved before the
 * answer), against the emulator (a real node:http server on 127.0.0.1).
 */
import { filter, firstValueFrom, lastValueFrom } from 'rxjs';
import { createEngagementClient, createReporter, describeError, memorySessionStore, retryPolicy, type ClientEvent, type EngagementClient, type SessionStore } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { asyncSessionStore } from '../helpers/async-session-store';
import { asyncSessionStore as declareAsync, forVisitor } from '../../src/node/index';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

const clientOf = (session: SessionStore, extra: Record<string, unknown> = {}): EngagementClient =>
  createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session, retry: retryPolicy({ maxAttempts: 1 }), ...extra });
const check = (c: EngagementClient) => lastValueFrom(c.getEngagement({ consumerSections: ['Support'] }));
const visitorOf = async (c: EngagementClient): Promise<string> => {
  const r = await check(c);
  if (r._tag === 'Left') throw new Error(describeError(r.left));
  return r.right.visitorId;
};

describe('forVisitor', () => {
  it('gives each visitor key its own session in one store, and the same key continues its visitor from another client', async () => {
    const store = memorySessionStore();
    const base = clientOf(store);
    const alice = forVisitor(base, 'alice');
    const bob = forVisitor(base, 'bob');
    expect([alice.visitorKey, bob.visitorKey, base.visitorKey]).toEqual(['alice', 'bob', undefined]);
    const [a, b] = [await visitorOf(alice), await visitorOf(bob)];
    expect(a).not.toBe(b);
    expect(await visitorOf(forVisitor(clientOf(store), 'alice'))).toBe(a); // a synchronous store restores when the handle is made
    expect(store.load(emulator.accountId, 'bob')).toMatchObject({ visitorId: b });
    expect(store.load(emulator.accountId)).toBeUndefined();
    expect(emulator.stats().visitorsCreated).toBe(2);
  });

  it('refuses a bad visitor key with a validation Left naming visitorKey, and sends nothing', async () => {
    const base = clientOf(memorySessionStore());
    for (const [key, reason] of [
      ['', 'expected 1-256 characters, got 0'],
      ['a\nb', 'expected no control characters'],
      [42, 'expected a string, got a number'],
    ] as const) {
      const r = await check(forVisitor(base, key as string));
      expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation', issues: [{ path: 'visitorKey', reason }] }) });
    }
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('answers a validation Left naming client for something that is not a client, and the client’s own error for a refused one', async () => {
    const notClient = await check(forVisitor({ accountId: '1' } as unknown as EngagementClient, 'v'));
    expect(notClient).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'client', reason: 'expected a client of createEngagementClient, got an object' }] } });
    const refused = createEngagementClient({ accountId: 'not valid!', domain: emulator.url });
    expect(await check(forVisitor(refused, 'v'))).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'accountId' }] } });
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('works with createReporter: the report goes to the handle’s visitor', async () => {
    const base = clientOf(memorySessionStore());
    const carol = forVisitor(base, 'carol');
    const vid = await visitorOf(carol);
    const reporter = createReporter(carol, { reportWindowMs: 0 });
    expect(reporter.report({ type: 'cart', total: 5, numItems: 1 })._tag).toBe('Right');
    await firstValueFrom(reporter.outbox$.pipe(filter((o) => o.pending === 0 && o.delivered > 0)));
    expect(emulator.received(vid).map((u) => u.engagementAttributes?.map((a) => a.type))).toEqual([['cart']]);
    reporter.dispose();
  });
});

describe('a session store answering with Promises', () => {
  it('is read before every check, so two clients (two instances) continue one visitor', async () => {
    const store = asyncSessionStore();
    const one = forVisitor(clientOf(store), 'v');
    const two = forVisitor(clientOf(store), 'v');
    const vid = await visitorOf(one);
    expect(await visitorOf(two)).toBe(vid);
    expect(await visitorOf(one)).toBe(vid);
    expect(two.currentSession()?.visitorId).toBe(vid);
    expect(emulator.stats().visitorsCreated).toBe(1);
  });

  it('answers only after the save has settled', async () => {
    const store = asyncSessionStore();
    const c = forVisitor(clientOf(store), 'v');
    store.hold('save');
    let answered = false;
    const done = check(c).then((r) => {
      answered = true;
      return r;
    });
    while (store.held === 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    store.release();
    expect((await done)._tag).toBe('Right');
    expect(store.sessions.size).toBe(1);
  });

  it('answers a store Left and sends nothing when the session cannot be read', async () => {
    const store = asyncSessionStore();
    store.fail('load', 'ECONNREFUSED');
    const r = await check(forVisitor(clientOf(store), 'v'));
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'store', operation: 'load', cause: 'ECONNREFUSED' }) });
    if (r._tag === 'Left') expect(describeError(r.left)).toBe('store: load failed (ECONNREFUSED)');
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('goes on without a session when proceedWithoutSession is set, with a warning', async () => {
    const store = asyncSessionStore({ proceedWithoutSession: true });
    store.fail('load');
    const c = forVisitor(clientOf(store), 'v');
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => events.push(e));
    expect((await check(c))._tag).toBe('Right');
    expect(events.filter((e) => e.type === 'warning').map((e) => e.type === 'warning' && e.code)).toEqual(['sessionStoreUnreadable']);
  });

  it('answers Right with a sessionStoreWriteFailed warning when the save fails, keeping the session in memory', async () => {
    const store = asyncSessionStore();
    store.fail('save');
    const c = forVisitor(clientOf(store), 'v');
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => events.push(e));
    const r = await check(c);
    expect(r._tag).toBe('Right');
    expect(events.some((e) => e.type === 'warning' && e.code === 'sessionStoreWriteFailed')).toBe(true);
    expect(c.currentSession()?.visitorId).toBe(r._tag === 'Right' && r.right.visitorId);
  });

  it('with claim, concurrent first checks of one key on several clients create one visitor', async () => {
    const store = asyncSessionStore({ withClaim: true });
    const clients = [0, 1, 2, 3].map(() => forVisitor(clientOf(store), 'same'));
    const vids = await Promise.all(clients.map(visitorOf));
    expect(new Set(vids).size).toBe(1);
    expect(emulator.stats().visitorsCreated).toBe(1);
  });

  it('refuses a proceedWithoutSession that is not a boolean, naming it', async () => {
    const r = await check(clientOf(declareAsync(memorySessionStore(), { proceedWithoutSession: 'yes' as unknown as boolean })));
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ issues: [{ path: 'session.proceedWithoutSession', reason: 'expected true or false, got a string' }] }) });
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('resetSession clears the stored session; a failed clear is a warning', async () => {
    const store = asyncSessionStore();
    const c = forVisitor(clientOf(store), 'v');
    await visitorOf(c);
    c.resetSession();
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.sessions.size).toBe(0);
    store.fail('clear');
    const seen: ClientEvent[] = [];
    const sub = c.events$.subscribe((e) => seen.push(e));
    c.resetSession();
    await new Promise((resolve) => setImmediate(resolve));
    sub.unsubscribe();
    expect(seen.some((e) => e.type === 'warning' && e.code === 'sessionStoreWriteFailed')).toBe(true);
  });
});
