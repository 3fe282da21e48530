/**
 * `error` — "Visitor error": an error the visitor met while browsing or
 * filling a form. Fields sit under `error`; every error is appended.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { record } from './record';
import { Flag, Integer, Text } from './scalars';
import { builder } from './shapes';

/**
 * The fields of a visitor-error attribute (under `error`), all optional.
 *
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
 * @since 0.1.0
 * @internal
 */
export const VisitorErrorInfoCodec = /* @__PURE__ */ record<VisitorErrorInfo>({ contextId: Text, message: Text, code: Text, level: Integer, resolved: Flag });

/**
 * Reads an `error` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const VisitorErrorCodec = /* @__PURE__ */ member<VisitorErrorAttribute>('error', { error: VisitorErrorInfoCodec });

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
 * @function
 * @category Engagement attributes
 */
export const visitorErrorAttribute: (fields: VisitorErrorInfo) => Either<ValidationError, VisitorErrorAttribute> = /* @__PURE__ */ builder(VisitorErrorCodec, 'error');
