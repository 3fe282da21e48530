/**
 * The demo's panel of attempts and retries: one line per client event, and
 * running totals. Pure.
 *
 * @packageDocumentation
 */
import type { ClientEvent, ErrorSummary, ReportEvent } from '../../index';

/**
 * How a line looks: `info` (an attempt), `warn` (a failure that will be
 * retried), `error` (given up), `ok` (an answer).
 * @since 0.1.0
 */
export type LogTone = 'info' | 'warn' | 'error' | 'ok';

/**
 * One line of the panel.
 * @since 0.1.0
 */
export interface LogLine {
  readonly kind: (ClientEvent | ReportEvent)['type'];
  readonly tone: LogTone;
  readonly text: string;
}

/**
 * Running totals of the panel.
 * @since 0.1.0
 */
export interface LogTotals {
  readonly checks: number;
  readonly attempts: number;
  readonly retries: number;
  readonly failures: number;
}

/**
 * Totals before any event.
 *
 * @example
 * ```ts
 * tally(NO_TOTALS, event);
 * ```
 * @since 0.1.0
 */
export const NO_TOTALS: LogTotals = Object.freeze({ checks: 0, attempts: 0, retries: 0, failures: 0 });

/**
 * A failure in a few words: `HTTP 500 (internalCode 20)`, `network error`, `timeout`
 * (internalCode 0, "no documented code", is left out).
 *
 * @example
 * ```ts
 * describeFailure({ kind: 'http', operation: 'createSession', status: 500, internalCode: 20 }); // 'HTTP 500 (internalCode 20)'
 * ```
 * @since 0.1.0
 */
export function describeFailure(error: ErrorSummary): string {
  switch (error.kind) {
    case 'http':
      return `HTTP ${error.status ?? '?'}${error.internalCode === undefined || error.internalCode === 0 ? '' : ` (internalCode ${error.internalCode})`}`;
    case 'network':
      return 'network error (no answer)';
    case 'timeout':
      return 'timeout';
    case 'decode':
      return `unreadable answer (HTTP ${error.status ?? '?'})`;
    default:
      return `${error.kind} error`;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * The line of an event, or `undefined` for events the panel does not show.
 *
 * @example
 * ```ts
 * describeEvent({ type: 'retryScheduled', check: 2, attempt: 1, at: 0, delayMs: 1000, reason: 'backoff: http 503' });
 * // { kind: 'retryScheduled', tone: 'warn', text: 'Check 2 · retry in 1.0 s (backoff)' }
 * ```
 * @since 0.1.0
 */
export function describeEvent(event: ClientEvent | ReportEvent): LogLine | undefined {
  switch (event.type) {
    case 'attemptStarted': {
      const r = event.request;
      const sdes = r.attributeTypes.length === 0 ? '' : `, SDEs: ${r.attributeTypes.join(', ')}`;
      const visitor = r.hasVisitorId ? 'known visitor' : 'new visitor';
      return { kind: event.type, tone: 'info', text: `Check ${event.check} · attempt ${event.attempt} sent (${visitor}${sdes})` };
    }
    case 'attemptFailed':
      return { kind: event.type, tone: 'warn', text: `Check ${event.check} · attempt ${event.attempt} failed: ${describeFailure(event.error)}` };
    case 'retryScheduled': {
      const code = event.reason.split(':')[0] ?? 'backoff';
      return { kind: event.type, tone: 'warn', text: `Check ${event.check} · retry in ${seconds(event.delayMs)} (${code})` };
    }
    case 'gaveUp': {
      const code = event.reason.split(':')[0] ?? '';
      return { kind: event.type, tone: 'error', text: `Check ${event.check} · gave up after ${event.attempts} attempt${event.attempts === 1 ? '' : 's'} (${code})` };
    }
    case 'succeeded':
      return {
        kind: event.type,
        tone: 'ok',
        text: `Check ${event.check} · answered ${event.status} after ${event.attempts} attempt${event.attempts === 1 ? '' : 's'}`,
      };
    case 'sessionChanged':
      return event.change === 'replaced' || event.change === 'reset'
        ? { kind: event.type, tone: 'info', text: event.change === 'replaced' ? 'New visitor session' : 'Visitor session reset' }
        : undefined;
    case 'reportQueued': {
      const n = event.attributes + event.impressions;
      return { kind: event.type, tone: 'info', text: `Reported ${n} item${n === 1 ? '' : 's'} (${event.pending} waiting in the outbox)` };
    }
    case 'reportDelivered':
      return {
        kind: event.type,
        tone: 'ok',
        text: `Update Session ${event.batch} · delivered ${event.items} item${event.items === 1 ? '' : 's'} after ${event.attempts} attempt${event.attempts === 1 ? '' : 's'}`,
      };
    case 'reportDeferred':
      return { kind: event.type, tone: 'warn', text: `Update Session ${event.batch} · failed (${describeFailure(event.error)}); next round in ${seconds(event.delayMs)}` };
    case 'reportRejected':
      return { kind: event.type, tone: 'error', text: `Report refused (${event.source}${event.status === undefined ? '' : ` ${event.status}`}): ${event.types.join(', ') || 'unknown types'}` };
    default:
      return undefined;
  }
}

/**
 * Adds an event to the totals.
 *
 * @example
 * ```ts
 * tally(NO_TOTALS, { type: 'attemptStarted', check: 1, attempt: 1, at: 0, request }).attempts; // 1
 * ```
 * @since 0.1.0
 */
export function tally(totals: LogTotals, event: ClientEvent | ReportEvent): LogTotals {
  switch (event.type) {
    case 'attemptStarted':
      return { ...totals, attempts: totals.attempts + 1, checks: event.attempt === 1 ? totals.checks + 1 : totals.checks };
    case 'attemptFailed':
      return { ...totals, failures: totals.failures + 1 };
    case 'retryScheduled':
      return { ...totals, retries: totals.retries + 1 };
    default:
      return totals;
  }
}
