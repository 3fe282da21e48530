/**
 * `asyncSessionStore`: a store that answers with Promises is declared, and
 * only then read before every check; an undeclared one is refused before
 * anything is sent. Against the emulator (a real node:http server on
 * 127.0.0.1).
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy, type SessionStore, type VisitorSession } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { asyncSessionStore, forVisitor } from '../../src/node/index';

let emulator: RunningEmulator;
beforeEach(async () => {
  emulator = await startEmulator();
});
afterEach(() => emulator.close());

/** A store in a Map whose every method answers with a Promise, recording its calls. */
function promisedStore() {
  const sessions = new Map<string, VisitorSession>();
  const calls: string[] = [];
  const key = (accountId: string, visitorKey?: string) => `${accountId}|${visitorKey ?? ''}`;
  const store = {
    load: (accountId: string, visitorKey?: string) => (calls.push('load'), Promise.resolve(sessions.get(key(accountId, visitorKey)))),
    save: (accountId: string, session: VisitorSession, visitorKey?: string) => (calls.push('save'), Promise.resolve(void sessions.set(key(accountId, visitorKey), session))),
    clear: (accountId: string, visitorKey?: string) => (calls.push('clear'), Promise.resolve(void sessions.delete(key(accountId, visitorKey)))),
  };
  return { store, sessions, calls };
}

const clientOf = (session: SessionStore) => createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session, retry: retryPolicy({ maxAttempts: 1 }) });

describe('asyncSessionStore', () => {
  it('refuses a store that answers a read with a Promise unless it is declared: a validation Left naming session, nothing sent', async () => {
    const { store } = promisedStore();
    const r = await lastValueFrom(clientOf(store).getEngagement({ consumerSections: ['Support'] }));
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'session', reason: expect.stringContaining('asyncSessionStore') }] } });
    expect(emulator.stats().createSessionCalls).toBe(0);
  });

  it('reads a declared store before every check, so a visitor saved by another client is continued', async () => {
    const { store, sessions, calls } = promisedStore();
    const first = await lastValueFrom(forVisitor(clientOf(asyncSessionStore(store)), 'alice').getEngagement());
    if (first._tag !== 'Right') throw new Error('expected a Right');
    expect(calls).toEqual(['load', 'save']);
    expect([...sessions.values()]).toEqual([expect.objectContaining({ visitorId: first.right.visitorId })]);
    const again = await lastValueFrom(forVisitor(clientOf(asyncSessionStore(store)), 'alice').getEngagement());
    expect(again).toMatchObject({ _tag: 'Right', right: { visitorId: first.right.visitorId } });
    expect(emulator.stats().visitorsCreated).toBe(1);
  });

  it('calls the store’s claim on the store itself', async () => {
    const claims: unknown[] = [];
    const { store } = promisedStore();
    const withClaim = { ...store, claim(this: unknown) { claims.push(this); return Promise.resolve(true); } };
    const r = await lastValueFrom(forVisitor(clientOf(asyncSessionStore(withClaim)), 'bob').getEngagement());
    expect(r._tag).toBe('Right');
    expect(claims).toEqual([withClaim]);
  });

  it('gives back what is not a store, for the client to name session', async () => {
    const notAStore = { load: 'nope' } as unknown as SessionStore;
    expect(asyncSessionStore(notAStore)).toBe(notAStore);
    const r = await lastValueFrom(clientOf(asyncSessionStore(notAStore)).getEngagement());
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: 'session' }] } });
  });
});
