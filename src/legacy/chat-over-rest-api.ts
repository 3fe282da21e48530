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
import type { EngagementClient } from '../client/client';
import type { EngagementClientConfig } from '../client/config';
import { csdsDomain, type CsdsOptions } from '../http/csds-domain';
import type { RetryPolicyInput } from '../retry/policy';
import { describeError, validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import { isLeft, left } from '../internal/either';
import type { LegacyBinding, LegacyBindingId, LegacyUnbindCriteria } from './bindings';
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
  type Words,
} from './event-names';
import { LegacyCore, type LegacyCall } from './legacy-core';
import { jsonpCsdsDomain, jsonpDocument } from './jsonp-csds';
import { lpChatSessionStore } from './lpchat-session-store';
import { updateSdes, type LegacyUpdateSdesRequest } from './update-sdes';
import type { SessionStore } from '../session/session-store';
import type { WebStorageLike } from '../session/account-web-storage';
import { legacyErrorObject, type LegacyCallFailure, type LegacyEngagementPayload, type LegacyEngagementRequest, type LegacyErrorObject, type PreparedRequest } from './legacy-payloads';
import type { LegacyEvent, LegacyLogEntry } from './telemetry';

/** The legacy keys that only concern the chat session: accepted, ignored. */
const IGNORED_KEYS = 'sessionUID failureTolerance moveToPrimaryRetry moveToPrimaryInterval transportOrder environment batchelor doNotResume reconnectTimeout onSessionData';

/**
 * The data of `onLoad`, fired once, just after the constructor returns.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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
 * const bindings: LegacyEventBindings = {
 *   onInit: [() => console.info('engagement domain known'), (data) => console.debug('onInit', data)],
 *   onEngagement: { callback: view.render, context: view },
 * };
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678', ...bindings });
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
 * `reconnectTimeout`, `onSessionData`) are accepted and ignored (they may
 * be of any type); any other unknown key is ignored with a log entry.
 *
 * `session` defaults, in a browser, to {@link lpChatSessionStore} on
 * `sessionStorage` (lpChat.min.js's own entry, so a reload continues the
 * visitor); elsewhere to the client's memory store.
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
 * const chat = new ChatOverRestAPI(config);
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyChatConfig
  extends LegacyEventBindings,
    Pick<EngagementClientConfig, 'fetch' | 'timeoutMs' | 'scheduler' | 'random' | 'session'>,
    Partial<Record<Words<typeof IGNORED_KEYS>, unknown>> {
  /** Where the engagement host is looked up when `engagementDomain` is not given (LivePerson's CSDS by default). */
  readonly csds?: CsdsOptions;
  /** The retry policy, as a partial policy (checked as `retryPolicy` does). */
  readonly retry?: RetryPolicyInput;
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
  /**
   * Refuse a getEngagement request the check core refuses (`{ error }`,
   * nothing sent). Default `false`: the request is read as lpChat.min.js read
   * it (known fields only, `appType` sent as `EXTERNAL`, what the core
   * refuses left out and named in an `onLog` entry).
   */
  readonly strictValidation?: boolean;
}

/**
 * The event methods of a {@link ChatOverRestAPI}: `chat.onEngagement(fn, appName?, context?)`
 * and the same for every legacy event. Each answers the binding's id.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * const id = chat.onEngagement(render, 'myApp', view); // `render` runs with `this` = view
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.getVisitorName(); // ''
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyNoChatGetters = { readonly [K in NoChatGetterName]: () => (typeof NO_CHAT_GETTERS)[K] };

/** engagement-rx's version, reported by `onLoad`. @internal */
export const VERSION = '0.1.0';

/** The keys of a configuration that are not bindings: the client's options (the first six), then the legacy ones. */
const KEYS = `fetch timeoutMs scheduler random session retry lpNumber appKey domain engagementDomain debug strictValidation csds ${IGNORED_KEYS}`.split(' ');

/** The client's option names, as the legacy configuration calls them. */
const LEGACY_PATHS: Readonly<Record<string, string>> = { accountId: 'lpNumber', domain: 'engagementDomain' };

