/**
 * `ChatOverRestAPI`: a drop-in for `lpTag.taglets.ChatOverRestAPI` of the
 * legacy `lpChat.min.js`, for the getEngagement path, on top of an
 * {@link EngagementClient}. It keeps the legacy conventions (bindings,
 * `onInit`, per-call `success`/`error`/`context`, `{ error }` answers,
 * failures on `onEngagement` without `status`); the HTTP, the retries and
 * the visitor session are the client's.
 *
 * @packageDocumentation
 */
import type { Observable, Subscription } from 'rxjs';
import { createEngagementClient, type EngagementClient } from '../client/client';
import { resolveConfig, type EngagementClientConfig } from '../client/config';
import { describeError, validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import { isLeft } from '../internal/either';
import { unbindTarget, type LegacyBinding, type LegacyBindingId, type LegacyUnbindCriteria } from './bindings';
import {
  CHAT_STATES,
  CONNECTION_STATES,
  LINE_STATUSES,
  LEGACY_EVENT_NAMES,
  NO_CHAT_GETTERS,
  UNSUPPORTED_METHODS,
  isLegacyEventName,
  unsupportedMessage,
  type ChatState,
  type ChatStates,
  type LegacyEventName,
  type NoChatGetterName,
  type UnsupportedMethodName,
} from './event-names';
import { LegacyCore, type LegacyCall } from './legacy-core';
import {
  legacyErrorObject,
  prepareRequest,
  type LegacyCallFailure,
  type LegacyEngagementPayload,
  type LegacyEngagementRequest,
  type LegacyErrorObject,
  type PreparedRequest,
} from './legacy-payloads';
import type { LegacyEvent, LegacyLogEntry } from './telemetry';

/**
 * The data of `onLoad`, fired once, just after the constructor returns.
 *
 * @example
 * ```ts
 * chat.onLoad((data: LegacyLoadPayload) => console.log(data.API, data.version));
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyLoadPayload {
  readonly API: 'Chat API SDK Loaded';
  /** engagement-rx's version. */
  readonly version: string;
  readonly state: ChatState;
  readonly implementation: 'engagement-rx';
}

/**
 * The data of `onInit` once the engagement domain is known. `domain` is the
 * chat host given in the configuration (absent when none was given);
 * `engagementDomain` is where getEngagement calls go.
 *
 * @example
 * ```ts
 * chat.onInit((data) => { if (!('error' in data)) chat.getEngagement(); });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyInitPayload {
  readonly account: string;
  readonly domain?: string;
  readonly engagementDomain: string;
  readonly init: true;
}

/**
 * The data of `onState`: the new state and the time, as a string
 * (`Date.prototype.toTimeString`), as in the legacy SDK.
 *
 * @example
 * ```ts
 * chat.onState((data: LegacyStatePayload) => console.log(data.state)); // 'initialised'
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyStatePayload {
  readonly state: ChatState;
  readonly time: string;
}

/**
 * The data each event's callbacks receive: `onInit` gets a
 * {@link LegacyInitPayload}, or the legacy failure object when the domain
 * could not be resolved; events engagement-rx never fires are `unknown`.
 *
 * @example
 * ```ts
 * const render = (data: LegacyPayloadOf<'onEngagement'>) => console.log(data);
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyPayloadOf<K extends LegacyEventName> = K extends 'onLoad'
  ? LegacyLoadPayload
  : K extends 'onInit'
    ? LegacyInitPayload | LegacyErrorObject
    : K extends 'onState'
      ? LegacyStatePayload
      : K extends 'onEngagement'
        ? LegacyEngagementPayload
        : K extends 'onLog'
          ? LegacyLogEntry
          : unknown;

/**
 * One optional binding per legacy event, in any legacy form.
 *
 * @example
 * ```ts
 * const bindings: LegacyEventBindings = { onInit: [start, log], onEngagement: { callback: view.render, context: view } };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEventBindings = { readonly [K in LegacyEventName]?: LegacyBinding<LegacyPayloadOf<K>> };

/**
 * The configuration of a {@link ChatOverRestAPI}: the legacy keys, the
 * legacy `on*` bindings, and the engagement-rx client's options.
 *
 * Legacy keys that only concern the chat session (`sessionUID`,
 * `failureTolerance`, `moveToPrimaryRetry`, `moveToPrimaryInterval`,
 * `transportOrder`, `environment`, `batchelor`, `doNotResume`,
 * `reconnectTimeout`, `onSessionData`) are accepted and ignored; any other
 * unknown key is ignored with a log entry.
 *
 * @example
 * ```ts
 * const config: LegacyChatConfig = {
 *   lpNumber: '12345678',
 *   appKey: '721c180b09eb463d9f3191c41762bb68',
 *   engagementDomain: 'va.v.liveperson.net', // or omit it: CSDS lookup
 *   onInit: () => chat.getEngagement(),
 *   onEngagement: (data) => console.log(data),
 * };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyChatConfig extends LegacyEventBindings, Pick<EngagementClientConfig, 'csds' | 'fetch' | 'timeoutMs' | 'scheduler' | 'random' | 'session' | 'retry'> {
  /** The account (site) id. */
  readonly lpNumber: string | number;
  /** Kept (`getConfig()`), never sent: getEngagement needs no app key. */
  readonly appKey?: string;
  /** The legacy *chat* host (CSDS `conversationVep`). Kept, never used for getEngagement. */
  readonly domain?: string;
  /**
   * The engagement host (`va.v.liveperson.net`), or a full origin for a
   * loopback host (`http://127.0.0.1:4010`). When absent: the CSDS lookup.
   */
  readonly engagementDomain?: string;
  /** Fire `onLog` for INFO and DEBUG entries too. Default `false`. */
  readonly debug?: boolean;
  readonly sessionUID?: unknown;
  readonly failureTolerance?: unknown;
  readonly moveToPrimaryRetry?: unknown;
  readonly moveToPrimaryInterval?: unknown;
  readonly transportOrder?: unknown;
  readonly environment?: unknown;
  readonly batchelor?: unknown;
  readonly doNotResume?: unknown;
  readonly reconnectTimeout?: unknown;
  readonly onSessionData?: unknown;
}

