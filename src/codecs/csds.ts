/**
 * The CSDS (Domain API) answer listing every service of an account:
 * `{ baseURIs: [{ service, account, baseURI }] }`.
 *
 * @internal
 */
import * as t from 'io-ts';
import { decodeWith } from '../internal/validation';
import { NonEmptyString } from './primitives';

const Entry = t.type({ service: t.string, baseURI: NonEmptyString }, 'a service entry');

export const CsdsCodec = t.type({ baseURIs: t.readonlyArray(Entry, 'an array of service entries') }, 'a CSDS answer');

/** One service entry of a CSDS answer. */
export type CsdsEntry = t.TypeOf<typeof Entry>;

/** Decodes a parsed CSDS body. Never throws. */
export function decodeCsds(body: unknown) {
  return decodeWith(CsdsCodec, body);
}

/** The baseURI of the first service of `services` that the answer lists. */
export function pickService(entries: ReadonlyArray<CsdsEntry>, services: ReadonlyArray<string>): CsdsEntry | undefined {
  for (const name of services) {
    const found = entries.find((e) => e.service === name);
    if (found !== undefined) return found;
  }
  return undefined;
}