/** A non-blank string, trimmed. */
const trimmed = (u: unknown): string | undefined => (typeof u == 'string' && u.trim()) || undefined;

/**
 * The default session store in a browser: lpChat.min.js's own
 * `sessionStorage` entry, so a reload (or a switch from lpChat.min.js)
 * continues the visitor. `undefined` elsewhere, or where reading
 * `sessionStorage` throws (storage disabled): the client's memory store.
 */
function browserSessionStore(): SessionStore | undefined {
  try {
    const storage = (globalThis as { sessionStorage?: unknown }).sessionStorage;
    return storage == null ? undefined : lpChatSessionStore(storage as WebStorageLike);
  } catch {
    return undefined;
  }
}

/** The state of one instance, out of the page's reach. */
class Session extends LegacyCore {
  state: ChatState = CHAT_STATES.UNINITIALISED;
  /** A copy of the configuration (`getConfig()`). */
  readonly config: Record<string, unknown>;
  private readonly invalid: ValidationError | undefined;
  private readonly queue: Array<[number, PreparedRequest]> = [];
  private started = false;
  private initReported = false;
  /** The domain lookup in flight. */
  private lookup: Subscription | undefined;
  /** The unsupported methods already reported on the console. */
  private readonly warned = new Set<string>();

  constructor(config: unknown) {
    const input: Record<string, unknown> = typeof config == 'object' && config ? { ...config } : {};
    const clientInput: Record<string, unknown> = {};
    const problems: ValidationIssue[] = [];
    const unknown: string[] = [];
    for (const [key, value] of Object.entries(input)) {
      const known = KEYS.indexOf(key);
      if (known < 0 && !isLegacyEventName(key)) unknown.push(/^[A-Za-z_$][\w$]{0,39}$/.test(key) ? key : '(an unknown key)');
      else if (known >= 0 && known < 6 && value !== undefined) clientInput[key] = value;
    }
    if (input['session'] === undefined) {
      const store = browserSessionStore();
      if (store !== undefined) clientInput['session'] = store;
    }
    const { lpNumber, engagementDomain, debug, strictValidation } = input;
    const account = typeof lpNumber == 'number' && isFinite(lpNumber) ? String(lpNumber) : typeof lpNumber == 'string' ? lpNumber.trim() : '';
    const host = trimmed(engagementDomain);
    if (host === undefined && engagementDomain != null && engagementDomain !== '') problems.push({ path: 'engagementDomain', reason: 'expected a host or an origin' });
    if (debug !== undefined && typeof debug != 'boolean') problems.push({ path: 'debug', reason: 'expected a boolean' });
    if (strictValidation !== undefined && typeof strictValidation != 'boolean') problems.push({ path: 'strictValidation', reason: 'expected a boolean' });
    // Without an engagement host, as lpChat.min.js: the host from CSDS.
    // In a page, as lpChat.min.js: over JSONP (no CORS needed from CSDS); elsewhere over fetch.
    const csds = input['csds'] as CsdsOptions | undefined;
    const doc = host === undefined ? jsonpDocument() : undefined;
    super({ ...clientInput, accountId: account, domain: host ?? (doc ? jsonpCsdsDomain(doc, csds) : csdsDomain(csds)), strictValidation });
    this.config = input;
    this.debug = debug === true;
    problems.unshift(...this.refused.map((i) => ({ path: LEGACY_PATHS[i.path] ?? i.path.replace(/^domain\./, 'csds.'), reason: i.reason })));
    this.invalid = problems.length > 0 ? validationError(problems) : undefined;
    for (const [key, value] of Object.entries(input)) if (isLegacyEventName(key) && value !== undefined) this.on(key, value);
    if (unknown.length > 0) this.log('INFO', 'unknownOption', `unknown options ignored: ${unknown.join(', ')}`);
    this.refuse(problems);
    // After the constructor returns, so that page code assigning the instance
    // (`chat = new ChatOverRestAPI(...)`) has done so when onInit runs.
    void Promise.resolve().then(() => this.start());
  }

