/**
 * Instances that die or freeze lose no report. Child processes on the built
 * package (spec/helpers/outbox-instance.js, dist/ from `npm run build`)
 * share one private Redis (started by this spec) and deliver to a loopback
 * stand-in of Update Session that answers 503 to 5 % of the calls.
 *
 * - 3 instances, 10,000 reports to 300 visitors, one instance SIGKILLed and
 *   restarted every second: 0 reports lost, at most 3 % delivered twice,
 *   first deliveries in report order per visitor, the outbox empty within
 *   60 s of the last report.
 * - An instance frozen (SIGSTOP) past its lease cannot ack when resumed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rawCommand, startPrivateRedis, uniquePrefix, type PrivateRedis } from '../helpers/redis-server';
import { startUpdateSessionStandIn, type UpdateSessionStandIn } from '../helpers/update-session-stand-in';

const ACCOUNT = '12345678';
const INSTANCE = join(__dirname, '..', 'helpers', 'outbox-instance.js');

/** A running instance: reports go through it; its outbox events are kept when asked for. */
interface Instance {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly events: string[];
  /** Answers `true` once Redis accepted the report, `false` if refused, `undefined` if the instance died first. */
  report(visitorKey: string, orderId: string): Promise<boolean | undefined>;
  alive(): boolean;
}

let reports = 0;
function spawnInstance(env: Record<string, string>): Instance {
  const child = fork(INSTANCE, [], { env: { ...process.env, ...env }, execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const waiting = new Map<number, (ok: boolean | undefined) => void>();
  const events: string[] = [];
  let dead = false;
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (m: { ready?: boolean; reported?: number; ok?: boolean; event?: string }) => {
      if (m.ready === true) resolve();
      if (m.event !== undefined) events.push(m.event);
      if (m.reported !== undefined) {
        waiting.get(m.reported)?.(m.ok);
        waiting.delete(m.reported);
      }
    });
    child.once('exit', () => {
      dead = true;
      reject(new Error('the instance exited before it was ready'));
      for (const answer of waiting.values()) answer(undefined);
      waiting.clear();
    });
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    events,
    alive: () => !dead,
    report: (visitorKey, orderId) =>
      new Promise((resolve) => {
        if (dead || !child.connected) return resolve(undefined);
        const id = ++reports;
        waiting.set(id, resolve);
        child.send({ report: [id, visitorKey, orderId] }, (e) => {
          if (e) {
            waiting.delete(id);
            resolve(undefined);
          }
        });
      }),
  };
}

const stopped = (i: Instance): Promise<void> =>
  new Promise((resolve) => {
    if (!i.alive()) return resolve();
    i.child.once('exit', () => resolve());
    i.child.kill('SIGKILL');
  });

