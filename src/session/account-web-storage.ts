/**
 * One Web Storage key per account (`{prefix}{accountId}`), JSON-serialized.
 * Shared by the Web Storage session store and the Web Storage outbox store.
 * Browser-safe: the storage is typed structurally, no DOM globals are read.
 *
 * @internal
 */
/**
 * The three methods of the DOM `Storage` interface the store uses. Both
 * `window.localStorage` and `window.sessionStorage` fit, and so does a tiny
 * in-memory object in tests or non-browser runtimes.
 *
 * @example
 * ```ts
 * const map = new Map<string, string>();
 * const storage: WebStorageLike = {
 *   getItem: (key) => map.get(key) ?? null,
 *   setItem: (key, value) => void map.set(key, value),
 *   removeItem: (key) => void map.delete(key),
 * };
 * ```
 * @since 0.1.0
 * @category Sessions
 */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A synchronous key-value view of a Web Storage, keyed by account id. */
export interface AccountWebStorage {
  /** The parsed value; the raw text when it is not JSON; `undefined` when absent. */
  load(accountId: string): unknown;
  save(accountId: string, value: unknown): void;
  clear(accountId: string): void;
}

/**
 * Checks the arguments (a programming error throws a TypeError naming
 * `owner`'s parameter) and returns the view. What the storage throws (a full
 * quota, disabled storage) is rethrown to the client, which reports it.
 */
export function accountWebStorage(owner: string, storage: unknown, options: unknown, defaultPrefix: string, example: string): AccountWebStorage {
  if (!isStorageLike(storage)) {
    throw new TypeError(
      `${owner}: parameter "storage" must have getItem, setItem and removeItem methods (a Web Storage such as ${example}), got ${describeStorage(storage)}`,
    );
  }
  const prefix = readPrefix(owner, options, defaultPrefix);
  const keyOf = (accountId: string): string => `${prefix}${accountId}`;
  return {
    load: (accountId) => {
      const raw = storage.getItem(keyOf(accountId));
      if (raw === null || raw === undefined) return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        return raw;
      }
    },
    save: (accountId, value) => storage.setItem(keyOf(accountId), JSON.stringify(value)),
    clear: (accountId) => storage.removeItem(keyOf(accountId)),
  };
}

function isStorageLike(u: unknown): u is WebStorageLike {
  if ((typeof u !== 'object' && typeof u !== 'function') || u === null) return false;
  const s = u as Record<string, unknown>;
  return typeof s['getItem'] === 'function' && typeof s['setItem'] === 'function' && typeof s['removeItem'] === 'function';
}

function readPrefix(owner: string, options: unknown, defaultPrefix: string): string {
  if (options === undefined) return defaultPrefix;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${owner}: parameter "options" must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'prefix') throw new TypeError(`${owner}: unknown option "options.${key}" (expected prefix)`);
  }
  const prefix = (options as { prefix?: unknown }).prefix;
  if (prefix === undefined) return defaultPrefix;
  if (typeof prefix !== 'string') throw new TypeError(`${owner}: option "options.prefix" must be a string, got ${describe(prefix)}`);
  return prefix;
}

function describeStorage(u: unknown): string {
  return (typeof u === 'object' || typeof u === 'function') && u !== null && !Array.isArray(u) ? 'an object without them' : describe(u);
}

function describe(u: unknown): string {
  if (u === null) return 'null';
  if (u === undefined) return 'nothing';
  if (Array.isArray(u)) return 'an array';
  return typeof u === 'object' ? 'an object' : `a ${typeof u}`;
}
