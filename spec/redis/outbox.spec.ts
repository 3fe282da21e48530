/**
 * The Redis outbox against a real Redis server (started for the specs)
 * through both client adapters, delivering to the emulator: at least once,
 * in order per visitor, parked refusals, fencing tokens, disposal.
 */
import { filter, lastValueFrom, take, toArray } from 'rxjs';
import { createEngagementClient, describeError, retryPolicy, type EngagementClient } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { monitoringBackend } from '../../src/monitoring/index';
import { redisOutbox, redisSessionStore, type RedisOutbox, type RedisOutboxEvent } from '../../src/redis/index';
import { ACK, LEASE } from '../../src/redis/outbox-scripts';
import { runScript } from '../../src/redis/script';
import { ADAPTERS, rawCommand, sharedRedisSocket, uniquePrefix, type Connected } from '../helpers/redis-server';
import { forVisitor } from '../../src/node/index';

const socket = sharedRedisSocket();

describe.each(ADAPTERS)('redisOutbox over %s', (_name, connectTo) => {
  let emulator: RunningEmulator;
  let redis: Connected;
  let prefix: string;
  let client: EngagementClient;
  const outboxes: RedisOutbox[] = [];
  const outboxOf = (options: Parameters<typeof redisOutbox>[2] = {}): RedisOutbox => {
    const o = redisOutbox(client, redis.port, { prefix, pollMs: 20, ...options });
    outboxes.push(o);
    return o;
  };
  const visitorOf = async (key: string): Promise<string> => {
    const r = await lastValueFrom(forVisitor(client, key).getEngagement({ consumerSections: ['Support'] }));
    if (r._tag === 'Left') throw new Error(describeError(r.left));
    return r.right.visitorId;
  };
  const until = (o: RedisOutbox, type: RedisOutboxEvent['type'], count = 1): Promise<RedisOutboxEvent[]> => lastValueFrom(o.events$.pipe(filter((e) => e.type === type), take(count), toArray()));

  beforeEach(async () => {
    emulator = await startEmulator();
    redis = await connectTo(socket);
    prefix = uniquePrefix();
    client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session: redisSessionStore(redis.port, { prefix }), retry: retryPolicy({ maxAttempts: 1 }) });
  });
  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((o) => o.dispose()));
    await redis.close();
    await emulator.close();
  });

  it('answers once Redis holds the items, then delivers them in report order and empties the outbox', async () => {
    const vid = await visitorOf('alice');
    const outbox = outboxOf({ deliver: false });
    expect(await outbox.report('alice', { type: 'purchase', total: 1, orderId: 'o1' })).toEqual({ _tag: 'Right', right: 1 });
    expect(await outbox.report('alice', { type: 'purchase', total: 2, orderId: 'o2' }, { type: 'impDisplay', campaign: 1, engId: 2, revision: 3 })).toEqual({ _tag: 'Right', right: 3 });
    expect(await rawCommand(socket, ['LLEN', `${prefix}outbox:${emulator.accountId}:alice`])).toBe(':3');
    const worker = outboxOf();
    const delivered = await until(worker, 'delivered');
    expect(delivered[0]).toMatchObject({ items: 3, left: 0, attempts: 1 });
    const received = emulator.received(vid);
    expect(received.flatMap((u) => u.engagementAttributes.map((a) => (a as { orderId?: string }).orderId))).toEqual(['o1', 'o2']);
    expect(await rawCommand(socket, ['EXISTS', `${prefix}outbox:${emulator.accountId}:alice`])).toBe(':0');
    expect(await rawCommand(socket, ['ZCARD', `${prefix}outbox-due:${emulator.accountId}`])).toBe(':0');
  });

  it('on a Monitoring client, keeps its sessions and outbox apart from App Engagement’s and delivers through the report method', async () => {
    const store = redisSessionStore(redis.port, { prefix });
    const monitoring = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session: store, retry: retryPolicy({ maxAttempts: 1 }), backend: monitoringBackend({ appInstallationId: emulator.appInstallationId }) });
    const appVid = await visitorOf('alice');
    const checked = await lastValueFrom(forVisitor(monitoring, 'alice').getEngagement({ consumerSections: ['Support'] }));
    if (checked._tag === 'Left') throw new Error(describeError(checked.left));
    const monVid = checked.right.visitorId;
    expect(monVid).not.toBe(appVid);
    expect(await rawCommand(socket, ['EXISTS', `${prefix}session:${emulator.accountId}/monitoring:alice`, `${prefix}session:${emulator.accountId}:alice`])).toBe(':2');
    const outbox = redisOutbox(monitoring, redis.port, { prefix, pollMs: 20 });
    outboxes.push(outbox);
    expect(await outbox.report('alice', { type: 'purchase', total: 3, orderId: 'm1' })).toEqual({ _tag: 'Right', right: 1 });
    expect((await until(outbox, 'delivered'))[0]).toMatchObject({ items: 1, left: 0 });
    const reports = emulator.monitorVisitor(monVid)?.sessions.flatMap((s) => s.reports) ?? [];
    expect(reports.flatMap((r) => r.engagementAttributes.map((a) => (a as { orderId?: string }).orderId))).toEqual(['m1']);
    expect(emulator.received(appVid)).toEqual([]);
    expect(emulator.stats()).toMatchObject({ updateSessionCalls: 0, monitorReportCalls: 1 });
  });

  it('refuses bad items and visitor keys with a validation Left naming them, queueing nothing', async () => {
    const outbox = outboxOf({ deliver: false });
    const bad = await outbox.report('alice', { type: 'cart', total: 'lots' } as never);
    expect(bad).toMatchObject({ _tag: 'Left', left: { kind: 'validation' } });
    expect(bad._tag === 'Left' && bad.left.kind === 'validation' && bad.left.issues.map((i) => i.path)).toEqual(['[0].total', '[0].numItems']);
    expect(await outbox.report('', { type: 'cart', total: 1, numItems: 1 })).toMatchObject({ _tag: 'Left', left: { issues: [{ path: 'visitorKey', reason: 'expected 1-256 characters, got 0' }] } });
    expect(await rawCommand(socket, ['EXISTS', `${prefix}outbox:${emulator.accountId}:alice`])).toBe(':0');
  });

  it('refuses a report that would pass maxItemsPerVisitor with a store Left (OutboxFull), keeping what was queued', async () => {
    const outbox = outboxOf({ deliver: false, maxItemsPerVisitor: 2 });
    const cart = { type: 'cart', total: 1, numItems: 1 } as const;
    expect(await outbox.report('k', cart, cart)).toEqual({ _tag: 'Right', right: 2 });
    const full = await outbox.report('k', cart);
    expect(full).toMatchObject({ _tag: 'Left', left: { kind: 'store', operation: 'enqueue', cause: 'OutboxFull' } });
    expect(await rawCommand(socket, ['LLEN', `${prefix}outbox:${emulator.accountId}:k`])).toBe(':2');
  });

  it('keeps the items of a visitor without a session waiting, and delivers them after its first check', async () => {
    const outbox = outboxOf();
    const waiting = until(outbox, 'waitingForSession');
    await outbox.report('bob', { type: 'cart', total: 5, numItems: 1 });
    expect((await waiting)[0]).toMatchObject({ items: 1, delayMs: 1000 });
    const vid = await visitorOf('bob');
    await until(outbox, 'delivered');
    expect(emulator.received(vid).map((u) => u.engagementAttributes[0]?.['type'])).toEqual(['cart']);
  });

  it('parks a batch the server refuses (400) and goes on with the next', async () => {
    const vid = await visitorOf('carol');
    const outbox = outboxOf({ deliver: false });
    await outbox.report('carol', { type: 'lead', lead: { topic: 'first' } });
    emulator.inject({ kind: 'status', status: 400, body: { time: 1, message: 'refused', internalCode: 5 } }, { operation: 'updateSession' });
    const worker = outboxOf();
    const parked = until(worker, 'parked');
    expect((await parked)[0]).toMatchObject({ items: 1, status: 400, reason: 'http 400 (internalCode 5)' });
    await worker.report('carol', { type: 'lead', lead: { topic: 'second' } });
    await until(worker, 'delivered');
    expect(emulator.received(vid).flatMap((u) => u.engagementAttributes.map((a) => (a as { lead?: { topic?: string } }).lead?.topic))).toEqual(['second']);
    const record = await rawCommand(socket, ['LLEN', `${prefix}outbox-parked:${emulator.accountId}:carol`]);
    expect(record).toBe(':1');
  });

  it('refuses an ack whose lease was taken over (fencing token), and accepts the new holder’s', async () => {
    const outbox = outboxOf({ deliver: false });
    await outbox.report('dave', { type: 'cart', total: 1, numItems: 1 });
    const acc = emulator.accountId;
    const lease = () => runScript(redis.port, LEASE, [`${prefix}outbox-due:${acc}`, `${prefix}outbox-fence:${acc}`], [prefix, acc, '60000', '8', '50'], 2000) as Promise<Array<[string, string, string, string[]]>>;
    const [first] = await lease();
    expect(first?.[0]).toBe('dave');
    expect(await lease()).toEqual([]); // leased: not due for anyone else
    // The lease runs out (the holder froze): the visitor is due again and another instance leases it.
    await rawCommand(socket, ['DEL', `${prefix}outbox-lease:${acc}:dave`]);
    await rawCommand(socket, ['ZADD', `${prefix}outbox-due:${acc}`, '0', 'dave']);
    const [second] = await lease();
    expect(Number(second?.[1])).toBeGreaterThan(Number(first?.[1]));
    const ack = (token: string) => runScript(redis.port, ACK, [`${prefix}outbox:${acc}:dave`, `${prefix}outbox-lease:${acc}:dave`, `${prefix}outbox-due:${acc}`], [token, '1', 'dave'], 2000);
    expect(Number(await ack(first?.[1] as string))).toBe(-1);
    expect(await rawCommand(socket, ['LLEN', `${prefix}outbox:${acc}:dave`])).toBe(':1');
    expect(Number(await ack(second?.[1] as string))).toBe(0);
  });

  it('after dispose, refuses reports and delivers nothing more', async () => {
    await visitorOf('erin');
    const outbox = outboxOf();
    await outbox.dispose();
    expect(await outbox.report('erin', { type: 'cart', total: 1, numItems: 1 })).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [{ path: '(outbox)' }] } });
    const other = outboxOf({ deliver: false });
    await other.report('erin', { type: 'cart', total: 1, numItems: 1 });
    expect(emulator.stats().updateSessionCalls).toBe(0);
  });

  it('answers the client’s own validation Left when the client was refused', async () => {
    const refused = createEngagementClient({ accountId: '', domain: emulator.url });
    const o = redisOutbox(refused, redis.port, { prefix });
    outboxes.push(o);
    expect(await o.report('k', { type: 'cart', total: 1, numItems: 1 })).toMatchObject({ _tag: 'Left', left: { kind: 'validation', issues: [expect.objectContaining({ path: 'accountId' })] } });
    expect(() => redisOutbox(client, redis.port, { leaseMs: 1 })).toThrow('redisOutbox: leaseMs: expected a whole number of milliseconds from 500 to 600000, got a number');
  });
});
