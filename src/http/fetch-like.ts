/**
 * The smallest fetch surface engagement-rx needs, so any WHATWG-compatible
 * fetch (cross-fetch, the global fetch, undici, a test double) can be injected.
 *
 * @packageDocumentation
 */

/**
 * What the library passes to `fetch`.
 *
 * @example
 * ```ts
 * const init: FetchInit = { method: 'POST', headers: { Accept: 'application/json' }, body: '{}' };
 * ```
 * @since 0.1.0
 */
export interface FetchInit {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

/**
 * What the library reads from a response.
 *
 * @example
 * ```ts
 * async function read(res: FetchResponse) { return res.status === 200 ? JSON.parse(await res.text()) : undefined; }
 * ```
 * @since 0.1.0
 */
export interface FetchResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * A fetch function. `globalThis.fetch` and `cross-fetch` both fit.
 *
 * @example
 * ```ts
 * import { createEngagementClient, type FetchLike } from 'engagement-rx';
 * const client = createEngagementClient({ accountId: '12345678', fetch: globalThis.fetch as FetchLike });
 * ```
 * @since 0.1.0
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
