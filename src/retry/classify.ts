/**
 * Which failed outcomes are retried, and why: a pure function of the error
 * and the policy's `retryOn`.
 *
 * @packageDocumentation
 */
import type { EngagementError, EngagementErrorKind } from '../errors';
import { LOADING_ACCOUNT_CODE } from '../codecs/error-body';
import type { RetryOn, StatusPattern } from './policy';

/**
 * The error kinds that are never retried, whatever the policy says: the
 * request or the answer is wrong, and asking again gives the same result.
 * @since 0.1.0
 */
export const NEVER_RETRIED: ReadonlyArray<EngagementErrorKind> = Object.freeze(['validation', 'decode', 'discovery'] as const);

/**
 * The verdict on one failure: retryable or not, with a short reason that
 * names the status or kind (never a value a user supplied). `rateLimited`
 * marks a 429, which waits at least the policy's `minDelayOn429Ms`.
 * @since 0.1.0
 */
export type Classification =
  | { readonly retryable: true; readonly rateLimited: boolean; readonly reason: string }
  | { readonly retryable: false; readonly reason: string };

/**
 * Whether `status` matches one of `patterns` (`429`, `'5xx'`...).
 * @since 0.1.0
 */
export const statusMatches = (status: number, patterns: ReadonlyArray<StatusPattern>): boolean =>
  patterns.some((p) => p === status || p === `${Math.floor(status / 100)}xx`);

/**
 * Decides whether a failure may be retried under `retryOn`. `validation`,
 * `decode` and `discovery` errors never are.
 * @since 0.1.0
 */
export function classifyError(error: EngagementError, retryOn: RetryOn): Classification {
  const verdict = (retryable: boolean, reason: string, refusal: string): Classification =>
    retryable ? { retryable, rateLimited: error.kind === 'http' && error.status === 429, reason } : { retryable, reason: refusal };
  switch (error.kind) {
    case 'http': {
      const { status, internalCode } = error;
      const what =
        status === 500 && internalCode === LOADING_ACCOUNT_CODE
          ? 'http 500 (Loading account, internalCode 20)'
          : `http ${status}${internalCode === undefined ? '' : ` (internalCode ${internalCode})`}`;
      return verdict(statusMatches(status, retryOn.statuses), what, `${what} is not in retryOn.statuses`);
    }
    case 'network':
      return verdict(retryOn.network, `network (${error.cause})`, 'network errors are off in retryOn.network');
    case 'timeout':
      return verdict(retryOn.timeout, `timeout after ${error.timeoutMs} ms`, 'timeouts are off in retryOn.timeout');
    default:
      return { retryable: false, reason: `${error.kind} errors are never retried` };
  }
}
