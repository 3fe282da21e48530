/**
 * `consumerSections`: an array of section names, or the comma-delimited
 * string the API also takes, normalized to an array of trimmed names.
 *
 * @internal
 */
import * as t from 'io-ts';
import { list } from './primitives';

const SectionName = new t.Type<string, string, unknown>(
  'a non-blank section name',
  (u): u is string => typeof u === 'string' && u.trim() !== '',
  (u, c) => (typeof u === 'string' && u.trim() !== '' ? t.success(u.trim()) : t.failure(u, c)),
  t.identity,
);

const SectionArray = list(SectionName, 'an array of section names');

export const ConsumerSectionsCodec = new t.Type<ReadonlyArray<string>, ReadonlyArray<string>, unknown>(
  'an array of section names or a comma-delimited string',
  SectionArray.is,
  (u, c) =>
    typeof u === 'string'
      ? t.success(u.split(',').map((s) => s.trim()).filter((s) => s !== ''))
      : Array.isArray(u)
        ? SectionArray.validate(u, t.appendContext(c, '', SectionArray, u))
        : t.failure(u, c),
  t.identity,
);
