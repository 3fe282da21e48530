/**
 * `createChatApi`: the seed page's `ChatApi.getEngagement(request)` with
 * the answer handed to an `onEngagement` callback, on top of an
 * {@link EngagementClient}.
 *
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
import type { EngagementClient } from '../client/client';
import type { EngagementClientConfig } from '../client/config';
import { csdsDomain } from '../http/csds-domain';
import type { RetryPolicyInput } from '../retry/policy';
import type { LegacyBinding, LegacyBindingId, LegacyUnbindCriteria } from './bindings';
import { LegacyCore, type LegacyCall } from './legacy-core';
import type { LegacyCallFailure, LegacyEngagementPayload, LegacyEngagementRequest } from './legacy-payloads';
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
export interface ChatApiConfig extends Omit<EngagementClientConfig, 'retry' | 'domain'> {
  /** The engagement host; without it, the host is looked up in LivePerson's CSDS (as lpChat.min.js does). */
  readonly domain?: EngagementClientConfig['domain'];
  /** The retry policy, as a partial policy (checked as `retryPolicy` does). */
  readonly retry?: RetryPolicyInput;
  readonly onEngagement?: LegacyBinding<LegacyEngagementPayload>;
  readonly onLog?: LegacyBinding<LegacyLogEntry>;
  /** Fire `onLog` for INFO and DEBUG entries too. Default `false` (ERROR only). */
  readonly debug?: boolean;
  /**
   * Refuse a request the check core refuses. Default `false`: known fields
   * only, `appType` sent as `EXTERNAL`, what the core refuses left out and
   * named in an `onLog` entry (as lpChat.min.js read requests).
   */
  readonly strictValidation?: boolean;
}

/**
 * The seed page's `ChatApi`: `getEngagement(request)` hands its answer to
 * `onEngagement` (the response body, or a failure object without `status`).
 *
 * @example
 * ```ts
 * const ChatApi = createChatApi({ accountId: '12345678' });
 * ChatApi.onEngagement((data) => { if ('status' in data && data.status === 'Available') showChatButton(data); });
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
  const { onEngagement, onLog, debug, ...input } = (typeof config == 'object' && config ? config : {}) as Record<string, unknown>;
  input['domain'] ??= csdsDomain();
  const core = new LegacyCore(input);
  core.debug = debug === true;
  if (onLog !== undefined) core.on('onLog', onLog);
  if (onEngagement !== undefined) core.on('onEngagement', onEngagement);
  if (debug !== undefined && typeof debug != 'boolean') core.log('ERROR', 'invalidConfig', 'debug: expected a boolean');
  if (input['strictValidation'] !== undefined && typeof input['strictValidation'] != 'boolean') core.log('ERROR', 'invalidConfig', 'strictValidation: expected a boolean');
  core.refuse(core.refused);
  return {
    client: core.client,
    events$: core.events$,
    getEngagement: (request) => core.call(request),
    onEngagement: (binding, appName, context) => core.on('onEngagement', binding, appName, context),
    onLog: (binding, appName, context) => core.on('onLog', binding, appName, context),
    unbind: (...args) => core.unbind(...args),
    dispose: () => core.dispose(),
  };
}
