/**
 * Turning what fetch throws, and non-2xx answers, into typed errors. Pure.
 * Errors are classified by `name`/`code`, never by `instanceof` of built-ins
 * (an error from another realm, such as Node's fetch under jest, fails it).
 *
 * @internal
 */
import type { HttpError, NetworkError, Operation, TimeoutError } from '../errors';
import type { FetchResponse } from './fetch-like';
import { readServerError, visitorIdFromMessage } from '../codecs/error-body';
import { compact } from '../codecs/primitives';
import { safeText } from '../internal/safe-text';

const field = (u: unknown, key: string): unknown => (typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined);

/** A short, value-free name for what fetch threw: a system code, or the error's name. */
export function failureCause(thrown: unknown): string {
  if (field(thrown, 'type') === 'max-size') return TOO_LARGE; // node-fetch's name for a body over its size option
  for (const c of [field(thrown, 'code'), field(field(thrown, 'cause'), 'code'), field(thrown, 'name')]) if (typeof c === 'string' && /^[\w.-]{1,64}$/.test(c)) return c;
  return 'Error';
}

export function networkError(operation: Operation, thrown: unknown): NetworkError {
  const cause = failureCause(thrown);
  const message =
    cause === TOO_LARGE
      ? `${operation} answered with a body over the size limit; it was not read`
      : cause === CLOSED
        ? `${operation} answer was cut off: the connection closed before its end`
        : `${operation} request failed before an answer (${cause})`;
  return { kind: 'network', operation, cause, message };
}

/** The cause of a body larger than the client's `maxResponseBytes`. */
export const TOO_LARGE = 'ResponseTooLarge';
/** The cause of a body cut off by the connection closing before its end. */
export const CLOSED = 'ResponseClosed';

/** An error with `name` and `code` set to `cause`, for a transport to reject with. */
const transportError = (cause: typeof TOO_LARGE | typeof CLOSED, message: string): Error => Object.assign(new Error(message), { name: cause, code: cause });

/** What a transport rejects with when a body passes `max` bytes. */
export const tooLargeError = (max: number): Error => transportError(TOO_LARGE, `the response body is larger than ${max} bytes`);

/** What a transport rejects with when the connection closes before the body's end. */
export const closedError = (): Error => transportError(CLOSED, 'The connection closed before the whole response arrived');

export const timeoutError = (operation: Operation, timeoutMs: number): TimeoutError => ({
  kind: 'timeout',
  operation,
  timeoutMs,
  message: `${operation} took longer than ${timeoutMs} ms and was aborted`,
});

/** A non-2xx answer, with LivePerson's error body when it has one. */
export function httpError(operation: Operation, status: number, bodyText: string, retryAfter: string | null): HttpError {
  let body;
  try {
    body = readServerError(JSON.parse(bodyText));
  } catch {
    body = undefined;
  }
  const internalCode = body?.internalCode;
  return compact<HttpError>({
    kind: 'http',
    operation,
    status,
    message: `${operation} answered ${status}${internalCode === undefined ? '' : ` (internalCode ${internalCode})`}`,
    internalCode,
    serverMessage: body?.message === undefined ? undefined : safeText(body.message),
    rawServerMessage: body?.message,
    serverTime: body?.time,
    retryAfter: retryAfter?.trim() || undefined,
    visitorId: visitorIdFromMessage(body?.message),
  });
}

const REDIRECTS = [301, 302, 303, 307, 308];

/**
 * The `http` error for an answer that redirects (a 301/302/303/307/308, a
 * browser's opaque redirect, or a fetch that followed one anyway), or
 * `undefined` for any other answer. Redirects are never followed: the
 * error names the status and the origin the redirect pointed to, never its
 * path or query.
 */
export function redirectError(operation: Operation, requestUrl: string, res: FetchResponse): HttpError | undefined {
  const followed = res.redirected === true;
  if (!followed && res.type !== 'opaqueredirect' && !REDIRECTS.includes(res.status)) return undefined;
  let target: string | undefined;
  try {
    const to = followed ? res.url : res.headers.get('location');
    target = to ? new URL(to, requestUrl).origin : undefined;
  } catch {
    target = undefined;
  }
  const where = target === undefined || target === 'null' ? '' : ` to ${target}`;
  return compact<HttpError>({
    kind: 'http',
    operation,
    status: res.status,
    message: followed ? `${operation} was redirected${where} by the fetch function; redirects are refused` : `${operation} answered a redirect${where}; redirects are not followed`,
    redirectOrigin: where === '' ? undefined : target,
  });
}
