/**
 * jest globalSetup: when ENGAGEMENT_RX_REDIS_SOCKET is not set (a developer's
 * `npm test`), starts a private Redis server on a unix socket for the spec
 * files that share one, and names it in that variable; globalTeardown
 * (spec/setup/redis-global-teardown.ts) stops it. Without redis-server
 * nothing is started: the Redis specs then fail saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import { SOCKET_VARIABLE, startPrivateRedis, type PrivateRedis } from '../helpers/redis-server';

declare global {
  // eslint-disable-next-line no-var
  var engagementRxRedis: PrivateRedis | undefined;
}

export default async function setup(): Promise<void> {
  if (process.env[SOCKET_VARIABLE] !== undefined && process.env[SOCKET_VARIABLE] !== '') return;
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined || probe.status !== 0) return;
  globalThis.engagementRxRedis = await startPrivateRedis();
  process.env[SOCKET_VARIABLE] = globalThis.engagementRxRedis.socket;
}
