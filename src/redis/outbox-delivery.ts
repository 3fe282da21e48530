/**
 * One instance's delivery loop of the Redis outbox: lease due visitors,
 * send each one's oldest batch with Update Session (the library's sender,
 * the client's transport and retry policy), then acknowledge, defer or
 * park it under the lease's fencing token. Timers run on the client's
 * scheduler.
 *
 * @internal
 */
import type { Subscription } from 'rxjs';
import type { EngagementAttribute } from '../attributes/attribute';
import type { ImpressionEvent } from '../attributes/impressions';
import { coalesceAttributes } from '../attributes/merge';
import type { WorkingInternals } from '../client/internals';
import { summarizeError } from '../client/events';
import { storeCause, type EngagementError } from '../errors';
import { updateSession$, updateSessionBody } from '../http/update-session';
import { isLeft, type Either } from '../internal/either';
import { BATCH_CHARS, BATCH_ITEMS } from '../report/pipeline';
import { judgeFailure, redeliveryDelayMs } from '../report/delivery';
import { withRetry } from '../retry/with-retry';
import { decodeVisitorSession } from '../session/visitor-session';
import type { RedisOutboxEvent } from './outbox-events';
import { ACK, DEFER, LEASE, PARK } from './outbox-scripts';
import type { RedisPort } from './port';
import { runScript, type LuaScript } from './script';

/** How long a visitor without a session waits before its items are looked at again. */
export const SESSION_WAIT_MS = 1000;
/** How long the last refused batches of a visitor are kept: 7 days. */
export const PARKED_MS = 604_800_000;

/** What the loop needs. */
export interface DeliveryEnv {
  readonly core: WorkingInternals;
  readonly port: RedisPort;
  readonly options: { readonly prefix: string; readonly leaseMs: number; readonly pollMs: number; readonly concurrency: number; readonly timeoutMs: number; readonly updateSessionMethod: 'PUT' | 'POST_OVERRIDE' };
  /** A key of the account: `{prefix}{kind}:{accountId}[:{visitorKey}]`. */
  readonly keyOf: (kind: string, visitorKey?: string) => string;
  readonly emit: (event: RedisOutboxEvent) => void;
}

/** A running loop. */
export interface Delivery {
  /** Stops polling, aborts the sends in flight, and resolves once nothing runs. */
  stop(): Promise<void>;
}

type Sent = Either<EngagementError, unknown> | 'stopped';

