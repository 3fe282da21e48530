/**
 * What engagement-rx needs of a Redis client: the port its Redis stores
 * talk through, so the library depends on no Redis client package.
 *
 * @packageDocumentation
 */

/**
 * The two commands the Redis stores send: every read and write is a Lua
 * script (atomic on the server), run by `EVALSHA` and, when the server
 * answers `NOSCRIPT` (a restarted or flushed server), by `EVAL`. Make one
 * with {@link nodeRedis} or {@link ioredis}, or write your own for another
 * client: each method sends its command and answers the server's reply
 * (strings, integers, `null`, arrays), or rejects with the client's error
 * (its `message` must start with the server's error code, such as
 * `NOSCRIPT`).
 *
 * Configure the client to fail fast while Redis is unreachable (node-redis:
 * `disableOfflineQueue: true`; ioredis: `enableOfflineQueue: false`), so a
 * check or a report answers a `store` Left at once instead of waiting in
 * the client's queue.
 *
 * @example
 * ```ts
 * import type { RedisPort } from 'engagement-rx/redis';
 *
 * // a client with a generic "send this command" method
 * declare const client: { send(args: string[]): Promise<unknown> };
 * const port: RedisPort = {
 *   evalSha: (sha1, keys, args) => client.send(['EVALSHA', sha1, String(keys.length), ...keys, ...args]),
 *   eval: (script, keys, args) => client.send(['EVAL', script, String(keys.length), ...keys, ...args]),
 * };
 * ```
 * @since 0.2.0
 * @category Redis
 */
export interface RedisPort {
  /** `EVALSHA sha1 numkeys key... arg...` */
  evalSha(sha1: string, keys: ReadonlyArray<string>, args: ReadonlyArray<string>): Promise<unknown>;
  /** `EVAL script numkeys key... arg...` */
  eval(script: string, keys: ReadonlyArray<string>, args: ReadonlyArray<string>): Promise<unknown>;
}
