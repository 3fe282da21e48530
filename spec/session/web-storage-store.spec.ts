/**
 * The Web Storage session store, on its own and under a real client against
 * the emulator (a real node:http server on 127.0.0.1, port 0).
 */
import fc from 'fast-check';
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, type ClientEvent, type SessionStore } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { webStorageSessionStore, type WebStorageLike } from '../../src/session/web-storage-store';
import type { VisitorSession } from '../../src/session/visitor-session';

/** A tiny in-memory Storage whose methods can be made to throw, like a full quota or disabled storage. */
interface TestStorage extends WebStorageLike {
  readonly items: Map<string, string>;
  failGet?: Error;
  failSet?: Error;
  failRemove?: Error;
}

function memoryStorage(initial: Record<string, string> = {}): TestStorage {
  const items = new Map(Object.entries(initial));
  const storage: TestStorage = {
    items,
    getItem(key) {
      if (storage.failGet) throw storage.failGet;
      return items.has(key) ? (items.get(key) as string) : null;
    },
    setItem(key, value) {
      if (storage.failSet) throw storage.failSet;
      items.set(key, String(value));
    },
    removeItem(key) {
      if (storage.failRemove) throw storage.failRemove;
      items.delete(key);
    },
  };
  return storage;
}

/** What browsers throw when the quota is exceeded (Safari private mode: a quota of 0). */
function quotaError(): Error {
  const e = new Error('The quota has been exceeded.');
  e.name = 'QuotaExceededError';
  return e;
}

const session: VisitorSession = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 5 };

describe('webStorageSessionStore', () => {
  it('round-trips a session and forgets it on clear', () => {
    const store = webStorageSessionStore(memoryStorage());
    expect(store.load('123')).toBeUndefined();
    store.save('123', session);
    expect(store.load('123')).toEqual(session);
    store.clear('123');
    expect(store.load('123')).toBeUndefined();
  });

  it('keeps one JSON key per account under the default prefix', () => {
    const storage = memoryStorage({ unrelated: 'kept' });
    const store = webStorageSessionStore(storage);
    store.save('111', session);
    store.save('222', { ...session, visitorId: 'V2' });
    expect([...storage.items.keys()].sort()).toEqual(['engagement-rx:session:111', 'engagement-rx:session:222', 'unrelated']);
    expect(JSON.parse(storage.items.get('engagement-rx:session:222') ?? '')).toEqual({ ...session, visitorId: 'V2' });
    store.clear('111');
    expect([...storage.items.keys()].sort()).toEqual(['engagement-rx:session:222', 'unrelated']);
  });

  it('uses a configured prefix', () => {
    const storage = memoryStorage();
    webStorageSessionStore(storage, { prefix: 'app/' }).save('123', session);
    expect([...storage.items.keys()]).toEqual(['app/123']);
    expect(webStorageSessionStore(storage).load('123')).toBeUndefined();
    expect(webStorageSessionStore(storage, { prefix: 'app/' }).load('123')).toEqual(session);
  });

  it('writes the session ids only, nothing else the object carries', () => {
    const storage = memoryStorage();
    const carrying = { ...session, email: 'jane@example.com' } as VisitorSession;
    webStorageSessionStore(storage).save('123', carrying);
    expect(storage.items.get('engagement-rx:session:123')).toBe('{"visitorId":"V1","sessionId":"S1","pageId":"P1","confirmedAt":5}');
  });

  it('round-trips any session of any account, each under its own key', () => {
    const sessionArb = fc.record({ visitorId: fc.string({ minLength: 1 }), sessionId: fc.string({ minLength: 1 }), pageId: fc.string({ minLength: 1 }), confirmedAt: fc.integer() });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string(), sessionArb), { selector: ([id]) => id, minLength: 1, maxLength: 5 }), (entries) => {
        const storage = memoryStorage();
        const store = webStorageSessionStore(storage);
        for (const [id, s] of entries) store.save(id, s);
        expect(storage.items.size).toBe(entries.length);
        for (const [id, s] of entries) expect(store.load(id)).toEqual(s);
      }),
    );
  });

  it('returns text that is not JSON as it is (never a valid session)', () => {
    const store = webStorageSessionStore(memoryStorage({ 'engagement-rx:session:123': '{not json' }));
    expect(store.load('123')).toBe('{not json');
  });

  it('rethrows what the storage throws, so the client can warn', () => {
    const storage = memoryStorage();
    const store = webStorageSessionStore(storage);
    const quota = quotaError();
    storage.failSet = quota;
    expect(() => store.save('123', session)).toThrow(quota);
    const denied = new Error('SecurityError');
    storage.failRemove = denied;
    expect(() => store.clear('123')).toThrow(denied);
    storage.failGet = denied;
    expect(() => store.load('123')).toThrow(denied);
  });

  it('refuses an argument that is not a Storage with a TypeError naming the parameter', () => {
    const bad: unknown[] = [undefined, null, 'localStorage', 42, [], {}, { getItem: () => null, setItem: () => undefined }];
    for (const storage of bad) {
      expect(() => webStorageSessionStore(storage as WebStorageLike)).toThrow(TypeError);
      expect(() => webStorageSessionStore(storage as WebStorageLike)).toThrow(/parameter "storage" must have getItem, setItem and removeItem/);
    }
  });

  it('refuses invalid options with a TypeError naming the option', () => {
    const storage = memoryStorage();
    expect(() => webStorageSessionStore(storage, 'x' as never)).toThrow(/parameter "options" must be an object, got a string/);
    expect(() => webStorageSessionStore(storage, { prefix: 7 } as never)).toThrow(/"options\.prefix" must be a string, got a number/);
    expect(() => webStorageSessionStore(storage, { prefx: 'a' } as never)).toThrow(/unknown option "options\.prefx"/);
  });
});

