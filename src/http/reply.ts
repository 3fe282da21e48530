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
import { parseJson } from './parse-json';
import type { HttpReply } from './request';

/** The reply itself when its status is 2xx; otherwise an `http` error. */
export function successful(operation: Operation, reply: HttpReply): Either<EngagementError, HttpReply> {
  return reply.status >= 200 && reply.status <= 299 ? right(reply) : left(httpError(operation, reply.status, reply.text, reply.header('retry-after')));
}

/** A 2xx reply's JSON body decoded by `decode`; `message` (default: "{operation} answered {status} with an unexpected body") for a decode error. */
export function decodedBody<A>(
  operation: Operation,
  reply: HttpReply,
  decode: (u: unknown) => Either<ValidationIssue[], A>,
  message?: string,
): Either<EngagementError, A> {
  const ok = successful(operation, reply);
  if (isLeft(ok)) return ok;
  const json = parseJson(operation, reply.status, reply.text);
  if (isLeft(json)) return json;
  const decoded = decode(json.right);
  if (isLeft(decoded)) return left({ kind: 'decode', operation, status: reply.status, issues: decoded.left, message: message ?? `${operation} answered ${reply.status} with an unexpected body` });
  return decoded;
}
