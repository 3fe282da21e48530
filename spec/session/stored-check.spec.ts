/**
 * Reading a visitor's session before a check from a store that answers with
 * Promises, and the single-flight first check (`claim`). Time is jest's fake
 * clock: the waits of a check that lost the claim never sleep for real.
 */
import { timeoutScheduler } from '../../src/internal/scheduler';
import { CLAIM_POLL_MS, FIRST_CHECK_CLAIM_MS, sessionBeforeCheck, type StoredSessionEnv } from '../../src/session/stored-check';
import type { VisitorSession } from '../../src/session/visitor-session';
import { asyncSessionStore, type AsyncSessionStore } from '../helpers/async-session-store';

const SESSION: VisitorSession = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 1 };

function envOf(store: AsyncSessionStore, extra: Partial<StoredSessionEnv> = {}): StoredSessionEnv & { warnings: string[] } {
  const warnings: string[] = [];
  return { store, accountId: '123', visitorKey: 'k', scheduler: timeoutScheduler, proceedWithoutSession: false, unreadable: (m) => warnings.push(m), warnings, ...extra };
}

beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
afterEach(() => jest.useRealTimers());

describe('sessionBeforeCheck', () => {
  it('answers the stored session of the visitor key', async () => {
    const store = asyncSessionStore();
    await store.save('123', SESSION, 'k');
    expect(await sessionBeforeCheck(envOf(store), true, () => false)).toEqual({ _tag: 'Right', right: SESSION });
    expect(await sessionBeforeCheck(envOf(store, { visitorKey: 'other' }), false, () => false)).toEqual({ _tag: 'Right', right: undefined });
  });

  it('answers a store Left naming the failed step and the error code, never what the store said', async () => {
    const store = asyncSessionStore();
    store.fail('load', 'ECONNREFUSED');
    const r = await sessionBeforeCheck(envOf(store), true, () => false);
    expect(r).toEqual({ _tag: 'Left', left: { kind: 'store', operation: 'load', cause: 'ECONNREFUSED', message: 'the store could not read the visitor session (ECONNREFUSED)' } });
  });

  it('goes on without the session (null, and a warning) when the caller chose to', async () => {
    const store = asyncSessionStore();
    store.fail('load');
    const env = envOf(store, { proceedWithoutSession: true });
    expect(await sessionBeforeCheck(env, true, () => false)).toEqual({ _tag: 'Right', right: null });
    expect(env.warnings).toEqual(['the store could not read the visitor session (ECONNREFUSED); the check goes on without it']);
  });

  it('ignores a stored value that is no session, with a warning', async () => {
    const store = asyncSessionStore();
    store.sessions.set('123/k', { visitorId: 42 });
    const env = envOf(store);
    expect(await sessionBeforeCheck(env, false, () => false)).toEqual({ _tag: 'Right', right: undefined });
    expect(env.warnings).toEqual(['the session store held an unreadable session; it was ignored']);
  });

  it('claims the first check of a visitor; a second caller waits for the winner to save and takes its session', async () => {
    const store = asyncSessionStore({ withClaim: true });
    expect(await sessionBeforeCheck(envOf(store), true, () => false)).toEqual({ _tag: 'Right', right: undefined });
    let second: unknown;
    void sessionBeforeCheck(envOf(store), true, () => false).then((r) => (second = r));
    await jest.advanceTimersByTimeAsync(CLAIM_POLL_MS * 3);
    expect(second).toBeUndefined(); // still waiting: no second visitor
    await store.save('123', SESSION, 'k');
    await jest.advanceTimersByTimeAsync(CLAIM_POLL_MS);
    expect(second).toEqual({ _tag: 'Right', right: SESSION });
    expect(store.calls.filter((c) => c === 'claim')).toHaveLength(5);
  });

  it('does not claim when the check names its visitor, or the store has no claim', async () => {
    const withClaim = asyncSessionStore({ withClaim: true });
    await sessionBeforeCheck(envOf(withClaim), false, () => false);
    expect(withClaim.calls).toEqual(['load']);
    const without = asyncSessionStore();
    expect(await sessionBeforeCheck(envOf(without), true, () => false)).toEqual({ _tag: 'Right', right: undefined });
  });

  it("takes over once the winner's claim ran out without a session (the winner died)", async () => {
    const store = asyncSessionStore({ withClaim: true });
    await sessionBeforeCheck(envOf(store), true, () => false);
    let second: unknown;
    void sessionBeforeCheck(envOf(store), true, () => false).then((r) => (second = r));
    await jest.advanceTimersByTimeAsync(FIRST_CHECK_CLAIM_MS - CLAIM_POLL_MS);
    expect(second).toBeUndefined();
    await jest.advanceTimersByTimeAsync(CLAIM_POLL_MS * 2);
    expect(second).toEqual({ _tag: 'Right', right: undefined });
  });

  it('answers a ClaimTimeout store Left when the claim is never won nor a session saved', async () => {
    const store = asyncSessionStore({ withClaim: true });
    store.claim = () => Promise.resolve(false);
    let r: unknown;
    void sessionBeforeCheck(envOf(store), true, () => false).then((x) => (r = x));
    await jest.advanceTimersByTimeAsync(FIRST_CHECK_CLAIM_MS + CLAIM_POLL_MS);
    expect(r).toMatchObject({ _tag: 'Left', left: { kind: 'store', operation: 'claim', cause: 'ClaimTimeout' } });
  });

  it('answers a store Left when the claim itself fails', async () => {
    const store = asyncSessionStore({ withClaim: true });
    store.fail('claim', 'ETIMEDOUT');
    expect(await sessionBeforeCheck(envOf(store), true, () => false)).toMatchObject({ _tag: 'Left', left: { operation: 'claim', cause: 'ETIMEDOUT' } });
  });

  it('stops waiting once the check is cancelled', async () => {
    const store = asyncSessionStore({ withClaim: true });
    await sessionBeforeCheck(envOf(store), true, () => false);
    let cancelled = false;
    let r: unknown;
    void sessionBeforeCheck(envOf(store), true, () => cancelled).then((x) => (r = x));
    await jest.advanceTimersByTimeAsync(CLAIM_POLL_MS);
    cancelled = true;
    const calls = store.calls.length;
    await jest.advanceTimersByTimeAsync(CLAIM_POLL_MS * 10);
    expect(r).toEqual({ _tag: 'Right', right: undefined });
    expect(store.calls.length).toBeLessThanOrEqual(calls + 1);
  });
});
