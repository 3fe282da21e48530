/**
 * Answers as data (status, headers, body), built before anything is written,
 * and the CORS headers every answer carries. Pure.
 *
 * @internal
 */
import { errorBody } from './protocol';

/** An answer to write. */
export interface Reply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent as UTF-8; empty for no body. */
  readonly body: string;
}

const JSON_TYPE = 'application/json';

/** A JSON answer. */
export function jsonReply(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) ?? 'null' };
}

/** An answer without a body. */
export function emptyReply(status: number, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status, headers, body: '' };
}

/** LivePerson's error body `{ time, message, internalCode }`. */
export function errorReply(status: number, time: number, message: string, internalCode: number, headers: Readonly<Record<string, string>> = {}): Reply {
  return jsonReply(status, errorBody(time, message, internalCode), headers);
}

/** Methods a browser may use (preflight answer). */
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, OPTIONS';
/** Request headers a browser may send (preflight answer). */
export const CORS_ALLOW_HEADERS = 'Content-Type, Accept, Cache-Control, Pragma, X-HTTP-Method-Override, LP-URL';
/** Response headers a page may read. */
export const CORS_EXPOSE_HEADERS = 'Retry-After';
/** How long a browser may cache a preflight answer, in seconds. */
export const CORS_MAX_AGE = '600';

/**
 * The CORS headers of every answer: an allowed page's Origin echoed, `*`
 * for a request without an Origin (not from a page), and no
 * `Access-Control-Allow-Origin` for any other page.
 */
export function corsHeaders(origin: string | undefined, allows: (origin: string) => boolean = () => true): Record<string, string> {
  const given = origin !== undefined && origin.length > 0;
  const echo = given && !/[\r\n\0]/.test(origin) && allows(origin);
  return {
    ...(given ? (echo ? { 'Access-Control-Allow-Origin': origin } : {}) : { 'Access-Control-Allow-Origin': '*' }),
    'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS,
    ...(given ? { Vary: 'Origin' } : {}),
  };
}

/** The answer to an OPTIONS preflight. */
export function preflightReply(): Reply {
  return emptyReply(204, {
    'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Max-Age': CORS_MAX_AGE,
  });
}
