/**
 * Telemetry of a reporter: what its outbox and its Update Session calls are
 * doing. Events carry counts, types, statuses and field paths, never the
 * reported values.
 *
 * @packageDocumentation
 */
import type { ErrorSummary } from '../client/events';
import type { ValidationIssue } from '../errors';

/**
 * Everything a reporter tells on its `events$`; `at` is the client's
 * scheduler clock in ms.
 *
 * @example
 * ```ts
 * reporter.events$.subscribe((e: ReportEvent) => {
 *   if (e.type === 'reportDeferred') console.log(`${e.items} reports wait ${e.delayMs} ms`);
 * });
 * ```
 * @since 0.2.0
 * @category Reporting
 */
export type ReportEvent =
  | { readonly type: 'reportQueued'; readonly at: number; readonly attributes: number; readonly impressions: number; readonly pending: number }
  | {
      readonly type: 'reportDelivered';
      readonly at: number;
      /** Numbers the Update Session calls of a reporter (1, 2, …). */
      readonly batch: number;
      /** Reported items the call delivered (before coalescing). */
      readonly items: number;
      /** Attributes and impressions in the body (after coalescing). */
      readonly attributes: number;
      readonly impressions: number;
      readonly attempts: number;
      readonly pending: number;
    }
  | {
      readonly type: 'reportRejected';
      readonly at: number;
      /** `server`: a 4xx answer parked the batch; `validation`: `reportFrom` met an invalid item (nothing was queued). */
      readonly source: 'server' | 'validation';
      readonly items: number;
      /** Known attribute and impression types among the items. */
      readonly types: ReadonlyArray<string>;
      readonly reason: string;
      readonly batch?: number;
      readonly status?: number;
      /** Where each invalid item failed (`[0].info.balance`), for `validation`. */
      readonly issues?: ReadonlyArray<ValidationIssue>;
    }
  | {
      readonly type: 'reportDeferred';
      readonly at: number;
      readonly batch: number;
      readonly items: number;
      readonly attempts: number;
      /** The next delivery round starts after this wait; the items stay in the outbox. */
      readonly delayMs: number;
      readonly error: ErrorSummary;
    }
  | { readonly type: 'outboxOverflow'; readonly at: number; readonly dropped: number; readonly compacted: number; readonly pending: number; readonly maxOutbox: number }
  | { readonly type: 'warning'; readonly at: number; readonly code: ReportWarningCode; readonly message: string };

/**
 * The `code` of a reporter's `warning` event: the outbox store could not be
 * read or written (the reporter goes on in memory), or a `reportFrom` source
 * failed.
 * @since 0.2.0
 */
export type ReportWarningCode = 'outboxStoreUnreadable' | 'outboxStoreWriteFailed' | 'reportSourceFailed';

/** A {@link ReportEvent} without its `at`. @internal */
export type UntimedReportEvent = ReportEvent extends infer E ? (E extends ReportEvent ? Omit<E, 'at'> : never) : never;

/** Gives each event the time `now()` when it is emitted. @internal */
export const timed =
  (now: () => number, emit: (event: ReportEvent) => unknown) =>
  (event: UntimedReportEvent): unknown =>
    emit({ ...event, at: now() } as ReportEvent);
