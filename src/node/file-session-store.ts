/**
 * A session store in one JSON file, so a visitor survives process restarts
 * (CLIs, workers, server-side renderers). Node only.
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { SessionStore } from '../session/session-store';
import type { VisitorSession } from '../session/visitor-session';

/**
 * Options of {@link fileSessionStore}.
 *
 * @example
 * ```ts
 * const options: FileSessionStoreOptions = { mode: 0o640 };
 * ```
 * @since 0.1.0
 */
export interface FileSessionStoreOptions {
  /**
   * Permission bits of the file (POSIX; before the umask). Default `0o600`:
   * only the owner reads the visitor ids.
   */
  readonly mode?: number;
}

const DEFAULT_MODE = 0o600;

/** The text of a file that is not a JSON object: never a valid session, so the client ignores it with a warning. */
type Unreadable = { readonly kind: 'unreadable'; readonly text: string };
type Contents = { readonly kind: 'sessions'; readonly sessions: Record<string, unknown> } | Unreadable;

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
 *   session: fileSessionStore('.cache/engagement-sessions.json'),
 * });
 * ```
 * @since 0.1.0
 */
export function fileSessionStore(path: string, options?: FileSessionStoreOptions): SessionStore {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`fileSessionStore: parameter "path" must be a non-empty file path, got ${describe(path)}`);
  }
  const mode = readMode(options);
  const file = resolve(path);

  const write = (sessions: Record<string, unknown>): void => {
    writeAtomically(file, `${JSON.stringify(sessions, null, 2)}\n`, mode);
  };

  return {
    load: (accountId) => {
      const contents = read(file);
      if (contents === undefined) return undefined;
      if (contents.kind === 'unreadable') return contents.text;
      return hasOwn(contents.sessions, accountId) ? contents.sessions[accountId] : undefined;
    },
    save: (accountId, session) => {
      const contents = read(file);
      const sessions = contents?.kind === 'sessions' ? contents.sessions : emptyRecord();
      sessions[accountId] = idsOnly(session);
      write(sessions);
    },
    clear: (accountId) => {
      const contents = read(file);
      // Nothing to forget: no file, an unreadable file, or no entry for the account.
      if (contents?.kind !== 'sessions' || !hasOwn(contents.sessions, accountId)) return;
      delete contents.sessions[accountId];
      write(contents.sessions);
    },
  };
}

/** The file's sessions; `undefined` when the file does not exist. I/O errors other than a missing file are thrown. */
function read(file: string): Contents | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return undefined;
    throw e;
  }
  if (text.trim() === '') return { kind: 'sessions', sessions: emptyRecord() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return { kind: 'unreadable', text };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable', text };
  // A prototype-free copy: an account id such as `__proto__` or `constructor` is an ordinary key.
  const sessions = emptyRecord();
  for (const [k, v] of Object.entries(parsed)) sessions[k] = v;
  return { kind: 'sessions', sessions };
}

let tempCounter = 0;

/** Writes `text` to a new file next to `file`, flushes it, then renames it over `file`. */
function writeAtomically(file: string, text: string, mode: number): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${++tempCounter}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing: the first error is the one reported
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created, or is already gone
    }
    throw e;
  }
}

function readMode(options: unknown): number {
  if (options === undefined) return DEFAULT_MODE;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`fileSessionStore: parameter "options" must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'mode') throw new TypeError(`fileSessionStore: unknown option "options.${key}" (expected mode)`);
  }
  const mode = (options as { mode?: unknown }).mode;
  if (mode === undefined) return DEFAULT_MODE;
  if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0o777) {
    throw new TypeError(`fileSessionStore: option "options.mode" must be permission bits between 0 and 0o777, got ${describe(mode)}`);
  }
  return mode;
}

/** The stored form: the session's own fields, nothing else. */
function idsOnly(session: VisitorSession): VisitorSession {
  return { visitorId: session.visitorId, sessionId: session.sessionId, pageId: session.pageId, confirmedAt: session.confirmedAt };
}

function emptyRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

function describe(u: unknown): string {
  if (u === null) return 'null';
  if (u === undefined) return 'nothing';
  if (Array.isArray(u)) return 'an array';
  if (typeof u === 'string') return u.length === 0 ? 'an empty string' : 'a string';
  if (typeof u === 'number') return Number.isInteger(u) ? `the number ${u}` : 'a number';
  return typeof u === 'object' ? 'an object' : `a ${typeof u}`;
}