  /** `onLoad`, then the engagement domain. */
  private start(): void {
    if (this.disposed) return;
    this.started = true;
    const load: LegacyLoadPayload = { API: 'Chat API SDK Loaded', version: VERSION, state: this.state, implementation: 'engagement-rx' };
    this.trigger('onLoad', load);
    if (this.invalid) this.initFailed(this.invalid);
    else this.init();
  }

  /** Looks the engagement domain up, unless it is known or being looked up. */
  private init(): void {
    if (this.disposed || this.invalid || this.lookup || this.state == CHAT_STATES.INITIALISED) return;
    let done = false;
    const lookup = this.client.engagementOrigin().subscribe((result) => {
      done = true;
      this.lookup = undefined;
      if (isLeft(result)) {
        this.log('ERROR', 'initFailed', `engagement domain lookup failed: ${describeError(result.left)}`);
        this.initFailed(result.left);
      } else this.initialised(result.right);
    });
    if (!done) this.lookup = lookup;
  }

  private initialised(origin: string): void {
    this.state = CHAT_STATES.INITIALISED;
    const host = origin.replace(/^https?:\/\//, '');
    this.log('INFO', 'initialised', `engagement domain resolved: ${host}`);
    for (const [id, prepared] of this.queue.splice(0)) {
      this.log('DEBUG', 'sent', `queued getEngagement call ${id} sent`);
      super.send(id, prepared);
    }
    const domain = trimmed(this.config['domain']);
    const init: LegacyInitPayload = { account: this.client.accountId, ...(domain !== undefined && { domain }), engagementDomain: host, init: true };
    this.trigger('onInit', init);
    const state: LegacyStatePayload = { state: this.state, time: new Date(this.now()).toTimeString() };
    this.trigger('onState', state);
  }

  /** The first failure fires `onInit` with the legacy failure object, as the legacy SDK did; later ones do not. Queued calls get the failure. */
  private initFailed(error: EngagementError): void {
    if (!this.initReported) this.trigger('onInit', legacyErrorObject(error, {}, this.now(), 'unable to initiate session'));
    this.initReported = true;
    for (const [, prepared] of this.queue.splice(0)) this.deliver(prepared, left(error));
  }

  /** Sends a call once the engagement domain is known; queues it until then. */
  override send(id: number, prepared: PreparedRequest): LegacyCall {
    if (this.state == CHAT_STATES.INITIALISED) return super.send(id, prepared);
    const queue = this.queue;
    queue.push([id, prepared]);
    this.log('INFO', 'queued', `getEngagement call ${id} queued until the engagement domain is known`);
    if (this.started) this.init();
    return {
      id,
      cancel: () => {
        const i = queue.findIndex(([queued]) => queued == id);
        if (i < 0) return this.abort(id);
        queue.splice(i, 1);
        return true;
      },
    };
  }

  /**
   * An unsupported method was called: an `onLog` ERROR entry every time, and
   * one `console.warn` per method, so a developer sees it in the console at
   * once even when the page ignores the `{ error }` answer.
   */
  unsupported(name: string, message: string): void {
    this.log('ERROR', 'unsupported', message);
    if (this.warned.has(name)) return;
    this.warned.add(name);
    if (typeof console == 'object' && typeof console.warn == 'function') console.warn(`engagement-rx: ${message}`);
  }

  override dispose(): void {
    this.lookup?.unsubscribe();
    this.lookup = undefined;
    super.dispose(this.queue.splice(0).length);
  }
}

const sessions = new WeakMap<object, Session>();

function sessionOf(instance: object): Session {
  const session = sessions.get(instance);
  if (session === undefined) throw new TypeError('not a ChatOverRestAPI instance');
  return session;
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
 *   `{ error: '... is not supported by engagement-rx: ...' }`, with an
 *   `onLog` entry and, once per method, a `console.warn`.
 *
 * It never throws: an invalid configuration is logged, fires `onInit` with
 * a failure object and makes every `getEngagement` answer `{ error }`.
 *
 * @example
 * ```ts
 * import { ChatOverRestAPI } from 'engagement-rx/legacy';
 *
 * // Page code written for lpChat.min.js keeps its shape (`installLegacyGlobals` also
 * // defines `lpTag.taglets.ChatOverRestAPI` for pages that use the global):
 * const chat = new ChatOverRestAPI({
 *   lpNumber: '12345678',
 *   onInit: [function () { chat.getEngagement(); }, function (data) { console.log('onInit', data); }],
 *   onEngagement: function (data) {
 *     if (!('status' in data)) setTimeout(function () { chat.getEngagement(); }, 100); // a failure: try again
 *     else if (data.status === 'Available') showChatButton(data);
 *   },
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export class ChatOverRestAPI {
  constructor(config: LegacyChatConfig) {
    sessions.set(this, new Session(config));
  }

  /**
   * Checks engagement eligibility and availability (the seed page's call).
   * Answers a handle on the call, or `{ error }` when nothing was sent.
   */
  getEngagement(request?: LegacyEngagementRequest): LegacyCall | LegacyCallFailure {
    return sessionOf(this).call(request);
  }

  /**
   * Reports SDEs and impression events on the visitor's session (Update
   * Session), with lpChat.min.js's argument and callbacks:
   * `updateSdes({ data: { pageId, engagementAttributes?, impAttributes? }, vid?, sid?, success?, error?, context? })`.
   * The visitor is the last answer's (or the one a reload continued) unless
   * `vid`/`sid` are given. `success` gets `{ responseCode, body }`, `error`
   * `{ responseCode?, body?, error? }`. One attempt; no event fires. Answers
   * a handle on the call, or `{ error }` (the `error` callback is told too)
   * when nothing was sent.
   */
  updateSdes(request: LegacyUpdateSdesRequest): LegacyCall | LegacyCallFailure {
    return updateSdes(sessionOf(this), request);
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
    if (typeof debug == 'boolean') sessionOf(this).debug = debug;
  }

  /**
   * Removes bindings: `unbind(id)`, `unbind(eventName, appName?, func?, context?)`,
   * `unbind(func)`, `unbind(context)`, or `unbind({ eventName?, appName?, func?, context? })`.
   * Answers whether anything was removed.
   */
  unbind(target: string | ReadonlyArray<string> | LegacyUnbindCriteria | object | ((...args: never[]) => unknown), appName?: string, func?: (...args: never[]) => unknown, context?: unknown): boolean {
    return sessionOf(this).unbind(target, appName, func, context);
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
    return sessionOf(this).events$;
  }

  /** The engagement-rx client underneath (`session$`, `events$`, observable checks). */
  get client(): EngagementClient {
    return sessionOf(this).client;
  }
}

// The legacy surface that is the same for every instance lives on the prototype.
export interface ChatOverRestAPI extends LegacyEventMethods, LegacyUnsupportedMethods, LegacyNoChatGetters {
  /** The legacy chat states (`prototype.chatStates`). */
  readonly chatStates: ChatStates;
  readonly connectionStates: typeof CONNECTION_STATES;
  readonly lineStatuses: typeof LINE_STATUSES;
}

const define = (name: string, value: unknown): void => void Object.defineProperty(ChatOverRestAPI.prototype, name, { value, writable: true, configurable: true });

for (const name of LEGACY_EVENT_NAMES) {
  define(name, function (this: object, binding: unknown, appName?: unknown, context?: unknown): LegacyBindingId {
    return sessionOf(this).on(name, binding, appName, context);
  });
}
for (const name of UNSUPPORTED_METHODS) {
  define(name, function (this: object): LegacyCallFailure {
    const error = unsupportedMessage(name);
    sessionOf(this).unsupported(name, error);
    return { error };
  });
}
for (const [name, value] of Object.entries(NO_CHAT_GETTERS)) define(name, () => value);
define('chatStates', CHAT_STATES);
define('connectionStates', CONNECTION_STATES);
define('lineStatuses', LINE_STATUSES);