/** Resolves once `done` answers true (checked every 20 ms), or fails after `withinMs`. */
async function eventually(done: () => boolean | Promise<boolean>, withinMs: number): Promise<number> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > withinMs) throw new Error(`not done within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - start;
}

/** Stores a session for each visitor key, as a check would have. */
async function seedSessions(socket: string, prefix: string, keys: ReadonlyArray<string>): Promise<void> {
  for (const key of keys) await rawCommand(socket, ['SET', `${prefix}session:${ACCOUNT}:${key}`, JSON.stringify({ visitorId: `vid-${key}`, sessionId: `sid-${key}`, pageId: 'page', confirmedAt: 1 })]);
}

let redis: PrivateRedis;
let standIn: UpdateSessionStandIn;
const instances: Instance[] = [];

beforeAll(() => {
  if (!existsSync(join(__dirname, '..', '..', 'dist', 'redis.js'))) throw new Error('dist/ is missing: run npm run build first (npm test does)');
});
afterEach(async () => {
  await Promise.all(instances.splice(0).map(stopped));
  await standIn?.close();
  await redis?.close();
});

describe.each(['redis', 'ioredis'])('instances killed while reporting (client %s)', (adapter) => {
it('loses no report while one of 3 instances is killed and restarted every second: 10,000 reports to 300 visitors', async () => {
  redis = await startPrivateRedis();
  standIn = await startUpdateSessionStandIn({ failRate: 0.05, seed: 7 });
  const prefix = uniquePrefix();
  const keys = Array.from({ length: 300 }, (_, v) => `visitor-${v}`);
  await seedSessions(redis.socket, prefix, keys);
  const spawnAt = (slot: number): void => {
    instances[slot] = spawnInstance({ ENGAGEMENT_RX_REDIS_SOCKET: redis.socket, ENGAGEMENT_RX_PREFIX: prefix, ENGAGEMENT_RX_ACCOUNT: ACCOUNT, ENGAGEMENT_RX_ORIGIN: standIn.origin, ENGAGEMENT_RX_ADAPTER: adapter, ENGAGEMENT_RX_LEASE_MS: '1500' });
  };
  for (let slot = 0; slot < 3; slot++) spawnAt(slot);
  await Promise.all(instances.map((i) => i.ready));

  let seed = 11;
  const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  let kills = 0;
  const killer = setInterval(() => {
    const slot = Math.floor(random() * 3);
    kills++;
    void stopped(instances[slot] as Instance);
    spawnAt(slot);
  }, 1000);

  // 10,000 reports: each visitor's in turn (the next once the last was answered), 60 visitors at a time,
  // each report to a random live instance. A report whose instance died before answering is made again
  // on another one, as a caller whose request failed would (Redis may already hold the first: a duplicate).
  // The reports are spread over at least 8 s (1,250 a second at most), so that instances die while they work.
  const TOTAL = 10_000;
  const accepted = new Map<string, string[]>(); // visitor → accepted order ids, in report order
  let unanswered = 0;
  let refused = 0;
  let next = 0;
  const PACE_MS = 0.8;
  const started = Date.now();
  const perVisitor = (v: number): number => Math.floor(TOTAL / 300) + (v < TOTAL % 300 ? 1 : 0);
  const visitor = async (v: number): Promise<void> => {
    const key = keys[v] as string;
    for (let r = 0; r < perVisitor(v); r++) {
      const n = next++;
      const orderId = `o${n}`;
      const early = started + n * PACE_MS - Date.now();
      if (early > 0) await new Promise((resolve) => setTimeout(resolve, early));
      let answer: boolean | undefined;
      for (let tries = 0; answer === undefined && tries < 20; tries++) {
        const live = instances.filter((i) => i.alive());
        const by = live[Math.floor(random() * live.length)];
        if (by !== undefined) answer = await by.ready.then(() => by.report(key, orderId), () => undefined);
        if (answer === undefined) unanswered++;
      }
      if (answer === true) accepted.set(key, [...(accepted.get(key) ?? []), orderId]);
      else refused++;
    }
  };
  const queue = Array.from({ length: 300 }, (_, v) => v);
  await Promise.all(
    Array.from({ length: 60 }, async () => {
      for (let v = queue.shift(); v !== undefined; v = queue.shift()) await visitor(v);
    }),
  );
  clearInterval(killer);
  await Promise.all(instances.map((i) => i.ready.catch(() => undefined)));

  // The outbox empties within 60 s of the last report.
  const due = `${prefix}outbox-due:${ACCOUNT}`;
  const drainedInMs = await eventually(async () => (await rawCommand(redis.socket, ['ZCARD', due])) === ':0', 60_000);

  const acceptedCount = [...accepted.values()].reduce((n, ids) => n + ids.length, 0);
  let lost = 0;
  let deliveries = 0;
  let distinct = 0;
  const outOfOrder: string[] = [];
  for (const key of keys) {
    const got = standIn.received.get(`vid-${key}`) ?? [];
    deliveries += got.length;
    const firsts = got.filter((id, i) => got.indexOf(id) === i);
    distinct += firsts.length;
    const mine = accepted.get(key) ?? [];
    lost += mine.filter((id) => !firsts.includes(id)).length;
    const order = firsts.filter((id) => mine.includes(id));
    if (order.join() !== mine.join()) outOfOrder.push(key);
  }
  const duplicates = deliveries - distinct;
  expect({ lost, outOfOrder, refused }).toEqual({ lost: 0, outOfOrder: [], refused: 0 });
  expect(acceptedCount).toBe(TOTAL);
  expect(duplicates).toBeLessThanOrEqual(TOTAL * 0.03);
  expect(kills).toBeGreaterThanOrEqual(6);
  expect(drainedInMs).toBeLessThan(60_000);
  // The figures of docs/scaling.md come from this line.
  process.stdout.write(`crash spec (${adapter}): ${kills} kills, ${acceptedCount} accepted, ${unanswered} made again after no answer, ${duplicates} delivered twice, drained ${drainedInMs} ms after the last report, ${standIn.calls()} Update Session calls\n`);
}, 180_000);
});

describe.each(['redis', 'ioredis'])('an instance frozen past its lease (client %s)', (adapter) => {
  it('cannot ack when resumed: another instance delivered the batch, its ack is fenced', async () => {
    redis = await startPrivateRedis();
    standIn = await startUpdateSessionStandIn({ failRate: 0, seed: 1 });
    const prefix = uniquePrefix();
    await seedSessions(redis.socket, prefix, ['frozen']);
    const env = { ENGAGEMENT_RX_REDIS_SOCKET: redis.socket, ENGAGEMENT_RX_PREFIX: prefix, ENGAGEMENT_RX_ACCOUNT: ACCOUNT, ENGAGEMENT_RX_ORIGIN: standIn.origin, ENGAGEMENT_RX_ADAPTER: adapter, ENGAGEMENT_RX_LEASE_MS: '1000', ENGAGEMENT_RX_EVENTS: '1' };
    const a = spawnInstance(env);
    instances.push(a);
    await a.ready;
    const held = standIn.hold();
    expect(await a.report('frozen', 'only')).toBe(true);
    await held.requested; // a leased the visitor and is sending
    a.child.kill('SIGSTOP');
    held.release(); // the answer waits in the frozen process's socket
    const b = spawnInstance(env);
    instances.push(b);
    await b.ready;
    await eventually(() => b.events.includes('delivered'), 10_000); // after a's lease ran out
    a.child.kill('SIGCONT');
    await eventually(() => a.events.includes('fenced'), 10_000);
    expect(a.events).not.toContain('delivered');
    expect(standIn.received.get('vid-frozen')).toEqual(['only', 'only']); // sent by both: the one duplicate
    expect(await rawCommand(redis.socket, ['EXISTS', `${prefix}outbox:${ACCOUNT}:frozen`])).toBe(':0');
  }, 30_000);
});
