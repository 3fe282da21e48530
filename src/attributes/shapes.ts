/**
 * The two shapes of an attribute on the wire, and the one builder of all ten:
 * - top-level fields next to `type` (`cart`, `purchase`, `prodView`, `searchInfo`);
 * - fields under a wrapper key (`info` for `ctmrinfo` and `mrktInfo`,
 *   `personal`, `lead`, `service`, `error`).
 *
 * @internal
 */
import * as t from 'io-ts';
import { withValidationError, type ValidationError, type ValidationIssue } from '../errors';
import { isLeft, left, type Either } from '../internal/either';
import { decodeWith, isRecord, kindOf } from '../internal/validation';
import { hasOwn, issueAt, setByBuilder, type Fields, type RecordCheck } from './record';

/**
 * The check of a wrapped attribute whose wrapped fields (`fields`, the
 * table of the wrapper's codec) may also be given next to `type`, as the
 * documentation's tables list them: read there (issues name them there),
 * they are moved under `wrapper`; a field given in both places is refused.
 *
 * @since 0.1.0
 * @internal
 */
export function moveUnder<A extends object, D extends A>(wrapper: keyof A & string, fields: Fields<Omit<D, keyof A>>): RecordCheck<D, A> {
  return (decoded, context) => {
    const value = decoded as Readonly<Record<string, unknown>>;
    const given = value[wrapper];
    const inner: Record<string, unknown> = { ...(isRecord(given) ? given : {}) };
    const out: Array<[string, unknown]> = [];
    const errors: t.Errors = [];
    for (const [key, field] of Object.entries(value)) {
      if (!hasOwn(fields, key)) out.push([key, field]);
      else if (hasOwn(inner, key)) errors.push(issueAt(context, key, `is given both here and in \`${wrapper}\``));
      else inner[key] = field; // a key of the table: never "__proto__"
    }
    if (errors.length > 0) return t.failures(errors);
    if (out.length < Object.keys(value).length) out.push([wrapper, inner]);
    return t.success(Object.fromEntries(out) as A);
  };
}

/**
 * The builder of an attribute, from its codec (named by its type): it
 * checks the fields it is given (issue paths name them as given), refuses
 * `type` and the wrapper key (it sets them), and answers the attribute in
 * its wire form. With `wrapper`, the fields go under that key.
 *
 * @since 0.1.0
 * @internal
 */
export function builder<A, F>(codec: t.Decoder<unknown, A>, wrapper?: string): (fields: F) => Either<ValidationError, A> {
  const type = codec.name;
  return (input) => {
    try {
      return withValidationError(build(type, codec, input, wrapper));
    } catch {
      // a getter or a proxy that throws: refused, never thrown
      return withValidationError(left([{ path: '(value)', reason: `could not be read as ${type} fields` }]));
    }
  };
}

function build<A>(type: string, codec: t.Decoder<unknown, A>, input: unknown, wrapper?: string): Either<ValidationIssue[], A> {
  if (!isRecord(input)) return left([{ path: '(value)', reason: `expected an object of ${type} fields, got ${kindOf(input)}` }]);
  const { type: _set, ...fields } = input;
  const issues = setByBuilder(input, wrapper ? ['type', wrapper] : ['type'], `is set by the builder${wrapper ? `; pass the \`${wrapper}\` fields directly` : ''}`);
  const decoded = decodeWith(codec, wrapper ? { type, [wrapper]: input } : { type, ...fields });
  // under a wrapper, every path starts with `<wrapper>.`: name the fields as the caller gave them
  if (isLeft(decoded)) for (const { path, reason } of decoded.left) issues.push({ path: wrapper ? path.slice(wrapper.length + 1) : path, reason });
  return issues.length > 0 ? left(issues) : decoded;
}
