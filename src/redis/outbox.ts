/**
 * The report outbox in Redis, shared by every process of a service: a
 * report is accepted once Redis holds it, and any instance delivers it,
 * so an instance that dies loses nothing. Node only.
 *
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
import type { EngagementClient } from '../client/client';
import { internalsOf } from '../client/internals';
import { storeError, validationError, type EngagementError, type ValidationError } from '../errors';
import { hub } from '../internal/hub';
import { isLeft, left, right, type Either } from '../internal/either';
import { kindOf } from '../internal/validation';
import { decodeReportItems, type ReportItem } from '../report/report-items';
import type { UpdateSessionMethod } from '../report/reporter';
import { startDelivery, type Delivery } from './outbox-delivery';
import type { RedisOutboxEvent } from './outbox-events';
import { ENQUEUE } from './outbox-scripts';
import { msRule, prefixRule, readOptions, type OptionRule } from './options';
import type { RedisPort } from './port';
import { checkPort } from './session-store';
import { visitorKeyIssue } from '../session/visitor-key';
import { runScript } from './script';

/**
 * Options of {@link redisOutbox}.
 * @since 0.2.0
 * @category Redis
 */
export interface RedisOutboxOptions {
  /** Put before every key; the same as the session store's, whose sessions the outbox reads. Default `'engagement-rx:'`. */
  readonly prefix?: string;
  /** Deliver from this instance. Default `true`; `false` for an instance that only reports. */
  readonly deliver?: boolean;
  /**
   * How long an instance owns a visitor while it sends one batch, in ms. A
   * batch not acknowledged by then is sent again by any instance. It must
   * exceed one Update Session with the client's retries. Default 60000; 500 to 600000.
   */
  readonly leaseMs?: number;
  /** How often an idle instance looks for due visitors, in ms. Default 250; 10 to 60000. */
  readonly pollMs?: number;
  /** Most visitors one instance sends to at once. Default 8; 1 to 256. */
  readonly concurrency?: number;
  /** Most items waiting for one visitor; a report that would pass it is refused whole. Default 1000; 1 to 100000. */
  readonly maxItemsPerVisitor?: number;
  /** The longest one Redis call may take before it counts as failed, in ms. Default 2000; 10 to 60000. */
  readonly timeoutMs?: number;
  /** How Update Session is sent. Default `'PUT'`. */
  readonly updateSessionMethod?: UpdateSessionMethod;
}

/**
 * A report outbox in Redis. Made by {@link redisOutbox}.
 *
 * @example
 * ```ts
 * import { cartAttribute, describeError } from 'engagement-rx';
 * import type { RedisOutbox } from 'engagement-rx/redis';
 *
 * declare const outbox: RedisOutbox; // redisOutbox(client, port)
 * const sent = await outbox.report('customer-42', cartAttribute({ total: 11.7, numItems: 6 }));
 * if (sent._tag === 'Left') console.warn(describeError(sent.left)); // validation, or store: enqueue failed (…)
 * ```
 * @since 0.2.0
 * @category Redis
 */
export interface RedisOutbox {
  /**
   * Queues engagement attributes (SDEs) and impression events for the
   * visitor of `visitorKey`, validated like `reporter.report`. Answers once
   * Redis holds them: `Right(n)`, the visitor's items now waiting; a
   * `validation` Left naming each bad field (nothing queued); or a `store`
   * Left (`operation: 'enqueue'`) when Redis cannot take them (down, or
   * `cause: 'OutboxFull'`). Nothing is kept in memory.
   */
  report(visitorKey: string, ...items: ReadonlyArray<ReportItem | Either<ValidationError, ReportItem>>): Promise<Either<EngagementError, number>>;
  /** Deliveries, deferrals, refusals and store failures of this instance. */
  readonly events$: Observable<RedisOutboxEvent>;
  /**
   * Stops delivering (a send in flight is aborted; its batch stays in Redis
   * and is due again when its lease ends) and refuses later reports.
   * Resolves once nothing of the outbox runs any more, so the process can
   * exit. The Redis client stays yours to close.
   */
  dispose(): Promise<void>;
}

const intRule = (fallback: number, min: number, max: number): OptionRule<number> => ({ ...msRule(fallback, min, max), expected: `a whole number from ${min} to ${max}` });
const RULES = {
  prefix: prefixRule,
  deliver: { fallback: true, expected: 'true or false', ok: (u: unknown) => typeof u === 'boolean' } as OptionRule<boolean>,
  leaseMs: msRule(60_000, 500, 600_000),
  pollMs: msRule(250, 10, 60_000),
  concurrency: intRule(8, 1, 256),
  maxItemsPerVisitor: intRule(1000, 1, 100_000),
  timeoutMs: msRule(2000, 10, 60_000),
  updateSessionMethod: { fallback: 'PUT', expected: "'PUT' or 'POST_OVERRIDE'", ok: (u: unknown) => u === 'PUT' || u === 'POST_OVERRIDE' } as OptionRule<UpdateSessionMethod>,
};

