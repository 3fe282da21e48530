/**
 * JSON.parse that answers with an Either instead of throwing.
 *
 * @internal
 */
import type { DecodeError, Operation } from '../errors';
import { left, right, type Either } from '../internal/either';

export function parseJson(operation: Operation, status: number, text: string): Either<DecodeError, unknown> {
  try {
    return right(JSON.parse(text) as unknown);
  } catch {
    return left({
      kind: 'decode',
      operation,
      status,
      issues: [{ path: '(body)', reason: text.length === 0 ? 'expected a JSON body, got an empty body' : 'expected a JSON body, got text that is not JSON' }],
      message: `${operation} answered ${status} with a body that is not JSON`,
    });
  }
}