describe('webStorageSessionStore under a client', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator();
  });

  afterEach(async () => {
    await emulator.close();
  });

  /** A client whose events are recorded from its creation on. */
  function client(store: SessionStore) {
    const c = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session: store });
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => events.push(e));
    return { c, events, warnings: () => events.flatMap((e) => (e.type === 'warning' ? [e.code] : [])) };
  }

  const key = () => `engagement-rx:session:${emulator.accountId}`;

  it('continues the same visitor in a second client on the same store (a page reload)', async () => {
    const storage = memoryStorage();
    const first = client(webStorageSessionStore(storage));
    const a = await lastValueFrom(first.c.getEngagement());
    if (a._tag !== 'Right') throw new Error('expected a Right');
    expect(JSON.parse(storage.items.get(key()) ?? '')).toMatchObject({ visitorId: a.right.visitorId, sessionId: a.right.sessionId });

    const second = client(webStorageSessionStore(storage)); // the reloaded page: a new client, a new store, the same storage
    expect(second.c.currentSession()).toMatchObject({ visitorId: a.right.visitorId, sessionId: a.right.sessionId });
    const b = await lastValueFrom(second.c.getEngagement());
    if (b._tag !== 'Right') throw new Error('expected a Right');
    expect([b.right.visitorId, b.right.sessionId]).toEqual([a.right.visitorId, a.right.sessionId]);
    expect(second.events.find((e) => e.type === 'attemptStarted')).toMatchObject({ request: { hasVisitorId: true, hasSessionId: true } });
    expect(emulator.stats()).toMatchObject({ visitorsCreated: 1, sessionsCreated: 1 });
  });

  it('ignores garbage in the storage: the check starts a new visitor and overwrites it', async () => {
    const storage = memoryStorage({ [`engagement-rx:session:${emulator.accountId}`]: '{"visitorId": 42' });
    const { c } = client(webStorageSessionStore(storage));
    expect(c.currentSession()).toBeUndefined();
    const r = await lastValueFrom(c.getEngagement());
    if (r._tag !== 'Right') throw new Error('expected a Right');
    expect(JSON.parse(storage.items.get(key()) ?? '')).toMatchObject({ visitorId: r.right.visitorId, sessionId: r.right.sessionId });
  });

  it.each([
    ['text that is not JSON', '{"visitorId": 42'],
    ['JSON that is not a session', '{"visitorId":"V1"}'],
  ])('reports %s as a sessionStoreUnreadable warning on events$', async (_, stored) => {
    const storage = memoryStorage({ [`engagement-rx:session:${emulator.accountId}`]: stored });
    const { c, warnings } = client(webStorageSessionStore(storage));
    await lastValueFrom(c.getEngagement());
    expect(warnings()).toEqual(['sessionStoreUnreadable']);
  });

  it('still succeeds when the quota is exceeded, with a sessionStoreWriteFailed warning', async () => {
    const storage = memoryStorage();
    storage.failSet = quotaError();
    const { c, events, warnings } = client(webStorageSessionStore(storage));
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    expect(warnings()).toEqual(['sessionStoreWriteFailed']);
    expect(events.map((e) => e.type)).toEqual(['attemptStarted', 'warning', 'sessionChanged', 'succeeded']);
    expect(storage.items.size).toBe(0);
    // The session is kept in memory: the next check carries the same visitor.
    const again = await lastValueFrom(c.getEngagement());
    expect(again._tag === 'Right' && r._tag === 'Right' && again.right.visitorId).toBe(r._tag === 'Right' && r.right.visitorId);
    expect(emulator.stats().visitorsCreated).toBe(1);
  });

  it('still succeeds when the storage is disabled (every method throws)', async () => {
    const storage = memoryStorage();
    storage.failGet = storage.failSet = storage.failRemove = new Error('SecurityError: storage is disabled');
    const { c, warnings } = client(webStorageSessionStore(storage));
    expect(c.currentSession()).toBeUndefined();
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    c.resetSession();
    expect(warnings()).toEqual(['sessionStoreUnreadable', 'sessionStoreWriteFailed', 'sessionStoreWriteFailed']);
    expect(c.currentSession()).toBeUndefined();
  });

  it('removes the key on resetSession, so the next page starts a new visitor', async () => {
    const storage = memoryStorage();
    const { c } = client(webStorageSessionStore(storage));
    await lastValueFrom(c.getEngagement());
    expect(storage.items.has(key())).toBe(true);
    c.resetSession();
    expect(storage.items.has(key())).toBe(false);
    const reloaded = client(webStorageSessionStore(storage));
    expect(reloaded.c.currentSession()).toBeUndefined();
    await lastValueFrom(reloaded.c.getEngagement());
    expect(emulator.stats().visitorsCreated).toBe(2);
  });
});
