/**
 * Telemetry of a client: what each check is doing, for progress displays and
 * logs. Events never carry SDE contents, section names or other personal
 * data: requests are summarized by counts and attribute types.
 *
 * @packageDocumentation
 */
import type { EngagementError, EngagementErrorKind, Operation, ValidationIssue } from '../errors';
import type { NormalizedRequest } from '../model';

/**
 * A personal-data-free summary of a request.
 *
 * @example
 * ```ts
 * const summary: RequestSummary = { hasVisitorId: true, hasSessionId: true, sections: 2, attributeTypes: ['cart'] };
 * ```
 * @since 0.1.0
 */
export interface RequestSummary {
  readonly hasVisitorId: boolean;
  readonly hasSessionId: boolean;
  readonly sections: number;
  readonly attributeTypes: ReadonlyArray<string>;
}

/**
 * A personal-data-free summary of an error.
 *
 * @example
 * ```ts
 * const summary: ErrorSummary = { kind: 'http', operation: 'createSession', status: 503 };
 * ```
 * @since 0.1.0
 */
export interface ErrorSummary {
  readonly kind: EngagementErrorKind;
  readonly operation?: Operation;
  readonly status?: number;
  readonly internalCode?: number;
}

/**
 * Everything a client reports on `events$`. `check` numbers the checks of a
 * client (1, 2, …); `at` is the scheduler's clock in ms. The `report*` and
 * `outboxOverflow` events follow `report`/`reportFrom` (Update Session):
 * they carry counts, types, statuses and field paths, never the reported
 * values.
 *
 * @example
 * ```ts
 * client.events$.subscribe((e: ClientEvent) => {
 *   if (e.type === 'retryScheduled') console.log(`retry in ${e.delayMs} ms (${e.reason})`);
 * });
 * ```
 * @since 0.1.0
 */
export type ClientEvent =
  | { readonly type: 'attemptStarted'; readonly check: number; readonly attempt: number; readonly at: number; readonly request: RequestSummary }
  | { readonly type: 'attemptFailed'; readonly check: number; readonly attempt: number; readonly at: number; readonly error: ErrorSummary }
  | { readonly type: 'retryScheduled'; readonly check: number; readonly attempt: number; readonly at: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'gaveUp'; readonly check: number; readonly attempts: number; readonly at: number; readonly reason: string; readonly error: ErrorSummary }
  | { readonly type: 'succeeded'; readonly check: number; readonly attempts: number; readonly at: number; readonly status: 'Available' | 'NotAvailable' }
  | { readonly type: 'sessionChanged'; readonly at: number; readonly change: 'restored' | 'confirmed' | 'replaced' | 'reset' }
  | { readonly type: 'warning'; readonly at: number; readonly code: WarningCode; readonly message: string }
  // Reporting (Update Session): counts and types only, never contents.
  | { readonly type: 'reportQueued'; readonly at: number; readonly attributes: number; readonly impressions: number; readonly pending: number }
  | {
      readonly type: 'reportDelivered';
      readonly at: number;
      /** Numbers the Update Session calls of a client (1, 2, …). */
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
  | { readonly type: 'outboxOverflow'; readonly at: number; readonly dropped: number; readonly compacted: number; readonly pending: number; readonly maxOutbox: number };

/**
 * The `code` of a `warning` event: a store that cannot be read or written
 * (the client goes on in memory), or a `reportFrom` source that failed.
 *
 * @example
 * ```ts
 * client.events$.subscribe((e) => {
 *   if (e.type === 'warning' && e.code === 'outboxStoreWriteFailed') console.warn(e.message);
 * });
 * ```
 * @since 0.1.0
 */
export type WarningCode = 'sessionStoreUnreadable' | 'sessionStoreWriteFailed' | 'outboxStoreUnreadable' | 'outboxStoreWriteFailed' | 'reportSourceFailed';

/** @internal */
export function summarizeRequest(request: NormalizedRequest, ids: { vid?: string; sid?: string }): RequestSummary {
  return {
    hasVisitorId: ids.vid !== undefined,
    hasSessionId: ids.sid !== undefined,
    sections: request.consumerSections?.length ?? 0,
    attributeTypes: (request.engagementAttributes ?? []).map((a) => a.type),
  };
}

/** @internal */
export function summarizeError(error: EngagementError): ErrorSummary {
  switch (error.kind) {
    case 'http':
      return {
        kind: error.kind,
        operation: error.operation,
        status: error.status,
        ...(error.internalCode === undefined ? {} : { internalCode: error.internalCode }),
      };
    case 'decode':
      return { kind: error.kind, operation: error.operation, status: error.status };
    case 'network':
    case 'timeout':
      return { kind: error.kind, operation: error.operation };
    default:
      return { kind: error.kind };
  }
}
