/**
 * Pure mappings between engagement-rx and the legacy SDK's conventions:
 * the `onEngagement` payload of a check's `Either`, and a legacy request
 * object split into the request and its per-call keys (`success`, `error`,
 * `context`). No I/O, no clock (the time is a parameter).
 *
 * @packageDocumentation
 */
import { describeError, type EngagementError, type EngagementErrorKind, type ValidationIssue } from '../errors';
import type { AvailableEngagement, Engagement, EngagementDetails, EngagementRequest, NotAvailableEngagement, ServerErrorBody } from '../model';
import { rawEngagementBody } from '../http/create-session';
import { isLeft, left, right, type Either } from '../internal/either';
import { validateEngagementRequest } from '../validate';
import { isPlain } from './bindings';
import { cleanRequest } from './lenient-request';

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

/** The fields the server may send as a number or a string. */
type WireIdKey = 'campaignId' | 'engagementId' | 'contextId' | 'windowId' | 'skillId' | 'connectorId' | 'pageId';

/** A decoded type with its ids as the server sent them (a number or a string). */
type AsSent<T> = { readonly [K in keyof T]: K extends WireIdKey ? string | number : T[K] };

/**
 * The response body of an answer, as the server sent it and as
 * lpChat.min.js passed it on: ids stay numbers when they came as numbers
 * (`skillId: 23`), and fields engagement-rx does not know are kept. (The
 * observable client decodes the same ids to strings.)
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.onEngagement((data) => {
 *   if ('status' in data && data.status === 'Available' && data.engagementDetails.skillId == 23) showChatButton(data);
 * });
 * ```
 * @since 0.2.0
 * @category Legacy adapters
 */
export type LegacyEngagementBody =
  | (AsSent<Omit<AvailableEngagement, 'engagementDetails'>> & { readonly engagementDetails: AsSent<EngagementDetails> })
  | AsSent<NotAvailableEngagement>;

/**
 * What `onEngagement` gets: the response body (Available or NotAvailable)
 * as the server sent it, or a failure object without `status`.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.onEngagement((data: LegacyEngagementPayload) => {
 *   if ('status' in data && data.status === 'Available') showChatButton(data);
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEngagementPayload = LegacyEngagementBody | LegacyFailurePayload;

/**
 * A getEngagement request as legacy page code writes it: the seed page's
 * fields, plus the per-call `success`, `error` and `context`. A `vid` or
 * `sid` that is `null` or `''` counts as absent (the ids of the previous
 * success are used), as in the legacy SDK.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.getEngagement({
 *   consumerSections: ['Support'],
 *   success: (data) => view.render(data),
 *   error: (failure) => console.warn('no answer this time', failure),
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyEngagementRequest extends Omit<EngagementRequest, 'vid' | 'sid'> {
  readonly vid?: string | null;
  readonly sid?: string | null;
  /** Called with the response body (Available or NotAvailable) as the server sent it, `this` = `context` or the request. */
  readonly success?: (this: unknown, data: LegacyEngagementBody) => void;
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
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyCallFailure {
  readonly error: string;
}

/** The per-call keys of a legacy request, and what failure objects quote. @internal */
export interface LegacyCallTarget {
  readonly success?: (this: unknown, data: LegacyEngagementBody) => void;
  readonly error?: (this: unknown, data: LegacyFailurePayload) => void;
  /** `this` of the per-call callbacks: `context`, else the request object. */
  readonly thisArg: unknown;
  /** The request object as the page passed it (`{}` for none), for failure objects. */
  readonly original: unknown;
}

/** A legacy request split into what is sent and its per-call keys. @internal */
export interface PreparedRequest extends LegacyCallTarget {
  /** What the client sends (`undefined` for a call without arguments). */
  readonly request: EngagementRequest | undefined;
  /** The paths the lenient reading left out (empty in strict mode). */
  readonly cleaned: ReadonlyArray<string>;
}

/** A request that cannot be sent: the legacy failure message, and whom to tell. @internal */
export interface RefusedRequest extends LegacyCallTarget {
  readonly message: string;
  readonly issues: ReadonlyArray<ValidationIssue>;
}

/** The `message` of the legacy failure object of getEngagement. @internal */
export const LEGACY_SERVER_ERROR = 'getEngagement - server error';

/** Issues as one line: `path: reason; path: reason`. @internal */
export const issuesText = (issues: ReadonlyArray<ValidationIssue>): string => issues.map((i) => `${i.path}: ${i.reason}`).join('; ');

