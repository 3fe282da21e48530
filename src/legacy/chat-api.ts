/**
 * `createChatApi`: the seed page's `ChatApi.getEngagement(request)` with
 * the answer handed to an `onEngagement` callback, on top of an
 * {@link EngagementClient}.
 *
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
import { createEngagementClient, type EngagementClient } from '../client/client';
import { resolveConfig, type EngagementClientConfig } from '../client/config';
import { isLeft } from '../internal/either';
import { unbindTarget, type LegacyBinding, type LegacyBindingId, type LegacyUnbindCriteria } from './bindings';
import { LegacyCore, type LegacyCall } from './legacy-core';
import { prepareRequest, type LegacyCallFailure, type LegacyEngagementPayload, type LegacyEngagementRequest } from './legacy-payloads';
import type { LegacyEvent, LegacyLogEntry } from './telemetry';

/**
 * Configuration of {@link createChatApi}: the client's configuration, plus
 * the legacy bindings `onEngagement` and `onLog` and the legacy `debug` flag.
 *
 * @example
 * ```ts
 * const config: ChatApiConfig = {
 *   accountId: '12345678',
 *   onEngagement: (data) => console.log('status' in data ? data.status : 'failed'),
 * };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface ChatApiConfig extends EngagementClientConfig {
  readonly onEngagement?: LegacyBinding<LegacyEngagementPayload>;
  readonly onLog?: LegacyBinding<LegacyLogEntry>;
  /** Fire `onLog` for INFO and DEBUG entries too. Default `false` (ERROR only). */
  readonly debug?: boolean;
}

/**
 * The seed page's `ChatApi`: `getEngagement(request)` hands its answer to
 * `onEngagement` (the response body, or a failure object without `status`).
 *
 * @example
 * ```ts
 * const ChatApi = createChatApi({ accountId: '12345678' });
 * ChatApi.onEngagement((data) => { if ('status' in data && data.status === 'Available') showButton(data); });
 * ChatApi.getEngagement({ consumerSections: ['Support'] });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface ChatApi {
  /**
   * One check. Answers a handle on the call, or `{ error }` (and sends
   * nothing) when the request or the configuration is invalid or the API
   * was disposed. The answer goes to `onEngagement`, then to the request's
   * own `success` / `error` (with `this` = `context` or the request).
   */
  getEngagement(request?: LegacyEngagementRequest): LegacyCall | LegacyCallFailure;
  /** Binds `onEngagement` (a function, `{ callback, context }`, or an array). */
  onEngagement(binding: LegacyBinding<LegacyEngagementPayload>, appName?: string, context?: unknown): LegacyBindingId;
  /** Binds `onLog`. */
  onLog(binding: LegacyBinding<LegacyLogEntry>, appName?: string, context?: unknown): LegacyBindingId;
  /**
   * Removes bindings: `unbind(id)`, `unbind(eventName, appName?, func?, context?)`,
   * `unbind(func)`, `unbind({ eventName?, appName?, func?, context? })`.
   */
  unbind(target: string | ReadonlyArray<string> | LegacyUnbindCriteria | ((...args: never[]) => unknown), appName?: string, func?: (...args: never[]) => unknown, context?: unknown): boolean;
  /** The client underneath: `session$`, `events$`, `getEngagement` as an observable. */
  readonly client: EngagementClient;
  /** Log entries and callbacks that threw. Completes on `dispose()`. */
  readonly events$: Observable<LegacyEvent>;
  /** Aborts every call in flight (no callback runs for them) and unbinds everything. */
  dispose(): void;
}

/** Keys of {@link ChatApiConfig} that are not the client's. */
const OWN_KEYS = ['onEngagement', 'onLog', 'debug'];

/**
 * Creates the seed page's `ChatApi` on a new {@link EngagementClient}.
 * It never throws: an invalid configuration is logged (`onLog`, `events$`)
 * and makes every `getEngagement` answer `{ error }`.
 *
 * @example
 * ```ts
 * import { createChatApi } from 'engagement-rx/legacy';
 *
 * const ChatApi = createChatApi({
 *   accountId: '12345678',
 *   onEngagement: function (data) {
 *     if ('status' in data) console.log(data.status); // Available or NotAvailable
 *     else console.warn('no answer yet', data);         // the failure object
 *   },
 * });
 * ChatApi.getEngagement({ appType: 'EXTERNAL', consumerSections: ['Support', 'English'] });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export function createChatApi(config: ChatApiConfig): ChatApi {
  const input: Record<string, unknown> = typeof config === 'object' && config !== null ? { ...config } : {};
  const own = { onEngagement: input['onEngagement'], onLog: input['onLog'], debug: input['debug'] };
  for (const k of OWN_KEYS) delete input[k];

  const resolved = resolveConfig(input);
  const client = createEngagementClient(input as unknown as EngagementClientConfig);
  const now = isLeft(resolved) ? () => Date.now() : () => resolved.right.scheduler.now();
  const core = new LegacyCore(client, now);
  core.debug = own.debug === true;

  const bindFromConfig = (eventName: string, value: unknown): void => {
    if (value === undefined) return;
    const { invalid } = core.bus.bind(eventName, value);
    if (invalid > 0) core.log('ERROR', 'invalidBinding', `${eventName}: ${invalid} binding(s) ignored (expected a function, { callback, context } or an array of them)`);
  };
  bindFromConfig('onLog', own.onLog);
  bindFromConfig('onEngagement', own.onEngagement);
  if (own.debug !== undefined && typeof own.debug !== 'boolean') core.log('ERROR', 'invalidConfig', 'debug: expected a boolean');

  const configError = isLeft(resolved) ? `getEngagement - invalid configuration: ${resolved.left.issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}` : undefined;
  if (configError !== undefined) core.log('ERROR', 'invalidConfig', configError);

  const bind = (eventName: string) => (binding: unknown, appName?: string, context?: unknown): LegacyBindingId => {
    if (core.disposed) return null;
    const { id, invalid } = core.bus.bind(eventName, binding, appName, context);
    if (invalid > 0) core.log('ERROR', 'invalidBinding', `${eventName}: ${invalid} binding(s) ignored (expected a function, { callback, context } or an array of them)`);
    return id;
  };

  return {
    client,
    events$: core.events$,
    getEngagement(request?: LegacyEngagementRequest): LegacyCall | LegacyCallFailure {
      if (core.disposed) return { error: 'getEngagement - the chat API was disposed' };
      if (configError !== undefined) return { error: configError };
      const prepared = prepareRequest(request);
      if (isLeft(prepared)) {
        core.log('ERROR', 'invalidRequest', prepared.left);
        return { error: prepared.left };
      }
      const id = core.nextCallId();
      core.send(id, prepared.right);
      return { id, cancel: () => core.abort(id) };
    },
    onEngagement: bind('onEngagement'),
    onLog: bind('onLog'),
    unbind(...args: ReadonlyArray<unknown>): boolean {
      const target = unbindTarget(args);
      return target === undefined ? false : core.bus.unbind(target);
    },
    dispose(): void {
      if (core.disposed) return;
      const aborted = core.dispose();
      core.log('INFO', 'disposed', `disposed; ${aborted} call(s) in flight aborted`);
      core.close();
    },
  };
}
