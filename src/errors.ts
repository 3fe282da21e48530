/**
 * The typed failures of engagement-rx. Expected failures never throw: they
 * arrive as the `Left` of an `Either`.
 *
 * @packageDocumentation
 */

/**
 * One reason a value was refused: where (`path`, such as `appDetails.ipAddress`
 * or `engagementAttributes[2]`) and why. Never carries the refused value itself,
 * only its kind, so personal data is never echoed.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = {
 *   path: 'appDetails.deviceFamily',
 *   reason: 'expected one of DESKTOP, TABLET, MOBILE, got a string',
 * };
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface ValidationIssue {
  /** Dotted path of the field, with `[i]` for array items; `(value)` for the whole value. */
  readonly path: string;
  /** What was expected and what kind of value came instead. */
  readonly reason: string;
}

/**
 * Which request a failure belongs to.
 *
 * - `createSession`: the getEngagement call itself;
 * - `csds`: the domain lookup that finds the engagement host;
 * - `updateSession`: reporting attributes and impressions on a session;
 * - `monitorEngagement`: the Monitoring API's engagement call (a check with `engagement-rx/monitoring`);
 * - `monitorReport`: the Monitoring API's report call.
 * @since 0.1.0
 * @category Errors
 */
export type Operation = 'createSession' | 'csds' | 'updateSession' | 'monitorEngagement' | 'monitorReport';

/**
 * The input was refused before any request was sent.
 *
 * @example
 * ```ts
 * if (error.kind === 'validation') error.issues.forEach((i) => console.log(i.path, i.reason));
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface ValidationError {
  readonly kind: 'validation';
  readonly message: string;
  readonly issues: ReadonlyArray<ValidationIssue>;
}

/**
 * The server answered with a non-2xx status. `internalCode` and `serverMessage`
 * come from LivePerson's error body `{ time, message, internalCode }` when it
 * has one. `visitorId` is set when a "Loading account" message names the
 * visitor the server created (`..., vid: X`), so a retry can reuse it.
 *
 * @example
 * ```ts
 * if (error.kind === 'http' && error.status === 500 && error.internalCode === 20) {
 *   // the account is loading on the server side: retry later with error.visitorId
 * }
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface HttpError {
  readonly kind: 'http';
  readonly message: string;
  readonly operation: Operation;
  readonly status: number;
  readonly internalCode?: number;
  /**
   * The server's `message`, safe to log: one line, at most 300 characters,
   * emails and phone-like numbers masked.
   */
  readonly serverMessage?: string;
  /** The server's `message` exactly as it came: it may hold personal data, line breaks, any length. Do not log it. */
  readonly rawServerMessage?: string;
  readonly serverTime?: number;
  /** The raw `Retry-After` header (seconds or an HTTP date), when the server sent one. */
  readonly retryAfter?: string;
  /** The visitor id named by a "Loading account: …, vid: X" message. */
  readonly visitorId?: string;
  /**
   * For a redirect (3xx, never followed), the origin it pointed to, when
   * known (a browser hides it): nothing was sent there.
   */
  readonly redirectOrigin?: string;
}

/**
 * The server answered 2xx but the body is not what the protocol says
 * (invalid JSON, or a JSON value that does not match the response codec).
 *
 * @example
 * ```ts
 * if (error.kind === 'decode') console.log(error.issues.map((i) => i.path));
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface DecodeError {
  readonly kind: 'decode';
  readonly message: string;
  readonly operation: Operation;
  readonly status: number;
  readonly issues: ReadonlyArray<ValidationIssue>;
}

/**
 * The request never got an HTTP answer: DNS, refused or reset connection,
 * a body cut short.
 *
 * @example
 * ```ts
 * if (error.kind === 'network') console.log(error.cause); // e.g. "ECONNRESET"
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface NetworkError {
  readonly kind: 'network';
  readonly message: string;
  readonly operation: Operation;
  /** The error's name or code, never its full text (which can hold URLs with ids). */
  readonly cause: string;
}

/**
 * One attempt took longer than its budget (headers and body together) and was aborted.
 *
 * @example
 * ```ts
 * if (error.kind === 'timeout') console.log(`gave up after ${error.timeoutMs} ms`);
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface TimeoutError {
  readonly kind: 'timeout';
  readonly message: string;
  readonly operation: Operation;
  readonly timeoutMs: number;
}

/**
 * The domain lookup (CSDS) answered, but listed none of the services asked for.
 *
 * @example
 * ```ts
 * if (error.kind === 'discovery') console.log(error.services); // ['msdkgw', 'smt']
 * ```
 * @since 0.1.0
 * @category Errors
 */
export interface DiscoveryError {
  readonly kind: 'discovery';
  readonly message: string;
  readonly services: ReadonlyArray<string>;
}

/**
 * The check was cancelled by its caller's `AbortSignal` (see
 * `checkEngagement`) before it had an answer: the request in flight was
 * aborted and no retry is left waiting. `reason` is the name of the signal's
 * reason when it is an error (`AbortError`, `TimeoutError` for
 * `AbortSignal.timeout`), `AbortError` otherwise; never the reason's text.
 *
 * @example
 * ```ts
 * if (error.kind === 'aborted' && error.reason === 'TimeoutError') console.log('no answer in time');
 * ```
 * @since 0.2.0
 * @category Errors
 */
