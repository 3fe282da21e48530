/**
 * Headers of every engagement request: JSON both ways and no caching (as the
 * legacy SDK sent). No `Authorization`: this API takes no app key.
 *
 * @internal
 */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  Pragma: 'no-cache',
  'Cache-Control': 'private, max-age=0, no-cache, no-store',
};

export const GET_HEADERS: Readonly<Record<string, string>> = {
  Accept: 'application/json',
};
