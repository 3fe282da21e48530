/**
 * What both legacy adapters share: the client (made from the adapter's
 * configuration), the event bus, the log (`onLog` and `events$`), the
 * guarded callbacks, and getEngagement calls run on the client's
 * observable. No HTTP, retry or session logic of its own: the client does
 * all of that.
 *
 * @internal
 */
import { Observable, asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { createEngagementClient, type EngagementClient } from '../client/client';
import type { EngagementClientConfig } from '../client/config';
import { internalsOf } from '../client/internals';
import { rememberRawBodies } from '../http/create-session';
import { validationError, type EngagementError, type ValidationIssue } from '../errors';
import { isLeft, type Either } from '../internal/either';
import { hub } from '../internal/hub';
import type { Engagement } from '../model';
import { retryPolicy, type RetryPolicyInput } from '../retry/policy';
import { LegacyEventBus, cloneEventData, type LegacyBindingId } from './bindings';
import {
  issuesText,
  legacyErrorObject,
  prepareRequest,
  toLegacyPayload,
  type LegacyCallFailure,
  type LegacyCallTarget,
  type LegacyEngagementPayload,
  type PreparedRequest,
  type RefusedRequest,
} from './legacy-payloads';
import { thrownName, type LegacyEvent, type LegacyLogCode, type LegacyLogLevel } from './telemetry';

/**
 * What a getEngagement call that was accepted answers: a handle on it.
 * `cancel()` drops it if it is still queued, or aborts it in flight (no
 * callback runs then); it answers whether there was anything to cancel.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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

/** The retry policy of a legacy adapter without `retry`: one attempt, as lpChat.min.js made. @internal */
export const LEGACY_RETRY: RetryPolicyInput = { maxAttempts: 1 };

/** The event bus of an adapter, with its client, its log and its calls. @internal */
export class LegacyCore extends LegacyEventBus {
  readonly client: EngagementClient;
  /** The adapter's clock: the client's scheduler's. */
  readonly now: () => number;
  /** Where refusals are delivered from (the client's scheduler): never inside the page's own call. */
  readonly scheduler: SchedulerLike;
  /** Refuse what the check core refuses (`strictValidation: true`), instead of cleaning it as lpChat.min.js did. */
  readonly strict: boolean;
  /** What the client refused in its configuration. */
  readonly refused: ReadonlyArray<ValidationIssue>;
  debug = false;
  disposed = false;
  /** When the configuration is invalid: what every call answers. */
  configError: string | undefined;
  private configIssues: ReadonlyArray<ValidationIssue> = [];
  /** What `events$` tells; `undefined` completes it. */
  private readonly events = hub<LegacyEvent | undefined>();
  private readonly inflight = new Map<number, Subscription>();
  /**
   * The visitor a "Loading account … vid: X" failure named, until a success:
   * the page's own retry continues it instead of creating another visitor.
   */
  private namedVisitor: string | undefined;
  private calls = 0;

  /** Log entries and callbacks that threw; completes on `dispose()`. */
  readonly events$ = new Observable<LegacyEvent>((subscriber) =>
    this.disposed ? subscriber.complete() : this.events.subscribe((event) => (event ? subscriber.next(event) : subscriber.complete())),
  );

  /**
   * Creates the client; a partial `retry` policy is checked and completed by
   * `retryPolicy`. `strictValidation` is the adapter's own (not the client's).
   */
  constructor({ strictValidation, ...config }: Record<string, unknown>) {
    super((eventName, error) => this.failed(eventName, error));
    this.strict = strictValidation === true;
    // The legacy timing: a failure reaches onEngagement at once (the page's own retry loop is the
    // documented pattern); the client's retries are opt-in, with `retry`.
    config['retry'] = retryPolicy((config['retry'] ?? LEGACY_RETRY) as RetryPolicyInput);
    rememberRawBodies(); // pages get the server's JSON as it came
    const client = (this.client = createEngagementClient(config as unknown as EngagementClientConfig));
    const internals = internalsOf(client);
    this.now = internals?.ok ? () => internals.config.scheduler.now() : Date.now;
    this.scheduler = internals?.ok ? internals.config.scheduler : asyncScheduler;
    this.refused = internals?.ok === false ? internals.error.issues : [];
  }

  /** Records a log entry on `events$`, and fires `onLog` for ERROR entries (every entry in debug mode). */
  log(level: LegacyLogLevel, code: LegacyLogCode, message: string): void {
    const time = this.now();
    const entry = { level, code, message, time, ...(level == 'ERROR' && { error: { error: message } }) };
    this.events.next({ type: 'log', at: time, entry });
    if (level == 'ERROR' || this.debug) this.trigger('onLog', entry, level);
  }

  /** A page callback threw: report it; an `onLog` callback that throws is reported on `events$` only. */
  failed(callback: string, error: unknown): void {
    this.events.next({ type: 'callbackFailed', at: this.now(), callback, error });
    if (callback != 'onLog') this.log('ERROR', 'callbackFailed', `${callback} callback threw ${thrownName(error)}; the other callbacks still ran`);
  }

  /** Binds a legacy binding, logging the items it cannot use; `null` once disposed. */
  on(eventName: string, binding: unknown, appName?: unknown, context?: unknown): LegacyBindingId {
    if (this.disposed) return null;
    const { id, invalid } = this.bind(eventName, binding, appName, context);
    if (invalid > 0) this.log('ERROR', 'invalidBinding', `${eventName}: ${invalid} binding(s) ignored, not a function nor { callback, context }`);
    return id;
  }

  /** Makes every later call answer `{ error }` naming the configuration's issues (none: nothing), and logs it. */
  refuse(issues: ReadonlyArray<ValidationIssue>): void {
    if (issues.length == 0) return;
    this.configIssues = issues;
    this.log('ERROR', 'invalidConfig', (this.configError = `getEngagement - invalid configuration: ${issuesText(issues)}`));
  }

  /**
   * One getEngagement call. A request that cannot be sent answers `{ error }`
   * (logged), and its failure still reaches `onEngagement` and the call's
   * `error` callback, on the next turn of the scheduler (a page that waits
   * for `onEngagement` is never left hanging). The rest goes to `send`, with
   * what the lenient reading left out reported on `onLog`.
   */
  call(request: unknown): LegacyCall | LegacyCallFailure {
    if (this.disposed) return { error: 'getEngagement - the chat API was disposed' };
    const prepared = prepareRequest(request, this.strict);
    if (this.configError !== undefined) {
      const target = isLeft(prepared) ? prepared.left : prepared.right;
      return this.refuseCall('invalidConfig', { ...target, message: this.configError, issues: this.configIssues });
    }
    if (isLeft(prepared)) return this.refuseCall('invalidRequest', prepared.left);
    const { cleaned } = prepared.right;
    if (cleaned.length > 0) this.log('ERROR', 'requestCleaned', `getEngagement - left out as lpChat.min.js did (strictValidation: true refuses instead): ${cleaned.join(', ')}`);
    return this.send(++this.calls, prepared.right);
  }

  /** Logs a refused call, answers its `{ error }`, and delivers its failure on the next turn. */
  private refuseCall(code: LegacyLogCode, refused: RefusedRequest): LegacyCallFailure {
    this.log('ERROR', code, refused.message);
    const failure = legacyErrorObject(validationError(refused.issues), refused.original, this.now(), refused.message);
    this.scheduler.schedule(() => {
      if (!this.disposed) this.tell(refused, failure, 'error');
    });
    return { error: refused.message };
  }

  /** Sends one call through the client; its answer goes to `onEngagement` and the call's own callback. */
  send(id: number, prepared: PreparedRequest): LegacyCall {
    const named = this.namedVisitor;
    const request = named !== undefined && prepared.request?.vid === undefined && this.client.currentSession() === undefined ? { ...prepared.request, vid: named } : prepared.request;
    return this.run(id, this.client.getEngagement(request), (result) => {
      if (!isLeft(result)) this.namedVisitor = undefined;
      else if (result.left.kind == 'http' && result.left.visitorId !== undefined) this.namedVisitor = result.left.visitorId;
      this.deliver(prepared, result);
    });
  }

  /** Runs one call's observable (`id`: a new one when absent), kept in flight until its first value, which goes to `done`. */
  run<A>(id: number | undefined, call$: Observable<A>, done: (value: A) => void): LegacyCall {
    const own = id ?? ++this.calls;
    const subscription = call$.subscribe((value) => {
      this.inflight.delete(own);
      done(value);
    });
    if (!subscription.closed) this.inflight.set(own, subscription);
    return { id: own, cancel: () => this.abort(own) };
  }

  /** Aborts one call in flight. */
  abort(id: number): boolean {
    const subscription = this.inflight.get(id);
    this.inflight.delete(id);
    subscription?.unsubscribe();
    return subscription !== undefined;
  }

  /** Fires `onEngagement`, then the call's own `success` or `error`, each guarded. */
  deliver(prepared: LegacyCallTarget, result: Either<EngagementError, Engagement>): void {
    this.tell(prepared, toLegacyPayload(result, prepared.original, this.now()), isLeft(result) ? 'error' : 'success');
  }

  /** Fires `onEngagement` with `payload`, then the call's own `which` callback, each guarded. */
  tell(target: LegacyCallTarget, payload: LegacyEngagementPayload, which: 'success' | 'error'): void {
    this.trigger('onEngagement', payload);
    const own = target[which] as ((this: unknown, data: unknown) => void) | undefined;
    try {
      own?.call(target.thisArg, cloneEventData(payload));
    } catch (error) {
      this.failed(`getEngagement.${which}`, error);
    }
  }

  /**
   * Aborts every call in flight, logs it (and the `dropped` queued calls,
   * never sent), completes `events$` and forgets every binding.
   */
  dispose(dropped = 0): void {
    if (this.disposed) return;
    this.disposed = true;
    const aborted = this.inflight.size;
    this.inflight.forEach((s) => s.unsubscribe());
    this.inflight.clear();
    if (dropped > 0) this.log('ERROR', 'dropped', `dispose: ${dropped} queued getEngagement call(s) dropped, never sent`);
    this.log('INFO', 'disposed', `disposed; ${aborted} call(s) in flight aborted`);
    this.events.next(undefined);
    this.clear();
  }
}