/**
 * A report outbox in Redis for the visitors of `client`'s account: at
 * least once, in order per visitor, across every instance of a service.
 *
 * - `report(visitorKey, ...items)` appends to the visitor's list
 *   (`{prefix}outbox:{accountId}:{visitorKey}`) and marks the visitor due
 *   in `{prefix}outbox-due:{accountId}`, in one Lua script, and answers
 *   once Redis confirmed it.
 * - Each instance (unless `deliver: false`) picks due visitors, takes a
 *   lease on each with a fencing token, sends the oldest batch (up to 50
 *   items, coalesced like the reporter's) with Update Session on the
 *   visitor's stored session, through the client's transport and retry
 *   policy, and acknowledges, defers or parks it by scripts that check
 *   the token. A lease that runs out (the instance died or froze) makes
 *   the visitor due again for any instance.
 * - A batch may reach the server twice only when the instance sending it
 *   died or froze before acknowledging it; see docs/scaling.md for which
 *   SDE types a duplicate changes nothing for.
 *
 * @param client - the service's client (`createEngagementClient`): its
 *   account, origin, transport and retry policy are used; its sessions
 *   must be in `redisSessionStore` with the same `prefix`.
 * @param port - {@link nodeRedis}(client) or {@link ioredis}(client).
 * @param options - see {@link RedisOutboxOptions}.
 * @throws TypeError when `port` is no RedisPort or an option is bad or
 *   unknown (a programming error, reported when the outbox is made). A
 *   refused client makes every report answer the client's validation Left.
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { cartAttribute, createEngagementClient } from 'engagement-rx';
 * import { nodeRedis, redisOutbox, redisSessionStore } from 'engagement-rx/redis';
 *
 * const redis = await createClient({ url: 'redis://localhost:6379', disableOfflineQueue: true }).connect();
 * const port = nodeRedis(redis);
 * const engagement = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', session: redisSessionStore(port) });
 * const outbox = redisOutbox(engagement, port);
 * await outbox.report('customer-42', cartAttribute({ total: 11.7, numItems: 6 }));
 * process.once('SIGTERM', () => void outbox.dispose().then(() => redis.close()));
 * ```
 * @since 0.2.0
 * @category Redis
 */
export function redisOutbox(client: EngagementClient, port: RedisPort, options?: RedisOutboxOptions): RedisOutbox {
  checkPort('redisOutbox', port);
  const o = readOptions('redisOutbox', options, RULES);
  const core = internalsOf(client);
  const refused: ValidationError | undefined =
    core === undefined ? validationError([{ path: 'client', reason: `expected a client of createEngagementClient, got ${kindOf(client)}` }]) : core.ok ? undefined : core.error;
  const events = hub<RedisOutboxEvent>();
  // The client's session key: the account id, or its backend's own namespace (a Monitoring client's `{accountId}/monitoring`).
  const namespace = core?.ok ? core.config.sessionKey : '';
  const keyOf = (kind: string, visitorKey?: string): string => `${o.prefix}${kind}:${namespace}${visitorKey === undefined ? '' : `:${visitorKey}`}`;
  let delivery: Delivery | undefined = core?.ok && o.deliver ? startDelivery({ core, port, options: o, keyOf, emit: (e) => events.next(e) }) : undefined;
  let disposed = false;

  return {
    report: async (visitorKey, ...items) => {
      if (refused !== undefined) return left(refused);
      if (disposed) return left(validationError([{ path: '(outbox)', reason: 'the outbox was disposed; nothing is queued' }]));
      const badKey = visitorKeyIssue(visitorKey);
      if (badKey !== undefined) return left(validationError([{ path: 'visitorKey', reason: badKey }]));
      const decoded = decodeReportItems(items);
      if (isLeft(decoded)) return decoded;
      if (decoded.right.length === 0) return right(0);
      const encoded = decoded.right.map((q) => JSON.stringify({ k: q.kind === 'attribute' ? 'a' : 'i', v: q.item }));
      try {
        const n = Number(await runScript(port, ENQUEUE, [keyOf('outbox', visitorKey), keyOf('outbox-due')], [visitorKey, String(o.maxItemsPerVisitor), ...encoded], o.timeoutMs));
        return n < 0 ? left(storeError('enqueue', undefined, 'OutboxFull')) : right(n);
      } catch (e) {
        return left(storeError('enqueue', e));
      }
    },
    events$: events,
    dispose: async () => {
      disposed = true;
      const d = delivery;
      delivery = undefined;
      await d?.stop();
    },
  };
}