/**
 * The event methods of a {@link ChatOverRestAPI}: `chat.onEngagement(fn, appName?, context?)`
 * and the same for every legacy event. Each answers the binding's id.
 *
 * @example
 * ```ts
 * const id = chat.onEngagement(render, 'myApp', view);
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEventMethods = {
  readonly [K in LegacyEventName]: (binding: LegacyBinding<LegacyPayloadOf<K>>, appName?: string, context?: unknown) => LegacyBindingId;
};

/**
 * The chat-session methods engagement-rx does not implement: each answers
 * `{ error: '<name> is not supported by engagement-rx: ...' }`.
 *
 * @example
 * ```ts
 * const failed = chat.addLine({ text: 'hi' });
 * if (failed && failed.error) console.warn(failed.error);
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyUnsupportedMethods = { readonly [K in UnsupportedMethodName]: (request?: unknown) => LegacyCallFailure };

/**
 * The chat-session getters, answering the values of "no chat".
 *
 * @example
 * ```ts
 * chat.getVisitorName(); // ''
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyNoChatGetters = { readonly [K in NoChatGetterName]: () => (typeof NO_CHAT_GETTERS)[K] };

/** engagement-rx's version, reported by `onLoad`. */
const VERSION = '0.1.0';

const CLIENT_KEYS = ['csds', 'fetch', 'timeoutMs', 'scheduler', 'random', 'session', 'retry'];
const LEGACY_KEYS = ['lpNumber', 'appKey', 'domain', 'engagementDomain', 'debug'];
const IGNORED_KEYS = [
  'sessionUID',
  'failureTolerance',
  'moveToPrimaryRetry',
  'moveToPrimaryInterval',
  'transportOrder',
  'environment',
  'batchelor',
  'doNotResume',
  'reconnectTimeout',
  'onSessionData',
];
/** The client's names of options, as the legacy configuration calls them. */
const LEGACY_PATHS: Readonly<Record<string, string>> = { accountId: 'lpNumber', domain: 'engagementDomain' };

interface Queued {
  readonly id: number;
  readonly prepared: PreparedRequest;
}

/** The state of one instance, out of the page's reach. */
class Session {
  state: ChatState = CHAT_STATES.UNINITIALISED;
  initialised = false;
  started = false;
  initInFlight = false;
  initSubscription: Subscription | undefined;
  initFailureReported = false;
  queue: Queued[] = [];

  constructor(
    readonly core: LegacyCore,
    readonly account: string,
    readonly chatDomain: string | undefined,
    readonly configError: ValidationError | undefined,
    readonly config: Readonly<Record<string, unknown>>,
  ) {}

