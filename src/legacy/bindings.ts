/**
 * The legacy event bindings and the bus that fires them, with the
 * semantics of the legacy SDK's event bus (LivePerson's Chronos.Events):
 *
 * - a binding is a function, `{ callback, context?, appName? }`, or an array
 *   mixing both;
 * - a callback runs as `callback.call(context ?? null, data, { eventName, appName })`;
 * - every callback gets its own copy of the event data (`cloneEventData`),
 *   so one callback that edits it does not change what the next one sees;
 * - an exception thrown by a callback is caught and reported; the other
 *   callbacks still run;
 * - `bind` answers an id (`evId_N`, or an array of ids for an array
 *   binding) that `unbind` accepts.
 *
 * Browser-safe: no timers, no I/O.
 *
 * @packageDocumentation
 */

/**
 * What the second argument of a legacy callback says: which event fired and
 * for which `appName` (`'*'` when the trigger named none).
 *
 * @example
 * ```ts
 * chat.onLog((entry, info: LegacyEventInfo) => console.log(info.eventName, info.appName));
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyEventInfo {
  readonly eventName: string;
  readonly appName: string;
}

/**
 * A legacy callback. `this` is the binding's `context` (or `null`).
 *
 * @example
 * ```ts
 * const onEngagement: LegacyCallback<LegacyEngagementPayload> = function (data) {
 *   if ('status' in data && data.status === 'Available') showButton(data);
 * };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyCallback<T = unknown> = (this: unknown, data: T, info: LegacyEventInfo) => void;

/**
 * The object form of a binding: a callback with the `this` it runs with,
 * and optionally an `appName` (a label that `unbind` can target).
 *
 * @example
 * ```ts
 * const binding: LegacyCallbackObject<unknown> = { callback: view.render, context: view };
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyCallbackObject<T = unknown> {
  readonly callback: LegacyCallback<T>;
  readonly context?: unknown;
  readonly appName?: string;
}

/**
 * Every form a legacy binding takes: a function, `{ callback, context }`, or
 * an array mixing both.
 *
 * @example
 * ```ts
 * const binding: LegacyBinding = [log, { callback: view.render, context: view }];
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyBinding<T = unknown> = LegacyCallback<T> | LegacyCallbackObject<T> | ReadonlyArray<LegacyCallback<T> | LegacyCallbackObject<T>>;

/**
 * What `bind` answers: the id of the binding, an array of ids for an array
 * binding, or `null` when nothing was bound (not a function nor
 * `{ callback }`).
 *
 * @example
 * ```ts
 * const id: LegacyBindingId = chat.onEngagement(render); // 'evId_3'
 * chat.unbind(id);
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyBindingId = string | ReadonlyArray<string> | null;

/**
 * Which bindings `unbind` removes: every binding that matches all the
 * criteria given (at least one). An empty `eventName` means every event.
 *
 * @example
 * ```ts
 * chat.unbind({ eventName: 'onEngagement', context: view });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyUnbindCriteria {
  readonly eventName?: string;
  readonly appName?: string;
  readonly func?: (...args: never[]) => unknown;
  readonly context?: unknown;
}

/** One normalized binding. @internal */
export interface BindingEntry {
  readonly callback: LegacyCallback;
  readonly context: unknown;
  readonly appName: string;
}

/** A registered binding. @internal */
interface Listener extends BindingEntry {
  readonly id: string;
  readonly eventName: string;
}

const ANY_APP = '*';

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null;
}

/**
 * Normalizes one binding value (function, `{ callback, context, appName }`,
 * or an array of both). `context` and `appName` fill in what an object form
 * does not give. Items that are neither are counted as `invalid`.
 *
 * @internal
 */
export function normalizeBinding(value: unknown, appName?: string, context?: unknown): { readonly entries: ReadonlyArray<BindingEntry>; readonly invalid: number } {
  const items: ReadonlyArray<unknown> = Array.isArray(value) ? value : [value];
  const entries: BindingEntry[] = [];
  let invalid = 0;
  for (const item of items) {
    if (typeof item === 'function') {
      entries.push({ callback: item as LegacyCallback, context: context ?? null, appName: appName || ANY_APP });
    } else if (isObject(item) && typeof item['callback'] === 'function') {
      const ownApp = item['appName'];
      entries.push({
        callback: item['callback'] as LegacyCallback,
        context: item['context'] ?? context ?? null,
        appName: (typeof ownApp === 'string' && ownApp) || appName || ANY_APP,
      });
    } else {
      invalid += 1;
    }
  }
  return { entries, invalid };
}

/**
 * A copy of event data for one callback, as the legacy bus made it: plain
 * objects and arrays are copied (deeply), dates are copied, functions are
 * dropped, anything else is passed as it is.
 *
 * @internal
 */
export function cloneEventData<T>(data: T): T {
  return clone(data, 0) as T;
}

function clone(u: unknown, depth: number): unknown {
  if (depth > 32 || typeof u !== 'object' || u === null) return u;
  if (u instanceof Date) return new Date(u.getTime());
  if (Array.isArray(u)) return u.filter((v) => typeof v !== 'function').map((v) => clone(v, depth + 1));
  const proto: unknown = Object.getPrototypeOf(u);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return u; // not a plain object (any realm): as it is
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(u)) if (typeof v !== 'function') out[k] = clone(v, depth + 1);
  return out;
}

