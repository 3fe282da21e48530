/**
 * Leaf codecs of the attribute fields. Their names are written to read well
 * in an issue: `expected <name>, got <kind of value>` (io-ts's own `string`
 * and `boolean` read `a string` and `a boolean` there).
 *
 * @internal
 */
import { list } from '../codecs/primitives';
import * as t from 'io-ts';
import { refine } from './record';

/**
 * Any string (empty included: the documentation sets no minimum).
 *
 * @since 0.1.0
 * @internal
 */
export const Text = t.string;

/**
 * A finite number (the documentation's `double`).
 *
 * @since 0.1.0
 * @internal
 */
export const FiniteDouble = /* @__PURE__ */ refine('a finite number', (u) => (typeof u === 'number' && Number.isFinite(u) ? u : undefined));

/**
 * A safe integer in `[min, max]`, named `an integer from <min> to <max>`
 * unless `name` is given; `N` narrows the decoded number (a code list).
 *
 * @since 0.1.0
 * @internal
 */
export function integerIn<N extends number = number>(min: number, max: number, name = `an integer from ${min} to ${max}`): t.Type<N, N, unknown> {
  return refine(name, (u) => (typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max ? (u as N) : undefined));
}

/**
 * A safe integer, negative included (the documentation's `integer`/`long`).
 *
 * @since 0.1.0
 * @internal
 */
export const Integer = /* @__PURE__ */ integerIn(-Infinity, Infinity, 'an integer');

/**
 * A safe integer `>= 0` (counts and quantities).
 *
 * @since 0.1.0
 * @internal
 */
export const Count = /* @__PURE__ */ integerIn(0, Infinity, 'a non-negative integer');

/**
 * A boolean.
 *
 * @since 0.1.0
 * @internal
 */
export const Flag = t.boolean;

/**
 * An array of strings.
 *
 * @since 0.1.0
 * @internal
 */
export const TextList = /* @__PURE__ */ list(Text, 'an array of strings');

/**
 * Exactly the string `value` (a `type` discriminator), named `"<value>"`.
 *
 * @since 0.1.0
 * @internal
 */
export function literal<K extends string>(value: K): t.Type<K, K, unknown> {
  return refine(`"${value}"`, (u) => (u === value ? value : undefined));
}

/**
 * A value kept as it is, whatever it is (fields whose type the documentation
 * never states); `null` included.
 *
 * @since 0.1.0
 * @internal
 */
export const AnyValue = /* @__PURE__ */ refine('any value', (u) => u);

/**
 * A boolean, or `null` kept as a value (impExpanded's documented `"expanded": null`).
 *
 * @since 0.1.0
 * @internal
 */
export const FlagOrNull = /* @__PURE__ */ refine('a boolean or null', (u) => (u === null || typeof u === 'boolean' ? u : undefined));
