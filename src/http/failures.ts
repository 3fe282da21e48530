/**
 * Turning what fetch throws, and non-2xx answers, into typed errors. Pure.
 * Errors are classified by `name`/`code`, never by `instanceof` of built-ins
 * (an error from another realm, such as Node's fetch under jest, fails it).
 *
 * @internal
 */
import type { HttpError, NetworkError, Operation, TimeoutError } from '../errors';
import { readServerError, visitorIdFromMessage } from '../codecs/error-body';
import { compact } from '../codecs/primitives';

const field = (u: unknown, key: string): unknown => (typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined);

/** A short, value-free name for what fetch threw: a system code, or the error's name. */
export function failureCause(thrown: unknown): string {
  for (const c of [field(thrown, 'code'), field(field(thrown, 'cause'), 'code'), field(thrown, 'name')]) if (typeof c === 'string' && c !== '') return c;
  return 'Error';
}

export function networkError(operation: Operation, thrown: unknown): NetworkError {
  const cause = failureCause(thrown);
  return { kind: 'network', operation, cause, message: `${operation} request failed before an answer (${cause})` };
}

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
    serverMessage: body?.message,
    serverTime: body?.time,
    retryAfter: retryAfter?.trim() || undefined,
    visitorId: visitorIdFromMessage(body?.message),
  });
}
