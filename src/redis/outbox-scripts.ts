/**
 * The Lua scripts of the Redis outbox. Each runs atomically on the server;
 * times come from the server's clock (`TIME`), so instances whose clocks
 * differ agree on what is due. Every script that ends a lease checks its
 * fencing token first and answers -1 when the lease is no longer the
 * caller's.
 *
 * Keys, for one account (`{p}` is the prefix, `{a}` the account id, `{v}` a
 * visitor key): `{p}outbox:{a}:{v}` the visitor's items (a list, oldest
 * first); `{p}outbox-due:{a}` the visitors with items (a sorted set scored
 * by when each is due; a leased visitor is scored at its lease's end);
 * `{p}outbox-lease:{a}:{v}` the fencing token of the lease (expires with
 * it); `{p}outbox-fence:{a}` the token counter; `{p}outbox-parked:{a}:{v}`
 * the last refused batches; `{p}session:{a}:{v}` the visitor's session
 * (written by the session store).
 *
 * @internal
 */
import { luaScript } from './script';

const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

/** Whether the visitor still has items: due at once, or out of the due set. */
const RESCHEDULE = "if redis.call('LLEN', KEYS[1]) > 0 then redis.call('ZADD', KEYS[3], 0, ARGV[3]) else redis.call('ZREM', KEYS[3], ARGV[3]) end";

/** KEYS: items, due. ARGV: visitor key, most items, item... → the visitor's item count, or -1 (full: nothing added). */
export const ENQUEUE = luaScript(`
local n = redis.call('LLEN', KEYS[1])
local add = #ARGV - 2
if n + add > tonumber(ARGV[2]) then return -1 end
for i = 3, #ARGV, 500 do redis.call('RPUSH', KEYS[1], unpack(ARGV, i, math.min(i + 499, #ARGV))) end
redis.call('ZADD', KEYS[2], 'NX', 0, ARGV[1])
return n + add`);

/**
 * KEYS: due, fence. ARGV: prefix, account, lease ms, most visitors, most
 * items. Leases the visitors due now → `[visitorKey, token, session or '', items]` each.
 */
export const LEASE = luaScript(`
${NOW}
local out = {}
for _, v in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))) do
  local at = ARGV[2] .. ':' .. v
  local items = redis.call('LRANGE', ARGV[1] .. 'outbox:' .. at, 0, tonumber(ARGV[5]) - 1)
  if #items == 0 then
    redis.call('ZREM', KEYS[1], v)
  else
    local token = redis.call('INCR', KEYS[2])
    redis.call('SET', ARGV[1] .. 'outbox-lease:' .. at, token, 'PX', ARGV[3])
    redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), v)
    out[#out + 1] = { v, tostring(token), redis.call('GET', ARGV[1] .. 'session:' .. at) or '', items }
  end
end
return out`);

/** KEYS: items, lease, due. ARGV: token, items sent, visitor key → items left, or -1 (fenced). */
export const ACK = luaScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[2]), -1)
redis.call('DEL', KEYS[2])
${RESCHEDULE}
return redis.call('LLEN', KEYS[1])`);

/** KEYS: items, lease, due. ARGV: token, delay ms, visitor key → 1, or -1 (fenced). */
export const DEFER = luaScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
${NOW}
redis.call('DEL', KEYS[2])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), ARGV[3])
return 1`);

/**
 * KEYS: items, lease, due, parked. ARGV: token, items refused, visitor key,
 * the refusal as JSON, parked ms → items left, or -1 (fenced). Keeps the
 * last 20 refused batches, for `parkedMs`.
 */
export const PARK = luaScript(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return -1 end
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('LPUSH', KEYS[4], '{"refusal":' .. ARGV[4] .. ',"items":[' .. table.concat(items, ',') .. ']}')
redis.call('LTRIM', KEYS[4], 0, 19)
redis.call('PEXPIRE', KEYS[4], ARGV[5])
redis.call('LTRIM', KEYS[1], tonumber(ARGV[2]), -1)
redis.call('DEL', KEYS[2])
${RESCHEDULE}
return redis.call('LLEN', KEYS[1])`);
