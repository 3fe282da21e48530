/**
 * The object combinator every attribute codec is built from. Unlike
 * `t.type`/`t.partial` it
 * - keeps fields it does not know (they are forwarded, never dropped),
 * - treats an absent or `null` optional field as absent (and removes it),
 *   unless the field is declared `nullable` (then `null` is kept),
 * - returns a fresh object without `undefined` values, so decoded values
 *   compare and serialize cleanly,
 * - copies keys with `Object.defineProperty`, so a `"__proto__"` key read
 *   from JSON stays a plain field and never changes a prototype,
 * - names every failing field by its key, so an issue path reads
 *   `engagementAttributes[2].info.balance`.
 *
 * @internal
 */
import * as t from 'io-ts';
import { isLeft } from '../internal/either';

/**
 * How one known field of a {@link record} is read and written.
 *
 * @example
 * ```ts
 * const fields: Record<string, FieldSpec> = { total: required(FiniteDouble), currency: optional(Text) };
 * ```
 * @since 0.1.0
 * @internal
 */
export interface FieldSpec {
  /** Reads the field's value. */
  readonly decoder: t.Decoder<unknown, unknown>;
  /** Writes the field's (decoded) value back to its wire form. */
  readonly encode: (value: unknown) => unknown;
  /** A missing required field is an issue (`is missing`). */
  readonly required: boolean;
  /** `null` is a value of this field (kept), instead of "absent" (removed). */
  readonly keepsNull: boolean;
}

function spec<A, O>(codec: t.Type<A, O, unknown>, required: boolean, keepsNull: boolean): FieldSpec {
  return { decoder: codec, encode: (value) => codec.encode(value as A), required, keepsNull };
}

/**
 * A field that must be present.
 *
 * @example
 * ```ts
 * const fields = { numItems: required(Count) };
 * ```
 * @since 0.1.0
 * @internal
 */
export function required<A, O>(codec: t.Type<A, O, unknown>): FieldSpec {
  return spec(codec, true, false);
}

/**
 * A field that may be absent; `undefined` and `null` both mean absent.
 *
 * @example
 * ```ts
 * const fields = { currency: optional(Text) };
 * ```
 * @since 0.1.0
 * @internal
 */
export function optional<A, O>(codec: t.Type<A, O, unknown>): FieldSpec {
  return spec(codec, false, false);
}

/**
 * A field that may be absent, and whose `null` is a value that is kept
 * (impExpanded's documented `"expanded": null`).
 *
 * @example
 * ```ts
 * const fields = { expanded: nullable(Flag) };
 * ```
 * @since 0.1.0
 * @internal
 */
export function nullable<A, O>(codec: t.Type<A, O, unknown>): FieldSpec {
  const inner = spec(codec, false, true);
  return {
    ...inner,
    decoder: {
      name: `${codec.name} or null`,
      validate: (u, c) => (u === null ? t.success(null) : codec.validate(u, c)),
      decode: (u) => (u === null ? t.success(null) : codec.decode(u)),
    },
    encode: (value) => (value === null ? null : codec.encode(value as A)),
  };
}

/**
 * A post-decoding check on a whole record: returns issues (as io-ts errors,
 * built with {@link issueAt}) or a replacement value.
 *
 * @example
 * ```ts
 * const noFuture: RecordCheck<{ year: number }> = (value, context) =>
 *   value.year > 9999 ? { errors: [issueAt(context, 'year', value.year, 'is too late')] } : { value };
 * ```
 * @since 0.1.0
 * @internal
 */
export type RecordCheck<A> = (value: A, context: t.Context) => { readonly value: A } | { readonly errors: t.Errors };

/**
 * An io-ts error located at `key` below `context`, with its own message.
 *
 * @example
 * ```ts
 * issueAt(context, 'day', value.day, 'is not a day of that month');
 * ```
 * @since 0.1.0
 * @internal
 */
export function issueAt(context: t.Context, key: string, value: unknown, message: string): t.ValidationError {
  return { value, context: t.appendContext(context, key, t.unknown, value), message };
}

/**
 * `true` for an object that is neither `null` nor an array.
 *
 * @example
 * ```ts
 * isObjectLike({ a: 1 }); // => true
 * isObjectLike([1]); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export function isObjectLike(u: unknown): u is Readonly<Record<string, unknown>> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/**
 * `Object.prototype.hasOwnProperty`, safe for any key.
 *
 * @example
 * ```ts
 * hasOwn({ a: 1 }, 'a'); // => true
 * hasOwn({}, 'toString'); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * Sets `key` on `target` as a plain own data property (safe for `"__proto__"`).
 *
 * @example
 * ```ts
 * const out: Record<string, unknown> = {};
 * setField(out, '__proto__', 1); // an own field, no prototype change
 * ```
 * @since 0.1.0
 * @internal
 */
export function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * An object codec over `fields` that keeps unknown fields (see the module
 * description). `check` runs after every field decoded.
 *
 * @example
 * ```ts
 * const ProductCodec = record<Product>('a product object', { name: optional(Text), price: optional(FiniteDouble) });
 * ```
 * @since 0.1.0
 * @internal
 */
export function record<A extends object>(
  name: string,
  fields: Readonly<Record<string, FieldSpec>>,
  check?: RecordCheck<A>,
): t.Type<A, A, unknown> {
  const fieldOf = (key: string): FieldSpec | undefined => (hasOwn(fields, key) ? fields[key] : undefined);
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isObjectLike(u)) return t.failure(u, c);
    const errors: t.ValidationError[] = [];
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(u)) {
      const value = u[key];
      const field = fieldOf(key);
      if (field === undefined) {
        if (value !== undefined) setField(out, key, value);
        continue;
      }
      if (value === undefined || (value === null && !field.keepsNull && !field.required)) continue;
      const result = field.decoder.validate(value, t.appendContext(c, key, field.decoder, value));
      if (isLeft(result)) errors.push(...result.left);
      else if (result.right !== undefined) setField(out, key, result.right);
    }
    for (const key of Object.keys(fields)) {
      const field = fields[key];
      if (field !== undefined && field.required && u[key] === undefined) {
        errors.push({ value: undefined, context: t.appendContext(c, key, field.decoder, undefined) });
      }
    }
    if (errors.length > 0) return t.failures(errors);
    if (check === undefined) return t.success(out as A);
    const checked = check(out as A, c);
    return 'errors' in checked ? t.failures(checked.errors) : t.success(checked.value);
  };
  const encode = (a: A): A => {
    if (!isObjectLike(a)) return a;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(a)) {
      const value = a[key];
      if (value === undefined) continue;
      const field = fieldOf(key);
      setField(out, key, field === undefined || value === null ? value : field.encode(value));
    }
    return out as A;
  };
  const codec: t.Type<A, A, unknown> = new t.Type<A, A, unknown>(
    name,
    (u): u is A => !isLeft(validate(u, t.getDefaultContext(codec))),
    validate,
    encode,
  );
  return codec;
}
