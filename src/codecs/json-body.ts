/**
 * A request body written as JSON, or an issue naming the field JSON cannot
 * carry. Fields that are `undefined` are left out.
 *
 * @internal
 */
import type { ValidationIssue } from '../errors';
import { left, right, type Either } from '../internal/either';

export function jsonBody(fields: object): Either<ValidationIssue[], string> {
  try {
    return right(JSON.stringify(fields));
  } catch {
    // Rare: find the field that cannot be written (a BigInt, a throwing toJSON, a cycle the decoder missed).
    const path = Object.keys(fields).find((k) => !writable((fields as Record<string, unknown>)[k])) ?? '(request)';
    return left([{ path, reason: 'could not be written as JSON (a BigInt, a cycle or a throwing toJSON)' }]);
  }
}

function writable(u: unknown): boolean {
  try {
    JSON.stringify(u);
    return true;
  } catch {
    return false;
  }
}