/**
 * The event bus of one legacy adapter.
 *
 * @internal
 */
export class LegacyEventBus {
  private readonly listeners: Listener[] = [];
  private nextId = 0;

  /** `onCallbackError` is told about every exception a callback throws; it must not throw. */
  constructor(private readonly onCallbackError: (eventName: string, error: unknown) => void) {}

  /** Registers normalized bindings; one id per entry. */
  add(eventName: string, entries: ReadonlyArray<BindingEntry>): string[] {
    return entries.map((e) => {
      const id = `evId_${this.nextId++}`;
      this.listeners.push({ ...e, id, eventName });
      return id;
    });
  }

  /**
   * Registers a binding in any legacy form. Answers its id, the ids of an
   * array binding, or `null` when no item of it could be bound.
   */
  bind(eventName: string, binding: unknown, appName?: string, context?: unknown): { readonly id: LegacyBindingId; readonly invalid: number } {
    const { entries, invalid } = normalizeBinding(binding, appName, context);
    const ids = this.add(eventName, entries);
    if (Array.isArray(binding)) return { id: ids, invalid };
    return { id: ids[0] ?? null, invalid };
  }

  /**
   * Removes bindings: by id (or an array of ids), or by criteria. Answers
   * whether anything was removed.
   */
  unbind(target: string | ReadonlyArray<string> | LegacyUnbindCriteria): boolean {
    const before = this.listeners.length;
    const keep = (l: Listener): boolean => {
      if (typeof target === 'string') return l.id !== target;
      if (Array.isArray(target)) return !target.includes(l.id);
      const c = target as LegacyUnbindCriteria;
      const hasEvent = typeof c.eventName === 'string' && c.eventName !== '';
      const hasApp = typeof c.appName === 'string' && c.appName !== '';
      const hasFunc = typeof c.func === 'function';
      const hasContext = c.context !== undefined && c.context !== null;
      if (!hasEvent && !hasApp && !hasFunc && !hasContext) return true;
      const matches =
        (!hasEvent || l.eventName === c.eventName) &&
        (!hasApp || l.appName === c.appName) &&
        (!hasFunc || l.callback === c.func) &&
        (!hasContext || l.context === c.context);
      return !matches;
    };
    const kept = this.listeners.filter(keep);
    this.listeners.splice(0, this.listeners.length, ...kept);
    return kept.length !== before;
  }

  /** Removes every binding. */
  clear(): void {
    this.listeners.length = 0;
  }

  /** How many bindings an event has. */
  count(eventName: string): number {
    return this.listeners.filter((l) => l.eventName === eventName).length;
  }

  /**
   * Fires an event: every binding of `eventName` whose `appName` is `'*'`
   * or equals the trigger's `appName` (all of them when the trigger names
   * none) runs once, in binding order, with its own copy of `data`.
   * Bindings added or removed while it fires do not change this round.
   * Answers how many callbacks ran.
   */
  trigger(eventName: string, data: unknown, appName?: string): number {
    const round = this.listeners.filter((l) => l.eventName === eventName && (appName === undefined || l.appName === ANY_APP || l.appName === appName));
    const info: LegacyEventInfo = { eventName, appName: appName ?? ANY_APP };
    for (const l of round) {
      try {
        l.callback.call(l.context, cloneEventData(data), { ...info });
      } catch (error) {
        this.onCallbackError(eventName, error);
      }
    }
    return round.length;
  }
}

const ID = /^evId_\d+$/;
const CRITERIA_KEYS = ['eventName', 'appName', 'func', 'context'];

/**
 * Reads the arguments of a legacy `unbind` call, in every form it takes:
 *
 * - `unbind('evId_3')` or `unbind(['evId_3', 'evId_4'])`: the ids `bind` answered;
 * - `unbind(eventName, appName?, func?, context?)`: the legacy signature;
 * - `unbind(func)`: that function, on every event;
 * - `unbind({ eventName?, appName?, func?, context? })`: criteria;
 * - `unbind(someOtherObject)`: every binding with that context (legacy).
 *
 * `unbind('onEngagement')` removes every binding of the event (the legacy
 * SDK removed nothing in that case).
 *
 * @internal
 */
export function unbindTarget(args: ReadonlyArray<unknown>): string | ReadonlyArray<string> | LegacyUnbindCriteria | undefined {
  const [first, appName, func, context] = args;
  if (typeof first === 'string') {
    if (ID.test(first)) return first;
    return {
      eventName: first,
      ...(typeof appName === 'string' ? { appName } : {}),
      ...(typeof func === 'function' ? { func: func as LegacyUnbindCriteria['func'] } : {}),
      ...(context === undefined || context === null ? {} : { context }),
    };
  }
  if (typeof first === 'function') return { func: first as LegacyUnbindCriteria['func'] };
  if (Array.isArray(first)) return first.every((x) => typeof x === 'string') ? (first as string[]) : undefined;
  if (isObject(first)) {
    const keys = Object.keys(first);
    if (keys.length > 0 && keys.every((k) => CRITERIA_KEYS.includes(k))) return first as LegacyUnbindCriteria;
    return { context: first };
  }
  return undefined;
}
