/**
 * Pure mappings between engagement-rx and the legacy SDK's conventions:
 * the `onEngagement` payload of a check's `Either`, and a legacy request
 * object split into the request and its per-call keys (`success`, `error`,
 * `context`). No I/O, no clock (the time is a parameter).
 *
 * @packageDocumentation
 */
import { describeError, type EngagementError, type EngagementErrorKind } from '../errors';
import type { Engagement, EngagementRequest, ServerErrorBody } from '../model';
import { isLeft, left, right, type Either } from '../internal/either';
import { validateEngagementRequest } from '../validate';

/**
 * The legacy failure object of a call that got no usable server answer
 * (network, timeout, a body that is not the protocol's, a failed domain
 * lookup...). It has no `status`, like every legacy failure. `kind` and
 * `reason` are engagement-rx additions (safe to log: no personal data).
 *
 * @example
 * ```ts
 * const failure: LegacyErrorObject = {
 *   error: { message: 'getEngagement - server error', time: new Date(), originalRequest: {}, kind: 'timeout', reason: 'timeout: createSession took longer than 10000 ms' },
 * };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyErrorObject {
  readonly error: {
    readonly message: string;
    readonly time: Date;
    /** The request object the page passed (its functions are dropped from each callback's copy). */
    readonly originalRequest: unknown;
    readonly kind: EngagementErrorKind;
    readonly reason: string;
  };
}

/**
 * What `onEngagement` (and a call's `error` callback) gets for a failure,
 * as in the legacy SDK: the server's error body (`{ time, message,
 * internalCode }`) when the server sent one, else a {@link LegacyErrorObject}.
 * Neither has a `status`, so page code that retries "when there is no
 * status" keeps working.
 *
 * @example
 * ```ts
 * function isFailure(p: LegacyEngagementPayload): p is LegacyFailurePayload {
 *   return !('status' in p);
 * }
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyFailurePayload = ServerErrorBody | LegacyErrorObject;

/**
 * What `onEngagement` gets: the response body (Available or NotAvailable)
 * or a failure object without `status`.
 *
 * @example
 * ```ts
 * chat.onEngagement((data: LegacyEngagementPayload) => {
 *   if ('status' in data && data.status === 'Available') showButton(data);
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEngagementPayload = Engagement | LegacyFailurePayload;

/**
 * A getEngagement request as legacy page code writes it: the seed page's
 * fields, plus the per-call `success`, `error` and `context`. A `vid` or
 * `sid` that is `null` or `''` counts as absent (the ids of the previous
 * success are used), as in the legacy SDK.
 *
 * @example
 * ```ts
 * chat.getEngagement({
 *   consumerSections: ['Support'],
 *   success: function (data) { this.render(data); },
 *   error: function (failure) { this.retryLater(failure); },
 *   context: view,
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyEngagementRequest extends Omit<EngagementRequest, 'vid' | 'sid'> {
  readonly vid?: string | null;
  readonly sid?: string | null;
  /** Called with the response body (Available or NotAvailable), `this` = `context` or the request. */
  readonly success?: (this: unknown, data: Engagement) => void;
  /** Called with the failure object, `this` = `context` or the request. */
  readonly error?: (this: unknown, data: LegacyFailurePayload) => void;
  /** The `this` of `success` and `error`. */
  readonly context?: unknown;
}

/**
 * What a legacy call answers when it fails before sending anything (a
 * request refused by validation, an unsupported method, a disposed
 * adapter). Page code tests it as the legacy docs do:
 * `var failed = chat.getEngagement(req); if (failed && failed.error) ...`.
 *
 * @example
 * ```ts
 * const failed: LegacyCallFailure = { error: 'getEngagement - invalid request: appDetails.ipAddress: ...' };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyCallFailure {
  readonly error: string;
}

/** A legacy request split into what is sent and its per-call keys. @internal */
export interface PreparedRequest {
  /** What the client sends (`undefined` for a call without arguments). */
  readonly request: EngagementRequest | undefined;
  readonly success?: (this: unknown, data: Engagement) => void;
  readonly error?: (this: unknown, data: LegacyFailurePayload) => void;
  /** `this` of the per-call callbacks: `context`, else the request object. */
  readonly thisArg: unknown;
  /** The request object as the page passed it (`{}` for none), for failure objects. */
  readonly original: unknown;
}

/** The `message` of the legacy failure object of getEngagement. @internal */
export const LEGACY_SERVER_ERROR = 'getEngagement - server error';

const PER_CALL_KEYS = ['success', 'error', 'context'];