/**
 * Splits and reads a legacy getEngagement request, synchronously. By
 * default it is read leniently, as lpChat.min.js read it (see
 * {@link cleanRequest}); `strict` refuses what the check core refuses. The
 * Left names field paths and reasons, never the refused values, and keeps
 * the per-call callbacks so the failure can still reach them.
 *
 * @internal
 */
export function prepareRequest(input: unknown, strict = false): Either<RefusedRequest, PreparedRequest> {
  const refused = 'getEngagement - invalid request: ';
  if (input == null) return right({ request: undefined, thisArg: {}, original: {}, cleaned: [] });
  if (!isPlain(input)) return refuse({ thisArg: {}, original: input }, `${refused}expected a request object`, [{ path: '(request)', reason: 'expected a request object' }]);
  const { success, error, context, ...request } = input;
  const target: LegacyCallTarget = {
    success: typeof success == 'function' ? (success as LegacyCallTarget['success']) : undefined,
    error: typeof error == 'function' ? (error as LegacyCallTarget['error']) : undefined,
    thisArg: context ?? input,
    original: input,
  };
  const problems: ValidationIssue[] = [];
  for (const [path, f] of [['success', success], ['error', error]]) if (f !== undefined && typeof f != 'function') problems.push({ path: path as string, reason: 'expected a function' });
  for (const k of ['vid', 'sid']) if (request[k] == null || request[k] === '') delete request[k];
  if (problems.length > 0) return refuse(target, refused + issuesText(problems), problems);
  if (!strict) {
    try {
      const lenient = cleanRequest(request);
      return right({ ...target, request: lenient.request as EngagementRequest, cleaned: lenient.cleaned });
    } catch {
      return refuse(target, `${refused}could not be read (a getter or a proxy threw)`, [{ path: '(request)', reason: 'could not be read (a getter or a proxy threw)' }]);
    }
  }
  const validated = validateEngagementRequest(request);
  if (isLeft(validated)) return refuse(target, refused + issuesText(validated.left.issues), validated.left.issues);
  return right({ ...target, request: request as EngagementRequest, cleaned: [] });
}

const refuse = (target: LegacyCallTarget, message: string, issues: ReadonlyArray<ValidationIssue>): Either<RefusedRequest, PreparedRequest> => left({ ...target, message, issues });

/**
 * The legacy failure object for an error, at time `nowMs`.
 *
 * @internal
 */
export function legacyErrorObject(error: EngagementError, originalRequest: unknown, nowMs: number, message = LEGACY_SERVER_ERROR): LegacyErrorObject {
  return { error: { message, time: new Date(nowMs), originalRequest, kind: error.kind, reason: describeError(error) } };
}

/**
 * The `onEngagement` payload of a check's result, as the legacy SDK made it:
 *
 * - Available / NotAvailable: the response body as the server sent it
 *   (numbers stay numbers); for an engagement decoded elsewhere, a copy of
 *   it;
 * - an HTTP error of the getEngagement call whose body was LivePerson's
 *   error body: that body, `{ time?, message?, internalCode? }`;
 * - any other failure: `{ error: { message: 'getEngagement - server error', time, originalRequest, kind, reason } }`.
 *
 * @internal
 */
export function toLegacyPayload(result: Either<EngagementError, Engagement>, originalRequest: unknown, nowMs: number): LegacyEngagementPayload {
  if (!isLeft(result)) {
    const raw = rawEngagementBody(result.right);
    if (isPlain(raw)) return raw as LegacyEngagementBody;
    const { status, sessionId, visitorId, pageId } = result.right;
    return { status, sessionId, visitorId, pageId, ...(result.right.status == 'Available' && { engagementDetails: { ...result.right.engagementDetails } }) } as LegacyEngagementBody;
  }
  const e = result.left;
  if (e.kind == 'http' && e.operation == 'createSession') {
    const body: Record<string, unknown> = { time: e.serverTime, message: e.rawServerMessage, internalCode: e.internalCode };
    for (const k in body) if (body[k] === undefined) delete body[k];
    if (Object.keys(body).length > 0) return body as ServerErrorBody;
  }
  return legacyErrorObject(e, originalRequest, nowMs);
}

/**
 * Whether a payload is a failure (it has no `status`), the test legacy page
 * code makes.
 *
 * @internal
 */
export function isLegacyFailure(payload: LegacyEngagementPayload): payload is LegacyFailurePayload {
  return !('status' in payload);
}
