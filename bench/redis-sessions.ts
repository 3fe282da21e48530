/**
 * What the Redis session store adds to a check: the same checks, one at a
 * time, through a client whose sessions are in memory and through one whose
 * sessions are in Redis (node-redis over a unix socket, a private
 * redis-server started for the run), in interleaved rounds so both see the
 * same machine. Every check continues a known visitor (read before the
 * send, saved before the answer). Loads the built package (dist/).
 */
import { performance } from 'node:perf_hooks';
import { lastValueFrom } from 'rxjs';
import { createClient } from 'redis';
import type { createEngagementClient as CreateClient, EngagementClient } from '../src/index';
import type { nodeRedis as NodeRedis, redisSessionStore as RedisSessionStore } from '../src/redis/index';
import { startPrivateRedis } from '../spec/helpers/redis-server';
import type { ChildEmulator } from './emulator-process';
import { forVisitor } from '../src/node/index';

export interface RedisSessionFigures {
  readonly checks: number;
  readonly memory: { readonly p50: number; readonly p99: number };
  readonly redis: { readonly p50: number; readonly p99: number };
}

const quantile = (sorted: ReadonlyArray<number>, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const summary = (ms: number[]): { p50: number; p99: number } => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};

export async function runRedisSessions(emulator: ChildEmulator, options: { readonly visitors: number; readonly rounds: number }): Promise<RedisSessionFigures> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createEngagementClient } = require('../dist/index.js') as { createEngagementClient: typeof CreateClient };
  const { nodeRedis, redisSessionStore } = require('../dist/redis.js') as { nodeRedis: typeof NodeRedis; redisSessionStore: typeof RedisSessionStore };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = await startPrivateRedis();
  const redis = await createClient({ socket: { path: server.socket, tls: false }, disableOfflineQueue: true }).connect();
  try {
    const config = { accountId: emulator.accountId, domain: emulator.url };
    const memory = createEngagementClient(config);
    const shared = createEngagementClient({ ...config, session: redisSessionStore(nodeRedis(redis)) });
    const keys = Array.from({ length: options.visitors }, (_, v) => `visitor-${v}`);
    const check = async (client: EngagementClient): Promise<number> => {
      const start = performance.now();
      const r = await lastValueFrom(client.getEngagement({ consumerSections: ['Support'] }));
      const ms = performance.now() - start;
      if (r._tag === 'Left') throw new Error(`a check failed: ${r.left.message}`);
      return ms;
    };
    // Each visitor is created once per store (not timed). As a service does, a handle is made per
    // request: the memory store restores the session when it is made, Redis is read before the check.
    for (const k of keys) {
      await check(forVisitor(memory, k));
      await check(forVisitor(shared, k));
    }
    const times = { memory: [] as number[], redis: [] as number[] };
    for (let round = 0; round < options.rounds; round++) {
      for (const k of keys) times.memory.push(await check(forVisitor(memory, k)));
      for (const k of keys) times.redis.push(await check(forVisitor(shared, k)));
    }
    return { checks: times.memory.length, memory: summary(times.memory), redis: summary(times.redis) };
  } finally {
    await redis.close();
    await server.close();
  }
}

export function formatRedisSessions(f: RedisSessionFigures): string {
  const ms = (x: number): string => `${x.toFixed(3)} ms`;
  return [
    `memory session store: p50 ${ms(f.memory.p50)}, p99 ${ms(f.memory.p99)} (${f.checks} checks)`,
    `Redis session store:  p50 ${ms(f.redis.p50)}, p99 ${ms(f.redis.p99)} (${f.checks} checks)`,
    `overhead per check: p50 +${ms(f.redis.p50 - f.memory.p50)} (ratio ${(f.redis.p50 / f.memory.p50).toFixed(2)}), p99 +${ms(f.redis.p99 - f.memory.p99)} (ratio ${(f.redis.p99 / f.memory.p99).toFixed(2)})`,
  ].join('\n');
}
