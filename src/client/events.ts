/**
 * Telemetry of a client: what each check is doing, for progress displays and
 * logs. Events never carry SDE contents, section names or other personal
 * data: requests are summarized by counts and attribute types.
 *
 * @packageDocumentation
 */
import type { EngagementError, EngagementErrorKind, Operation } from '../errors';
import type { Engagement, NormalizedRequest } from '../model';

/**
 * A personal-data-free summary of a request.
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
 * @since 0.1.0
 * @category Check core
 */
export interface ErrorSummary {
  readonly kind: EngagementErrorKind;
  readonly operation?: Operation;
  readonly status?: number;
  readonly internalCode?: number;
}

/**
 * Everything a client reports on `events$`. `check` numbers the checks of a
 * client (1, 2, …); `at` is the scheduler's clock in ms. A reporter has
 * events of its own (`ReportEvent`).
 *
 * @example
 * ```ts
 * client.events$.subscribe((e: ClientEvent) => {
 *   if (e.type === 'retryScheduled') console.log(`retry in ${e.delayMs} ms (${e.reason})`);
 * });
 * ```
 * @since 0.1.0
 * @category Check core
 */
export type ClientEvent =
  | { readonly type: 'attemptStarted'; readonly check: number; readonly attempt: number; readonly at: number; readonly request: RequestSummary }
  | { readonly type: 'attemptFailed'; readonly check: number; readonly attempt: number; readonly at: number; readonly error: ErrorSummary }
  | { readonly type: 'retryScheduled'; readonly check: number; readonly attempt: number; readonly at: number; readonly delayMs: number; readonly reason: string }
  | { readonly type: 'gaveUp'; readonly check: number; readonly attempts: number; readonly at: number; readonly reason: string; readonly error: ErrorSummary }
  | { readonly type: 'succeeded'; readonly check: number; readonly attempts: number; readonly at: number; readonly status: Engagement['status'] }
  | { readonly type: 'sessionChanged'; readonly at: number; readonly change: 'restored' | 'confirmed' | 'replaced' | 'reset' }
  | { readonly type: 'warning'; readonly at: number; readonly code: WarningCode; readonly message: string };

/**
 * What one check tells its `onProgress` callback (see `CheckOptions`): the
 * client's `attemptStarted`, `attemptFailed` and `retryScheduled` events of
 * that check.
 *
 * @example
 * ```ts
 * const onProgress = (p: CheckProgress) => console.log(p.type, p.attempt);
 * ```
 * @since 0.2.0
 * @category Check core
 */
export type CheckProgress = Extract<ClientEvent, { readonly type: 'attemptStarted' | 'attemptFailed' | 'retryScheduled' }>;

/**
 * The `code` of a client's `warning` event: the session store could not be
 * read or written (the client goes on in memory).
 * @since 0.1.0
 */
export type WarningCode = 'sessionStoreUnreadable' | 'sessionStoreWriteFailed';

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
