/**
 * The CSDS (Domain API) answer listing every service of an account:
 * `{ baseURIs: [{ service, account, baseURI }] }`.
 *
 * @internal
 */
import * as t from 'io-ts';
import { decodeWith } from '../internal/validation';
import { NonEmptyString, list, struct } from './primitives';

/** One service entry of a CSDS answer. */
export interface CsdsEntry {
  readonly service: string;
  readonly baseURI: string;
}

const Entry = struct<CsdsEntry>('a service entry', { service: t.string, baseURI: NonEmptyString }, {});

export const CsdsCodec = struct<{ readonly baseURIs: ReadonlyArray<CsdsEntry> }>('a CSDS answer', { baseURIs: list(Entry, 'an array of service entries') }, {});

/** Decodes a parsed CSDS body. Never throws. */
export const decodeCsds = (body: unknown) => decodeWith(CsdsCodec, body);

/** The entry of the first service of `services` that the answer lists. */
export function pickService(entries: ReadonlyArray<CsdsEntry>, services: ReadonlyArray<string>): CsdsEntry | undefined {
  for (const name of services) {
    const found = entries.find((e) => e.service === name);
    if (found !== undefined) return found;
  }
  return undefined;
}