export interface AbortedError {
  readonly kind: 'aborted';
  readonly message: string;
  readonly reason: string;
}

/**
 * A shared store (the visitor sessions or the outbox of several instances,
 * such as `engagement-rx/redis`) could not be used: a check could not read
 * its visitor's session, or a report could not be queued. `operation` says
 * which step failed; `cause` is the store's error name or code (never a
 * value it held).
 *
 * @example
 * ```ts
 * if (error.kind === 'store') console.log(`${error.operation} failed: ${error.cause}`); // e.g. "load failed: ECONNREFUSED"
 * ```
 * @since 0.2.0
 * @category Errors
 */
export interface StoreError {
  readonly kind: 'store';
  /** The step that failed: reading the session, claiming a visitor's first check, or queueing a report. */
  readonly operation: 'load' | 'claim' | 'enqueue';
  readonly cause: string;
  readonly message: string;
}

/**
 * Every expected failure of engagement-rx, discriminated by `kind`.
 *
 * @example
 * ```ts
 * import { describeError, type EngagementError } from 'engagement-rx';
 *
 * function show(error: EngagementError): string {
 *   switch (error.kind) {
 *     case 'validation': return `fix your request: ${error.issues.map((i) => i.path).join(', ')}`;
 *     case 'http': return `server said ${error.status}`;
 *     default: return describeError(error);
 *   }
 * }
 * ```
 * @since 0.1.0
 * @category Errors
 */
export type EngagementError =
  | ValidationError
  | HttpError
  | DecodeError
  | NetworkError
  | TimeoutError
  | DiscoveryError
  | AbortedError
  | StoreError;

/**
 * The kinds of {@link EngagementError}.
 * @since 0.1.0
 * @category Errors
 */
export type EngagementErrorKind = EngagementError['kind'];

/**
 * A one-line, human-readable account of an error, safe to log: it names
 * fields, statuses and kinds, never values a user supplied; server text in
 * it is the error's `serverMessage` (one line, bounded, emails and
 * phone-like numbers masked), never the raw one.
 *
 * @example
 * ```ts
 * describeError({ kind: 'timeout', operation: 'createSession', timeoutMs: 5000, message: 'x' });
 * // => "timeout: createSession took longer than 5000 ms"
 * ```
 * @since 0.1.0
 * @category Errors
 */
export function describeError(error: EngagementError): string {
  switch (error.kind) {
    case 'validation':
      return `validation: ${error.issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}`;
    case 'http':
      return `http ${error.status}${error.internalCode === undefined ? '' : ` (internalCode ${error.internalCode})`} on ${error.operation}${error.serverMessage === undefined ? '' : `: ${error.serverMessage}`}`;
    case 'decode':
      return `decode: unexpected ${error.operation} response (${error.issues.map((i) => `${i.path}: ${i.reason}`).join('; ')})`;
    case 'network':
      return `network: ${error.operation} failed (${error.cause})`;
    case 'timeout':
      return `timeout: ${error.operation} took longer than ${error.timeoutMs} ms`;
    case 'discovery':
      return `discovery: the domain lookup listed none of ${error.services.join(', ')}`;
    case 'aborted':
      return `aborted: the check was cancelled (${error.reason})`;
    case 'store':
      return `store: ${error.operation} failed (${error.cause})`;
  }
}

/** @internal */
export function withValidationError<A>(result: { readonly _tag: 'Left'; readonly left: ReadonlyArray<ValidationIssue> } | { readonly _tag: 'Right'; readonly right: A }):
  | { readonly _tag: 'Left'; readonly left: ValidationError }
  | { readonly _tag: 'Right'; readonly right: A } {
  return result._tag === 'Left' ? { _tag: 'Left', left: validationError(result.left) } : result;
}

/** @internal */
export function validationError(issues: ReadonlyArray<ValidationIssue>): ValidationError {
  return {
    kind: 'validation',
    issues,
    message: `invalid input: ${issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}`,
  };
}

/**
 * A {@link StoreError} for what a store threw or rejected with: its `code`
 * (`ECONNREFUSED`), else its `name`, else `unknown`; never its message,
 * which may quote stored values. @internal
 */
export function storeError(operation: StoreError['operation'], thrown: unknown, what?: string): StoreError {
  const cause = what ?? storeCause(thrown);
  return { kind: 'store', operation, cause, message: `the store could not ${operation === 'load' ? 'read the visitor session' : operation === 'claim' ? "claim the visitor's first check" : 'queue the report'} (${cause})` };
}

/** The `cause` of a {@link StoreError} for what a store threw: its code, else its name, else `unknown`. @internal */
export function storeCause(thrown: unknown): string {
  try {
    const t = thrown as { code?: unknown; name?: unknown } | null | undefined;
    const pick = typeof t?.code === 'string' && /^[\w.-]{1,40}$/.test(t.code) ? t.code : typeof t?.name === 'string' && /^[\w.-]{1,40}$/.test(t.name) ? t.name : undefined;
    return pick ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
