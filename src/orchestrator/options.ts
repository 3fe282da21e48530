/**
 * The options and inputs of `watchEngagement`, and their validation. Pure.
 * Defaults are applied where an option is read, so a live state keeps the
 * options it was given and nothing else.
 *
 * @packageDocumentation
 */
import type { SchedulerLike } from 'rxjs';
import type { ValidationIssue } from '../errors';
import { isRecord, kindOf, unknownKeys } from '../internal/validation';
import type { EngagementAttribute } from '../attributes/attribute';

/**
 * Where the SDEs of `attributes$` go:
 * - `report`: to the `reporter` option's `report` (Update Session on the current session);
 * - `request`: in the `engagementAttributes` of the next check;
 * - `auto` (default): `report` when a `reporter` is given, else `request`.
 *
 * @since 0.1.0
 * @category Live state
 */
export type AttributeDelivery = 'auto' | 'report' | 'request';

/**
 * What the live state needs of a reporter: its `report` (a `Reporter` from
 * `createReporter` fits). Its result may be an Observable: the live state
 * then waits for its first value (or its end) before it reports the next
 * SDEs and schedules the re-check these SDEs trigger.
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
 * import { map } from 'rxjs';
 *
 * // SDEs through Update Session; a cart re-checks after 500 ms of quiet.
 * const attributes$ = cart$.pipe(map((c) => cartAttribute({ total: c.total, numItems: c.items.length })));
 * watchEngagement(client, { sections$, attributes$ }, {
 *   reporter: createReporter(client),
 *   attributeDebounceMs: 500,
 *   onInvalidAttributes: (issues) => console.warn(issues.map((i) => `${i.path}: ${i.reason}`).join('; ')),
 * });
 * ```
 * @since 0.1.0
 * @category Live state
 */
export interface WatchOptions {
  /** Clock and timers (debounce, renewal, expiry). Default: the client's scheduler. */
  readonly scheduler?: SchedulerLike;
  /** Where the SDEs of `attributes$` are reported (Update Session), e.g. `createReporter(client)`. Without it they travel in the next check. */
  readonly reporter?: AttributeSink;
  /** Quiet time after an eligibility-changing SDE before the re-check, in ms. Default 1000. */
  readonly attributeDebounceMs?: number;
  /** SDE types that trigger a re-check. Default `cart`, `purchase`, `ctmrinfo`, `mrktInfo`, `lead`, `service`, `error`. */
  readonly eligibilityTypes?: ReadonlyArray<string>;
  /** Fixed renewal lead in ms. Default: 10 % of the validity, at most 30 s. */
  readonly renewLeadMs?: number;
  /**
   * How long an answer that carries no validity (the Monitoring API sends no
   * `validForSeconds`) is held for valid, in ms: an offer is re-checked
   * before then, as an App Engagement offer is before its `validForSeconds`
   * run out; a `Conversation` is checked again after it (the conversation
   * may have ended). From 1000 to 86400000. Default 300000 (5 min).
   */
  readonly recheckIntervalMs?: number;
  /** Where SDEs go. Default `auto`. */
  readonly attributes?: AttributeDelivery;
  /** Called with the issues of SDEs that were refused (invalid, or a builder's `Left`); they are not sent. */
  readonly onInvalidAttributes?: (issues: ReadonlyArray<ValidationIssue>) => void;
}

/** A test of objects that have these methods. */
const withMethods =
  (...names: string[]) =>
  (u: unknown): boolean =>
    isRecord(u) && names.every((name) => typeof u[name] === 'function');

/**
 * Whether `u` can be subscribed to (an RxJS Observable or any object with a
 * `subscribe` method).
 *
 * @internal
 */
export const isSubscribable = withMethods('subscribe') as (u: unknown) => u is { subscribe(observer: object): unknown };

/** A field of the options or inputs: its name, its test, and what it should be. */
type Field = readonly [name: string, ok: (value: unknown) => boolean, expected: string];

const isMs = (u: unknown): boolean => typeof u === 'number' && u >= 0 && u <= 86_400_000;
const MS = 'a number of ms from 0 to 86400000';
const OBSERVABLE = 'an Observable';

const OPTIONS: ReadonlyArray<Field> = [
  ['scheduler', withMethods('schedule', 'now'), 'an RxJS SchedulerLike'],
  ['attributeDebounceMs', isMs, MS],
  ['renewLeadMs', isMs, MS],
  ['recheckIntervalMs', (u) => isMs(u) && (u as number) >= 1000, 'a number of ms from 1000 to 86400000'],
  ['eligibilityTypes', Array.isArray, 'an array of SDE types'],
  ['reporter', withMethods('report'), 'an object with a report function'],
  ['attributes', (u) => u === 'auto' || u === 'report' || u === 'request', "'auto', 'report' or 'request'"],
  ['onInvalidAttributes', (u) => typeof u === 'function', 'a function'],
];

const INPUTS: ReadonlyArray<Field> = [
  ['sections$', isSubscribable, OBSERVABLE],
  ['attributes$', isSubscribable, OBSERVABLE],
  ['refresh$', isSubscribable, OBSERVABLE],
  ['online$', isSubscribable, OBSERVABLE],
  ['visible$', isSubscribable, OBSERVABLE],
  ['appDetails', isRecord, 'an object'],
];

/** Checks the fields of `value` (the options or the inputs) against `fields`; unknown fields are issues. */
function checkFields(value: unknown, of: 'option' | 'input', fields: ReadonlyArray<Field>, issues: ValidationIssue[]): void {
  if (value === undefined) return;
  if (!isRecord(value)) return void issues.push({ path: `${of}s`, reason: `expected an ${of}s object, got ${kindOf(value)}` });
  for (const [name, ok, expected] of fields) {
    const v = value[name];
    if (v !== undefined && !ok(v)) issues.push({ path: name, reason: `expected ${expected}, got ${kindOf(v)}` });
    // The SDE types, one by one (`eligibilityTypes[1]`).
    else if (name === 'eligibilityTypes' && Array.isArray(v)) {
      v.forEach((type: unknown, i) => typeof type !== 'string' && issues.push({ path: `${name}[${i}]`, reason: `expected an SDE type, got ${kindOf(type)}` }));
    }
  }
  unknownKeys(value, fields.map(([name]) => name), '', issues, of);
}

/**
 * What is wrong with the options and the inputs of `watchEngagement`,
 * options first, each issue naming its field: a value of the wrong kind
 * (`undefined` is absent, `null` is refused), an unknown field (a misspelt
 * `section$` would otherwise be ignored), `attributes: 'report'` without a
 * `reporter`. Empty when both are fine. The fields of `appDetails` are
 * checked by the client with each request.
 *
 * @internal
 */
export function watchIssues(inputs: unknown, options: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  checkFields(options, 'option', OPTIONS, issues);
  if (isRecord(options) && options['attributes'] === 'report' && options['reporter'] === undefined) {
    issues.push({ path: 'attributes', reason: "is 'report' but no reporter is given" });
  }
  checkFields(inputs, 'input', INPUTS, issues);
  return issues;
}

/**
 * Where the SDEs go with these (valid) options: the sink, or `undefined`
 * when they travel in the next check.
 *
 * @internal
 */
export function sinkOf(options: WatchOptions): AttributeSink | undefined {
  return options.attributes === 'request' ? undefined : options.reporter;
}
