/**
 * The retry policy as plain data: how many attempts, how long in total, which
 * delays, which jitter, which outcomes are retried, and the opt-in polling of
 * a NotAvailable answer. {@link resolveRetryPolicy} merges a caller's partial
 * policy with {@link defaultRetryPolicy} and checks every field.
 *
 * @packageDocumentation
 */
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { isRecord, kindOf } from '../internal/validation';
import { left, right, type Either } from '../internal/either';

/**
 * How a delay is spread around its nominal value (see `delay.ts`):
 *
 * - `none`: exactly the nominal delay;
 * - `full`: AWS "full jitter", uniform in `[0, nominal]`;
 * - `decorrelated`: AWS "decorrelated jitter" anchored to the schedule:
 *   uniform between half the nominal delay and three times the previous
 *   delay, capped.
 *
 * @example
 * ```ts
 * const jitter: Jitter = 'decorrelated';
 * ```
 * @since 0.1.0
 * @category Retries
 */
export type Jitter = 'none' | 'full' | 'decorrelated';

/**
 * An explicit list of nominal delays: the delay before retry `n` is
 * `delaysMs[n - 1]`; the last entry repeats when more retries are allowed.
 *
 * @example
 * ```ts
 * const liveperson: ScheduleBackoff = { kind: 'schedule', delaysMs: [5000, 10000, 15000] };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface ScheduleBackoff {
  readonly kind: 'schedule';
  readonly delaysMs: ReadonlyArray<number>;
}

/**
 * Exponential nominal delays: the delay before retry `n` is
 * `baseMs * factor ** (n - 1)`, never more than the policy's `capMs`.
 *
 * @example
 * ```ts
 * const exponential: ExponentialBackoff = { kind: 'exponential', baseMs: 1000, factor: 2 }; // 1, 2, 4, 8 s...
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface ExponentialBackoff {
  readonly kind: 'exponential';
  readonly baseMs: number;
  readonly factor: number;
}

/**
 * Where the nominal delays come from.
 *
 * @example
 * ```ts
 * const backoff: Backoff = { kind: 'schedule', delaysMs: [5000, 10000, 15000] };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export type Backoff = ScheduleBackoff | ExponentialBackoff;

/**
 * One HTTP status (`429`) or a whole class of them (`'5xx'`).
 *
 * @example
 * ```ts
 * const statuses: ReadonlyArray<StatusPattern> = [429, '5xx'];
 * ```
 * @since 0.1.0
 * @category Retries
 */
export type StatusPattern = number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/**
 * Which failed outcomes may be retried. `validation`, `decode` and
 * `discovery` errors are never retried, whatever this says.
 *
 * @example
 * ```ts
 * const retryOn: RetryOn = { statuses: [429, 503], network: true, timeout: false };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface RetryOn {
  /** HTTP statuses that are retried. */
  readonly statuses: ReadonlyArray<StatusPattern>;
  /** Retry when the request got no HTTP answer at all. */
  readonly network: boolean;
  /** Retry when an attempt ran out of time. */
  readonly timeout: boolean;
}

/**
 * The opt-in polling of a non-final answer (NotAvailable): ask again every
 * `intervalMs`, at most `maxPolls` more times.
 *
 * @example
 * ```ts
 * const polling: PollingPolicy = { intervalMs: 60000, maxPolls: 30 };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface PollingPolicy {
  /** Wait between an answer and the next question; at least 1000 ms. */
  readonly intervalMs: number;
  /** How many times a non-final answer is asked again (the first check not counted). */
  readonly maxPolls: number;
}

/**
 * The whole retry policy. Plain data: it can be logged, compared and stored.
 *
 * @example
 * ```ts
 * const noRetries: RetryPolicy = { ...defaultRetryPolicy, maxAttempts: 1 };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface RetryPolicy {
  /** Attempts in total, the first one included: `1` turns retries off. */
  readonly maxAttempts: number;
  /** No attempt starts later than this after the first attempt started. */
  readonly maxElapsedMs: number;
  /** The nominal delays. */
  readonly backoff: Backoff;
  /** No delay ever exceeds this, a server's `Retry-After` included. */
  readonly capMs: number;
  readonly jitter: Jitter;
  readonly retryOn: RetryOn;
  /** Wait as long as a server's `Retry-After` header asks (or give up if that is too long). */
  readonly honourRetryAfter: boolean;
  /** The shortest wait after a 429 Too Many Requests. */
  readonly minDelayOn429Ms: number;
  /** Polling of a non-final answer; `false` (the default) makes NotAvailable final. */
  readonly polling: PollingPolicy | false;
}

