/**
 * A check's visitor session when the session store answers with Promises
 * (a store shared by several processes): read it before the check sends,
 * and make the first check of a visitor single-flight with the store's
 * `claim`. The waits run on the client's scheduler.
 *
 * @internal
 */
import type { SchedulerLike } from 'rxjs';
import { storeError, type StoreError } from '../errors';
import { isLeft, left, right, type Either } from '../internal/either';
import type { SessionStore } from './session-store';
import { decodeVisitorSession, type VisitorSession } from './visitor-session';

/**
 * How long a claim on a visitor's first check lasts, and so the longest a
 * check waits for another process's first check of the same visitor. It
 * covers a first check with the default retries (5, 10 and 15 s waits).
 */
export const FIRST_CHECK_CLAIM_MS = 60_000;

/** How often a check that lost the claim reads the session again. */
export const CLAIM_POLL_MS = 50;

/** Calls `f`, turning a throw into a rejected Promise. */
export const attempt = <A>(f: () => A | PromiseLike<A>): Promise<A> => {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e);
  }
};

/** What reading a visitor's session before a check needs. */
export interface StoredSessionEnv {
  readonly store: SessionStore;
  readonly accountId: string;
  readonly visitorKey: string | undefined;
  readonly scheduler: SchedulerLike;
  /** Go on without a stored session (a warning) when the store fails, instead of answering a `store` Left. */
  readonly proceedWithoutSession: boolean;
  /** Told when the store held something that is not a session, or failed while `proceedWithoutSession` is set. */
  readonly unreadable: (message: string) => void;
}

/**
 * The session a check goes on with: the stored one (`undefined`: none, the
 * check creates the visitor), `null` when the store failed and the check
 * proceeds with what the client already holds, or a `store` Left.
 *
 * `createsVisitor`: the check sends no visitor id of its
 * own, so without a session it would create a visitor; only then is the
 * store's `claim` asked. A check that loses the claim reads the session
 * again every {@link CLAIM_POLL_MS} until the winner saved it, or claims it
 * itself once the winner's claim ran out; after {@link FIRST_CHECK_CLAIM_MS}
 * of this it answers a `store` Left (`ClaimTimeout`).
 */
export async function sessionBeforeCheck(env: StoredSessionEnv, createsVisitor: boolean, cancelled: () => boolean): Promise<Either<StoreError, VisitorSession | undefined | null>> {
  const { store, accountId, visitorKey, scheduler } = env;
  const deadline = scheduler.now() + FIRST_CHECK_CLAIM_MS;
  const failed = (operation: StoreError['operation'], thrown: unknown): Either<StoreError, null> => {
    const error = storeError(operation, thrown);
    if (!env.proceedWithoutSession) return left(error);
    env.unreadable(`${error.message}; the check goes on without it`);
    return right(null);
  };
  let read = attempt(() => store.load(accountId, visitorKey));
  for (;;) {
    let stored: unknown;
    try {
      stored = await read;
    } catch (e) {
      return failed('load', e);
    }
    const decoded = stored == null ? undefined : decodeVisitorSession(stored);
    if (decoded !== undefined && isLeft(decoded)) env.unreadable('the session store held an unreadable session; it was ignored');
    const session = decoded === undefined || isLeft(decoded) ? undefined : decoded.right;
    const claim = store.claim;
    if (session !== undefined || !createsVisitor || claim === undefined || cancelled()) return right(session);
    let won: boolean;
    try {
      won = (await attempt(() => claim.call(store, accountId, visitorKey, FIRST_CHECK_CLAIM_MS))) === true;
    } catch (e) {
      return failed('claim', e);
    }
    if (won) return right(undefined);
    if (scheduler.now() >= deadline) return left(storeError('claim', undefined, 'ClaimTimeout'));
    await new Promise<void>((resolve) => scheduler.schedule(() => resolve(), CLAIM_POLL_MS));
    if (cancelled()) return right(undefined);
    read = attempt(() => store.load(accountId, visitorKey));
  }
}
