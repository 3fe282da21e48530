/**
 * The port between the check core and a session store that answers with
 * Promises. Such a store carries its gate (made by `asyncSessionStore`):
 * the gate reads the visitor's session before each check and holds the
 * answer until the save settled. The core only looks the gate up, so an
 * application whose stores answer at once never ships that code.
 *
 * @internal
 */
import type { Observable, Subscriber, TeardownLogic } from 'rxjs';
import type { ResolvedConfig } from './config';
import type { ClientEvent } from './events';
import type { EngagementError } from '../errors';
import type { Either } from '../internal/either';
import type { Hub } from '../internal/hub';
import type { Engagement } from '../model';
import type { SessionStore } from '../session/session-store';
import type { VisitorSession } from '../session/visitor-session';

/** The warnings of a store that refused to save or to clear, whether it answered at once or later. */
export const SAVE_REFUSED = 'the session store refused to save the session; it is kept in memory';
export const CLEAR_REFUSED = 'the session store refused to clear the session';

/** The key under which an asynchronous store carries its gate (registered: two copies of the library agree). */
export const GATE: unique symbol = Symbol.for('engagement-rx.session-gate') as never;

/** A gate opened for one visitor's client. */
export interface OpenGate {
  /** One check: reads the session, then runs `send`; passes its answer on once the session's save settled. */
  check(createsVisitor: boolean, send: (subscriber: Subscriber<Either<EngagementError, Engagement>>) => TeardownLogic): Observable<Either<EngagementError, Engagement>>;
  /** What the store's `save` answered. */
  saved(answer: unknown): void;
  /** What the store's `clear` answered. */
  cleared(answer: unknown): void;
}

/**
 * Opens the gate for one client: its configuration (the store, the session
 * key, the scheduler), its session, and where it tells warnings and session
 * changes.
 */
export type SessionGate = (config: ResolvedConfig, session: Hub<VisitorSession | undefined>, events: Hub<ClientEvent>) => OpenGate;

/** The gate of a store made by `asyncSessionStore`; `undefined` for a store that answers at once. */
export function gateOf(store: SessionStore): SessionGate | undefined {
  const gate = (store as { [GATE]?: unknown })[GATE];
  return typeof gate === 'function' ? (gate as SessionGate) : undefined;
}
