/**
 * The building blocks of every attribute and impression codec:
 * - {@link refine}, the leaf codec made from one parse function;
 * - {@link record}, the object codec whose field table is typed by the wire
 *   type ({@link Fields}): a field missing from the table, an extra field, or
 *   a field codec whose output does not fit the type's field does not compile.
 *
 * A record
 * - keeps fields it does not know (they are forwarded, never dropped),
 * - treats an absent field as absent, and a `null` optional field as absent
 *   too (removed) unless its codec reads `null` as a value (then it is kept),
 * - returns a fresh object without `undefined` values, so decoded values
 *   compare and serialize cleanly,
 * - copies keys as own data properties, so a `"__proto__"` key read from
 *   JSON stays a plain field and never changes a prototype,
 * - names every failing field by its key, so an issue path reads
 *   `engagementAttributes[2].info.balance`.
 *
 * Decoded values are already in their wire form: the codecs encode as the
 * identity, and the wire JSON of a value is a copy without `undefined`
 * fields ({@link withoutUndefined}).
 *
 * Module-level codecs are built by calls marked `@__PURE__`, so a bundler
 * drops those an application does not use.
 *
 * @internal
 */
import * as t from 'io-ts';
import type { ValidationIssue } from '../errors';
import { isLeft } from '../internal/either';
import { isPlainObject, isRecord } from '../internal/validation';

/**
 * The codec of an optional field of a {@link record}: it reads values that
 * fit `V` (a codec of a narrower type fits too).
 *
 * @since 0.1.0
 * @internal
 */
export type FieldCodec<V> = t.Decoder<unknown, V> & { readonly required?: undefined };

/**
 * A field that must be present (a record refuses an object without it:
 * `is missing`), made by {@link required}.
 *
 * @since 0.1.0
 * @internal
 */
export interface RequiredField<V> {
  /** The codec of the field. */
  readonly required: t.Decoder<unknown, V>;
}

/**
 * The field table of a record of type `A`: one entry per field of `A`, a
 * {@link RequiredField} for a mandatory field and a bare codec for an
 * optional one, each reading values that fit the field.
 *
 * @since 0.1.0
 * @internal
 */
export type Fields<A> = {
  readonly [K in keyof A]-?: undefined extends A[K] ? FieldCodec<Exclude<A[K], undefined>> : RequiredField<A[K]>;
};

/**
 * Marks the field read by `codec` as mandatory.
 *
 * @since 0.1.0
 * @internal
 */
export function required<V>(codec: t.Decoder<unknown, V>): RequiredField<V> {
  return { required: codec };
}

/**
 * A leaf codec from a parse function: the decoded value, or `undefined` to
 * refuse. The codec's name reads in an issue as `expected <name>, got <kind
 * of value>`; `is` holds for the values that decode to themselves.
 *
 * @since 0.1.0
 * @internal
 */
export function refine<A>(name: string, parse: (u: unknown) => A | undefined): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(
    name,
    (u): u is A => u !== undefined && parse(u) === u,
    (u, c) => {
      const a = parse(u);
      return a === undefined ? t.failure(u, c) : t.success(a);
    },
    t.identity,
  );
}

/**
 * A post-decoding check on a whole record: the (possibly replaced) value,
 * or issues built with {@link issueAt}.
 *
 * @since 0.1.0
 * @internal
 */
export type RecordCheck<D, A> = (value: D, context: t.Context) => t.Validation<A>;

/**
 * An io-ts error at `key` below `context`, with its own message (the value
 * is not kept: messages never repeat it).
 *
 * @since 0.1.0
 * @internal
 */
export function issueAt(context: t.Context, key: string, message: string): t.ValidationError {
  return { value: undefined, context: t.appendContext(context, key, t.unknown), message };
}

/**
 * `Object.prototype.hasOwnProperty`, safe for any key.
 *
 * @since 0.1.0
 * @internal
 */
export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/**
 * A fresh copy of `value` without `undefined` fields, at every depth of its
 * plain objects and arrays (other objects, such as dates, are kept as they
 * are). Keys are copied as own data properties: a `"__proto__"` key stays a
 * plain field.
 *
 * @since 0.1.0
 * @internal
 */
export function withoutUndefined<V>(value: V): V {
  if (Array.isArray(value)) return value.map(withoutUndefined) as V;
  if (!isPlainObject(value)) return value;
  const out: Array<[string, unknown]> = [];
  for (const [key, field] of Object.entries(value)) if (field !== undefined) out.push([key, withoutUndefined(field)]);
  return Object.fromEntries(out) as V;
}

/**
 * The issues of the keys of `input` that a builder sets itself.
 *
 * @since 0.1.0
 * @internal
 */
export function setByBuilder(input: object, keys: ReadonlyArray<string>, reason: string): ValidationIssue[] {
  return keys.filter((key) => hasOwn(input, key)).map((path) => ({ path, reason }));
}

/**
 * The object codec of `A` over `fields` (see the module description).
 * `check` runs once every field decoded; with a check, the table may
 * describe a wider decoded form `D` that the check turns into an `A`.
 * `name` is what an issue expects when the value is not an object.
 *
 * @since 0.1.0
 * @internal
 */
export function record<A extends object, D extends A = A>(fields: Fields<D>, check?: RecordCheck<D, A>, name = 'an object'): t.Type<A, A, unknown> {
  const table: Readonly<Record<string, FieldCodec<unknown> | RequiredField<unknown>>> = fields;
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isRecord(u)) return t.failure(u, c);
    const errors: t.Errors = [];
    const out: Array<[string, unknown]> = [];
    // the given keys in their order, then the table's (a missing mandatory field fails its codec: `is missing`)
    for (const key of new Set([...Object.keys(u), ...Object.keys(table)])) {
      const value = u[key];
      const spec = hasOwn(table, key) ? table[key] : undefined;
      const field = spec?.required ?? spec;
      if (field === undefined) {
        if (value !== undefined) out.push([key, value]);
      } else {
        const result = field.validate(value, t.appendContext(c, key, field, value));
        if (!isLeft(result)) out.push([key, result.right]);
        // an optional field that is absent, or null that its codec does not read, is left out
        else if (spec?.required || (value !== undefined && value !== null)) errors.push(...result.left);
      }
    }
    if (errors.length > 0) return t.failures(errors);
    const value = Object.fromEntries(out) as D;
    return check ? check(value, c) : t.success(value);
  };
  return new t.Type<A, A, unknown>(name, (u): u is A => !isLeft(validate(u, [])), validate, t.identity);
}
