/**
 * What both legacy adapters share: the event bus, the log (`onLog` and
 * `events$`), the guarded callbacks, and one getEngagement call run on the
 * client's observable. No HTTP, retry or session logic of its own: the
 * client does all of that.
 *
 * @internal
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { EngagementClient } from '../client/client';
import type { EngagementError } from '../errors';
import type { Engagement } from '../model';
import { isLeft, left, type Either } from '../internal/either';
import { LegacyEventBus, cloneEventData } from './bindings';
import { toLegacyPayload, type LegacyEngagementPayload, type PreparedRequest } from './legacy-payloads';
import { thrownName, type LegacyEvent, type LegacyLogCode, type LegacyLogEntry, type LegacyLogLevel } from './telemetry';

/**
 * What a getEngagement call that was accepted answers: a handle on it.
 * `cancel()` drops it if it is still queued, or aborts it in flight (no
 * callback runs then); it answers whether there was anything to cancel.
 *
 * @example
 * ```ts
 * const call = chat.getEngagement();
 * if (!('error' in call)) window.addEventListener('pagehide', () => call.cancel());
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyCall {
  /** Numbers the calls of one adapter: 1, 2, ... */
  readonly id: number;
  cancel(): boolean;
}

/** @internal */
export class LegacyCore {
  readonly bus: LegacyEventBus;
  readonly events$: Observable<LegacyEvent>;
  debug = false;
  disposed = false;
  private readonly events = new Subject<LegacyEvent>();
  private readonly inflight = new Map<number, Subscription>();
  private calls = 0;

  constructor(
    readonly client: EngagementClient,
    readonly now: () => number,
  ) {
    this.bus = new LegacyEventBus((eventName, error) => this.callbackFailed(eventName, error));
    this.events$ = this.events.asObservable();
  }

  /** Records a log entry on `events$`, and fires `onLog` for ERROR entries (every entry in debug mode). */
  log(level: LegacyLogLevel, code: LegacyLogCode, message: string): void {
    const time = this.now();
    const entry: LegacyLogEntry = { level, code, message, time, ...(level === 'ERROR' ? { error: { error: message } } : {}) };
    this.events.next({ type: 'log', at: time, entry });
    if (level === 'ERROR' || this.debug) this.bus.trigger('onLog', entry, level);
  }

  /** A page callback threw: report it; an `onLog` callback that throws is reported on `events$` only. */
  callbackFailed(callback: string, error: unknown): void {
    this.events.next({ type: 'callbackFailed', at: this.now(), callback, error });
    if (callback !== 'onLog') this.log('ERROR', 'callbackFailed', `${callback} callback threw ${thrownName(error)}; the other callbacks still ran`);
  }

  /** A new call id. */
  nextCallId(): number {
    return ++this.calls;
  }

  /** Sends one prepared call through the client; its answer goes to `onEngagement` and the per-call callback. */
  send(id: number, prepared: PreparedRequest): void {
    let settled = false;
    const subscription = this.client.getEngagement(prepared.request).subscribe({
      next: (result) => {
        settled = true;
        this.inflight.delete(id);
        this.deliver(prepared, result);
      },
      complete: () => this.inflight.delete(id),
    });
    if (!settled && !subscription.closed) this.inflight.set(id, subscription);
  }

  /** Aborts one call in flight. */
  abort(id: number): boolean {
    const subscription = this.inflight.get(id);
    if (subscription === undefined) return false;
    this.inflight.delete(id);
    subscription.unsubscribe();
    return true;
  }

  /** Answers a call that was never sent (e.g. its domain lookup failed) with the legacy failure object. */
  fail(prepared: PreparedRequest, error: EngagementError): void {
    this.deliver(prepared, left(error));
  }

  /** Fires `onEngagement`, then the call's own `success` or `error`, each guarded. */
  deliver(prepared: PreparedRequest, result: Either<EngagementError, Engagement>): void {
    const payload: LegacyEngagementPayload = toLegacyPayload(result, prepared.original, this.now());
    this.bus.trigger('onEngagement', payload);
    const own = isLeft(result) ? prepared.error : prepared.success;
    if (own === undefined) return;
    try {
      (own as (this: unknown, data: unknown) => void).call(prepared.thisArg, cloneEventData(payload));
    } catch (error) {
      this.callbackFailed(isLeft(result) ? 'getEngagement.error' : 'getEngagement.success', error);
    }
  }

  /** Aborts every call in flight, completes `events$` and forgets every binding. */
  dispose(): number {
    const aborted = this.inflight.size;
    for (const subscription of this.inflight.values()) subscription.unsubscribe();
    this.inflight.clear();
    this.disposed = true;
    return aborted;
  }

  /** The last step of a disposal, after its log entries. */
  close(): void {
    this.events.complete();
    this.bus.clear();
  }
}
