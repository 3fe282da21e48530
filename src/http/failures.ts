/**
 * Turning what fetch throws, and non-2xx answers, into typed errors. Pure.
 * Errors are classified by `name`/`code`, never by `instanceof` of built-ins
 * (an error from another realm, such as Node's fetch under jest, fails it).
 *
 * @internal
 */
import type { HttpError, NetworkError, Operation, TimeoutError } from '../errors';
import { readServerError, visitorIdFromMessage } from '../codecs/error-body';

function field(u: unknown, key: string): unknown {
  return typeof u === 'object' && u !== null ? (u as Record<string, unknown>)[key] : undefined;
}

/** A short, value-free name for what fetch threw: a system code, or the error's name. */
export function failureCause(thrown: unknown): string {
  const direct = field(thrown, 'code');
  if (typeof direct === 'string' && direct.length > 0) return direct;
  const nested = field(field(thrown, 'cause'), 'code');
  if (typeof nested === 'string' && nested.length > 0) return nested;
  const name = field(thrown, 'name');
  return typeof name === 'string' && name.length > 0 ? name : 'Error';
}

export function networkError(operation: Operation, thrown: unknown): NetworkError {
  const cause = failureCause(thrown);
  return { kind: 'network', operation, cause, message: `${operation} request failed before an answer (${cause})` };
}

export function timeoutError(operation: Operation, timeoutMs: number): TimeoutError {
  return { kind: 'timeout', operation, timeoutMs, message: `${operation} took longer than ${timeoutMs} ms and was aborted` };
}

/** A non-2xx answer, with LivePerson's error body when it has one. */
export function httpError(operation: Operation, status: number, bodyText: string, retryAfter: string | null): HttpError {
  let parsed: unknown;
  try {
    parsed = bodyText.length > 0 ? JSON.parse(bodyText) : undefined;
  } catch {
    parsed = undefined;
  }
  const body = readServerError(parsed);
  const visitorId = visitorIdFromMessage(body?.message);
  const error: { -readonly [K in keyof HttpError]: HttpError[K] } = {
    kind: 'http',
    operation,
    status,
    message: `${operation} answered ${status}${body?.internalCode === undefined ? '' : ` (internalCode ${body.internalCode})`}`,
  };
  if (body?.internalCode !== undefined) error.internalCode = body.internalCode;
  if (body?.message !== undefined) error.serverMessage = body.message;
  if (body?.time !== undefined) error.serverTime = body.time;
  if (retryAfter !== null && retryAfter.trim() !== '') error.retryAfter = retryAfter.trim();
  if (visitorId !== undefined) error.visitorId = visitorId;
  return error;
}
