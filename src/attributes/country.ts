/**
 * Country and language codes of the personal-info attribute.
 *
 * @internal
 */
import * as t from 'io-ts';

const TWO_LETTERS = /^[A-Za-z]{2}$/;

/**
 * An ISO 3166-1 alpha-2 country code (`"US"`). Only the shape is checked
 * (two letters; the list of assigned codes changes and user-assigned codes
 * such as `XK` are in use). Read in any case, written in upper case.
 *
 * @example
 * ```ts
 * CountryCode.decode('us'); // => right('US')
 * ```
 * @since 0.1.0
 * @internal
 */
export const CountryCode = new t.Type<string, string, unknown>(
  'a two-letter country code (ISO 3166-1 alpha-2)',
  (u): u is string => typeof u === 'string' && /^[A-Z]{2}$/.test(u),
  (u, c) => (typeof u === 'string' && TWO_LETTERS.test(u) ? t.success(u.toUpperCase()) : t.failure(u, c)),
  t.identity,
);

const LANGUAGE = /^[A-Za-z]{2}(?:[-_][A-Za-z]{2})?$/;

/**
 * A visitor language as documented: an ISO 639-1 language code, optionally
 * followed by `-` or `_` and an ISO 3166-1 alpha-2 country code (`en-US`,
 * `fr_CA`, `en`). The case is not checked; the value is kept as given.
 *
 * @example
 * ```ts
 * LanguageCode.is('en-US'); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const LanguageCode = new t.Type<string, string, unknown>(
  'a language code such as en-US (ISO 639-1, then - or _ and a country code)',
  (u): u is string => typeof u === 'string' && LANGUAGE.test(u),
  (u, c) => (typeof u === 'string' && LANGUAGE.test(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);
