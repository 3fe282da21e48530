/**
 * `error` — "Visitor error": an error the visitor met while browsing or
 * filling a form. Fields sit under `error`; every error is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { optional, record } from './record';
import { Flag, Integer, Text } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * The fields of a visitor-error attribute (under `error`), all optional.
 *
 * @example
 * ```ts
 * const info: VisitorErrorInfo = { contextId: 'Credit card application', message: 'Expiration date missing', code: 'er100004', level: 10, resolved: false };
 * ```
 * @since 0.1.0
 */
export interface VisitorErrorInfo {
  /** Where the error happened, e.g. `Credit card application`. */
  readonly contextId?: string;
  readonly message?: string;
  readonly code?: string;
  /** Error level (a `long`: a safe integer here). */
  readonly level?: number;
  readonly resolved?: boolean;
}

/**
 * A visitor-error attribute, as sent on the wire (fields under `error`).
 *
 * @example
 * ```ts
 * const attribute: VisitorErrorAttribute = { type: 'error', error: { code: 'er100004', resolved: false } };
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type VisitorErrorAttribute = {
  readonly type: 'error';
  readonly error?: VisitorErrorInfo;
};

/**
 * Reads the `error` object of a visitor-error attribute.
 *
 * @example
 * ```ts
 * VisitorErrorInfoCodec.decode({ code: 'er100004', level: 10 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const VisitorErrorInfoCodec = record<VisitorErrorInfo>('a visitor error object', {
  contextId: optional(Text),
  message: optional(Text),
  code: optional(Text),
  level: optional(Integer),
  resolved: optional(Flag),
});

/**
 * Reads an `error` attribute.
 *
 * @example
 * ```ts
 * VisitorErrorCodec.decode({ type: 'error', error: { message: 'Expiration date missing' } });
 * ```
 * @since 0.1.0
 * @internal
 */
export const VisitorErrorCodec = wrappedAttribute<VisitorErrorAttribute, VisitorErrorInfo>(
  { type: 'error', wrapper: 'error', name: 'an error attribute', flatFields: [] },
  VisitorErrorInfoCodec,
);

/**
 * Builds an `error` attribute (visitor error); the `error` wrapper is added
 * for you. Never throws.
 *
 * @example
 * ```ts
 * visitorErrorAttribute({ contextId: 'Credit card application', message: 'Expiration date missing', code: 'er100004', level: 10, resolved: false });
 * // => right({ type: 'error', error: { contextId: 'Credit card application', ... } })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function visitorErrorAttribute(fields: VisitorErrorInfo): Either<ValidationError, VisitorErrorAttribute> {
  return buildWrapped<VisitorErrorAttribute>('error', 'error', VisitorErrorInfoCodec, fields);
}