function isPlainObject(u: unknown): u is Record<string, unknown> {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Splits and validates a legacy getEngagement request, synchronously. The
 * Left is the legacy failure message (field paths and reasons, never the
 * refused values).
 *
 * @internal
 */
export function prepareRequest(input: unknown): Either<string, PreparedRequest> {
  if (input === undefined || input === null) return right({ request: undefined, thisArg: {}, original: {} });
  if (!isPlainObject(input)) return left('getEngagement - invalid request: expected a request object');
  const problems: string[] = [];
  const success = input['success'];
  const error = input['error'];
  if (success !== undefined && typeof success !== 'function') problems.push('success: expected a function');
  if (error !== undefined && typeof error !== 'function') problems.push('error: expected a function');
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (PER_CALL_KEYS.includes(k)) continue;
    if ((k === 'vid' || k === 'sid') && (v === undefined || v === null || v === '')) continue;
    body[k] = v;
  }
  const validated = validateEngagementRequest(body);
  if (isLeft(validated)) problems.push(...validated.left.issues.map((i) => `${i.path}: ${i.reason}`));
  if (problems.length > 0) return left(`getEngagement - invalid request: ${problems.join('; ')}`);
  const context = input['context'];
  return right({
    request: body as EngagementRequest,
    ...(typeof success === 'function' ? { success: success as PreparedRequest['success'] } : {}),
    ...(typeof error === 'function' ? { error: error as PreparedRequest['error'] } : {}),
    thisArg: context ?? input,
    original: input,
  });
}

/**
 * The legacy failure object for an error, at time `nowMs`.
 *
 * @example
 * ```ts
 * legacyErrorObject({ kind: 'network', operation: 'createSession', cause: 'ECONNRESET', message: 'x' }, {}, Date.now());
 * // { error: { message: 'getEngagement - server error', time: Date, originalRequest: {}, kind: 'network', reason: 'network: createSession failed (ECONNRESET)' } }
 * ```
 * @since 0.1.0
 */
export function legacyErrorObject(error: EngagementError, originalRequest: unknown, nowMs: number, message: string = LEGACY_SERVER_ERROR): LegacyErrorObject {
  return { error: { message, time: new Date(nowMs), originalRequest, kind: error.kind, reason: describeError(error) } };
}

/**
 * The `onEngagement` payload of a check's result, as the legacy SDK made it:
 *
 * - Available / NotAvailable: a fresh copy of the response (ids as
 *   strings, as engagement-rx decodes them);
 * - an HTTP error of the getEngagement call whose body was LivePerson's
 *   error body: that body, `{ time?, message?, internalCode? }`;
 * - any other failure: `{ error: { message: 'getEngagement - server error', time, originalRequest, kind, reason } }`.
 *
 * @example
 * ```ts
 * toLegacyPayload(left({ kind: 'http', operation: 'createSession', status: 500, internalCode: 20, serverMessage: 'Loading account: 123, vid: abc', serverTime: 1, message: 'x' }), {}, 0);
 * // { time: 1, message: 'Loading account: 123, vid: abc', internalCode: 20 }
 * ```
 * @since 0.1.0
 */
export function toLegacyPayload(result: Either<EngagementError, Engagement>, originalRequest: unknown, nowMs: number): LegacyEngagementPayload {
  if (!isLeft(result)) return copyEngagement(result.right);
  const error = result.left;
  if (error.kind === 'http' && error.operation === 'createSession') {
    const body = serverBody(error.serverTime, error.serverMessage, error.internalCode);
    if (body !== undefined) return body;
  }
  return legacyErrorObject(error, originalRequest, nowMs);
}

function serverBody(time: number | undefined, message: string | undefined, internalCode: number | undefined): ServerErrorBody | undefined {
  if (time === undefined && message === undefined && internalCode === undefined) return undefined;
  return {
    ...(time === undefined ? {} : { time }),
    ...(message === undefined ? {} : { message }),
    ...(internalCode === undefined ? {} : { internalCode }),
  };
}

function copyEngagement(e: Engagement): Engagement {
  const base = { status: e.status, sessionId: e.sessionId, visitorId: e.visitorId, pageId: e.pageId };
  return e.status === 'Available' ? { ...base, status: 'Available', engagementDetails: { ...e.engagementDetails } } : { ...base, status: 'NotAvailable' };
}

/**
 * Whether a payload is a failure (it has no `status`), the test legacy page
 * code makes.
 *
 * @example
 * ```ts
 * chat.onEngagement((data) => { if (isLegacyFailure(data)) setTimeout(() => chat.getEngagement(), 5000); });
 * ```
 * @since 0.1.0
 */
export function isLegacyFailure(payload: LegacyEngagementPayload): payload is LegacyFailurePayload {
  return !('status' in payload);
}
