/**
 * A session store in one JSON file, so a visitor survives process restarts
 * (CLIs, workers, server-side renderers). Node only.
 *
 * @packageDocumentation
 */
import { accountJsonFile } from './account-json-file';
import { sessionKeyOf, type SessionStore } from '../session/session-store';
import { sessionIdsOnly } from '../session/visitor-session';

/**
 * Options of {@link fileSessionStore}.
 * @since 0.1.0
 * @category Node
 */
export interface FileSessionStoreOptions {
  /**
   * Permission bits of the file (POSIX; before the umask). Default `0o600`:
   * only the owner reads the visitor ids.
   */
  readonly mode?: number;
}

/**
 * A {@link SessionStore} in one JSON file holding `{ [accountId]: session }`
 * (each session is `visitorId`, `sessionId`, `pageId`, `confirmedAt`; nothing
 * else is written).
 *
 * - Synchronous `node:fs` calls, as the interface is synchronous. Nothing is
 *   cached: every `load` reads the file, so clients and stores on the same
 *   path (in this process or another) see each other's last write.
 * - A missing file means no session. A file that is empty (or only
 *   whitespace) holds no sessions.
 * - `load` never throws for bad contents: it returns what the file holds for
 *   the account (the client validates it, ignoring garbage with a
 *   `sessionStoreUnreadable` warning), or the file's raw text when the file
 *   is not a JSON object at all (never a valid session).
 * - `save` is atomic: the whole file is written to a temporary file in the
 *   same folder, flushed, then renamed over the old one; a reader never sees
 *   a half-written file, and a failed save leaves no temporary file behind.
 *   Missing folders are created. Saving over a file that is not a JSON
 *   object replaces it; the other accounts' entries of a readable file are
 *   kept as they are.
 * - Saving is read-modify-write without a lock: two processes saving at the
 *   same instant keep one of the two writes (the file is never torn).
 * - I/O failures (permissions, a full disk, a folder where the file should
 *   be) are rethrown; the client turns a failed save or clear into a
 *   `sessionStoreWriteFailed` warning and keeps the session in memory, and a
 *   failed load into "no stored session".
 *
 * @param path - the JSON file, resolved against the current directory when
 *   the store is created.
 * @param options - see {@link FileSessionStoreOptions}.
 * @throws TypeError when `path` is not a non-empty string or `options` is
 *   not a valid options object. This is a programming error, reported when
 *   the store is created.
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 * import { fileSessionStore } from 'engagement-rx/node';
 *
 * const client = createEngagementClient({
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net',
 *   session: fileSessionStore('.cache/engagement-sessions.json'),
 * });
 * ```
 * @since 0.1.0
 * @category Node
 */
export function fileSessionStore(path: string, options?: FileSessionStoreOptions): SessionStore {
  const file = accountJsonFile('fileSessionStore', path, options, true);
  return {
    load: (accountId, visitorKey) => file.load(sessionKeyOf(accountId, visitorKey)),
    save: (accountId, session, visitorKey) => file.save(sessionKeyOf(accountId, visitorKey), sessionIdsOnly(session)),
    clear: (accountId, visitorKey) => file.clear(sessionKeyOf(accountId, visitorKey)),
  };
}
