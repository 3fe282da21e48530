/** jest globalTeardown: stops the Redis server spec/setup/redis-global.ts started, if it started one. */
import type { PrivateRedis } from '../helpers/redis-server';

export default async function teardown(): Promise<void> {
  const server = (globalThis as { engagementRxRedis?: PrivateRedis }).engagementRxRedis;
  await server?.close();
}
