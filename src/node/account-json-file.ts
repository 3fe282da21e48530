/**
 * One JSON file holding a value per account (`{ [accountId]: value }`),
 * read and written synchronously, written atomically (a temporary file in
 * the same folder, flushed, then renamed over the old one). Shared by the
 * file session store and the file outbox store.
 *
 * @internal
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const DEFAULT_MODE = 0o600;

/** The file's entries, or the raw text of a file that is not a JSON object. */
type Contents = { readonly kind: 'entries'; readonly entries: Record<string, unknown> } | { readonly kind: 'unreadable'; readonly text: string };

/** A synchronous key-value view of the file, keyed by account id. */
export interface AccountJsonFile {
  /** The account's value; the raw text when the file is not a JSON object; `undefined` when absent. */
  load(accountId: string): unknown;
  save(accountId: string, value: unknown): void;
  clear(accountId: string): void;
}

/**
 * Opens (lazily: nothing is read until the first call) the file at `path`.
 * `owner` names the public factory in the TypeErrors thrown for bad arguments.
 */
export function accountJsonFile(owner: string, path: unknown, options: unknown, pretty = false): AccountJsonFile {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`${owner}: parameter "path" must be a non-empty file path, got ${describe(path)}`);
  }
  const mode = readMode(owner, options);
  const file = resolve(path);
  removeLeftovers(file);
  const write = (entries: Record<string, unknown>): void => writeAtomically(file, `${JSON.stringify(entries, null, pretty ? 2 : undefined)}\n`, mode);
  return {
    load: (accountId) => {
      const contents = read(file);
      if (contents === undefined) return undefined;
      if (contents.kind === 'unreadable') return contents.text;
      return hasOwn(contents.entries, accountId) ? contents.entries[accountId] : undefined;
    },
    // Read, change, write: under the file's lock, so two processes sharing the file (one account each)
    // never write over each other's entries.
    save: (accountId, value) =>
      locked(owner, file, mode, () => {
        const contents = read(file);
        const entries = contents?.kind === 'entries' ? contents.entries : emptyRecord();
        entries[accountId] = value;
        write(entries);
      }),
    clear: (accountId) =>
      locked(owner, file, mode, () => {
        const contents = read(file);
        // Nothing to forget: no file, an unreadable file, or no entry for the account.
        if (contents?.kind !== 'entries' || !hasOwn(contents.entries, accountId)) return;
        delete contents.entries[accountId];
        write(contents.entries);
      }),
  };
}

/** How long a save waits for another process's lock before it fails (the lock is held for one write). */
const LOCK_WAIT_MS = 5_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether process `pid` is running (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Runs `change` holding `{file}.lock`, a file created exclusively that names
 * its process. A lock whose process is gone (killed mid-write) is taken
 * over; a live one is waited for, up to {@link LOCK_WAIT_MS}.
 */
function locked(owner: string, file: string, mode: number, change: () => void): void {
  const lock = `${file}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', mode);
      try {
        writeSync(fd, String(process.pid));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as { code?: unknown }).code !== 'EEXIST') throw e;
    }
    const holder = Number(readQuietly(lock));
    if (staleLock(lock, holder)) {
      unlinkQuietly(lock);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${owner}: ${basename(lock)} is held by process ${holder} for more than ${LOCK_WAIT_MS} ms`);
    Atomics.wait(pause, 0, 0, 2); // a synchronous 2 ms pause: the store interface is synchronous
  }
  try {
    change();
  } finally {
    unlinkQuietly(lock);
  }
}

/**
 * Removes what a process killed mid-write left next to the file: its
 * temporary copies (`.{name}.{pid}.….tmp`, full copies of the store, so
 * possibly personal data) and its lock, when that process is gone.
 */
function removeLeftovers(file: string): void {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // no folder yet: nothing left over
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length).split('.')[0]) : NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) unlinkQuietly(join(dir, name));
  }
  const lock = `${file}.lock`;
  if (staleLock(lock, Number(readQuietly(lock)))) unlinkQuietly(lock);
}

/** A lock held for one write is stale when its process is gone, or when it is older than any write takes (a reused pid, a holder killed before it wrote its pid). */
function staleLock(lock: string, holder: number): boolean {
  if (Number.isInteger(holder) && holder > 0 && !alive(holder)) return true;
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false; // gone already: the next attempt takes it
  }
}

/** Older than this, a lock is stale whatever it says. */
const STALE_LOCK_MS = 30_000;

function readQuietly(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** The file's entries; `undefined` when the file does not exist. I/O errors other than a missing file are thrown. */
function read(file: string): Contents | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'ENOENT') return undefined;
    throw e;
  }
  if (text.trim() === '') return { kind: 'entries', entries: emptyRecord() };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return { kind: 'unreadable', text };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { kind: 'unreadable', text };
  // A prototype-free copy: an account id such as `__proto__` or `constructor` is an ordinary key.
  const entries = emptyRecord();
  for (const [k, v] of Object.entries(parsed)) entries[k] = v;
  return { kind: 'entries', entries };
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

function readMode(owner: string, options: unknown): number {
  if (options === undefined) return DEFAULT_MODE;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner}: parameter "options" must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'mode') throw new TypeError(`${owner}: unknown option "options.${key}" (expected mode)`);
  }
  const mode = (options as { mode?: unknown }).mode;
  if (mode === undefined) return DEFAULT_MODE;
  if (typeof mode !== 'number' || !Number.isInteger(mode) || mode < 0 || mode > 0o777) {
    throw new TypeError(`${owner}: option "options.mode" must be permission bits between 0 and 0o777, got ${describe(mode)}`);
  }
  return mode;
}

function emptyRecord(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function hasOwn(record: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function describe(u: unknown): string {
  if (u === null) return 'null';
  if (u === undefined) return 'nothing';
  if (Array.isArray(u)) return 'an array';
  if (typeof u === 'string') return u.length === 0 ? 'an empty string' : 'a string';
  if (typeof u === 'number') return Number.isInteger(u) ? `the number ${u}` : 'a number';
  return typeof u === 'object' ? 'an object' : `a ${typeof u}`;
}