  /** Runs just after the constructor returned: `onLoad`, then the domain. */
  start(): void {
    if (this.core.disposed || this.started) return;
    this.started = true;
    const load: LegacyLoadPayload = { API: 'Chat API SDK Loaded', version: VERSION, state: this.state, implementation: 'engagement-rx' };
    this.core.bus.trigger('onLoad', load);
    if (this.configError !== undefined) {
      this.reportInitFailure(this.configError);
      return;
    }
    this.init();
  }

  init(): void {
    if (this.core.disposed || this.initialised || this.initInFlight || this.configError !== undefined) return;
    this.initInFlight = true;
    const subscription = this.core.client.engagementOrigin().subscribe((result) => {
      this.initInFlight = false;
      this.initSubscription = undefined;
      if (isLeft(result)) this.initFailed(result.left);
      else this.initialisedWith(result.right);
    });
    if (this.initInFlight) this.initSubscription = subscription;
  }

  private initialisedWith(origin: string): void {
    this.initialised = true;
    this.state = CHAT_STATES.INITIALISED;
    const host = origin.replace(/^https?:\/\//, '');
    this.core.log('INFO', 'initialised', `engagement domain resolved: ${host}`);
    const queued = this.queue.splice(0);
    for (const q of queued) {
      this.core.log('DEBUG', 'sent', `queued getEngagement call ${q.id} sent`);
      this.core.send(q.id, q.prepared);
    }
    const init: LegacyInitPayload = { account: this.account, ...(this.chatDomain === undefined ? {} : { domain: this.chatDomain }), engagementDomain: host, init: true };
    this.core.bus.trigger('onInit', init);
    const state: LegacyStatePayload = { state: this.state, time: new Date(this.core.now()).toTimeString() };
    this.core.bus.trigger('onState', state);
  }

  private initFailed(error: EngagementError): void {
    this.core.log('ERROR', 'initFailed', `unable to resolve the engagement domain (${describeError(error)})`);
    this.reportInitFailure(error);
    const queued = this.queue.splice(0);
    for (const q of queued) this.core.fail(q.prepared, error);
  }

  /** The first failure fires `onInit` with the legacy failure object, as the legacy SDK did; later ones do not. */
  private reportInitFailure(error: EngagementError): void {
    if (this.initFailureReported) return;
    this.initFailureReported = true;
    this.core.bus.trigger('onInit', legacyErrorObject(error, {}, this.core.now(), 'unable to initiate session'));
  }

  getEngagement(request: unknown): LegacyCall | LegacyCallFailure {
    const core = this.core;
    if (core.disposed) return { error: 'getEngagement - the chat API was disposed' };
    if (this.configError !== undefined) {
      const error = `getEngagement - invalid configuration: ${issuesText(this.configError)}`;
      core.log('ERROR', 'invalidConfig', error);
      return { error };
    }
    const prepared = prepareRequest(request);
    if (isLeft(prepared)) {
      core.log('ERROR', 'invalidRequest', prepared.left);
      return { error: prepared.left };
    }
    const id = core.nextCallId();
    if (this.initialised) {
      core.send(id, prepared.right);
      return { id, cancel: () => core.abort(id) };
    }
    this.queue.push({ id, prepared: prepared.right });
    core.log('INFO', 'queued', `getEngagement call ${id} queued until the engagement domain is known (${this.queue.length} waiting)`);
    if (this.started) this.init();
    return { id, cancel: () => this.unqueue(id) || core.abort(id) };
  }

  private unqueue(id: number): boolean {
    const i = this.queue.findIndex((q) => q.id === id);
    if (i < 0) return false;
    this.queue.splice(i, 1);
    return true;
  }

  dispose(): void {
    const core = this.core;
    if (core.disposed) return;
    this.initSubscription?.unsubscribe();
    this.initSubscription = undefined;
    this.initInFlight = false;
    const dropped = this.queue.splice(0);
    const aborted = core.dispose();
    if (dropped.length > 0) core.log('ERROR', 'dropped', `dispose: ${dropped.length} queued getEngagement call(s) dropped, never sent`);
    core.log('INFO', 'disposed', `disposed; ${aborted} call(s) in flight aborted`);
    core.close();
  }
}

const sessions = new WeakMap<object, Session>();

function sessionOf(instance: object): Session {
  const s = sessions.get(instance);
  if (s === undefined) throw new TypeError('not a ChatOverRestAPI instance (was it created with new?)');
  return s;
}

function issuesText(error: ValidationError): string {
  return error.issues.map((i) => `${i.path}: ${i.reason}`).join('; ');
}

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null;
}

