/**
 * The orchestrator's options, validated once. Pure.
 *
 * @packageDocumentation
 */
import { asyncScheduler, isObservable, type SchedulerLike } from 'rxjs';
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { left, right, type Either } from '../internal/either';
import { isPlainObject, kindOf } from '../internal/validation';
import type { EngagementAttribute } from '../attributes/attribute';
import { DEFAULT_ATTRIBUTE_DEBOUNCE_MS, ELIGIBILITY_ATTRIBUTE_TYPES } from './triggers';

/**
 * Where the SDEs of `attributes$` go:
 * - `report`: to the `reporter` option's `report` (Update Session on the current session);
 * - `request`: in the `engagementAttributes` of the next check;
 * - `auto` (default): `report` when a `reporter` is given, else `request`.
 *
 * @example
 * ```ts
 * const via: AttributeDelivery = 'request';
 * ```
 * @since 0.1.0
 * @category Live state
 */
export type AttributeDelivery = 'auto' | 'report' | 'request';

/**
 * What the live state needs of a reporter: its `report` (a `Reporter` from
 * `createReporter` fits). Its result may be an Observable: the live state
 * then waits for its first value (or completion) before the re-check the
 * SDEs trigger is scheduled.
 *
 * @example
 * ```ts
 * const sink: AttributeSink = createReporter(client);
 * ```
 * @since 0.2.0
 * @category Live state
 */
export interface AttributeSink {
  report(...attributes: EngagementAttribute[]): unknown;
}

/**
 * Options of `watchEngagement`. Every field is optional.
 *
 * @example
 * ```ts
 * const options: WatchOptions = { attributeDebounceMs: 500, renewLeadMs: 60_000 };
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface WatchOptions {
  /** Clock and timers (debounce, renewal, expiry). Default: the client's scheduler (`asyncScheduler` unless configured). */
  readonly scheduler?: SchedulerLike;
  /** Where the SDEs of `attributes$` are reported (Update Session), e.g. `createReporter(client)`. Without it they travel in the next check. */
  readonly reporter?: AttributeSink;
  /** Quiet time after an eligibility-changing SDE before the re-check, in ms. Default 1000. */
  readonly attributeDebounceMs?: number;
  /** SDE types that trigger a re-check. Default `ELIGIBILITY_ATTRIBUTE_TYPES`. */
  readonly eligibilityTypes?: ReadonlyArray<string>;
  /** Fixed renewal lead in ms. Default: 10 % of the validity, at most 30 s. */
  readonly renewLeadMs?: number;
  /** Where SDEs go. Default `auto`. */
  readonly attributes?: AttributeDelivery;
  /** Called with the issues of SDEs that were refused (invalid); they are dropped. */
  readonly onInvalidAttributes?: (issues: ReadonlyArray<ValidationIssue>) => void;
}

/** @internal */
export interface ResolvedWatchOptions {
  readonly scheduler: SchedulerLike;
  readonly attributeDebounceMs: number;
  readonly eligibilityTypes: ReadonlyArray<string>;
  readonly renewLeadMs: number | undefined;
  readonly useReport: boolean;
  readonly reporter: AttributeSink | undefined;
  readonly onInvalidAttributes: ((issues: ReadonlyArray<ValidationIssue>) => void) | undefined;
}

const KEYS = ['scheduler', 'reporter', 'attributeDebounceMs', 'eligibilityTypes', 'renewLeadMs', 'attributes', 'onInvalidAttributes'];
const MAX_MS = 86_400_000;

/**
 * Validates the options; `defaultScheduler` is the client's. Never throws: a
 * bad option is a `validation` Left whose issues name it.
 *
 * @example
 * ```ts
 * resolveWatchOptions({ attributeDebounceMs: -1 }, asyncScheduler);
 * // => left({ kind: 'validation', issues: [{ path: 'attributeDebounceMs', reason: 'expected a number of ms from 0 to 86400000, got a number' }], ... })
 * ```
 * @since 0.1.0
 */
export function resolveWatchOptions(options: unknown, defaultScheduler: SchedulerLike = asyncScheduler): Either<ValidationError, ResolvedWatchOptions> {
  // Options that name nothing, or only a scheduler, resolve once per scheduler: the result is kept
  // per live state, and a Node service may hold many that share a scheduler.
  const o = options === undefined ? {} : options;
  if (!isPlainObject(o)) return resolveOptions(o, defaultScheduler);
  const keys = Object.keys(o);
  const scheduler = o['scheduler'] ?? defaultScheduler;
  if (keys.length > (keys.includes('scheduler') ? 1 : 0) || (typeof scheduler !== 'object' && typeof scheduler !== 'function') || scheduler === null) {
    return resolveOptions(o, defaultScheduler);
  }
  let cached = DEFAULTS.get(scheduler);
  if (cached === undefined) DEFAULTS.set(scheduler, (cached = resolveOptions({ scheduler }, defaultScheduler)));
  return cached;
}

