/**
 * One instance of a service for the outbox's crash specs, run as a child
 * process on the built package (dist/): a Redis client (ENGAGEMENT_RX_ADAPTER:
 * `redis` or `ioredis`) on the socket ENGAGEMENT_RX_REDIS_SOCKET, a client
 * whose sessions are in Redis, and a delivering Redis outbox. The parent
 * sends `{ report: [id, visitorKey, orderId] }` over IPC and gets
 * `{ reported: id, ok }` once Redis answered; with ENGAGEMENT_RX_EVENTS=1
 * it is also told each outbox event's type. It exits when the parent goes.
 */
'use strict';
const { join } = require('node:path');
const dist = join(__dirname, '..', '..', 'dist');
const { createEngagementClient, retryPolicy } = require(join(dist, 'index.js'));
const { ioredis, nodeRedis, redisOutbox, redisSessionStore } = require(join(dist, 'redis.js'));

async function main() {
  const env = process.env;
  const socket = env.ENGAGEMENT_RX_REDIS_SOCKET;
  let port;
  if (env.ENGAGEMENT_RX_ADAPTER === 'ioredis') {
    const { Redis } = require('ioredis');
    const client = new Redis({ path: socket, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
    client.on('error', () => undefined);
    await client.connect();
    port = ioredis(client);
  } else {
    const { createClient } = require('redis');
    const client = createClient({ socket: { path: socket, reconnectStrategy: 50 }, disableOfflineQueue: true });
    client.on('error', () => undefined);
    await client.connect();
    port = nodeRedis(client);
  }
  const prefix = env.ENGAGEMENT_RX_PREFIX;
  const engagement = createEngagementClient({
    accountId: env.ENGAGEMENT_RX_ACCOUNT,
    domain: env.ENGAGEMENT_RX_ORIGIN,
    session: redisSessionStore(port, { prefix }),
    retry: retryPolicy({ maxAttempts: 6, backoff: { kind: 'schedule', delaysMs: [20, 40, 80, 160, 320] } }),
  });
  const outbox = redisOutbox(engagement, port, { prefix, leaseMs: Number(env.ENGAGEMENT_RX_LEASE_MS), pollMs: 50 });
  if (env.ENGAGEMENT_RX_EVENTS === '1') outbox.events$.subscribe((e) => process.send({ event: e.type }));
  process.on('message', (m) => {
    if (!m || !Array.isArray(m.report)) return;
    const [id, visitorKey, orderId] = m.report;
    outbox.report(visitorKey, { type: 'purchase', total: 1, orderId }).then((r) => process.send({ reported: id, ok: r._tag === 'Right' }));
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
