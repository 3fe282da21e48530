/**
 * The Redis session store against a real Redis server (started for the
 * specs, never another), through both client adapters: its keys, TTL and
 * claim, and many instances checking many visitors against the emulator.
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, describeError, type EngagementClient } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { redisSessionStore } from '../../src/redis/index';
import type { VisitorSession } from '../../src/session/visitor-session';
import { ADAPTERS, rawCommand, sharedRedisSocket, uniquePrefix, type Connected } from '../helpers/redis-server';
import { forVisitor } from '../../src/node/index';

const SESSION: VisitorSession = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 7 };
const socket = sharedRedisSocket();

describe.each(ADAPTERS)('redisSessionStore over %s', (_name, connectTo) => {
  let redis: Connected;
  let prefix: string;
  beforeEach(async () => {
    redis = await connectTo(socket);
    prefix = uniquePrefix();
  });
  afterEach(() => redis.close());

  it('keeps one session per account and visitor key, only its four fields, for 24 h renewed on save', async () => {
    const store = redisSessionStore(redis.port, { prefix });
    await store.save('123', { ...SESSION, extra: 'not stored' } as VisitorSession, 'alice');
    await store.save('123', { ...SESSION, visitorId: 'V2' }, 'bob');
    await store.save('123', { ...SESSION, visitorId: 'V3' });
    expect(await store.load('123', 'alice')).toEqual(SESSION);
    expect(await store.load('123', 'bob')).toMatchObject({ visitorId: 'V2' });
    expect(await store.load('123')).toMatchObject({ visitorId: 'V3' });
    expect(await store.load('999', 'alice')).toBeNull();
    const ttl = Number((await rawCommand(socket, ['PTTL', `${prefix}session:123:alice`])).slice(1));
    expect(ttl).toBeGreaterThan(86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
    await store.clear('123', 'alice');
    expect(await store.load('123', 'alice')).toBeNull();
    expect(await store.load('123', 'bob')).not.toBeNull();
  });

  it('hands back what is not JSON as it is (the client ignores it with a warning)', async () => {
    await rawCommand(socket, ['SET', `${prefix}session:123:k`, 'not json']);
    expect(await redisSessionStore(redis.port, { prefix }).load('123', 'k')).toBe('not json');
  });

  it('claims a first check once per key until a session is saved, for ttlMs at most', async () => {
    const store = redisSessionStore(redis.port, { prefix });
    const claim = (key: string) => store.claim?.('123', key, 5000);
    expect(await claim('k')).toBe(true);
    expect(await claim('k')).toBe(false);
    expect(await claim('other')).toBe(true);
    const pttl = Number((await rawCommand(socket, ['PTTL', `${prefix}claim:123:k`])).slice(1));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(5000);
    await store.save('123', SESSION, 'k');
    expect(await rawCommand(socket, ['EXISTS', `${prefix}claim:123:k`])).toBe(':0');
    expect(await claim('k')).toBe(false); // a session exists: read it instead
  });

  it('runs its scripts again by EVAL after the server forgot them (NOSCRIPT)', async () => {
    const store = redisSessionStore(redis.port, { prefix });
    await store.save('123', SESSION, 'k');
    expect(await rawCommand(socket, ['SCRIPT', 'FLUSH'])).toBe('+OK');
    expect(await store.load('123', 'k')).toEqual(SESSION);
  });

  it('refuses a bad port or option with a TypeError naming it', () => {
    expect(() => redisSessionStore({} as never)).toThrow('redisSessionStore: port: expected a RedisPort (evalSha, eval), made by nodeRedis(client) or ioredis(client)');
    expect(() => redisSessionStore(redis.port, { ttlMs: 10 })).toThrow('redisSessionStore: ttlMs: expected a whole number of milliseconds from 1000 to 2592000000, got a number');
    expect(() => redisSessionStore(redis.port, { prefix: '' })).toThrow('redisSessionStore: prefix: expected a string of 1-100 characters');
    expect(() => redisSessionStore(redis.port, { ttl: 5 } as never)).toThrow('redisSessionStore: unknown option ttl');
  });
});

describe.each(ADAPTERS)('many instances sharing redisSessionStore over %s', (_name, connectTo) => {
  let emulator: RunningEmulator;
  const connections: Connected[] = [];
  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
    await emulator.close();
  });

  it('300 visitors x 10 checks, each on a random one of 3 instances (first checks racing), create exactly 300 visitors', async () => {
    emulator = await startEmulator();
    const prefix = uniquePrefix();
    const instances: EngagementClient[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await connectTo(socket);
      connections.push(c);
      instances.push(createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session: redisSessionStore(c.port, { prefix }) }));
    }
    let seed = 42;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const check = async (visitor: number): Promise<string> => {
      const instance = instances[Math.floor(random() * instances.length)] as EngagementClient;
      const r = await lastValueFrom(forVisitor(instance, `visitor-${visitor}`).getEngagement({ consumerSections: ['Support'] }));
      if (r._tag === 'Left') throw new Error(describeError(r.left));
      return r.right.visitorId;
    };
    const seen = new Map<number, Set<string>>();
    const visitor = async (n: number): Promise<void> => {
      const ids = new Set(await Promise.all([check(n), check(n), check(n)])); // three instances race the first check
      for (let i = 0; i < 7; i++) ids.add(await check(n));
      seen.set(n, ids);
    };
    const queue = Array.from({ length: 300 }, (_, n) => n);
    await Promise.all(Array.from({ length: 30 }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await visitor(n);
    }));
    expect([...seen.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(new Set([...seen.values()].flatMap((ids) => [...ids])).size).toBe(300);
    expect(emulator.stats()).toMatchObject({ visitorsCreated: 300, visitorsAdopted: 0, createSessionCalls: 3000 });
  }, 60_000);
});
