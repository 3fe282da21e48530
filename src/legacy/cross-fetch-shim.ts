/**
 * Stands in for `cross-fetch` in the legacy browser bundle
 * (`dist/engagement-rx.legacy.js`): the page's own `fetch`, looked up at
 * each call (so a page or a test may install it after the bundle loaded).
 *
 * @internal
 */
import type { FetchInit, FetchResponse } from '../http/fetch-like';

type GlobalFetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** Calls `globalThis.fetch` (as a method of the global, as browsers require). */
export default function pageFetch(url: string, init: FetchInit): Promise<FetchResponse> {
  const g = globalThis as unknown as { fetch?: GlobalFetch };
  if (typeof g.fetch !== 'function') return Promise.reject(new TypeError('this page has no fetch'));
  return g.fetch(url, init);
}
