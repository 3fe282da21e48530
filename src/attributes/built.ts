/**
 * A builder's result where an attribute is expected: the sinks (a
 * reporter's `report`, the live state's `attributes$`) take an attribute,
 * or what a builder answers, an `Either<ValidationError, attribute>`. A
 * `Right` stands for its attribute; a `Left` is refused with the builder's
 * own issues. Pure.
 *
 * @internal
 */
import type { ValidationIssue } from '../errors';
import { left, right, type Either } from '../internal/either';
import { isRecord } from '../internal/validation';

/**
 * The item a value stands for: a `Right`'s value, a `Left`'s issues (the
 * builder's, or one issue when the Left is not a validation error), or the
 * value itself when it is not an `Either`. Never throws.
 *
 * @internal
 */
export function unwrapBuilt(u: unknown): Either<ValidationIssue[], unknown> {
  if (!isRecord(u)) return right(u);
  if (u['_tag'] === 'Right' && 'right' in u) return right(u['right']);
  if (u['_tag'] !== 'Left' || !('left' in u)) return right(u);
  const error = u['left'];
  const issues = isRecord(error) && error['kind'] === 'validation' && Array.isArray(error['issues']) ? (error['issues'] as ValidationIssue[]) : [];
  return left(issues.length > 0 ? [...issues] : [{ path: '(value)', reason: 'is a Left: the builder refused it' }]);
}
