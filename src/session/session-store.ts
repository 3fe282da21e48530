/**
 * Where a client keeps its visitor session between checks (and, with a
 * durable store, between page loads or process runs).
 *
 * @packageDocumentation
 */
import type { VisitorSession } from './visitor-session';

/**
 * A home for visitor sessions, one per account and visitor key. `load` may
 * return anything (it is validated by the client: garbage is ignored with a
 * warning, never a crash).
 *
 * - `visitorKey` is the application's own key of a visitor, given to
 *   `forVisitor(client, visitorKey)` (`engagement-rx/node`); it is `undefined` for a client made
 *   straight by `createEngagementClient`. A store shared by many visitors
 *   keeps one session per (account, visitor key).
 * - Each method may answer at once (a synchronous store: memory, Web
 *   Storage, a file) or with a Promise (a shared store, such as
 *   `engagement-rx/redis`). A synchronous store is read when the client is
 *   made. An asynchronous one is declared with `asyncSessionStore(store)`
 *   (`engagement-rx/node`): it is read again before every check, and a
 *   check answers only after its `save` has settled.
 * - `claim`, optional (asynchronous stores), makes the first check of a visitor single-flight
 *   across processes: it answers `true` to exactly one caller per
 *   (account, visitor key) until `ttlMs` has passed or a session is saved.
 *   A client that loses the claim waits for the winner's session instead
 *   of creating a second visitor.
 *
 * @example
 * ```ts
 * const cache = new Map<string, VisitorSession>(); // or any synchronous cache of the application
 * const keyOf = (accountId: string, visitorKey?: string) => `${accountId}:${visitorKey ?? ''}`;
 * const store: SessionStore = {
 *   load: (accountId, visitorKey) => cache.get(keyOf(accountId, visitorKey)),
 *   save: (accountId, session, visitorKey) => void cache.set(keyOf(accountId, visitorKey), session),
 *   clear: (accountId, visitorKey) => void cache.delete(keyOf(accountId, visitorKey)),
 * };
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export interface SessionStore {
  load(accountId: string, visitorKey?: string): unknown;
  save(accountId: string, session: VisitorSession, visitorKey?: string): void | PromiseLike<void>;
  clear(accountId: string, visitorKey?: string): void | PromiseLike<void>;
  claim?(accountId: string, visitorKey: string | undefined, ttlMs: number): boolean | PromiseLike<boolean>;
}

/** The key of one visitor's session in a store keyed by strings: the account id alone, or with the visitor key after a `:` (an account id never holds one). @internal */
export const sessionKeyOf = (accountId: string, visitorKey: string | undefined): string => (visitorKey === undefined ? accountId : `${accountId}:${visitorKey}`);

/**
 * The default store: a session lives as long as the client's process or page.
 *
 * @example
 * ```ts
 * const store = memorySessionStore();
 * const a = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session: store });
 * const b = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session: store }); // continues a's visitor
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export function memorySessionStore(): SessionStore {
  return new MemorySessionStore();
}

/** A class rather than three closures: a Node service may hold one per visitor, by the ten thousand. */
class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, VisitorSession>();

  load(accountId: string, visitorKey?: string): unknown {
    return this.sessions.get(sessionKeyOf(accountId, visitorKey));
  }

  save(accountId: string, session: VisitorSession, visitorKey?: string): void {
    this.sessions.set(sessionKeyOf(accountId, visitorKey), session);
  }

  clear(accountId: string, visitorKey?: string): void {
    this.sessions.delete(sessionKeyOf(accountId, visitorKey));
  }
}