/**
 * What a caller may pass: any subset of {@link RetryPolicy}. `retryOn` is
 * merged field by field with the default, `backoff` is replaced as a whole,
 * `polling: true` (or a partial object) turns polling on with
 * the default polling (every 60 s, at most 30 more times) filling the gaps.
 *
 * @example
 * ```ts
 * const input: RetryPolicyInput = { maxAttempts: 3, retryOn: { timeout: false }, polling: { intervalMs: 120000 } };
 * ```
 * @since 0.1.0
 * @category Retries
 */
export interface RetryPolicyInput {
  readonly maxAttempts?: number;
  readonly maxElapsedMs?: number;
  readonly backoff?: ScheduleBackoff | { readonly kind: 'exponential'; readonly baseMs: number; readonly factor?: number };
  readonly capMs?: number;
  readonly jitter?: Jitter;
  readonly retryOn?: Partial<RetryOn>;
  readonly honourRetryAfter?: boolean;
  readonly minDelayOn429Ms?: number;
  readonly polling?: boolean | Partial<PollingPolicy>;
}

/**
 * The polling used when polling is turned on without values: every 60 s,
 * at most 30 more times (half an hour).
 *
 * @example
 * ```ts
 * const hourly: PollingPolicy = { ...defaultPollingPolicy, maxPolls: 60 };
 * ```
 * @since 0.1.0
 */
export const defaultPollingPolicy: PollingPolicy = Object.freeze({ intervalMs: 60_000, maxPolls: 30 });

/**
 * LivePerson's documented policy: no retry on 4xx except 429; on 429 honour
 * `Retry-After` and wait at least 1 s; on 5xx (the 500 "Loading account"
 * included), network errors and timeouts, three retries around 5, 10 and
 * 15 s, with decorrelated jitter; no delay above 20 s; no attempt later
 * than 60 s after the first; NotAvailable is final (no polling).
 *
 * @example
 * ```ts
 * defaultRetryPolicy.maxAttempts; // 4
 * ```
 * @since 0.1.0
 * @category Retries
 */
export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  maxAttempts: 4,
  maxElapsedMs: 60_000,
  backoff: Object.freeze({ kind: 'schedule', delaysMs: Object.freeze([5_000, 10_000, 15_000]) }),
  capMs: 20_000,
  jitter: 'decorrelated',
  retryOn: Object.freeze({ statuses: Object.freeze([429, '5xx'] as const), network: true, timeout: true }),
  honourRetryAfter: true,
  minDelayOn429Ms: 1_000,
  polling: false,
} satisfies RetryPolicy);

/** Upper bound of every duration in a policy: one day. */
const MAX_DURATION_MS = 86_400_000;
/** Upper bound of `maxAttempts` and `maxPolls`. */
const MAX_COUNT = 1_000;

const POLICY_FIELDS: ReadonlyArray<keyof RetryPolicy> = [
  'maxAttempts',
  'maxElapsedMs',
  'backoff',
  'capMs',
  'jitter',
  'retryOn',
  'honourRetryAfter',
  'minDelayOn429Ms',
  'polling',
];
const JITTERS: ReadonlyArray<Jitter> = ['none', 'full', 'decorrelated'];
const STATUS_CLASS = /^[1-5]xx$/;

type Issues = ValidationIssue[];
type Obj = Record<string, unknown>;

function unknownFields(o: Obj, allowed: ReadonlyArray<string>, prefix: string, issues: Issues): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) issues.push({ path: `${prefix}${key}`, reason: `is not a field here (expected one of ${allowed.join(', ')})` });
  }
}

function count(u: unknown, path: string, min: number, issues: Issues): number | undefined {
  if (typeof u === 'number' && Number.isInteger(u) && u >= min && u <= MAX_COUNT) return u;
  issues.push({ path, reason: `expected an integer from ${min} to ${MAX_COUNT}, got ${kindOf(u)}${typeof u === 'number' ? ' out of range' : ''}` });
  return undefined;
}