export function startDelivery(env: DeliveryEnv): Delivery {
  const { core, port, options: o, keyOf, emit } = env;
  const { scheduler, random, retry, accountId, sessionKey, backend } = core.config;
  const now = (): number => scheduler.now();
  let stopped = false;
  let polling = false;
  let active = 0;
  let timer: Subscription | undefined;
  const running = new Set<Promise<void>>();
  const aborts = new Set<() => void>();

  const later = (ms: number): void => {
    timer?.unsubscribe();
    timer = stopped ? undefined : scheduler.schedule(() => void poll(), ms);
  };

  /** Runs a script that ends a lease (or takes them); `undefined` when Redis failed (told as `storeFailed`). */
  const call = async (step: 'lease' | 'ack' | 'defer' | 'park', script: LuaScript, keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await runScript(port, script, keys, args, o.timeoutMs);
    } catch (e) {
      emit({ type: 'storeFailed', at: now(), step, cause: storeCause(e) });
      return undefined;
    }
  };

  const poll = async (): Promise<void> => {
    timer = undefined;
    if (stopped || polling) return;
    polling = true;
    const free = o.concurrency - active;
    const leased = free <= 0 ? [] : await call('lease', LEASE, [keyOf('outbox-due'), keyOf('outbox-fence')], [o.prefix, sessionKey, String(o.leaseMs), String(free), String(BATCH_ITEMS)]);
    polling = false;
    if (stopped) return;
    const found = Array.isArray(leased) ? leased : [];
    for (const lease of found) {
      active++;
      const done: Promise<void> = deliverOne(lease as unknown[]).finally(() => {
        active--;
        running.delete(done);
        if (!polling) later(0);
      });
      running.add(done);
    }
    later(found.length > 0 && found.length === free ? 0 : o.pollMs);
  };

  const deliverOne = async ([visitorKey, token, storedSession, rawItems]: unknown[]): Promise<void> => {
    const vk = String(visitorKey);
    const lease = [keyOf('outbox', vk), keyOf('outbox-lease', vk), keyOf('outbox-due')];
    const raw = (Array.isArray(rawItems) ? rawItems : []).map(String);
    const session = typeof storedSession === 'string' && storedSession !== '' ? decodeVisitorSession(parse(storedSession)) : undefined;
    if (session === undefined || isLeft(session)) {
      if ((await call('defer', DEFER, lease, [String(token), String(SESSION_WAIT_MS), vk])) !== undefined) emit({ type: 'waitingForSession', at: now(), items: raw.length, delayMs: SESSION_WAIT_MS });
      return;
    }
    // The oldest items, up to BATCH_ITEMS and about BATCH_CHARS of JSON; an entry that is not one of ours is dropped with its batch.
    const attributes: EngagementAttribute[] = [];
    const impressions: ImpressionEvent[] = [];
    let n = 0;
    let chars = 0;
    for (const text of raw) {
      chars += text.length;
      if (n > 0 && chars > BATCH_CHARS) break;
      n++;
      const entry = parse(text) as { k?: unknown; v?: unknown } | undefined;
      if (entry?.k === 'a') attributes.push(entry.v as EngagementAttribute);
      else if (entry?.k === 'i') impressions.push(entry.v as ImpressionEvent);
    }
    const coalesced = coalesceAttributes(attributes);
    // The client's backend writes and sends the report: Update Session, or the Monitoring API's report.
    const body = (backend.reportBody ?? updateSessionBody)(session.right.pageId, coalesced, impressions);
    const target = { accountId, vid: session.right.visitorId, sid: session.right.sessionId };
    let attempts = 0;
    const sent = await new Promise<Sent>((resolve) => {
      let sending: Subscription | undefined;
      let done = false;
      const abort = (): void => finish('stopped');
      function finish(outcome: Sent): void {
        if (done) return;
        done = true;
        aborts.delete(abort);
        sending?.unsubscribe();
        resolve(outcome);
      }
      aborts.add(abort);
      sending = withRetry(
        (c) => {
          attempts = c.attempt;
          return core.atOrigin((origin) => (backend.report ?? updateSession$)(core.http, { origin, ...target }, body, o.updateSessionMethod));
        },
        retry,
        { scheduler, random },
      ).subscribe((r) => finish(r));
      if (done) sending.unsubscribe();
    });
    // A send that outlived its lease is still acknowledged by token: the script refuses it (fenced).
    if (sent === 'stopped') return;
    if (!isLeft(sent)) {
      const left = await call('ack', ACK, lease, [String(token), String(n), vk]);
      if (left === undefined) return;
      return emit(Number(left) < 0 ? { type: 'fenced', at: now(), items: n } : { type: 'delivered', at: now(), items: n, attempts, left: Number(left) });
    }
    const refusal = judgeFailure(sent.left, now());
    if (refusal !== undefined) {
      const record = JSON.stringify({ reason: refusal.reason, status: refusal.status, at: refusal.at });
      const r = await call('park', PARK, [...lease, keyOf('outbox-parked', vk)], [String(token), String(n), vk, record, String(PARKED_MS)]);
      if (r !== undefined) emit(Number(r) < 0 ? { type: 'fenced', at: now(), items: n } : { type: 'parked', at: now(), items: n, status: refusal.status, reason: refusal.reason });
      return;
    }
    const delayMs = redeliveryDelayMs(1, undefined, random);
    const r = await call('defer', DEFER, lease, [String(token), String(delayMs), vk]);
    if (r !== undefined) emit(Number(r) < 0 ? { type: 'fenced', at: now(), items: n } : { type: 'deferred', at: now(), items: n, delayMs, error: summarizeError(sent.left) });
  };

  later(0);
  return {
    stop: async () => {
      stopped = true;
      timer?.unsubscribe();
      timer = undefined;
      for (const abort of [...aborts]) abort();
      await Promise.allSettled([...running]);
    },
  };
}

/** JSON of a stored text; `undefined` when it is not JSON. */
function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
