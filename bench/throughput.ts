/**
 * Checks per second through `client.getEngagement` versus a plain
 * cross-fetch + JSON.parse loop sending the same request, against the
 * emulator over loopback, in one run. Rounds are interleaved and the median
 * of each is reported, so drift of the machine hits every contender alike.
 */
import crossFetch from 'cross-fetch';
import { Agent } from 'node:http';
import { lastValueFrom } from 'rxjs';
import type { createEngagementClient as CreateClient } from '../src/index';

// The benchmark measures the built package, as users run it (`npm run bench` builds first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createEngagementClient } = require('../dist/index.js') as { createEngagementClient: typeof CreateClient };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeHttpFetch } = require('../dist/node.js') as { nodeHttpFetch: Parameters<typeof CreateClient>[0]['fetch'] };
import type { ChildEmulator } from './emulator-process';

type Fetch = (url: string, init: Record<string, unknown>) => Promise<{ status: number; text(): Promise<string> }>;
const fetchFn = crossFetch as unknown as Fetch;

export interface ThroughputOptions {
  readonly requests: number;
  readonly concurrency: number;
  readonly rounds: number;
}

export interface ThroughputResult {
  readonly contender: string;
  readonly checksPerSecond: number;
}

const headers = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
  Pragma: 'no-cache',
  'Cache-Control': 'private, max-age=0, no-cache, no-store',
};
const body = JSON.stringify({ appType: 'EXTERNAL', consumerSections: ['Support'] });

async function timed(total: number, concurrency: number, one: (worker: number) => Promise<void>): Promise<number> {
  let next = 0;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        next++;
        await one(worker);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return total / seconds;
}

/** One visitor per worker, created up front, so every contender sends vid + sid like a second call. */
async function visitors(emulator: ChildEmulator, n: number): Promise<Array<{ vid: string; sid: string }>> {
  const out: Array<{ vid: string; sid: string }> = [];
  for (let i = 0; i < n; i++) {
    const res = await fetchFn(`${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', headers, body });
    const json = JSON.parse(await res.text()) as { visitorId: string; sessionId: string };
    out.push({ vid: json.visitorId, sid: json.sessionId });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export async function runThroughput(emulator: ChildEmulator, options: ThroughputOptions): Promise<ThroughputResult[]> {
  const ids = await visitors(emulator, options.concurrency);
  const url = (w: number) => {
    const v = ids[w] as { vid: string; sid: string };
    return `${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/${v.vid}?v=1.0&sid=${v.sid}`;
  };
  // Idle sockets closed before the emulator's 5 s keep-alive timeout, like the library's agents (src/http/keep-alive.ts).
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  const clients = ids.map(() =>
    createEngagementClient({ accountId: emulator.accountId, domain: emulator.url }),
  );
  const nodeClients = ids.map(() => createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, fetch: nodeHttpFetch }));
  // Give each client its worker's visitor with a first check.
  for (const set of [clients, nodeClients]) {
    await Promise.all(set.map((c, w) => lastValueFrom(c.getEngagement({ consumerSections: ['Support'], vid: (ids[w] as { vid: string }).vid, sid: (ids[w] as { sid: string }).sid }))));
  }

  const contenders: Array<[string, (w: number) => Promise<void>]> = [
    [
      'plain cross-fetch + JSON.parse',
      async (w) => {
        const res = await fetchFn(url(w), { method: 'POST', headers, body });
        JSON.parse(await res.text());
      },
    ],
    [
      'plain cross-fetch (keep-alive agent) + JSON.parse',
      async (w) => {
        const res = await fetchFn(url(w), { method: 'POST', headers, body, agent: keepAlive });
        JSON.parse(await res.text());
      },
    ],
    [
      // What a careful user writes by hand to get the client's transport features: connections reused,
      // a per-request timeout, abort on demand. No validation, decoding, retries or session.
      'cross-fetch by hand: keep-alive, AbortController, timeout + JSON.parse',
      async (w) => {
        const controller = new AbortController();
        const timeout = setTimeout(() => controller.abort(), 10_000);
        try {
          const res = await fetchFn(url(w), { method: 'POST', headers, body, agent: keepAlive, signal: controller.signal });
          JSON.parse(await res.text());
        } finally {
          clearTimeout(timeout);
        }
      },
    ],
    [
      'client.getEngagement',
      async (w) => {
        const r = await lastValueFrom((clients[w] as (typeof clients)[number]).getEngagement({ consumerSections: ['Support'] }));
        if (r._tag === 'Left') throw new Error(`check failed: ${r.left.message}`);
      },
    ],
    [
      // The same transport the next contender uses, by hand: what the client's own pipeline costs on top of it.
      'nodeHttpFetch by hand (no abort signal, no timeout) + JSON.parse',
      async (w) => {
        const res = await (nodeHttpFetch as unknown as Fetch)(url(w), { method: 'POST', headers, body });
        JSON.parse(await res.text());
      },
    ],
    [
      'client.getEngagement with fetch: nodeHttpFetch (engagement-rx/node)',
      async (w) => {
        const r = await lastValueFrom((nodeClients[w] as (typeof nodeClients)[number]).getEngagement({ consumerSections: ['Support'] }));
        if (r._tag === 'Left') throw new Error(`check failed: ${r.left.message}`);
      },
    ],
  ];
  const samples = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
  for (const [, one] of contenders) await timed(Math.min(500, options.requests), options.concurrency, one); // warm-up
  for (let round = 0; round < options.rounds; round++) {
    for (const [name, one] of contenders) samples.get(name)?.push(await timed(options.requests, options.concurrency, one));
  }
  keepAlive.destroy();
  return contenders.map(([name]) => ({ contender: name, checksPerSecond: median(samples.get(name) ?? []) }));
}
