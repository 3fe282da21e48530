/**
 * `npx tsx bench/layers.ts`: CPU per check in the benchmark process, layer by
 * layer, from a bare cross-fetch request up to `client.getEngagement` (the
 * diagnostic table of docs/performance.md, "What was measured while looking
 * for the gap"). Runs the sources (not the build); the emulator runs in a
 * child process from the build (`npm run build` first). Medians of 5 rounds
 * of 8,000 checks, 50 at a time, contenders interleaved.
 */
import crossFetch from 'cross-fetch';
import { Agent } from 'node:http';
import { asyncScheduler, lastValueFrom } from 'rxjs';
import { startChildEmulator } from './emulator-process';
import { createSession$ } from '../src/http/create-session';
import { httpRequest$, type HttpEnv } from '../src/http/request';
import { createDefaultFetch } from '../src/http/default-fetch';
import { lightAbortController } from '../src/http/light-abort';
import { createEngagementClient } from '../src/index';

type Fetch = (url: string, init: Record<string, unknown>) => Promise<{ text(): Promise<string> }>;
const fetchFn = crossFetch as unknown as Fetch;
const headers = { Accept: 'application/json', 'Content-Type': 'application/json', Pragma: 'no-cache', 'Cache-Control': 'private, max-age=0, no-cache, no-store' };
const body = JSON.stringify({ appType: 'EXTERNAL', consumerSections: ['Support'] });
const WORKERS = 50;
const CHECKS = 8000;
const ROUNDS = 5;

async function main(): Promise<void> {
  const emulator = await startChildEmulator();
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  try {
    const visitors: Array<{ visitorId: string; sessionId: string }> = [];
    for (let i = 0; i < WORKERS; i++) {
      const res = await fetchFn(`${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/?v=1.0`, { method: 'POST', headers, body });
      visitors.push(JSON.parse(await res.text()) as { visitorId: string; sessionId: string });
    }
    const visitor = (w: number) => visitors[w] as { visitorId: string; sessionId: string };
    const url = (w: number) => `${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/${visitor(w).visitorId}?v=1.0&sid=${visitor(w).sessionId}`;
    const defaultFetch = createDefaultFetch();
    const env: HttpEnv = { fetch: defaultFetch, timeoutMs: 10_000, scheduler: asyncScheduler }; // the fetch brings its light abort controller
    const clients = visitors.map(() => createEngagementClient({ accountId: emulator.accountId, domain: emulator.url }));
    await Promise.all(clients.map((c, w) => lastValueFrom(c.getEngagement({ consumerSections: ['Support'], vid: visitor(w).visitorId, sid: visitor(w).sessionId }))));

    const layers: Array<[string, (w: number) => Promise<unknown>]> = [
      ['plain cross-fetch', async (w) => JSON.parse(await (await fetchFn(url(w), { method: 'POST', headers, body })).text())],
      ['the same with a keep-alive agent', async (w) => JSON.parse(await (await fetchFn(url(w), { method: 'POST', headers, body, agent: keepAlive })).text())],
      [
        "the same with Node's AbortController signal",
        async (w) => JSON.parse(await (await fetchFn(url(w), { method: 'POST', headers, body, agent: keepAlive, signal: new AbortController().signal })).text()),
      ],
      [
        'the same with the light signal',
        async (w) => JSON.parse(await (await fetchFn(url(w), { method: 'POST', headers, body, agent: keepAlive, signal: lightAbortController().signal })).text()),
      ],
      ['+ the HTTP exchange (httpRequest$)', (w) => lastValueFrom(httpRequest$(env, { operation: 'createSession', method: 'POST', url: url(w), headers: { ...headers }, body }))],
      [
        '+ Create Session decoding (createSession$)',
        (w) => lastValueFrom(createSession$(env, { origin: emulator.url, accountId: emulator.accountId, vid: visitor(w).visitorId, sid: visitor(w).sessionId }, body)),
      ],
      ['+ the client (client.getEngagement)', (w) => lastValueFrom((clients[w] as (typeof clients)[number]).getEngagement({ consumerSections: ['Support'] }))],
    ];
    const samples = new Map<string, number[]>(layers.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, one] of layers) {
        let next = 0;
        const before = process.cpuUsage();
        await Promise.all(
          Array.from({ length: WORKERS }, async (_, w) => {
            while (next < CHECKS) {
              next++;
              await one(w);
            }
          }),
        );
        const used = process.cpuUsage(before);
        samples.get(name)?.push((used.user + used.system) / CHECKS);
      }
    }
    console.log(`CPU per check in this process (median of ${ROUNDS} rounds of ${CHECKS} checks, ${WORKERS} at a time)`);
    for (const [name] of layers) {
      const xs = [...(samples.get(name) ?? [])].sort((a, b) => a - b);
      console.log(`${name.padEnd(48)} ${(xs[Math.floor(xs.length / 2)] ?? 0).toFixed(0).padStart(5)} µs   (rounds: ${xs.map((x) => x.toFixed(0)).join(' ')})`);
    }
  } finally {
    keepAlive.destroy();
    await emulator.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
