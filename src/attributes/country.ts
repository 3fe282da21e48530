/**
 * Country and language codes of the personal-info attribute.
 *
 * @internal
 */
import { refine } from './record';

/**
 * An ISO 3166-1 alpha-2 country code (`"US"`). Only the shape is checked
 * (two letters; the list of assigned codes changes and user-assigned codes
 * such as `XK` are in use). Read in any case, written in upper case.
 *
 * @since 0.1.0
 * @internal
 */
export const CountryCode = /* @__PURE__ */ refine('a two-letter country code', (u) =>
  typeof u === 'string' && /^[a-z]{2}$/i.test(u) ? u.toUpperCase() : undefined,
);

/**
 * A visitor language as documented: an ISO 639-1 language code, optionally
 * followed by `-` or `_` and an ISO 3166-1 alpha-2 country code (`en-US`,
 * `fr_CA`, `en`). The case is not checked; the value is kept as given.
 *
 * @since 0.1.0
 * @internal
 */
export const LanguageCode = /* @__PURE__ */ refine('a language code such as en-US', (u) =>
  typeof u === 'string' && /^[a-z]{2}([-_][a-z]{2})?$/i.test(u) ? u : undefined,
);
