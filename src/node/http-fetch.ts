/**
 * A fetch for Node services built on `node:http` / `node:https`: the
 * throughput transport. Node only.
 *
 * @packageDocumentation
 */
import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { FetchInit, FetchLike, FetchResponse } from '../http/fetch-like';
import { withAbortControllerFactory } from '../http/fetch-like';
import { abortError, lightAbortController } from '../http/light-abort';
import { closedError, tooLargeError } from '../http/failures';
import { KEEP_ALIVE_AGENT_OPTIONS } from '../http/keep-alive';

/** One pair of keep-alive agents per process, made on first use (the same options as the default fetch's). */
let agents: { http: HttpAgent; https: HttpsAgent } | undefined;

/** The process's agents of nodeHttpFetch (made on first use). @internal */
export function nodeHttpAgents(): { readonly http: HttpAgent; readonly https: HttpsAgent } {
  agents ??= { http: new HttpAgent(KEEP_ALIVE_AGENT_OPTIONS), https: new HttpsAgent(KEEP_ALIVE_AGENT_OPTIONS) };
  return agents;
}

function agentFor(protocol: string): HttpAgent | HttpsAgent {
  const pair = nodeHttpAgents();
  return protocol === 'https:' ? pair.https : pair.http;
}

/** The response's headers as fetch exposes them: case-insensitive, repeated values joined by ", ". */
function headerReader(res: IncomingMessage): FetchResponse['headers'] {
  return {
    get(name: string): string | null {
      const value = res.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** Node's codes for a connection the server closed under a request. */
const STALE_CONNECTION_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE']);

function send(url: string, init: FetchInit): Promise<FetchResponse> {
  return new Promise<FetchResponse>((resolve, reject) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch (thrown) {
      reject(thrown);
      return;
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      const error = new Error(`nodeHttpFetch sends http: and https: requests only, not ${target.protocol}`);
      error.name = 'UnsupportedProtocol';
      reject(error);
      return;
    }
    const signal = init.signal;
    if (signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const agent = agentFor(target.protocol);
    let settled = false;
    let req: ClientRequest;
    const onAbort = (): void => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(abortError());
    };
    const done = (): void => {
      settled = true;
      signal?.removeEventListener('abort', onAbort);
    };
    const start = (mayResend: boolean): void => {
      let answered = false;
      req = request(target, { method: init.method, headers, agent }, (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let bytes = 0;
        const max = init.size;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (max === undefined || bytes <= max || settled) return void chunks.push(chunk);
          // Over the size limit: stop reading (the connection is not reused).
          done();
          req.destroy();
          reject(tooLargeError(max));
        });
        res.on('end', () => {
          if (settled) return;
          done();
          // Decoded once, whole: a UTF-8 character split across chunks stays intact.
          const text = chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: headerReader(res), text: () => Promise.resolve(text) });
        });
        res.on('error', (error) => {
          if (settled) return;
          done();
          reject(res.complete ? error : closedError());
        });
        res.on('close', () => {
          // Closed before 'end': the connection dropped mid-body.
          if (settled) return;
          done();
          reject(closedError());
        });
      });
      const sent = req;
      sent.on('error', (error: NodeJS.ErrnoException) => {
        if (settled || sent !== req) return;
        // A pooled connection the server closed just as this request went out: the server never read it,
        // so it is sent once more on a new connection (what Node's documentation advises, see
        // `request.reusedSocket`). Any other failure, or a second one, is the answer.
        if (mayResend && !answered && sent.reusedSocket && STALE_CONNECTION_CODES.has(error.code ?? '')) {
          start(false);
          return;
        }
        done();
        reject(error);
      });
      sent.end(init.body);
    };
    start(true);
    signal?.addEventListener('abort', onAbort);
  });
}

/**
 * A fetch on `node:http` / `node:https` with keep-alive connections (idle
 * ones closed after 4 s, before servers close them), for Node
 * services that run many checks (see docs/performance.md: the default
 * cross-fetch transport costs a third more CPU per check). It does what the
 * client needs of a fetch and nothing more:
 *
 * - the method, the headers and a string body (with `Content-Length`);
 * - the whole body read as UTF-8 text; the status and the headers
 *   (`headers.get`, case-insensitive);
 * - abort by the request's signal (the client's timeout and unsubscription);
 * - a request that fails on a reused connection before any answer
 *   (`ECONNRESET`/`EPIPE`: the server closed it as the request went out) is
 *   sent once more on a new connection, as Node's documentation advises;
 * - no redirects followed (a 3xx is an answer, which the client reports as
 *   an `http` error), no compression asked for, no cookies, no proxies
 *   (use the default fetch, or inject your own, where you need them).
 *
 * Network failures reject with Node's error (its `code`, such as
 * `ECONNREFUSED`, becomes the `cause` of the client's `network` error).
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 * import { nodeHttpFetch } from 'engagement-rx/node';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', fetch: nodeHttpFetch });
 * ```
 * @since 0.1.0
 * @category Node
 */
export const nodeHttpFetch: FetchLike = withAbortControllerFactory((url, init) => send(url, init), lightAbortController);
