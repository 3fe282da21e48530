/**
 * The default fetch: cross-fetch, which is node-fetch on Node and the
 * browser's own fetch in browsers. On Node, requests reuse connections
 * through keep-alive agents (node-fetch would otherwise send
 * `Connection: close` and open a socket per check).
 *
 * The agents come from `process.getBuiltinModule` (Node >= 20.16), so no
 * `node:http` import is visible to browser bundlers.
 *
 * @internal
 */
import crossFetch from 'cross-fetch';
import { withAbortControllerFactory, type FetchLike, type FetchInit, type FetchResponse } from './fetch-like';
import { lightAbortController } from './light-abort';
import { KEEP_ALIVE_AGENT_OPTIONS } from './keep-alive';

interface AgentModule {
  Agent: new (options: typeof KEEP_ALIVE_AGENT_OPTIONS) => unknown;
}

type AgentPicker = (url: URL) => unknown;

function nodeAgents(): AgentPicker | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const getBuiltin = proc?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return undefined;
  const http = getBuiltin('node:http') as AgentModule | undefined;
  const https = getBuiltin('node:https') as AgentModule | undefined;
  if (http === undefined || https === undefined) return undefined;
  const httpAgent = new http.Agent(KEEP_ALIVE_AGENT_OPTIONS);
  const httpsAgent = new https.Agent(KEEP_ALIVE_AGENT_OPTIONS);
  return (url) => (url.protocol === 'http:' ? httpAgent : httpsAgent);
}

/** A fetch with keep-alive on Node; one set of agents per call of this function. */
export function createDefaultFetch(): FetchLike {
  const agent = nodeAgents();
  const fetchFn = crossFetch as unknown as (url: string, init: FetchInit & { agent?: AgentPicker }) => Promise<FetchResponse>;
  const fetch: FetchLike = agent === undefined ? (url, init) => fetchFn(url, init) : (url, init) => fetchFn(url, { ...init, agent });
  // node-fetch 2 takes the light abort controller (Node's own costs ~40 µs per request, see light-abort.ts).
  return isNodeFetch2() ? withAbortControllerFactory(fetch, lightAbortController) : fetch;
}

let shared: FetchLike | undefined;

/** The process-wide default fetch (created on first use, shared by every client). */
export function defaultFetch(): FetchLike {
  shared ??= createDefaultFetch();
  return shared;
}

/** node-fetch 2 (cross-fetch on Node) is recognized by its non-standard `Headers#raw`. */
function isNodeFetch2(): boolean {
  const headers = (crossFetch as unknown as { Headers?: { prototype?: { raw?: unknown } } }).Headers;
  return typeof headers?.prototype?.raw === 'function';
}
