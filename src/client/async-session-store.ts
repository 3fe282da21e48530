/**
 * Session stores that answer with Promises (a store shared by several
 * processes, such as `engagement-rx/redis`): the visitor's session is read
 * before every check, the first check of a visitor is single-flight through
 * the store's `claim`, and a check answers only after its save settled.
 *
 * @packageDocumentation
 */
import { Observable, Subscriber, Subscription } from 'rxjs';
import type { WarningCode } from './events';
import { validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import { isRecord, kindOf, unknownKeys } from '../internal/validation';
import { isLeft, left, type Either } from '../internal/either';
import type { Engagement } from '../model';
import { CLEAR_REFUSED, GATE, SAVE_REFUSED, gateOf as gateOfStore, type OpenGate, type SessionGate } from './session-gate';
import type { SessionStore } from '../session/session-store';
import { isThenable } from '../internal/thenable';
import { sessionBeforeCheck } from '../session/stored-check';

/**
 * Declares a {@link SessionStore} whose methods answer with Promises (a
 * database, a cache shared by the instances of a service). A client given
 * it reads the visitor's session from the store before every check (another
 * process may have changed it), asks the store's optional `claim` before a
 * visitor's first check so that two processes never create two visitors for
 * one key, and answers a check only after the store has saved the session
 * the answer confirmed. A store that cannot be read makes the check answer
 * a `store` Left (or, with the option `proceedWithoutSession`, go on
 * without it); a failed save is a `sessionStoreWriteFailed` warning.
 *
 * Stores that answer at once (memory, Web Storage, a file) need no wrapper:
 * they are read once, when the client is made. A store that answers a read
 * with a Promise without this wrapper is refused: every check answers a
 * `validation` Left naming `session`. `redisSessionStore` is already made
 * with it.
 *
 * @example
 * ```ts
 * import { createEngagementClient, type VisitorSession } from 'engagement-rx';
 * import { asyncSessionStore, forVisitor } from 'engagement-rx/node';
 *
 * declare const db: { get(key: string): Promise<unknown>; put(key: string, value: VisitorSession): Promise<void>; del(key: string): Promise<void> };
 * const key = (accountId: string, visitorKey?: string) => `${accountId}:${visitorKey ?? ''}`;
 * const session = asyncSessionStore({
 *   load: (accountId, visitorKey) => db.get(key(accountId, visitorKey)),
 *   save: (accountId, value, visitorKey) => db.put(key(accountId, visitorKey), value),
 *   clear: (accountId, visitorKey) => db.del(key(accountId, visitorKey)),
 * });
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session });
 * forVisitor(client, 'customer-42').getEngagement().subscribe(console.log);
 * ```
 * @since 0.2.0
 * @category Sessions
 */
export function asyncSessionStore(store: SessionStore, options?: AsyncSessionStoreOptions): SessionStore {
  const s = store as Partial<SessionStore> | null | undefined;
  // Not a store: given back as it is, for the client's configuration check to name `session`.
  if (typeof s?.load !== 'function' || typeof s.save !== 'function' || typeof s.clear !== 'function') return store;
  const claim = s.claim;
  const issues: ValidationIssue[] = [];
  if (claim !== undefined && typeof claim !== 'function') issues.push({ path: 'session.claim', reason: `expected a function or nothing, got ${kindOf(claim)}` });
  const proceed = readProceed(options, issues);
  return keyedView(store, undefined, gateOf(issues.length > 0 ? validationError(issues) : undefined, proceed));
}

/**
 * A view of `store` for one visitor key: every call carries `visitorKey`
 * (when given), and the view keeps `gate`, the store's or its own.
 *
 * @internal
 */
export function keyedView(store: SessionStore, visitorKey: string | undefined, gate: SessionGate | undefined = gateOfStore(store)): SessionStore {
  const claim = store.claim;
  const view: SessionStore = {
    load: (accountId, key = visitorKey) => store.load(accountId, key),
    save: (accountId, session, key = visitorKey) => store.save(accountId, session, key),
    clear: (accountId, key = visitorKey) => store.clear(accountId, key),
    ...(typeof claim === 'function' ? { claim: (accountId: string, key: string | undefined, ttlMs: number) => claim.call(store, accountId, key ?? visitorKey, ttlMs) } : {}),
  };
  return gate === undefined ? view : Object.assign(view, { [GATE]: gate });
}

/**
 * Options of {@link asyncSessionStore}.
 * @since 0.2.0
 * @category Sessions
 */
export interface AsyncSessionStoreOptions {
  /**
   * When the store cannot be read (or its claim fails) before a check: go
   * on without a stored session, with a `sessionStoreUnreadable` warning,
   * instead of answering a `store` Left. Default `false`.
   */
  readonly proceedWithoutSession?: boolean;
}

function readProceed(options: unknown, issues: ValidationIssue[]): boolean {
  if (options === undefined) return false;
  if (!isRecord(options)) return (issues.push({ path: 'session', reason: `expected asyncSessionStore options, got ${kindOf(options)}` }), false);
  unknownKeys(options, ['proceedWithoutSession'], 'session.', issues);
  const proceed = options['proceedWithoutSession'] ?? false;
  if (typeof proceed === 'boolean') return proceed;
  issues.push({ path: 'session.proceedWithoutSession', reason: `expected true or false, got ${kindOf(proceed)}` });
  return false;
}

type Answer = Either<EngagementError, Engagement>;

/** The gate of a declared store: `refused` answers every check (bad declaration), `proceed` is `proceedWithoutSession`. */
const gateOf = (refused: ValidationError | undefined, proceed: boolean): SessionGate => (config, session, events): OpenGate => {
  const now = (): number => config.scheduler.now();
  const warn = (message: string, code: WarningCode): void => events.next({ type: 'warning', at: now(), code, message });
  /** The save of the last confirmed session, while the store has not settled it. */
  let saving: Promise<void> | undefined;

  /** A subscriber that passes each answer on once the session's save (if one is pending) has settled. */
  const afterSave = (subscriber: Subscriber<Answer>): Subscriber<Answer> => {
    let queue: Promise<void> | undefined;
    const later = (f: () => void): void => {
      const pending = saving;
      if (pending === undefined && queue === undefined) return f();
      queue = (queue ?? Promise.resolve()).then(() => pending).then(() => {
        if (!subscriber.closed) f();
      });
    };
    return new Subscriber({
      next: (value) => later(() => subscriber.next(value)),
      error: (e: unknown) => subscriber.error(e),
      complete: () => later(() => subscriber.complete()),
    });
  };

  return {
    check: (createsVisitor, send) =>
      new Observable<Answer>((subscriber) => {
        if (refused) return (subscriber.next(left(refused)), subscriber.complete());
        let cancelled = false;
        const inner = new Subscription();
        const read = { store: config.session, accountId: config.sessionKey, visitorKey: undefined, scheduler: config.scheduler, proceedWithoutSession: proceed, unreadable: (m: string) => warn(m, 'sessionStoreUnreadable') };
        void sessionBeforeCheck(read, createsVisitor, () => cancelled).then((r) => {
          if (cancelled) return;
          if (isLeft(r)) return (subscriber.next(r), subscriber.complete());
          if (r.right !== null && r.right !== session.value) {
            session.next(r.right);
            if (events.observed) events.next({ type: 'sessionChanged', at: now(), change: r.right === undefined ? 'reset' : 'restored' });
          }
          inner.add(send(afterSave(subscriber)));
        });
        return () => {
          cancelled = true;
          inner.unsubscribe();
        };
      }),
    saved: (answer) => {
      if (isThenable(answer)) saving = Promise.resolve(answer).then(() => undefined, () => warn(SAVE_REFUSED, 'sessionStoreWriteFailed'));
    },
    cleared: (answer) => {
      if (isThenable(answer)) Promise.resolve(answer).then(undefined, () => warn(CLEAR_REFUSED, 'sessionStoreWriteFailed'));
    },
  };
};
