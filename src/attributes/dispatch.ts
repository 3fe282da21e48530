/**
 * Families of objects discriminated by `type` (the engagement attributes,
 * the impression events): the codec of one member, named by its type, and
 * the codec of the family, which reads `type` first and then checks the
 * object with that member's codec, so an issue names the exact field.
 *
 * @internal
 */
import * as t from 'io-ts';
import { isLeft } from '../internal/either';
import { isRecord } from '../internal/validation';
import { hasOwn, record, refine, required, type Fields, type RecordCheck } from './record';
import { literal } from './scalars';

/**
 * The codec of the member of `type`: a {@link record} of its other fields
 * (`fields`, typed by the member), with `type` checked too. The codec is
 * named by its type: {@link dispatch} and the builders read the name (and
 * check that the value is an object first, so the name never reads in an issue).
 *
 * @since 0.1.0
 * @internal
 */
export function member<A extends { readonly type: string }, D extends A = A>(
  type: A['type'],
  fields: Fields<Omit<D, 'type'>>,
  check?: RecordCheck<D, A>,
): t.Type<A, A, unknown> {
  return record<A, D>({ type: required(literal(type)), ...fields } as Fields<D>, check, type);
}

/**
 * The codecs of the members of a family `A`, one per type of `Types`, in
 * that order: a type left out, or a codec of another member, does not compile.
 *
 * @since 0.1.0
 * @internal
 */
export type Members<A extends { readonly type: string }, Types extends ReadonlyArray<A['type']>> = {
  readonly [I in keyof Types]: t.Decoder<unknown, Extract<A, { readonly type: Types[I] }>>;
};

/**
 * The codec of a family, from the codecs of its members (made by
 * {@link member}, in the documentation's order). A missing, non-string or
 * unknown `type` is refused at `type`: a type of the other family with the
 * reason `otherFamily` gives, another name of a type (`otherNames`) or one
 * that differs from a type only in case with a hint. It encodes as the
 * identity (decoded values are in their wire form).
 *
 * @since 0.1.0
 * @internal
 */
export function dispatch<A extends { readonly type: string }>(
  name: string,
  members: Members<A, ReadonlyArray<A['type']>>,
  otherFamily: (type: string) => string | undefined,
  otherNames: Readonly<Record<string, string>> = {},
): t.Type<A, A, unknown> {
  const known = members.map((codec) => codec.name);
  const TypeName = refine(`one of ${known.join(', ')}`, (u) => (typeof u === 'string' ? u : undefined));
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isRecord(u)) return t.failure(u, c);
    const at = t.appendContext(c, 'type', TypeName, u['type']);
    const read = TypeName.validate(u['type'], at);
    if (isLeft(read)) return read;
    const type = read.right;
    const codec = members.find((m) => m.name === type);
    if (codec) return codec.validate(u, c);
    const hint = hasOwn(otherNames, type) ? otherNames[type] : known.find((k) => k.toLowerCase() === type.toLowerCase());
    return t.failure(type, at, otherFamily(type) ?? `is not a known type${hint ? `: did you mean "${hint}"?` : ''} (expected ${TypeName.name})`);
  };
  return new t.Type<A, A, unknown>(name, (u): u is A => !isLeft(validate(u, [])), validate, t.identity);
}
