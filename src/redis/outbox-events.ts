/**
 * What a Redis outbox tells on its `events$`: counts, types, statuses and
 * error kinds, never a visitor key, an id or an item's contents.
 *
 * @packageDocumentation
 */
import type { ErrorSummary } from '../client/events';
import type { StoreError } from '../errors';

/**
 * One event of a Redis outbox. `at` is the client's scheduler time.
 *
 * - `delivered`: the server accepted a batch and Redis removed it.
 * - `deferred`: a batch failed after the client's retries (5xx, network,
 *   timeout); it stays first in the visitor's list, due again after `delayMs`.
 * - `waitingForSession`: the visitor has no session yet (no check has
 *   succeeded); its items wait, due again after `delayMs`.
 * - `parked`: the server refused a batch (a 4xx other than 408 and 429);
 *   it is moved to the visitor's parked list and the next batch goes on.
 * - `fenced`: this instance's lease ran out before it could end it (it was
 *   frozen, or its send outlived the lease): another instance owns the visitor now and sends the
 *   batch again, so the server may have received it twice.
 * - `storeFailed`: a Redis call failed (`operation`: which step); the
 *   outbox tries again on its next poll.
 *
 * @example
 * ```ts
 * import type { RedisOutbox, RedisOutboxEvent } from 'engagement-rx/redis';
 *
 * declare const outbox: RedisOutbox; // redisOutbox(client, port)
 * outbox.events$.subscribe((e: RedisOutboxEvent) => {
 *   if (e.type === 'storeFailed') console.warn(`outbox: redis ${e.step} failed (${e.cause})`);
 * });
 * ```
 * @since 0.2.0
 * @category Redis
 */
export type RedisOutboxEvent =
  | { readonly type: 'delivered'; readonly at: number; readonly items: number; readonly attempts: number; readonly left: number }
  | { readonly type: 'deferred'; readonly at: number; readonly items: number; readonly delayMs: number; readonly error: ErrorSummary }
  | { readonly type: 'waitingForSession'; readonly at: number; readonly items: number; readonly delayMs: number }
  | { readonly type: 'parked'; readonly at: number; readonly items: number; readonly status: number; readonly reason: string }
  | { readonly type: 'fenced'; readonly at: number; readonly items: number }
  | { readonly type: 'storeFailed'; readonly at: number; readonly step: 'lease' | 'ack' | 'defer' | 'park'; readonly cause: StoreError['cause'] };
