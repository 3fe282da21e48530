/**
 * Small io-ts codecs and combinators shared by the request and response
 * codecs. io-ts is whole in every bundle that validates, so these build on
 * its `Type` rather than on hand-written checks.
 *
 * @internal
 */
import * as t from 'io-ts';

/** A codec of the values `test` accepts, unchanged, named `name` in messages. */
export function refine<A>(name: string, test: (u: unknown) => boolean): t.Type<A, A, unknown> {
  return new t.Type<A, A, unknown>(name, (u): u is A => test(u), (u, c) => (test(u) ? t.success(u as A) : t.failure(u, c)), t.identity);
}

const isString = (u: unknown): u is string => typeof u === 'string';

/** A string id; numbers are accepted and normalized to their decimal string. */
export const Id = new t.Type<string, string, unknown>(
  'an id (a string or a number)',
  (u): u is string => isString(u) && u !== '',
  (u, c) => (isString(u) && u !== '' ? t.success(u) : typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? t.success(String(u)) : t.failure(u, c)),
  t.identity,
);

/** A finite number. */
export const FiniteNumber = refine<number>('a finite number', Number.isFinite);

/** A non-empty string. */
export const NonEmptyString = refine<string>('a non-empty string', (u) => isString(u) && u !== '');

/** The longest visitor or session id engagement-rx sends or keeps, in UTF-16 code units. */
export const MAX_ID_LENGTH = 256;

// One character of an id: anything but white space, control characters and surrogates, or a surrogate pair.
// eslint-disable-next-line no-control-regex
const ID = /^(?:[^\s\u0000-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff]){1,256}$/;

/**
 * Whether `u` can be a visitor or session id in a URL path or query: 1-256
 * characters, no white space, control characters or lone surrogates (which
 * no URL can carry), and not `.` or `..` (which a URL resolves away). The
 * server decides what else is valid (it answers 401 for a malformed one).
 */
export const isIdToken = (u: unknown): u is string => isString(u) && ID.test(u) && u !== '.' && u !== '..';

const ID_TOKEN = `an id of 1-${MAX_ID_LENGTH} characters (no spaces, control characters or lone surrogates; not . or ..)`;

/** A visitor or session id as a client may send it: see {@link isIdToken}. */
export const IdToken = refine<string>(ID_TOKEN, isIdToken);

/** A visitor or session id from the server: an {@link Id} (numbers normalized to strings) that {@link isIdToken} accepts. */
export const ServerIdToken = new t.Type<string, string, unknown>(
  ID_TOKEN,
  isIdToken,
  (u, c) => {
    const id = Id.validate(u, c);
    return id._tag === 'Right' && isIdToken(id.right) ? id : t.failure(u, c);
  },
  t.identity,
);

/**
 * Accepts `undefined` and `null` as "absent" (servers written in Java often
 * send `null` for a missing optional field) and removes them.
 */
export function optional<A>(codec: t.Type<A, A, unknown>): t.Type<A | undefined, A | undefined, unknown> {
  return new t.Type<A | undefined, A | undefined, unknown>(
    codec.name,
    (u): u is A | undefined => u === undefined || codec.is(u),
    (u, c) => (u == null ? t.success(undefined) : codec.validate(u, c)),
    t.identity,
  );
}

/** A string enumeration, named `one of A, B, C` in messages. */
export function oneOf<K extends string>(values: ReadonlyArray<K>): t.Type<K, K, unknown> {
  return refine<K>(`one of ${values.join(', ')}`, (u) => values.includes(u as K));
}

/** Drops keys whose value is `undefined`, so decoded values compare and serialize cleanly. */
export function compact<A extends object>(value: A): A {
  // A plain loop: this runs on every check (request body, response details). `__proto__` is
  // skipped: assigned, it would set the prototype instead of a field.
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (Object.prototype.hasOwnProperty.call(value, k) && k !== '__proto__' && v !== undefined) out[k] = v;
  }
  return out as A;
}

/**
 * An array of values `item` accepts, each checked at its index (`[2]`);
 * the array itself when no item changed. (io-ts's own array codecs would
 * add their code to every bundle; this is all the core needs.)
 */
/** The reason given for a field whose getter (or a proxy's trap) threw while it was read. */
const UNREADABLE = 'could not be read (a getter or a proxy threw)';

export function list<A>(item: t.Decoder<unknown, A>, name: string): t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown> {
  const validate = (u: unknown, c: t.Context): t.Validation<ReadonlyArray<A>> => {
    if (!Array.isArray(u)) return t.failure(u, c);
    const errors: t.Errors = [];
    let out: unknown[] | undefined;
    try {
      u.forEach((v: unknown, i) => {
        const r = item.validate(v, t.appendContext(c, String(i), item, v));
        if (r._tag === 'Left') errors.push(...r.left);
        else if (r.right !== v) (out ??= [...u])[i] = r.right;
      });
    } catch {
      return t.failure(u, c, UNREADABLE);
    }
    return errors.length > 0 ? t.failures(errors) : t.success((out ?? u) as ReadonlyArray<A>);
  };
  const codec: t.Type<ReadonlyArray<A>, ReadonlyArray<A>, unknown> = new t.Type(name, (u): u is ReadonlyArray<A> => validate(u, t.getDefaultContext(codec))._tag === 'Right', validate, t.identity);
  return codec;
}

/** The codec of each field of `T`: a field missing here, an extra one, or a codec whose values do not fit fails to compile. */
export type Fields<T> = { readonly [K in keyof T]-?: t.Decoder<unknown, Exclude<T[K], undefined>> };

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];

/**
 * An object codec linked to its type `T` at compile time: `required` lists
 * the codec of every required field of `T`, `optional` of every optional one
 * (absent or `undefined` there means absent; with `lenient`, so does `null`,
 * and the key is then left out). Fields it does not know are kept as they
 * are. The value itself is returned when decoding changed nothing.
 */
export function struct<T extends object>(
  name: string,
  required: Fields<Omit<T, OptionalKeys<T>>>,
  optionalFields: Fields<Pick<T, OptionalKeys<T>>>,
  lenient = false,
): t.Type<T, T, unknown> {
  const fields: Array<[string, t.Decoder<unknown, unknown>, boolean]> = [];
  for (const [k, d] of Object.entries(required)) fields.push([k, d as t.Decoder<unknown, unknown>, true]);
  for (const [k, d] of Object.entries(optionalFields)) fields.push([k, d as t.Decoder<unknown, unknown>, false]);
  const validate = (u: unknown, c: t.Context): t.Validation<T> => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c);
    const given = u as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    const errors: t.Errors = [];
    for (const [key, decoder, needed] of fields) {
      let value: unknown;
      try {
        value = given[key];
        if (!needed && (value === undefined || (lenient && value === null))) {
          if (value === null) delete (out ??= compact(given))[key];
          continue;
        }
        const r = decoder.validate(value, t.appendContext(c, key, decoder, value));
        if (r._tag === 'Left') errors.push(...r.left);
        else if (r.right !== value) (out ??= compact(given))[key] = r.right;
      } catch {
        errors.push({ value, context: t.appendContext(c, key, decoder, value), message: UNREADABLE });
      }
    }
    return errors.length > 0 ? t.failures(errors) : t.success((out ?? u) as T);
  };
  const codec: t.Type<T, T, unknown> = new t.Type<T, T, unknown>(name, (u): u is T => validate(u, t.getDefaultContext(codec))._tag === 'Right', validate, t.identity);
  return codec;
}
