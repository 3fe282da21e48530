/**
 * Reading an HTTP reply the way every engagement call does: a non-2xx status
 * is an `http` error (with LivePerson's error body and `Retry-After`); a 2xx
 * body is JSON decoded by the call's codec, or a `decode` error. Pure.
 *
 * @internal
 */
import type { EngagementError, Operation, ValidationIssue } from '../errors';
import { isLeft, left, right, type Either } from '../internal/either';
import { httpError } from './failures';
import type { HttpReply } from './request';

/** The reply itself when its status is 2xx; otherwise an `http` error. */
export const successful = (operation: Operation, reply: HttpReply): Either<EngagementError, HttpReply> =>
  reply.status >= 200 && reply.status <= 299 ? right(reply) : left(httpError(operation, reply.status, reply.text, reply.header('retry-after')));

/** A 2xx reply's JSON body decoded by `decode`; `message` (default: "{operation} answered {status} with an unexpected body") for a decode error. */
export function decodedBody<A>(operation: Operation, reply: HttpReply, decode: (u: unknown) => Either<ValidationIssue[], A>, message?: string): Either<EngagementError, A> {
  const ok = successful(operation, reply);
  if (isLeft(ok)) return ok;
  const { status, text } = reply;
  let decoded: Either<ValidationIssue[], A>;
  let json = true;
  try {
    decoded = decode(JSON.parse(text));
  } catch {
    json = false;
    decoded = left([{ path: '(body)', reason: `expected a JSON body, got ${text === '' ? 'an empty body' : 'text that is not JSON'}` }]);
  }
  return isLeft(decoded)
    ? left({ kind: 'decode', operation, status, issues: decoded.left, message: json ? (message ?? `${operation} answered ${status} with an unexpected body`) : `${operation} answered ${status} with a body that is not JSON` })
    : decoded;
}
