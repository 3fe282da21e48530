/**
 * Leaf codecs of the attribute fields. Their names are written to read well
 * in an issue: `expected <name>, got <kind of value>`.
 *
 * @internal
 */
import * as t from 'io-ts';

/**
 * A leaf codec from a guard: values pass unchanged.
 *
 * @example
 * ```ts
 * const Even = leaf('an even integer', (u): u is number => Number.isInteger(u) && (u as number) % 2 === 0);
 * ```
 * @since 0.1.0
 * @internal
 */
export function leaf<A>(name: string, guard: (u: unknown) => u is A): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(name, guard, (u, c) => (guard(u) ? t.success(u) : t.failure(u, c)), t.identity);
}

/**
 * Any string (empty included: the documentation sets no minimum).
 *
 * @example
 * ```ts
 * Text.is('Gold'); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const Text = leaf('a string', (u): u is string => typeof u === 'string');

/**
 * A finite number (the documentation's `double`).
 *
 * @example
 * ```ts
 * FiniteDouble.is(-400.99); // => true
 * FiniteDouble.is(Number.NaN); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export const FiniteDouble = leaf('a finite number', (u): u is number => typeof u === 'number' && Number.isFinite(u));

/**
 * A safe integer, negative included (the documentation's `integer`/`long`).
 *
 * @example
 * ```ts
 * Integer.is(10); // => true
 * Integer.is(1.5); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export const Integer = leaf('an integer', (u): u is number => typeof u === 'number' && Number.isSafeInteger(u));

/**
 * A safe integer `>= 0` (counts and quantities).
 *
 * @example
 * ```ts
 * Count.is(6); // => true
 * Count.is(-1); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export const Count = leaf('a non-negative integer', (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0);

/**
 * A boolean.
 *
 * @example
 * ```ts
 * Flag.is(false); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const Flag = leaf('a boolean', (u): u is boolean => typeof u === 'boolean');

/**
 * An integer in `[min, max]`, named e.g. `an integer from 1 to 12`.
 *
 * @example
 * ```ts
 * const Month = integerIn(1, 12);
 * ```
 * @since 0.1.0
 * @internal
 */
export function integerIn(min: number, max: number, name = `an integer from ${min} to ${max}`): t.Type<number, number, unknown> {
  return leaf(name, (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max);
}

/**
 * An array of strings.
 *
 * @example
 * ```ts
 * TextList.is(['Reset password']); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const TextList = t.readonlyArray(Text, 'an array of strings');

/**
 * Exactly the string `value` (an attribute's `type` discriminator).
 *
 * @example
 * ```ts
 * const CartType = literal('cart');
 * ```
 * @since 0.1.0
 * @internal
 */
export function literal<K extends string>(value: K): t.Type<K, K, unknown> {
  return leaf(`"${value}"`, (u): u is K => u === value);
}

/**
 * A value kept as it is, whatever it is (fields whose type the documentation
 * never states).
 *
 * @example
 * ```ts
 * const fields = { actionableItems: nullable(AnyValue) };
 * ```
 * @since 0.1.0
 * @internal
 */
export const AnyValue = leaf('any value', (u): u is unknown => u !== undefined);
