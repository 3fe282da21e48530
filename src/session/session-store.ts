/**
 * Where a client keeps its visitor session between checks (and, with a
 * durable store, between page loads or process runs).
 *
 * @packageDocumentation
 */
import type { VisitorSession } from './visitor-session';

/**
 * A synchronous key-value home for one session per account. `load` may
 * return anything (it is validated by the client: garbage is ignored with a
 * warning, never a crash).
 *
 * @example
 * ```ts
 * const cache = new Map<string, VisitorSession>(); // or any synchronous cache of the application
 * const store: SessionStore = {
 *   load: (accountId) => cache.get(accountId),
 *   save: (accountId, session) => cache.set(accountId, session),
 *   clear: (accountId) => cache.delete(accountId),
 * };
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export interface SessionStore {
  load(accountId: string): unknown;
  save(accountId: string, session: VisitorSession): void;
  clear(accountId: string): void;
}

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

  load(accountId: string): unknown {
    return this.sessions.get(accountId);
  }

  save(accountId: string, session: VisitorSession): void {
    this.sessions.set(accountId, session);
  }

  clear(accountId: string): void {
    this.sessions.delete(accountId);
  }
}
