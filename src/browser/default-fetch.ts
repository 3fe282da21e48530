/**
 * The default fetch of the browser build: the page's own `fetch`. It stands
 * in for `src/http/default-fetch.ts` (cross-fetch, keep-alive agents) in
 * every browser bundle, so the cross-fetch ponyfill never reaches one (see
 * `browserFetchPlugin` in ./bundling.ts, used by tsup.config.ts).
 *
 * `globalThis.fetch` is read at each call, not captured once: a page (or a
 * test) may install or wrap it after the library loaded, and calling it
 * detached from `globalThis` would throw "Illegal invocation" in browsers.
 * A browser without fetch (every engine that runs ES2015 has one) gets a
 * network error whose cause is `FetchUnavailable`: pass `fetch` in the
 * client's configuration there, e.g. cross-fetch.
 *
 * @internal
 */
import type { FetchInit, FetchLike, FetchResponse } from '../http/fetch-like';

type GlobalFetch = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** Thrown (as a rejection) when the page has no `fetch`. */
function unavailable(): Promise<FetchResponse> {
  const error = new Error('globalThis.fetch is not available: pass `fetch` in the client configuration (for example cross-fetch)');
  error.name = 'FetchUnavailable';
  return Promise.reject(error);
}

/**
 * A fetch that delegates to `globalThis.fetch` at call time.
 *
 * @example
 * ```ts
 * const fetch = createDefaultFetch();
 * const res = await fetch('https://va.v.liveperson.net/api/...', { method: 'GET', headers: {} });
 * ```
 * @since 0.1.0
 * @internal
 */
export function createDefaultFetch(): FetchLike {
  return (url, init) => {
    const native = (globalThis as { fetch?: GlobalFetch }).fetch;
    return typeof native === 'function' ? native.call(globalThis, url, init) : unavailable();
  };
}

let shared: FetchLike | undefined;

/**
 * The default fetch shared by every client of the page (same name and
 * signature as the Node module it replaces).
 *
 * @example
 * ```ts
 * const env = { fetch: defaultFetch(), timeoutMs: 10_000 };
 * ```
 * @since 0.1.0
 * @internal
 */
export function defaultFetch(): FetchLike {
  shared ??= createDefaultFetch();
  return shared;
}
