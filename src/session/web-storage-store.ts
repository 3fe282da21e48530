/**
 * A session store over Web Storage (`localStorage`, `sessionStorage`) or
 * anything shaped like it, so a visitor survives a page reload.
 *
 * Browser-safe: no DOM globals are touched; the storage object is passed in.
 *
 * @packageDocumentation
 */
import { sessionKeyOf, type SessionStore } from './session-store';
import { sessionIdsOnly } from './visitor-session';
import { accountWebStorage, type WebStorageLike } from './account-web-storage';

export type { WebStorageLike } from './account-web-storage';

/**
 * Options of {@link webStorageSessionStore}.
 * @since 0.1.0
 * @category Sessions
 */
export interface WebStorageSessionStoreOptions {
  /**
   * Put before the account id to make each key. Default
   * `'engagement-rx:session:'`, so account `12345678` is kept under
   * `engagement-rx:session:12345678`.
   */
  readonly prefix?: string;
}

const DEFAULT_WEB_STORAGE_PREFIX = 'engagement-rx:session:';

/**
 * A {@link SessionStore} over Web Storage: one key per account (prefix +
 * account id), holding the session as JSON (`visitorId`, `sessionId`,
 * `pageId`, `confirmedAt`; nothing else is written).
 *
 * - `load` returns the parsed value, `undefined` when the key is absent, and
 *   the raw text when it is not JSON (never a valid session, so the client
 *   ignores it with a `sessionStoreUnreadable` warning).
 * - Failures of the storage itself (a full quota, storage disabled by the
 *   user or by private browsing) are not swallowed: `save`, `clear` and
 *   `load` rethrow what the storage threw. The client catches them: a failed
 *   save or clear is a `sessionStoreWriteFailed` warning and the session is
 *   kept in memory; a failed load means no stored session. A check never
 *   fails because of the store.
 *
 * Note that in some browsers merely reading `window.localStorage` throws when
 * storage is disabled; guard that read yourself (see the example).
 *
 * @param storage - `window.localStorage`, `window.sessionStorage` or any
 *   {@link WebStorageLike}.
 * @param options - see {@link WebStorageSessionStoreOptions}.
 * @throws TypeError when `storage` lacks `getItem`, `setItem` or
 *   `removeItem`, or when `options` is not a valid options object. This is a
 *   programming error, reported when the store is created.
 *
 * @example
 * ```ts
 * import { createEngagementClient, memorySessionStore, webStorageSessionStore } from 'engagement-rx';
 *
 * let storage: Storage | undefined;
 * try {
 *   storage = window.localStorage;
 * } catch {
 *   storage = undefined; // storage disabled: fall back to memory
 * }
 * const client = createEngagementClient({
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net',
 *   session: storage === undefined ? memorySessionStore() : webStorageSessionStore(storage),
 * });
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export function webStorageSessionStore(storage: WebStorageLike, options?: WebStorageSessionStoreOptions): SessionStore {
  const view = accountWebStorage('webStorageSessionStore', storage, options, DEFAULT_WEB_STORAGE_PREFIX, 'localStorage');
  return {
    load: (accountId, visitorKey) => view.load(sessionKeyOf(accountId, visitorKey)),
    save: (accountId, session, visitorKey) => view.save(sessionKeyOf(accountId, visitorKey), sessionIdsOnly(session)),
    clear: (accountId, visitorKey) => view.clear(sessionKeyOf(accountId, visitorKey)),
  };
}