function duration(u: unknown, path: string, min: number, issues: Issues): number | undefined {
  if (typeof u === 'number' && Number.isFinite(u) && u >= min && u <= MAX_DURATION_MS) return u;
  issues.push({ path, reason: `expected a number of milliseconds from ${min} to ${MAX_DURATION_MS}, got ${kindOf(u)}${typeof u === 'number' ? ' out of range' : ''}` });
  return undefined;
}

function bool(u: unknown, path: string, issues: Issues): boolean | undefined {
  if (typeof u === 'boolean') return u;
  issues.push({ path, reason: `expected a boolean, got ${kindOf(u)}` });
  return undefined;
}

function readBackoff(u: unknown, issues: Issues): Backoff | undefined {
  if (!isRecord(u)) {
    issues.push({ path: 'backoff', reason: `expected an object with kind 'schedule' or 'exponential', got ${kindOf(u)}` });
    return undefined;
  }
  if (u['kind'] === 'schedule') {
    unknownFields(u, ['kind', 'delaysMs'], 'backoff.', issues);
    const raw = u['delaysMs'];
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_COUNT) {
      issues.push({ path: 'backoff.delaysMs', reason: `expected a non-empty array of at most ${MAX_COUNT} delays, got ${kindOf(raw)}` });
      return undefined;
    }
    const delays: number[] = [];
    raw.forEach((d: unknown, i) => {
      const ms = duration(d, `backoff.delaysMs[${i}]`, 0, issues);
      if (ms !== undefined) delays.push(ms);
    });
    return delays.length === raw.length ? { kind: 'schedule', delaysMs: delays } : undefined;
  }
  if (u['kind'] === 'exponential') {
    unknownFields(u, ['kind', 'baseMs', 'factor'], 'backoff.', issues);
    const baseMs = duration(u['baseMs'], 'backoff.baseMs', 0, issues);
    let factor: number | undefined = 2;
    if (u['factor'] !== undefined) {
      const f = u['factor'];
      if (typeof f === 'number' && Number.isFinite(f) && f >= 1 && f <= 10) factor = f;
      else {
        issues.push({ path: 'backoff.factor', reason: `expected a number from 1 to 10, got ${kindOf(f)}${typeof f === 'number' ? ' out of range' : ''}` });
        factor = undefined;
      }
    }
    return baseMs === undefined || factor === undefined ? undefined : { kind: 'exponential', baseMs, factor };
  }
  issues.push({ path: 'backoff.kind', reason: `expected 'schedule' or 'exponential', got ${kindOf(u['kind'])}` });
  return undefined;
}

function readStatuses(u: unknown, issues: Issues): ReadonlyArray<StatusPattern> | undefined {
  if (!Array.isArray(u) || u.length > MAX_COUNT) {
    issues.push({ path: 'retryOn.statuses', reason: `expected an array of statuses (such as 429 or '5xx'), got ${kindOf(u)}` });
    return undefined;
  }
  const out: StatusPattern[] = [];
  u.forEach((s: unknown, i) => {
    if (typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599) out.push(s);
    else if (typeof s === 'string' && STATUS_CLASS.test(s)) out.push(s as StatusPattern);
    else issues.push({ path: `retryOn.statuses[${i}]`, reason: `expected a status from 100 to 599 or a class such as '5xx', got ${kindOf(s)}` });
  });
  return out.length === u.length ? out : undefined;
}

function readRetryOn(u: unknown, issues: Issues): RetryOn | undefined {
  if (!isRecord(u)) {
    issues.push({ path: 'retryOn', reason: `expected an object, got ${kindOf(u)}` });
    return undefined;
  }
  unknownFields(u, ['statuses', 'network', 'timeout'], 'retryOn.', issues);
  const base = defaultRetryPolicy.retryOn;
  const statuses = u['statuses'] === undefined ? base.statuses : readStatuses(u['statuses'], issues);
  const network = u['network'] === undefined ? base.network : bool(u['network'], 'retryOn.network', issues);
  const timeout = u['timeout'] === undefined ? base.timeout : bool(u['timeout'], 'retryOn.timeout', issues);
  return statuses === undefined || network === undefined || timeout === undefined ? undefined : { statuses, network, timeout };
}

