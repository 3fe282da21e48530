/**
 * The application's key of a visitor (`forVisitor(client, visitorKey)`). Pure.
 *
 * @internal
 */
import { kindOf } from '../internal/validation';

/** Why a visitor key is refused (1-256 characters, no control characters); `undefined` for a good one. */
export function visitorKeyIssue(visitorKey: unknown): string | undefined {
  if (typeof visitorKey !== 'string') return `expected a string, got ${kindOf(visitorKey)}`;
  if (visitorKey.length === 0 || visitorKey.length > 256) return `expected 1-256 characters, got ${visitorKey.length}`;
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(visitorKey) ? 'expected no control characters' : undefined;
}
