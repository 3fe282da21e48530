/**
 * Where reports wait until the server accepted them: the outbox store. Like
 * the session store it is synchronous, one value per account, and the
 * reporter validates whatever it loads.
 *
 * Browser-safe: no DOM globals are touched; the storage object is passed in.
 *
 * @packageDocumentation
 */
import type { WebStorageLike } from '../session/web-storage-store';
import { accountWebStorage } from '../session/account-web-storage';
import type { StoredOutbox } from './stored-outbox';

/**
 * A synchronous home for one outbox per account. `load` may return anything
 * (the reporter validates it: garbage is ignored with an
 * `outboxStoreUnreadable` warning, never a crash). `save` is called when a
 * report is queued and before and after every Update Session; `clear` when
 * the outbox holds nothing any more. A method that throws makes the reporter
 * warn (`outboxStoreWriteFailed`) and go on in memory.
 *
 * One store key (account) should be used by one live reporter at a time: two
 * reporters writing the same key overwrite each other's outbox.
 *
 * @example
 * ```ts
 * const cache = new Map<string, unknown>(); // or any synchronous cache of the application
 * const store: OutboxStore = {
 *   load: (accountId) => cache.get(`outbox:${accountId}`),
 *   save: (accountId, outbox) => cache.set(`outbox:${accountId}`, outbox),
 *   clear: (accountId) => cache.delete(`outbox:${accountId}`),
 * };
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export interface OutboxStore {
  load(accountId: string): unknown;
  save(accountId: string, outbox: StoredOutbox): void;
  clear(accountId: string): void;
}

/**
 * An outbox store in memory: reports survive a reporter being replaced
 * within the same page or process (not a page reload). Without an `outbox`
 * option a reporter keeps its outbox in memory on its own; pass a shared
 * memory store to let a second reporter deliver what the first left.
 *
 * @example
 * ```ts
 * const outbox = memoryOutboxStore();
 * const first = createReporter(client, { outbox });
 * // later, the page replaces its client: the new reporter delivers what the first had not delivered yet
 * const next = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });
 * const second = createReporter(next, { outbox });
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export function memoryOutboxStore(): OutboxStore {
  const outboxes = new Map<string, StoredOutbox>();
  return {
    load: (accountId) => outboxes.get(accountId),
    save: (accountId, outbox) => {
      outboxes.set(accountId, outbox);
    },
    clear: (accountId) => {
      outboxes.delete(accountId);
    },
  };
}

/**
 * Options of {@link webStorageOutboxStore}.
 *
 * @since 0.1.0
 * @category Reporting
 */
export interface WebStorageOutboxStoreOptions {
  /**
   * Put before the account id to make each key. Default
   * `'engagement-rx:outbox:'`.
   */
  readonly prefix?: string;
}

const DEFAULT_PREFIX = 'engagement-rx:outbox:';

/**
 * An {@link OutboxStore} over Web Storage, so reports survive a page reload.
 * One key per account (prefix + account id) holding the outbox as JSON.
 *
 * **Personal data.** Engagement attributes can hold personal data (names,
 * emails, phone numbers, customer ids). This store keeps every reported item
 * on the device until the server accepted it; delivered items are removed
 * from the stored value, and the key itself is removed when the outbox is
 * empty.
 *
 * `sessionStorage` fits best: it survives reloads, and each tab has its own,
 * so two tabs never share (and overwrite) one outbox. With `localStorage`,
 * give each concurrently open reporter its own `prefix`.
 *
 * - `load` returns the parsed value, `undefined` when the key is absent, and
 *   the raw text when it is not JSON (ignored by the reporter with a warning).
 * - What the storage throws (a full quota, storage disabled) is rethrown;
 *   the reporter turns it into an `outboxStoreWriteFailed` warning and keeps
 *   the outbox in memory.
 *
 * @param storage - `window.sessionStorage`, `window.localStorage` or any
 *   `WebStorageLike`.
 * @param options - see {@link WebStorageOutboxStoreOptions}.
 * @throws TypeError when `storage` lacks `getItem`, `setItem` or
 *   `removeItem`, or `options` is not a valid options object (a programming
 *   error, reported when the store is created).
 *
 * @example
 * ```ts
 * import { createEngagementClient, createReporter, webStorageOutboxStore, webStorageSessionStore } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session: webStorageSessionStore(window.localStorage) });
 * const reporter = createReporter(client, { outbox: webStorageOutboxStore(window.sessionStorage) });
 * ```
 * @since 0.1.0
 * @category Reporting
 */
export function webStorageOutboxStore(storage: WebStorageLike, options?: WebStorageOutboxStoreOptions): OutboxStore {
  return accountWebStorage('webStorageOutboxStore', storage, options, DEFAULT_PREFIX, 'sessionStorage');
}
