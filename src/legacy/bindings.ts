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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.onLog((entry, info: LegacyEventInfo) => console.log(info.eventName, info.appName, entry.message));
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
 *   if ('status' in data && data.status === 'Available') showChatButton(data);
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * const id: LegacyBindingId = chat.onEngagement(render); // 'evId_3'
 * if (id !== null) chat.unbind(id);
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
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
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

/** A registered binding. */
interface Listener extends BindingEntry {
  readonly id: string;
  readonly eventName: string;
}

const ANY_APP = '*';

/** A `{}`-like object of any realm (its prototype is `null` or an `Object.prototype`). @internal */
export function isPlain(u: unknown): u is Record<string, unknown> {
  if (typeof u != 'object' || u === null) return false;
  const proto: unknown = Object.getPrototypeOf(u);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * Normalizes one binding value (function, `{ callback, context, appName }`,
 * or an array of both). `context` and `appName` fill in what an object form
 * does not give. Items that are neither are counted as `invalid`.
 *
 * @internal
 */
export function normalizeBinding(value: unknown, appName?: unknown, context?: unknown): { readonly entries: ReadonlyArray<BindingEntry>; readonly invalid: number } {
  const entries: BindingEntry[] = [];
  let invalid = 0;
  for (const item of Array.isArray(value) ? value : [value]) {
    const o = (typeof item == 'function' ? { callback: item } : item) as Partial<Record<keyof BindingEntry, unknown>> | null;
    if (typeof o?.callback == 'function') {
      entries.push({ callback: o.callback as LegacyCallback, context: o.context ?? context ?? null, appName: (typeof o.appName == 'string' && o.appName) || (typeof appName == 'string' && appName) || ANY_APP });
    } else invalid++;
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
export function cloneEventData<T>(data: T, depth = 0): T {
  if (data instanceof Date) return new Date(+data) as T;
  const array = Array.isArray(data);
  if (depth > 32 || !(array || isPlain(data))) return data;
  const out: Record<string, unknown> | unknown[] = array ? [] : {};
  for (const [k, v] of Object.entries(data as object)) {
    if (typeof v == 'function') continue;
    const copy = cloneEventData(v, depth + 1);
    if (array) (out as unknown[]).push(copy);
    // An own "__proto__" key (JSON.parse makes one) stays an own key: assigned, it would set the copy's prototype.
    else if (k == '__proto__') Object.defineProperty(out, k, { value: copy, enumerable: true, writable: true, configurable: true });
    else (out as Record<string, unknown>)[k] = copy;
  }
  return out as T;
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
 * SDK removed nothing in that case). Criteria of the wrong type are ignored.
 *
 * @internal
 */
export function unbindTarget([first, appName, func, context]: ReadonlyArray<unknown>): string | string[] | Record<string, unknown> | undefined {
  if (typeof first == 'string') return ID.test(first) ? first : { eventName: first, appName, func, context };
  if (typeof first == 'function') return { func: first };
  if (Array.isArray(first)) return first.every((x) => typeof x == 'string') ? (first as string[]) : undefined;
  if (typeof first == 'object' && first) {
    const keys = Object.keys(first);
    return keys.length > 0 && keys.every((k) => CRITERIA_KEYS.includes(k)) ? (first as Record<string, unknown>) : { context: first };
  }
  return undefined;
}

/**
 * The event bus of one legacy adapter.
 *
 * @internal
 */
export class LegacyEventBus {
  private listeners: Listener[] = [];
  private ids = 0;

  /** `onCallbackError` is told about every exception a callback throws; it must not throw. */
  constructor(private readonly onCallbackError: (eventName: string, error: unknown) => void) {}

  /**
   * Registers a binding in any legacy form. Answers its id, the ids of an
   * array binding, or `null` when no item of it could be bound.
   */
  bind(eventName: string, binding: unknown, appName?: unknown, context?: unknown): { readonly id: LegacyBindingId; readonly invalid: number } {
    const { entries, invalid } = normalizeBinding(binding, appName, context);
    const ids = entries.map((entry) => {
      const id = `evId_${this.ids++}`;
      this.listeners.push({ ...entry, id, eventName });
      return id;
    });
    return { id: Array.isArray(binding) ? ids : (ids[0] ?? null), invalid };
  }

  /**
   * Removes bindings, given the arguments of a legacy `unbind` call (see
   * {@link unbindTarget}). Answers whether anything was removed.
   */
  unbind(...args: ReadonlyArray<unknown>): boolean {
    const target = unbindTarget(args);
    const before = this.listeners.length;
    if (typeof target == 'object' && !Array.isArray(target)) {
      const { eventName: e, appName: a, func: f, context: c } = target;
      const event = typeof e == 'string' && e;
      const app = typeof a == 'string' && a;
      const func = typeof f == 'function' && f;
      if (event || app || func || c != null) {
        this.listeners = this.listeners.filter((l) => !((!event || l.eventName === event) && (!app || l.appName === app) && (!func || l.callback === func) && (c == null || l.context === c)));
      }
    } else if (target !== undefined) {
      const ids = typeof target == 'string' ? [target] : target;
      this.listeners = this.listeners.filter((l) => !ids.includes(l.id));
    }
    return this.listeners.length < before;
  }

  /** Removes every binding. */
  clear(): void {
    this.listeners = [];
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
    for (const l of round) {
      try {
        l.callback.call(l.context, cloneEventData(data), { eventName, appName: appName ?? ANY_APP });
      } catch (error) {
        this.onCallbackError(eventName, error);
      }
    }
    return round.length;
  }
}
