/**
 * `engagement-rx/redis`: visitor sessions (and the report outbox) of a
 * service of several Node processes, kept in Redis. Node only; it depends
 * on no Redis client: pass your `redis` (node-redis) or `ioredis` client
 * through {@link nodeRedis} or {@link ioredis}.
 *
 * The public surface, name by name.
 *
 * @packageDocumentation
 * @module engagement-rx/redis
 */
export type { RedisPort } from './port';
export { nodeRedis } from './node-redis';
export type { NodeRedisClientLike } from './node-redis';
export { ioredis } from './ioredis';
export type { IoRedisClientLike } from './ioredis';
export { redisSessionStore } from './session-store';
export type { RedisSessionStoreOptions } from './session-store';
export { redisOutbox } from './outbox';
export type { RedisOutbox, RedisOutboxOptions } from './outbox';
export type { RedisOutboxEvent } from './outbox-events';
export type { StoreError } from '../errors';
