/**
 * The options of the keep-alive agents of engagement-rx's Node transports
 * (the default fetch and `nodeHttpFetch`).
 *
 * - `keepAlive`: connections are reused across checks.
 * - `maxSockets: 256` per origin: enough for a service's concurrent checks.
 * - `timeout: 4000`: an idle pooled connection is closed by the client after
 *   4 s. Servers close idle connections too (Node's default after 5 s,
 *   proxies and load balancers after 60 s or more), and a request sent on a
 *   connection at the moment the server closes it fails with "socket hang
 *   up" (a `network` error, then a retry seconds later). Node 20's agent
 *   ignores the server's `Keep-Alive: timeout=…` hint, so the client closes
 *   first. (While a request is in flight the socket timeout only emits an
 *   event; the client's own per-attempt timeout governs requests.)
 *
 * @internal
 */
export const KEEP_ALIVE_AGENT_OPTIONS = { keepAlive: true, maxSockets: 256, timeout: 4000 } as const;
