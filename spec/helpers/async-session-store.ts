/**
 * A session store that answers with Promises, in memory, like a shared store
 * seen from several clients: each call can be held until the test releases
 * it, or made to fail; `claim` is single-flight per key with an expiry on
 * `Date.now` (jest's fake timers move it). Declared with the library's
 * `asyncSessionStore`, as an application declares its own.
 */
import { asyncSessionStore as declared } from '../../src/client/async-session-store';
import type { SessionStore } from '../../src/session/session-store';
import type { VisitorSession } from '../../src/session/visitor-session';

export interface AsyncSessionStore extends SessionStore {
  readonly sessions: Map<string, unknown>;
  readonly calls: string[];
  /** Makes the next calls of `method` reject with an error of this code (until `heal`). */
  fail(method: 'load' | 'save' | 'clear' | 'claim', code?: string): void;
  heal(): void;
  /** Holds every call of `method` until `release` (the store is slow). */
  hold(method: 'load' | 'save'): void;
  /** Ends every held call. */
  release(): void;
  /** How many calls are held now. */
  readonly held: number;
}

export function asyncSessionStore(options: { readonly withClaim?: boolean; readonly proceedWithoutSession?: boolean } = {}): AsyncSessionStore {
  const sessions = new Map<string, unknown>();
  const claims = new Map<string, number>();
  const calls: string[] = [];
  const failing = new Map<string, string>();
  const holding = new Set<string>();
  let waiting: Array<() => void> = [];
  const keyOf = (accountId: string, visitorKey: string | undefined): string => `${accountId}/${visitorKey ?? ''}`;
  const run = <A>(method: string, f: () => A): Promise<A> => {
    calls.push(method);
    const go = (): Promise<A> => {
      const code = failing.get(method);
      if (code !== undefined) return Promise.reject(Object.assign(new Error(`store down (holding ${JSON.stringify([...sessions.values()])})`), { code }));
      return Promise.resolve(f());
    };
    return holding.has(method) ? new Promise<void>((resolve) => waiting.push(resolve)).then(go) : go();
  };
  const store: AsyncSessionStore = {
    sessions,
    calls,
    fail: (method, code = 'ECONNREFUSED') => void failing.set(method, code),
    heal: () => failing.clear(),
    hold: (method) => void holding.add(method),
    release: () => {
      holding.clear();
      const w = waiting;
      waiting = [];
      for (const resolve of w) resolve();
    },
    get held() {
      return waiting.length;
    },
    load: (accountId, visitorKey) => run('load', () => sessions.get(keyOf(accountId, visitorKey))),
    save: (accountId, session: VisitorSession, visitorKey) =>
      run('save', () => {
        sessions.set(keyOf(accountId, visitorKey), session);
        claims.delete(keyOf(accountId, visitorKey));
      }),
    clear: (accountId, visitorKey) => run('clear', () => void sessions.delete(keyOf(accountId, visitorKey))),
  };
  if (options.withClaim === true) {
    (store as { claim?: SessionStore['claim'] }).claim = (accountId, visitorKey, ttlMs) =>
      run('claim', () => {
        const key = keyOf(accountId, visitorKey);
        const until = claims.get(key);
        if (until !== undefined && until > Date.now()) return false;
        claims.set(key, Date.now() + ttlMs);
        return true;
      });
  }
  // The library's declaration, with the controls above kept on it.
  const controls = { sessions, calls, fail: store.fail, heal: store.heal, hold: store.hold, release: store.release };
  return Object.defineProperty(Object.assign(declared(store, { proceedWithoutSession: options.proceedWithoutSession ?? false }), controls), 'held', { get: () => waiting.length }) as AsyncSessionStore;
}