/**
 * The drop-in `lpTag.taglets.ChatOverRestAPI` for the getEngagement flow.
 *
 * - `onLoad` fires just after the constructor returns; `onInit` once the
 *   engagement domain is known (`engagementDomain`, or the CSDS lookup),
 *   then `onState` `{ state: 'initialised' }`;
 * - a `getEngagement` made before `onInit` is queued and sent after it (the
 *   legacy SDK dropped it with a log line);
 * - `getEngagement(request)` answers `{ error }` and sends nothing when the
 *   request is invalid; its result goes to `onEngagement` (the response
 *   body, or a failure object without `status`), then to the request's own
 *   `success` / `error`, with `this` = `context` or the request;
 * - a call without `vid`/`sid` uses those of the previous success;
 * - a callback that throws is reported (`onLog`, `events$`) and the other
 *   callbacks still run;
 * - every legacy event has a binding method; chat-session methods answer
 *   `{ error: '... is not supported by engagement-rx: ...' }`.
 *
 * It never throws: an invalid configuration is logged, fires `onInit` with
 * a failure object and makes every `getEngagement` answer `{ error }`.
 *
 * @example
 * ```ts
 * var chat = new lpTag.taglets.ChatOverRestAPI({
 *   lpNumber: '12345678',
 *   onInit: [function () { chat.getEngagement(); }, function (data) { console.log('onInit', data); }],
 *   onEngagement: function (data) {
 *     if (data.status === 'Available') showStartChatButton(data);
 *     else if (data.status !== 'NotAvailable') setTimeout(function () { chat.getEngagement(); }, 100);
 *   },
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export class ChatOverRestAPI {
  constructor(config: LegacyChatConfig) {
    const input: Record<string, unknown> = isObject(config) ? { ...config } : {};
    const problems: ValidationIssue[] = [];
    const notes: string[] = [];
    const bindings: Array<[LegacyEventName, unknown]> = [];
    const clientInput: Record<string, unknown> = {};

    for (const [key, value] of Object.entries(input)) {
      if (isLegacyEventName(key)) {
        if (value !== undefined) bindings.push([key, value]);
      } else if (CLIENT_KEYS.includes(key)) {
        if (value !== undefined) clientInput[key] = value;
      } else if (!LEGACY_KEYS.includes(key) && !IGNORED_KEYS.includes(key)) {
        notes.push(key.length <= 40 && /^[A-Za-z_$][\w$]*$/.test(key) ? key : '(an unknown key)');
      }
    }

    const lpNumber = input['lpNumber'];
    const account = typeof lpNumber === 'number' && Number.isFinite(lpNumber) ? String(lpNumber) : typeof lpNumber === 'string' ? lpNumber.trim() : '';
    clientInput['accountId'] = account;
    const engagementDomain = input['engagementDomain'];
    if (typeof engagementDomain === 'string' && engagementDomain.trim() !== '') clientInput['domain'] = engagementDomain.trim();
    else if (engagementDomain !== undefined && engagementDomain !== null && engagementDomain !== '') problems.push({ path: 'engagementDomain', reason: 'expected a host or an origin' });
    const domain = input['domain'];
    const chatDomain = typeof domain === 'string' && domain.trim() !== '' ? domain.trim() : undefined;
    const debug = input['debug'];
    if (debug !== undefined && typeof debug !== 'boolean') problems.push({ path: 'debug', reason: 'expected a boolean' });

    const resolved = resolveConfig(clientInput);
    if (isLeft(resolved)) problems.unshift(...resolved.left.issues.map((i) => ({ path: LEGACY_PATHS[i.path] ?? i.path, reason: i.reason })));
    const client: EngagementClient = createEngagementClient(clientInput as unknown as EngagementClientConfig);
    const now = isLeft(resolved) ? () => Date.now() : () => resolved.right.scheduler.now();
    const core = new LegacyCore(client, now);
    core.debug = debug === true;
    const configError = problems.length > 0 ? validationError(problems) : undefined;
    const session = new Session(core, account, chatDomain, configError, input);
    sessions.set(this, session);

    const invalid: string[] = [];
    for (const [name, value] of bindings) if (core.bus.bind(name, value).invalid > 0) invalid.push(name);
    if (invalid.length > 0) core.log('ERROR', 'invalidBinding', `bindings ignored for ${invalid.join(', ')} (expected a function, { callback, context } or an array of them)`);
    if (notes.length > 0) core.log('INFO', 'unknownOption', `unknown options ignored: ${notes.join(', ')}`);
    if (configError !== undefined) core.log('ERROR', 'invalidConfig', `invalid configuration: ${issuesText(configError)}`);

    // After the constructor returns, so that page code assigning the instance
    // (`chat = new ChatOverRestAPI(...)`) has done so when onInit runs.
    void Promise.resolve().then(() => session.start());
  }

  /**
   * Checks engagement eligibility and availability (the seed page's call).
   * Answers a handle on the call, or `{ error }` when nothing was sent.
   */
  getEngagement(request?: LegacyEngagementRequest): LegacyCall | LegacyCallFailure {
    return sessionOf(this).getEngagement(request);
  }

  /** `'uninitialised'` until `onInit`, then `'initialised'`. */
  getState(): ChatState {
    return sessionOf(this).state;
  }

  /** A shallow copy of the configuration this instance was created with. */
  getConfig(): Record<string, unknown> {
    return { ...sessionOf(this).config };
  }

  /** Turns the debug mode on or off: in debug mode `onLog` also gets INFO and DEBUG entries. */
  setDebugMode(debug: boolean): void {
    if (typeof debug === 'boolean') sessionOf(this).core.debug = debug;
  }

  /**
   * Removes bindings: `unbind(id)`, `unbind(eventName, appName?, func?, context?)`,
   * `unbind(func)`, `unbind(context)`, or `unbind({ eventName?, appName?, func?, context? })`.
   * Answers whether anything was removed.
   */
  unbind(target: string | ReadonlyArray<string> | LegacyUnbindCriteria | object | ((...args: never[]) => unknown), appName?: string, func?: (...args: never[]) => unknown, context?: unknown): boolean {
    const t = unbindTarget([target, appName, func, context]);
    return t === undefined ? false : sessionOf(this).core.bus.unbind(t);
  }

  /**
   * Stops this instance: aborts the calls in flight (no callback runs for
   * them), drops the queued ones (with a log entry), completes `events$`
   * and forgets every binding. Later calls answer `{ error }`.
   */
  dispose(): void {
    sessionOf(this).dispose();
  }

  /** Log entries and callbacks that threw. Completes on `dispose()`. */
  get events$(): Observable<LegacyEvent> {
    return sessionOf(this).core.events$;
  }

  /** The engagement-rx client underneath (`session$`, `events$`, observable checks). */
  get client(): EngagementClient {
    return sessionOf(this).core.client;
  }
}

