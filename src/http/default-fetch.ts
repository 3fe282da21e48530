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
import { closedError } from './failures';

interface AgentModule {
  Agent: new (options: typeof KEEP_ALIVE_AGENT_OPTIONS) => NodeAgent;
}

/** The little of Node's http objects used here (no `node:http` types in a browser build). */
interface NodeAgent {
  addRequest(req: NodeRequest, options: unknown): void;
}
interface NodeRequest {
  once(event: 'response', listener: (res: NodeResponse) => void): unknown;
}
interface NodeResponse {
  readonly complete: boolean;
  once(event: 'close', listener: () => void): unknown;
}

type AgentPicker = (url: URL) => unknown;

/**
 * Set by a fetch call just before node-fetch creates its request (which
 * node-fetch does synchronously, in the call): the agent hands the new
 * request to it.
 */
let watchNext: ((req: NodeRequest) => void) | undefined;

function watching(agent: NodeAgent): NodeAgent {
  const add = agent.addRequest.bind(agent);
  agent.addRequest = (req, options) => {
    const watch = watchNext;
    watchNext = undefined;
    watch?.(req);
    add(req, options);
  };
  return agent;
}

function nodeAgents(): AgentPicker | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const getBuiltin = proc?.getBuiltinModule;
  if (typeof getBuiltin !== 'function') return undefined;
  const http = getBuiltin('node:http') as AgentModule | undefined;
  const https = getBuiltin('node:https') as AgentModule | undefined;
  if (http === undefined || https === undefined) return undefined;
  const httpAgent = watching(new http.Agent(KEEP_ALIVE_AGENT_OPTIONS));
  const httpsAgent = watching(new https.Agent(KEEP_ALIVE_AGENT_OPTIONS));
  return (url) => (url.protocol === 'http:' ? httpAgent : httpsAgent);
}

interface Destroyable {
  destroy(error: Error): void;
}

/**
 * node-fetch 2 with keep-alive agents, and one fix: a body cut off by the
 * connection closing before its `Content-Length` arrived would leave
 * node-fetch waiting until the timeout; the body fails at once instead.
 */
function nodeFetch(fetchFn: (url: string, init: FetchInit & { agent?: AgentPicker }) => Promise<FetchResponse>, pick: AgentPicker): FetchLike {
  return (url, init) => {
    let cut = false;
    let body: Destroyable | undefined;
    const watch = (req: NodeRequest): unknown =>
      req.once('response', (res) =>
        res.once('close', () => {
          if (res.complete) return;
          cut = true;
          body?.destroy(closedError());
        }),
      );
    // node-fetch creates the request inside this call, synchronously: the agent hands it to `watch`.
    watchNext = watch;
    return fetchFn(url, { ...init, agent: pick }).then((res) => {
      body = res.body as Destroyable;
      if (cut) body.destroy(closedError());
      return res;
    });
  };
}

/** A fetch with keep-alive on Node; one set of agents per call of this function. */
export function createDefaultFetch(): FetchLike {
  const agent = nodeAgents();
  const fetchFn = crossFetch as unknown as (url: string, init: FetchInit & { agent?: AgentPicker }) => Promise<FetchResponse>;
  const fetch: FetchLike = agent === undefined ? (url, init) => fetchFn(url, init) : nodeFetch(fetchFn, agent);
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
