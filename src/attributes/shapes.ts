/**
 * The two shapes of an attribute on the wire, as codecs and as builders:
 * - top-level fields next to `type` (`cart`, `purchase`, `prodView`, `searchInfo`);
 * - fields under a wrapper key (`info` for `ctmrinfo` and `mrktInfo`,
 *   `personal`, `lead`, `service`, `error`).
 *
 * @internal
 */
import * as t from 'io-ts';
import { withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import { left, right, isLeft, type Either } from '../internal/either';
import { decodeWith, kindOf } from '../internal/validation';
import { hasOwn, isObjectLike, optional, record, required, setField, type FieldSpec } from './record';
import { literal } from './scalars';

/**
 * The codec of an attribute whose fields sit next to `type`.
 *
 * @example
 * ```ts
 * const CartCodec = topLevelAttribute<CartAttribute>('cart', 'a cart attribute', CART_FIELDS);
 * ```
 * @since 0.1.0
 * @internal
 */
export function topLevelAttribute<A extends { readonly type: string }>(
  type: A['type'],
  name: string,
  fields: Readonly<Record<string, FieldSpec>>,
): t.Type<A, A, unknown> {
  return record<A>(name, { type: required(literal(type)), ...fields });
}

/**
 * Options of {@link wrappedAttribute}.
 *
 * @example
 * ```ts
 * const options: WrappedOptions = { type: 'lead', wrapper: 'lead', name: 'a lead attribute', flatFields: [] };
 * ```
 * @since 0.1.0
 * @internal
 */
export interface WrappedOptions {
  /** The `type` discriminator. */
  readonly type: string;
  /** The key the fields sit under (`info`, `personal`, ...). */
  readonly wrapper: string;
  /** How the attribute is named in an issue. */
  readonly name: string;
  /**
   * Wrapped fields also accepted next to `type` (the documentation's tables
   * list them flat): they are read there and moved under the wrapper.
   */
  readonly flatFields: ReadonlyArray<string>;
}

/**
 * The codec of an attribute whose fields sit under a wrapper key. With
 * `flatFields`, a field given next to `type` is read there (issues name it
 * there) and moved under the wrapper; given in both places, it is refused.
 *
 * @example
 * ```ts
 * const LeadCodec = wrappedAttribute<LeadAttribute, LeadInfo>({ type: 'lead', wrapper: 'lead', name: 'a lead attribute', flatFields: [] }, LeadInfoCodec);
 * ```
 * @since 0.1.0
 * @internal
 */
export function wrappedAttribute<A extends { readonly type: string }, I extends object>(
  options: WrappedOptions,
  inner: t.Type<I, I, unknown>,
): t.Type<A, A, unknown> {
  const { type, wrapper, name, flatFields } = options;
  const outer = record<A>(name, { type: required(literal(type)), [wrapper]: optional(inner) });
  if (flatFields.length === 0) return outer;
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isObjectLike(u)) return t.failure(u, c);
    const flatKeys = Object.keys(u).filter((k) => flatFields.includes(k) && u[k] !== undefined);
    if (flatKeys.length === 0) return outer.validate(u, c);
    const rest: Record<string, unknown> = {};
    const flat: Record<string, unknown> = {};
    for (const key of Object.keys(u)) setField(flatKeys.includes(key) ? flat : rest, key, u[key]);
    const errors: t.ValidationError[] = [];
    const wrapped = rest[wrapper];
    if (isObjectLike(wrapped)) {
      for (const key of flatKeys) {
        if (wrapped[key] !== undefined) {
          errors.push({
            value: undefined,
            context: t.appendContext(c, key, t.unknown, undefined),
            message: `is given both here and in \`${wrapper}\` (give it once, in \`${wrapper}\`)`,
          });
        }
      }
    }
    const outerResult = outer.validate(rest, c);
    const flatResult = inner.validate(flat, c);
    if (isLeft(outerResult)) errors.push(...outerResult.left);
    if (isLeft(flatResult)) errors.push(...flatResult.left);
    if (errors.length > 0 || isLeft(outerResult) || isLeft(flatResult)) return t.failures(errors);
    const decoded: Record<string, unknown> = { ...outerResult.right };
    const decodedInner = decoded[wrapper];
    setField(decoded, wrapper, { ...flatResult.right, ...(isObjectLike(decodedInner) ? decodedInner : {}) });
    return t.success(decoded as A);
  };
  const codec: t.Type<A, A, unknown> = new t.Type<A, A, unknown>(
    name,
    (u): u is A => !isLeft(validate(u, t.getDefaultContext(codec))),
    validate,
    outer.encode,
  );
  return codec;
}

function refuseKeys(input: Readonly<Record<string, unknown>>, keys: ReadonlyArray<string>, why: string): ValidationIssue[] {
  return keys.filter((k) => hasOwn(input, k)).map((k) => ({ path: k, reason: why }));
}

function fieldsOf(what: string, input: unknown): Either<ValidationIssue[], Readonly<Record<string, unknown>>> {
  return isObjectLike(input) ? right(input) : left([{ path: '(value)', reason: `expected an object of ${what} fields, got ${kindOf(input)}` }]);
}

/**
 * Builds a top-level attribute from its fields: `{ type, ...fields }`.
 * Issue paths name the fields of `input`.
 *
 * @example
 * ```ts
 * buildTopLevel<CartAttribute>('cart', CartFieldsCodec, { total: 11.7, numItems: 6 });
 * ```
 * @since 0.1.0
 * @internal
 */
export function buildTopLevel<A>(type: string, fields: t.Decoder<unknown, object>, input: unknown): Either<ValidationError, A> {
  return withValidationError(topLevelIssues<A>(type, fields, input));
}

function topLevelIssues<A>(type: string, fields: t.Decoder<unknown, object>, input: unknown): Either<ValidationIssue[], A> {
  const object = fieldsOf(type, input);
  if (isLeft(object)) return object;
  const refused = refuseKeys(object.right, ['type'], 'is set by the builder; leave it out');
  const decoded = decodeWith(fields, object.right);
  const issues = [...refused, ...(isLeft(decoded) ? decoded.left : [])];
  if (issues.length > 0 || isLeft(decoded)) return left(issues);
  return right({ type, ...decoded.right } as A);
}

/**
 * Builds a wrapped attribute from the wrapper's fields: `{ type, [wrapper]: fields }`.
 * Issue paths name the fields of `input`.
 *
 * @example
 * ```ts
 * buildWrapped<LeadAttribute>('lead', 'lead', LeadInfoCodec, { topic: 'luxury car', value: 22.22 });
 * ```
 * @since 0.1.0
 * @internal
 */
export function buildWrapped<A>(type: string, wrapper: string, fields: t.Decoder<unknown, object>, input: unknown): Either<ValidationError, A> {
  return withValidationError(wrappedIssues<A>(type, wrapper, fields, input));
}

function wrappedIssues<A>(type: string, wrapper: string, fields: t.Decoder<unknown, object>, input: unknown): Either<ValidationIssue[], A> {
  const object = fieldsOf(type, input);
  if (isLeft(object)) return object;
  const refused = refuseKeys(object.right, wrapper === 'type' ? ['type'] : ['type', wrapper], `is set by the builder; pass the \`${wrapper}\` fields directly`);
  const decoded = decodeWith(fields, object.right);
  const issues = [...refused, ...(isLeft(decoded) ? decoded.left : [])];
  if (issues.length > 0 || isLeft(decoded)) return left(issues);
  const out: Record<string, unknown> = { type };
  setField(out, wrapper, decoded.right);
  return right(out as A);
}
