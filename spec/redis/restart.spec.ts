/**
 * Redis stopped and started again while two instances check and report:
 * typed errors while it is down, nothing it accepted is lost, and delivery
 * resumes by itself within 1 s. Each adapter gets its own private Redis
 * (an append-only file written on every command, as a production Redis
 * configured for durability), started and stopped by this spec.
 */
import { firstValueFrom } from 'rxjs';
import { createEngagementClient, describeError, retryPolicy, type EngagementClient, type EngagementError } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { redisOutbox, redisSessionStore, type RedisOutbox, type RedisOutboxEvent } from '../../src/redis/index';
import { gate } from '../helpers/gate';
import { ADAPTERS, rawCommand, startPrivateRedis, uniquePrefix, type Connected, type PrivateRedis } from '../helpers/redis-server';
import { forVisitor } from '../../src/node/index';

const VISITORS = 10;

/** Resolves once `done` answers true (checked every 10 ms), or fails after `withinMs`. */
async function eventually(done: () => Promise<boolean>, withinMs: number): Promise<void> {
  const until = Date.now() + withinMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`not done within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(ADAPTERS)('Redis stopped and restarted mid-run, over %s', (_name, connectTo) => {
  let redis: PrivateRedis;
  let emulator: RunningEmulator;
  const connections: Connected[] = [];
  const outboxes: RedisOutbox[] = [];
  afterEach(async () => {
    await Promise.all(outboxes.splice(0).map((o) => o.dispose()));
    await Promise.all(connections.splice(0).map((c) => c.close()));
    await emulator?.close();
    await redis?.close();
  });

  it('answers store Lefts while Redis is down, loses nothing it accepted, and delivers again within 1 s of its return', async () => {
    redis = await startPrivateRedis({ persistent: true });
    const held = gate();
    emulator = await startEmulator({ sleep: held.sleep });
    const prefix = uniquePrefix();
    const instances: Array<{ client: EngagementClient; outbox: RedisOutbox; events: RedisOutboxEvent[] }> = [];
    for (let i = 0; i < 2; i++) {
      const c = await connectTo(redis.socket);
      connections.push(c);
      const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, session: redisSessionStore(c.port, { prefix, timeoutMs: 500 }), retry: retryPolicy({ maxAttempts: 1 }) });
      const outbox = redisOutbox(client, c.port, { prefix, leaseMs: 500, pollMs: 20, timeoutMs: 500 });
      outboxes.push(outbox);
      const events: RedisOutboxEvent[] = [];
      outbox.events$.subscribe((e) => events.push(e));
      instances.push({ client, outbox, events });
    }
    const [one, two] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const vids: string[] = [];
    for (let v = 0; v < VISITORS; v++) {
      const r = await firstValueFrom(forVisitor(one.client, `v${v}`).getEngagement());
      if (r._tag === 'Left') throw new Error(describeError(r.left));
      vids.push(r.right.visitorId);
    }
    const accepted = new Map<number, string[]>(); // visitor → order ids Redis accepted, in report order
    let n = 0;
    const report = async (by: RedisOutbox, v: number): Promise<EngagementError | undefined> => {
      const orderId = `o${n++}`;
      const r = await by.report(`v${v}`, { type: 'purchase', total: 1, orderId });
      if (r._tag === 'Left') return r.left;
      accepted.set(v, [...(accepted.get(v) ?? []), orderId]);
      return undefined;
    };

    // Update Session answers are held: batches are in flight when Redis stops.
    emulator.inject({ kind: 'latency', delayMs: 1 }, { operation: 'updateSession', times: Infinity });
    for (let v = 0; v < VISITORS; v++) expect(await report(v % 2 ? one.outbox : two.outbox, v)).toBeUndefined();
    await held.waiting(1);
    await redis.stop();

    // Down: reports and checks answer typed store Lefts; the batches in flight cannot be acknowledged.
    const refusedReports = await Promise.all([report(one.outbox, 0), report(two.outbox, 1)]);
    expect(refusedReports.map((e) => e?.kind === 'store' && e.operation)).toEqual(['enqueue', 'enqueue']);
    const refusedCheck = await firstValueFrom(forVisitor(two.client, 'v2').getEngagement());
    expect(refusedCheck._tag === 'Left' && refusedCheck.left).toMatchObject({ kind: 'store', operation: 'load' });
    emulator.clearFaults();
    held.release();
    await eventually(async () => instances.some((i) => i.events.some((e) => e.type === 'storeFailed' && e.step === 'ack')), 5000);

    // Back: delivery resumes by itself.
    await redis.start();
    const back = Date.now();
    const delivered = (): number => instances.reduce((sum, i) => sum + i.events.filter((e) => e.type === 'delivered').length, 0);
    const before = delivered();
    await eventually(async () => delivered() > before, 5000);
    expect(delivered()).toBeGreaterThan(before);
    expect(Date.now() - back).toBeLessThan(1000);
    for (let v = 0; v < VISITORS; v++) expect(await report(v % 2 ? two.outbox : one.outbox, v)).toBeUndefined();

    // Everything accepted reaches the server, first deliveries in report order; the outbox empties.
    const due = `${prefix}outbox-due:${emulator.accountId}`;
    await eventually(async () => (await rawCommand(redis.socket, ['ZCARD', due])) === ':0', 10_000);
    for (let v = 0; v < VISITORS; v++) {
      const got = emulator.received(vids[v] as string).flatMap((u) => u.engagementAttributes.map((a) => String(a['orderId'])));
      const firsts = got.filter((id, i) => got.indexOf(id) === i);
      expect(firsts).toEqual(accepted.get(v));
    }
    expect(instances.flatMap((i) => i.events).filter((e) => e.type === 'storeFailed').every((e) => e.type === 'storeFailed' && typeof e.cause === 'string')).toBe(true);
  }, 30_000);
});