function readPolling(u: unknown, issues: Issues): PollingPolicy | false | undefined {
  if (u === false) return false;
  if (u === true) return defaultPollingPolicy;
  if (!isRecord(u)) {
    issues.push({ path: 'polling', reason: `expected a boolean or an object { intervalMs, maxPolls }, got ${kindOf(u)}` });
    return undefined;
  }
  unknownFields(u, ['intervalMs', 'maxPolls'], 'polling.', issues);
  const intervalMs = u['intervalMs'] === undefined ? defaultPollingPolicy.intervalMs : duration(u['intervalMs'], 'polling.intervalMs', 1_000, issues);
  const maxPolls = u['maxPolls'] === undefined ? defaultPollingPolicy.maxPolls : count(u['maxPolls'], 'polling.maxPolls', 0, issues);
  return intervalMs === undefined || maxPolls === undefined ? undefined : { intervalMs, maxPolls };
}

function resolve(input: unknown): Either<ValidationError, RetryPolicy> {
  if (input === undefined || input === null) return right(defaultRetryPolicy);
  if (!isRecord(input)) return left(validationError([{ path: '(value)', reason: `expected a retry policy object, got ${kindOf(input)}` }]));
  const issues: Issues = [];
  unknownFields(input, POLICY_FIELDS, '', issues);
  const d = defaultRetryPolicy;
  const field = <K extends keyof RetryPolicy>(key: K, read: (u: unknown) => RetryPolicy[K] | undefined): RetryPolicy[K] | undefined => {
    const u = input[key];
    return u === undefined ? d[key] : read(u);
  };
  const policy = {
    maxAttempts: field('maxAttempts', (u) => count(u, 'maxAttempts', 1, issues)),
    maxElapsedMs: field('maxElapsedMs', (u) => duration(u, 'maxElapsedMs', 0, issues)),
    backoff: field('backoff', (u) => readBackoff(u, issues)),
    capMs: field('capMs', (u) => duration(u, 'capMs', 0, issues)),
    jitter: field('jitter', (u) => {
      if (JITTERS.includes(u as Jitter)) return u as Jitter;
      issues.push({ path: 'jitter', reason: `expected one of ${JITTERS.join(', ')}, got ${kindOf(u)}` });
      return undefined;
    }),
    retryOn: field('retryOn', (u) => readRetryOn(u, issues)),
    honourRetryAfter: field('honourRetryAfter', (u) => bool(u, 'honourRetryAfter', issues)),
    minDelayOn429Ms: field('minDelayOn429Ms', (u) => duration(u, 'minDelayOn429Ms', 0, issues)),
    polling: field('polling', (u) => readPolling(u, issues)),
  };
  if (issues.length === 0 && policy.minDelayOn429Ms !== undefined && policy.capMs !== undefined && policy.minDelayOn429Ms > policy.capMs) {
    issues.push({ path: 'minDelayOn429Ms', reason: `must not exceed capMs (${policy.capMs} ms), or every 429 would give up` });
  }
  if (issues.length > 0) return left(validationError(issues));
  return right(policy as RetryPolicy);
}

/**
 * Merges a caller's partial policy with {@link defaultRetryPolicy} and checks
 * every field. `undefined` (or `null`) gives the default. A refused field
 * gives a `Left` whose issues name it (`maxAttempts`, `backoff.delaysMs[1]`,
 * `retryOn.statuses[0]`, `polling.intervalMs`, an unknown field...). Never
 * throws, whatever the input.
 *
 * @example
 * ```ts
 * const noRetries = resolveRetryPolicy({ maxAttempts: 1 }); // Right, retries off
 * const bad = resolveRetryPolicy({ maxAttempts: 0 });       // Left: issue at path "maxAttempts"
 * ```
 * @since 0.1.0
 */
export function resolveRetryPolicy(partial: unknown): Either<ValidationError, RetryPolicy> {
  try {
    return resolve(partial);
  } catch {
    return left(validationError([{ path: '(value)', reason: 'could not be read as a retry policy' }]));
  }
}
