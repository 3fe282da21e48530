/**
 * The {@link RedisPort} of an ioredis client.
 *
 * @packageDocumentation
 */
import type { RedisPort } from './port';

/**
 * What {@link ioredis} uses of an ioredis client: `evalsha` and `eval`.
 *
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import type { IoRedisClientLike } from 'engagement-rx/redis';
 *
 * const client: IoRedisClientLike = new Redis();
 * ```
 * @since 0.2.0
 * @category Redis
 */
export interface IoRedisClientLike {
  evalsha(sha1: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
  eval(script: string, numkeys: number, ...keysAndArgs: string[]): Promise<unknown>;
}

/**
 * A {@link RedisPort} over an ioredis client. The client stays yours: close
 * it (`client.quit()`) at shutdown.
 *
 * @param client - an ioredis client. Create it with
 *   `enableOfflineQueue: false` so commands fail at once while Redis is
 *   unreachable.
 * @example
 * ```ts
 * import { Redis } from 'ioredis';
 * import { ioredis, redisSessionStore } from 'engagement-rx/redis';
 *
 * const session = redisSessionStore(ioredis(new Redis({ enableOfflineQueue: false })));
 * ```
 * @since 0.2.0
 * @category Redis
 */
export function ioredis(client: IoRedisClientLike): RedisPort {
  return {
    evalSha: (sha1, keys, args) => client.evalsha(sha1, keys.length, ...keys, ...args),
    eval: (script, keys, args) => client.eval(script, keys.length, ...keys, ...args),
  };
}
