/**
 * The smallest fetch surface engagement-rx needs, so any WHATWG-compatible
 * fetch (cross-fetch, the global fetch, undici, a test double) can be injected.
 *
 * @packageDocumentation
 */

/**
 * What the library passes to `fetch`.
 * @since 0.1.0
 * @category Transport
 */
export interface FetchInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
  /**
   * Always `'manual'`: engagement-rx never follows a redirect (a 3xx from the
   * engagement host could otherwise send the request, personal data
   * included, to any origin). A fetch that cannot honour it should answer
   * the 3xx as it is.
   */
  readonly redirect?: 'manual';
  /**
   * The largest body, in bytes after decompression, the fetch should read
   * (node-fetch's `size`: it fails the body when more arrives). A fetch
   * that ignores it is still held to the limit: engagement-rx counts what
   * it reads and stops there.
   */
  readonly size?: number;
}

/**
 * What the library reads from a response.
 *
 * @example
 * ```ts
 * async function read(res: FetchResponse) { return res.status === 200 ? JSON.parse(await res.text()) : undefined; }
 * ```
 * @since 0.1.0
 * @category Transport
 */
export interface FetchResponse {
  readonly status: number;
  /** `'opaqueredirect'` when a browser's fetch stopped at a redirect (`redirect: 'manual'`). */
  readonly type?: string;
  /** True when the fetch followed a redirect anyway: the answer is refused. */
  readonly redirected?: boolean;
  /** The URL the answer came from (the last one, when redirects were followed). */
  readonly url?: string;
  /** The body as a WHATWG `ReadableStream`, when the fetch gives one: it is then read with the size limit. */
  readonly body?: unknown;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * A fetch function. `globalThis.fetch` and `cross-fetch` both fit.
 *
 * @example
 * ```ts
 * import { createEngagementClient, type FetchLike } from 'engagement-rx';
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', fetch: globalThis.fetch as FetchLike });
 * ```
 * @since 0.1.0
 * @category Transport
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;

/**
 * The abort controller of one request: what the transport needs of an
 * `AbortController` (the platform's own, or the light one the default Node
 * fetch uses). Internal.
 *
 * @internal
 */
export interface AbortHandle {
  readonly signal: AbortSignal;
  abort(): void;
}

/**
 * The well-known key under which a fetch function may carry the abort
 * controller factory it prefers (`Symbol.for`, so the CommonJS and ES module
 * builds agree). The transports of engagement-rx (the default Node fetch,
 * `nodeHttpFetch`) carry the light controller; any other fetch gets the
 * platform's `AbortController`.
 *
 * @internal
 */
export const ABORT_CONTROLLER_FACTORY: unique symbol = Symbol.for('engagement-rx.abortControllerFactory');

/** The abort controller factory `fetch` carries, if any. */
export function abortControllerFactoryOf(fetch: FetchLike): (() => AbortHandle) | undefined {
  const factory: unknown = (fetch as unknown as { [ABORT_CONTROLLER_FACTORY]?: unknown })[ABORT_CONTROLLER_FACTORY];
  return typeof factory === 'function' ? (factory as () => AbortHandle) : undefined;
}

/** Returns `fetch`, marked as preferring `factory` for its abort controllers. */
export function withAbortControllerFactory(fetch: FetchLike, factory: () => AbortHandle): FetchLike {
  Object.defineProperty(fetch, ABORT_CONTROLLER_FACTORY, { value: factory });
  return fetch;
}
