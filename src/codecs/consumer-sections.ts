/**
 * `consumerSections`: an array of section names, or the comma-delimited
 * string the seed table mentions, normalized to an array of trimmed names.
 *
 * @internal
 */
import * as t from 'io-ts';

const SectionName = new t.Type<string, string, unknown>(
  'a non-blank section name',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) => (typeof u === 'string' && u.trim().length > 0 ? t.success(u.trim()) : t.failure(u, c)),
  t.identity,
);

const SectionArray = t.readonlyArray(SectionName);

export const ConsumerSectionsCodec = new t.Type<ReadonlyArray<string>, ReadonlyArray<string>, unknown>(
  'an array of section names or a comma-delimited string',
  (u): u is ReadonlyArray<string> => SectionArray.is(u),
  (u, c) => {
    if (typeof u === 'string') {
      return t.success(
        u
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      );
    }
    if (Array.isArray(u)) return SectionArray.validate(u, t.appendContext(c, '', SectionArray, u));
    return t.failure(u, c);
  },
  t.identity,
);
