/**
 * `lpChatSessionStore`: the visitor session kept where lpChat.min.js kept
 * it, so a page that switches from lpChat.min.js to engagement-rx (or back)
 * continues the same LivePerson visitor across reloads.
 *
 * Browser-safe: the storage is passed in; no DOM global is read here.
 *
 * @packageDocumentation
 */
import { accountWebStorage, type WebStorageLike } from '../session/account-web-storage';
import type { SessionStore } from '../session/session-store';
import { isPlain } from './bindings';

/** lpChat.min.js's key, before the account id: `lpEngagementData12345678`. */
export const LPCHAT_ENGAGEMENT_KEY = 'lpEngagementData';

/**
 * The page id of a session restored from an entry lpChat.min.js wrote (it
 * kept no page id); the next getEngagement answer replaces it.
 *
 * @internal
 */
export const UNKNOWN_PAGE_ID = 'unknown';

/**
 * A {@link SessionStore} in lpChat.min.js's own place and format: the key
 * `lpEngagementData{lpNumber}` of the storage given (lpChat used
 * `sessionStorage`), holding JSON with `sessionId` and `visitorId`, as
 * lpChat wrote it after each answer.
 *
 * - An entry lpChat.min.js wrote is continued: its `visitorId` and
 *   `sessionId` are sent with the next getEngagement.
 * - engagement-rx writes `sessionId` and `visitorId` the same way, keeps any
 *   other key the entry had, and adds `pageId` and `confirmedAt` (which
 *   lpChat.min.js ignores), so a page that goes back to lpChat.min.js also
 *   continues the visitor.
 * - Failures of the storage itself (a full quota, storage disabled) are
 *   rethrown to the client, which keeps the session in memory and reports a
 *   warning on `client.events$`; a check never fails because of the store.
 *
 * `ChatOverRestAPI` uses it on `window.sessionStorage` by default in a
 * browser (pass `session` to choose another store).
 *
 * @param storage - `window.sessionStorage` (as lpChat.min.js), or any {@link WebStorageLike}.
 * @throws TypeError when `storage` lacks `getItem`, `setItem` or `removeItem` (a programming error).
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678', session: lpChatSessionStore(window.localStorage) });
 * ```
 * @since 0.2.0
 * @category Legacy adapters
 */
export function lpChatSessionStore(storage: WebStorageLike): SessionStore {
  const view = accountWebStorage('lpChatSessionStore', storage, undefined, LPCHAT_ENGAGEMENT_KEY, 'sessionStorage');
  return {
    load: (accountId) => fromLpChat(view.load(accountId)),
    save: (accountId, session) => {
      let previous: unknown;
      try {
        previous = view.load(accountId);
      } catch {
        previous = undefined;
      }
      const { sessionId, visitorId, pageId, confirmedAt } = session;
      view.save(accountId, { ...(isPlain(previous) ? previous : {}), sessionId, visitorId, pageId, confirmedAt });
    },
    clear: (accountId) => view.clear(accountId),
  };
}

/** A stored entry as the client reads a session: lpChat's entries get the page id and time they lack. */
function fromLpChat(stored: unknown): unknown {
  if (!isPlain(stored)) return stored; // absent, or not JSON: the client ignores it
  const { visitorId, sessionId, pageId, confirmedAt } = stored;
  return {
    visitorId,
    sessionId,
    pageId: typeof pageId == 'string' && pageId !== '' ? pageId : UNKNOWN_PAGE_ID,
    confirmedAt: typeof confirmedAt == 'number' ? confirmedAt : 0,
  };
}