// The legacy surface that is the same for every instance lives on the prototype.
export interface ChatOverRestAPI extends LegacyEventMethods, LegacyUnsupportedMethods, LegacyNoChatGetters {
  /** The legacy chat states (`prototype.chatStates`). */
  readonly chatStates: ChatStates;
  readonly connectionStates: typeof CONNECTION_STATES;
  readonly lineStatuses: typeof LINE_STATUSES;
}

const proto = ChatOverRestAPI.prototype as unknown as Record<string, unknown>;
const define = (name: string, value: unknown): void => {
  Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
};

for (const eventName of LEGACY_EVENT_NAMES) {
  define(eventName, function (this: object, binding: unknown, appName?: string, context?: unknown): LegacyBindingId {
    const core = sessionOf(this).core;
    if (core.disposed) return null;
    const { id, invalid } = core.bus.bind(eventName, binding, typeof appName === 'string' ? appName : undefined, context);
    if (invalid > 0) core.log('ERROR', 'invalidBinding', `${eventName}: binding ignored (expected a function, { callback, context } or an array of them)`);
    return id;
  });
}

for (const method of UNSUPPORTED_METHODS) {
  define(method, function (this: object): LegacyCallFailure {
    const message = unsupportedMessage(method);
    sessionOf(this).core.log('ERROR', 'unsupported', message);
    return { error: message };
  });
}

for (const getter of Object.keys(NO_CHAT_GETTERS) as NoChatGetterName[]) {
  const value = NO_CHAT_GETTERS[getter];
  define(getter, function (): typeof value {
    return value;
  });
}

define('chatStates', CHAT_STATES);
define('connectionStates', CONNECTION_STATES);
define('lineStatuses', LINE_STATUSES);
