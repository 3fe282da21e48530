/**
 * The {@link RedisPort} of a node-redis client (the `redis` package).
 *
 * @packageDocumentation
 */
import type { RedisPort } from './port';

/**
 * What {@link nodeRedis} uses of a node-redis client: `sendCommand`, the
 * same in node-redis v4, v5 and later.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import type { NodeRedisClientLike } from 'engagement-rx/redis';
 *
 * const client: NodeRedisClientLike = createClient({ url: 'redis://localhost:6379' });
 * ```
 * @since 0.2.0
 * @category Redis
 */
export interface NodeRedisClientLike {
  sendCommand(args: Array<string>): Promise<unknown>;
}

/**
 * A {@link RedisPort} over a connected node-redis client (`redis`, the
 * client Redis recommends for new projects). The client stays yours:
 * connect it before use and close it at shutdown.
 *
 * @param client - a node-redis client, connected (`await client.connect()`).
 *   Create it with `disableOfflineQueue: true` so commands fail at once
 *   while Redis is unreachable.
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { nodeRedis, redisSessionStore } from 'engagement-rx/redis';
 *
 * const client = await createClient({ url: 'redis://localhost:6379', disableOfflineQueue: true }).connect();
 * const session = redisSessionStore(nodeRedis(client));
 * ```
 * @since 0.2.0
 * @category Redis
 */
export function nodeRedis(client: NodeRedisClientLike): RedisPort {
  const send = (command: string, first: string, keys: ReadonlyArray<string>, args: ReadonlyArray<string>): Promise<unknown> => client.sendCommand([command, first, String(keys.length), ...keys, ...args]);
  return {
    evalSha: (sha1, keys, args) => send('EVALSHA', sha1, keys, args),
    eval: (script, keys, args) => send('EVAL', script, keys, args),
  };
}
