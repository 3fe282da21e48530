/**
 * An outbox store in one JSON file, so reports survive process restarts
 * (CLIs, workers, server-side jobs). Node only.
 *
 * @packageDocumentation
 */
import { accountJsonFile } from './account-json-file';
import type { OutboxStore } from '../report/outbox-store';

/**
 * Options of {@link fileOutboxStore}.
 * @since 0.1.0
 * @category Node
 */
export interface FileOutboxStoreOptions {
  /**
   * Permission bits of the file (POSIX; before the umask). Default `0o600`:
   * only the owner reads the reports, which can hold personal data.
   */
  readonly mode?: number;
}

/**
 * An {@link OutboxStore} in one JSON file holding `{ [accountId]: outbox }`.
 *
 * **Personal data.** Engagement attributes can hold personal data (names,
 * emails, phone numbers, customer ids). This file keeps every reported item
 * until the server accepted it; delivered items are removed from it, and an
 * account's entry is removed once its outbox is empty. The file is created
 * with mode `0o600` by default.
 *
 * - Synchronous `node:fs` calls, as the interface is synchronous. Nothing is
 *   cached: every `load` reads the file.
 * - A missing or empty file means no outbox. `load` never throws for bad
 *   contents: it returns what the file holds for the account (validated by
 *   the reporter), or the raw text when the file is not a JSON object.
 * - `save` and `clear` are atomic: the whole file is written to a temporary
 *   file in the same folder, flushed, then renamed over the old one. Missing
 *   folders are created; the other accounts' entries are kept.
 * - One live reporter per account and file: two writers keep the last write.
 * - I/O failures are rethrown; the reporter turns them into warnings
 *   (`outboxStoreUnreadable`, `outboxStoreWriteFailed`) and goes on in memory.
 *
 * @param path - the JSON file, resolved against the current directory when
 *   the store is created. Use a different file from the session store's.
 * @param options - see {@link FileOutboxStoreOptions}.
 * @throws TypeError when `path` is not a non-empty string or `options` is
 *   not a valid options object (a programming error, reported at once).
 *
 * @example
 * ```ts
 * import { createEngagementClient, createReporter } from 'engagement-rx';
 * import { fileOutboxStore, fileSessionStore } from 'engagement-rx/node';
 *
 * const client = createEngagementClient({
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net',
 *   session: fileSessionStore('.cache/engagement-sessions.json'),
 * });
 * const reporter = createReporter(client, { outbox: fileOutboxStore('.cache/engagement-outbox.json') });
 * ```
 * @since 0.1.0
 * @category Node
 */
export function fileOutboxStore(path: string, options?: FileOutboxStoreOptions): OutboxStore {
  return accountJsonFile('fileOutboxStore', path, options);
}
