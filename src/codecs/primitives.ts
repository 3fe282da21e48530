/**
 * Small io-ts codecs shared by the request and response codecs.
 *
 * @internal
 */
import * as t from 'io-ts';

/** A string id; numbers are accepted and normalized to their decimal string. */
export const Id = new t.Type<string, string, unknown>(
  'an id (a string or a number)',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) => {
    if (typeof u === 'string' && u.length > 0) return t.success(u);
    if (typeof u === 'number' && Number.isSafeInteger(u) && u >= 0) return t.success(String(u));
    return t.failure(u, c);
  },
  t.identity,
);

/** A finite number. */
export const FiniteNumber = new t.Type<number, number, unknown>(
  'a finite number',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => (typeof u === 'number' && Number.isFinite(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** A non-empty string. */
export const NonEmptyString = new t.Type<string, string, unknown>(
  'a non-empty string',
  (u): u is string => typeof u === 'string' && u.length > 0,
  (u, c) => (typeof u === 'string' && u.length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

// eslint-disable-next-line no-control-regex
const TOKEN = /^[^\s\u0000-\u001f\u007f]{1,256}$/;

/**
 * A visitor or session id as a client may send it: 1-256 characters, no
 * white space or control characters. The server decides what else is valid
 * (it answers 401 for a malformed one).
 */
export const IdToken = new t.Type<string, string, unknown>(
  'an id of 1-256 characters without spaces',
  (u): u is string => typeof u === 'string' && TOKEN.test(u),
  (u, c) => (typeof u === 'string' && TOKEN.test(u) ? t.success(u) : t.failure(u, c)),
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
    (u, c) => (u === undefined || u === null ? t.success(undefined) : codec.validate(u, c)),
    t.identity,
  );
}

/** A string enumeration, named `one of A, B, C` in messages. */
export function oneOf<K extends string>(values: ReadonlyArray<K>): t.Type<K, K, unknown> {
  const set = new Set<string>(values);
  return new t.Type<K, K, unknown>(
    `one of ${values.join(', ')}`,
    (u): u is K => typeof u === 'string' && set.has(u),
    (u, c) => (typeof u === 'string' && set.has(u) ? t.success(u as K) : t.failure(u, c)),
    t.identity,
  );
}

/** Drops keys whose value is `undefined`, so decoded values compare and serialize cleanly. */
export function compact<A extends object>(value: A): A {
  // A plain loop: this runs on every check (request body, response details), where
  // Object.fromEntries(Object.entries(…)) cost several microseconds. `__proto__` is skipped:
  // assigned, it would set the prototype instead of a field.
  const out: Record<string, unknown> = {};
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k) || k === '__proto__') continue;
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out as A;
}