/** Resolved defaults per scheduler. */
const DEFAULTS = new WeakMap<object, Either<ValidationError, ResolvedWatchOptions>>();

function resolveOptions(options: unknown, defaultScheduler: SchedulerLike): Either<ValidationError, ResolvedWatchOptions> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    return left(validationError([{ path: 'options', reason: `expected an options object, got ${kindOf(options)}` }]));
  }
  const o = options as Readonly<Record<string, unknown>>;
  const issues: ValidationIssue[] = [];
  const at = (path: string, reason: string) => issues.push({ path, reason });

  const scheduler = o['scheduler'] ?? defaultScheduler;
  const s = scheduler as { schedule?: unknown; now?: unknown };
  if (typeof scheduler !== 'object' || typeof s.schedule !== 'function' || typeof s.now !== 'function') at('scheduler', `expected an RxJS SchedulerLike, got ${kindOf(scheduler)}`);

  const ms = (key: string, fallback: number | undefined): number | undefined => {
    const v = o[key] ?? fallback;
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_MS) at(key, `expected a number of ms from 0 to ${MAX_MS}, got ${kindOf(v)}`);
    return v as number;
  };
  const attributeDebounceMs = ms('attributeDebounceMs', DEFAULT_ATTRIBUTE_DEBOUNCE_MS) as number;
  const renewLeadMs = ms('renewLeadMs', undefined);

  const types = o['eligibilityTypes'] ?? ELIGIBILITY_ATTRIBUTE_TYPES;
  if (!Array.isArray(types)) at('eligibilityTypes', `expected an array of SDE types, got ${kindOf(types)}`);
  else types.forEach((t: unknown, i) => typeof t !== 'string' && at(`eligibilityTypes[${i}]`, `expected an SDE type, got ${kindOf(t)}`));

  const reporter = o['reporter'];
  const hasReporter = reporter !== undefined;
  if (hasReporter && (typeof reporter !== 'object' || reporter === null || typeof (reporter as { report?: unknown }).report !== 'function')) {
    at('reporter', `expected a reporter (an object with a report function), got ${kindOf(reporter)}`);
  }
  const delivery = o['attributes'] ?? 'auto';
  if (delivery !== 'auto' && delivery !== 'report' && delivery !== 'request') at('attributes', `expected 'auto', 'report' or 'request', got ${kindOf(delivery)}`);
  else if (delivery === 'report' && !hasReporter) at('attributes', "is 'report' but no reporter is given");

  const onInvalid = o['onInvalidAttributes'];
  if (onInvalid !== undefined && typeof onInvalid !== 'function') at('onInvalidAttributes', `expected a function, got ${kindOf(onInvalid)}`);

  for (const k of Object.keys(o)) if (!KEYS.includes(k)) at(k, `unknown option (expected one of ${KEYS.join(', ')})`);

  if (issues.length > 0) return left(validationError(issues));
  return right({
    scheduler: scheduler as SchedulerLike,
    attributeDebounceMs,
    eligibilityTypes: types as ReadonlyArray<string>,
    renewLeadMs,
    useReport: hasReporter && delivery !== 'request',
    reporter: reporter as AttributeSink | undefined,
    onInvalidAttributes: onInvalid as ((issues: ReadonlyArray<ValidationIssue>) => void) | undefined,
  });
}

const INPUT_STREAMS = ['sections$', 'attributes$', 'refresh$', 'online$', 'visible$'];

/**
 * Checks the inputs' shape: each `...$` field, when given, is an Observable;
 * `appDetails` is an object (its fields are checked by the client with each
 * request); no unknown field (a misspelt `section$` would otherwise be
 * silently ignored).
 *
 * @example
 * ```ts
 * validateInputs({ section$: sections$ }); // => left(... path: 'section$', reason: 'unknown input ...')
 * ```
 * @since 0.1.0
 */
export function validateInputs(inputs: unknown): Either<ValidationError, void> {
  if (inputs === undefined) return right(undefined);
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return left(validationError([{ path: 'inputs', reason: `expected an inputs object, got ${kindOf(inputs)}` }]));
  }
  const i = inputs as Readonly<Record<string, unknown>>;
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(i)) {
    const v = i[key];
    if (INPUT_STREAMS.includes(key)) {
      if (v !== undefined && !isObservable(v)) issues.push({ path: key, reason: `expected an Observable, got ${kindOf(v)}` });
    } else if (key === 'appDetails') {
      if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) issues.push({ path: key, reason: `expected an object, got ${kindOf(v)}` });
    } else {
      issues.push({ path: key, reason: `unknown input (expected one of ${[...INPUT_STREAMS, 'appDetails'].join(', ')})` });
    }
  }
  return issues.length > 0 ? left(validationError(issues)) : right(undefined);
}
