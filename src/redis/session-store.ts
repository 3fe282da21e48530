/**
 * Visitor sessions in Redis, shared by every process of a service: a
 * visitor's next request may land on any instance and continue the same
 * LivePerson visitor. Node only.
 *
 * @packageDocumentation
 */
import { asyncSessionStore } from '../client/async-session-store';
import { sessionKeyOf, type SessionStore } from '../session/session-store';
import { sessionIdsOnly } from '../session/visitor-session';
import { booleanRule, msRule, prefixRule, readOptions } from './options';
import type { RedisPort } from './port';
import { luaScript, runScript } from './script';

/**
 * Options of {@link redisSessionStore}.
 * @since 0.2.0
 * @category Redis
 */
export interface RedisSessionStoreOptions {
  /** Put before every key. Default `'engagement-rx:'`. */
  readonly prefix?: string;
  /** How long a session lives after its last save, in ms. Default 86400000 (24 h); 1000 to 2592000000 (30 days). */
  readonly ttlMs?: number;
  /** The longest one Redis call may take before it counts as failed, in ms. Default 2000; 10 to 60000. */
  readonly timeoutMs?: number;
  /**
   * When Redis cannot be read before a check: go on without a stored
   * session (a `sessionStoreUnreadable` warning) instead of answering a
   * `store` Left. Default `false`.
   */
  readonly proceedWithoutSession?: boolean;
}

const LOAD = luaScript("return redis.call('GET', KEYS[1])");
const SAVE = luaScript("redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) redis.call('DEL', KEYS[2]) return 1");
const CLEAR = luaScript("return redis.call('DEL', KEYS[1], KEYS[2])");
// A visitor that has a session is never claimed: the caller reads it instead.
const CLAIM = luaScript("if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 1 end return 0");

/**
 * A {@link SessionStore} in Redis, for a service of several Node processes
 * (give each visitor a handle with `forVisitor(client, visitorKey)` from
 * `engagement-rx/node`).
 *
 * - Keys: `{prefix}session:{accountId}:{visitorKey}` holds the session as
 *   JSON (`visitorId`, `sessionId`, `pageId`, `confirmedAt`; nothing else),
 *   expiring `ttlMs` after its last save; `{prefix}claim:{accountId}:{visitorKey}`
 *   is the claim on a visitor's first check (`SET NX PX`), deleted by the
 *   save. A client without a visitor key uses `{prefix}session:{accountId}`.
 * - Every call is one Lua script (`EVALSHA`, `EVAL` on `NOSCRIPT`), so the
 *   port needs no other command.
 * - `load` answers the stored JSON parsed (the raw text when it is not JSON:
 *   never a session, so the client ignores it with a warning), `null` when
 *   nothing is stored.
 * - A failing or silent Redis rejects (after `timeoutMs` at the latest):
 *   the check answers a `store` Left, or goes on without a session with
 *   the option `proceedWithoutSession: true`; a failed save is a warning.
 *
 * @param port - {@link nodeRedis}(client) or {@link ioredis}(client).
 * @param options - see {@link RedisSessionStoreOptions}.
 * @throws TypeError when `port` lacks `evalSha` or `eval`, or an option is
 *   bad or unknown (a programming error, reported when the store is made).
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { createEngagementClient } from 'engagement-rx';
 * import { forVisitor } from 'engagement-rx/node';
 * import { nodeRedis, redisSessionStore } from 'engagement-rx/redis';
 *
 * const redis = await createClient({ url: 'redis://localhost:6379', disableOfflineQueue: true }).connect();
 * const engagement = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session: redisSessionStore(nodeRedis(redis)) });
 * forVisitor(engagement, 'customer-42').getEngagement({ consumerSections: ['Support'] }).subscribe(console.log);
 * ```
 * @since 0.2.0
 * @category Redis
 */
export function redisSessionStore(port: RedisPort, options?: RedisSessionStoreOptions): SessionStore {
  checkPort('redisSessionStore', port);
  const { prefix, ttlMs, timeoutMs, proceedWithoutSession } = readOptions('redisSessionStore', options, { prefix: prefixRule, ttlMs: msRule(86_400_000, 1000, 2_592_000_000), timeoutMs: msRule(2000, 10, 60_000), proceedWithoutSession: booleanRule });
  const keys = (accountId: string, visitorKey: string | undefined): string[] => [`${prefix}session:${sessionKeyOf(accountId, visitorKey)}`, `${prefix}claim:${sessionKeyOf(accountId, visitorKey)}`];
  return asyncSessionStore({
    load: (accountId, visitorKey) => runScript(port, LOAD, keys(accountId, visitorKey).slice(0, 1), [], timeoutMs).then(parsed),
    save: (accountId, session, visitorKey) => runScript(port, SAVE, keys(accountId, visitorKey), [JSON.stringify(sessionIdsOnly(session)), String(ttlMs)], timeoutMs).then(() => undefined),
    clear: (accountId, visitorKey) => runScript(port, CLEAR, keys(accountId, visitorKey), [], timeoutMs).then(() => undefined),
    claim: (accountId, visitorKey, claimMs) => runScript(port, CLAIM, keys(accountId, visitorKey), [String(Math.max(1, Math.floor(claimMs)))], timeoutMs).then((won) => Number(won) === 1),
  }, { proceedWithoutSession });
}

/** Throws a TypeError when `port` is no {@link RedisPort}. @internal */
export function checkPort(owner: string, port: unknown): void {
  const p = port as Partial<RedisPort> | null | undefined;
  if (typeof p?.evalSha !== 'function' || typeof p.eval !== 'function') throw new TypeError(`${owner}: port: expected a RedisPort (evalSha, eval), made by nodeRedis(client) or ioredis(client)`);
}

/** What a stored text stands for: its JSON, or the text itself when it is not JSON; `null` for nothing. */
function parsed(raw: unknown): unknown {
  if (raw == null) return null;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
