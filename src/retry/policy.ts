/**
 * The retry policy as plain data: how many attempts, how long in total, which
 * delays, which jitter, which outcomes are retried, and the opt-in polling of
 * a NotAvailable answer. {@link retryPolicy} merges a caller's partial
 * policy with {@link defaultRetryPolicy} and checks every field; a client
 * takes only a policy it checked (or the default), so an app that keeps the
 * default never carries the checking code.
 *
 * @packageDocumentation
 */
import { withPolling } from './poll';
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { isRecord, kindOf, unknownKeys } from '../internal/validation';
import { left, right, type Either } from '../internal/either';

/**
 * How a delay is spread around its nominal value (see `delay.ts`):
 *
 * - `none`: exactly the nominal delay;
 * - `full`: AWS "full jitter", uniform in `[0, nominal]`;
 * - `decorrelated`: AWS "decorrelated jitter" anchored to the schedule:
 *   uniform between half the nominal delay and three times the previous
 *   delay, capped.
 * @since 0.1.0
 * @category Retries
 */
export type Jitter = 'none' | 'full' | 'decorrelated';

/**
 * An explicit list of nominal delays: the delay before retry `n` is
 * `delaysMs[n - 1]`; the last entry repeats when more retries are allowed.
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
 * @since 0.1.0
 * @category Retries
 */
export type Backoff = ScheduleBackoff | ExponentialBackoff;

/**
 * One HTTP status (`429`) or a whole class of them (`'5xx'`).
 * @since 0.1.0
 * @category Retries
 */
export type StatusPattern = number | '1xx' | '2xx' | '3xx' | '4xx' | '5xx';

/**
 * Which failed outcomes may be retried. `validation`, `decode` and
 * `discovery` errors are never retried, whatever this says.
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
 * @since 0.1.0
 */
export const defaultPollingPolicy: PollingPolicy = Object.freeze({ intervalMs: 60_000, maxPolls: 30 });

/** Marks a policy {@link retryPolicy} checked (a registered symbol: it survives two copies of the library in one process). */
const CHECKED = Symbol.for('engagement-rx.checkedRetryPolicy');

/** Where a checked policy that polls carries its polling (so a client that never polls never carries it). */
const POLL = Symbol.for('engagement-rx.polling');

/** The polling of a checked policy, if it polls. @internal */
export const pollingOf = (policy: RetryPolicy): typeof withPolling | undefined => (policy as { [POLL]?: typeof withPolling })[POLL];

/** A checked, frozen policy (for policies written in the library, such as a backend's default). @internal */
export function checked<P extends RetryPolicy>(policy: P): P {
  return Object.freeze(Object.defineProperty(policy, CHECKED, { value: true }));
}

/** Whether `u` is a policy {@link retryPolicy} made (or the default). @internal */
export const isCheckedPolicy = (u: unknown): u is RetryPolicy => typeof u === 'object' && u !== null && (u as { [CHECKED]?: unknown })[CHECKED] === true;

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
export const defaultRetryPolicy: RetryPolicy = checked({
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
const DAY_MS = 86_400_000;
/** Upper bound of `maxAttempts` and `maxPolls`. */
const MAX_COUNT = 1_000;

const POLICY_FIELDS = ['maxAttempts', 'maxElapsedMs', 'backoff', 'capMs', 'jitter', 'retryOn', 'honourRetryAfter', 'minDelayOn429Ms', 'polling'];
const JITTERS: ReadonlyArray<Jitter> = ['none', 'full', 'decorrelated'];

function resolve(input: unknown): Either<ValidationError, RetryPolicy> {
  if (input === undefined || input === null) return right(defaultRetryPolicy);
  const issues: ValidationIssue[] = [];
  const bad = (path: string, expected: string, u: unknown): undefined => {
    issues.push({ path, reason: `expected ${expected}, got ${kindOf(u)}${typeof u === 'number' && Number.isFinite(u) && /\d/.test(expected) ? ' out of range' : ''}` });
    return undefined;
  };
  /** A record with only `keys` (an issue for each other key), or an issue at `path`. */
  const record = (path: string, u: unknown, keys: ReadonlyArray<string>, expected: string): Record<string, unknown> | undefined => {
    if (!isRecord(u)) return bad(path, expected, u);
    unknownKeys(u, keys, path === '' ? '' : `${path}.`, issues);
    return u;
  };
  const num = (path: string, u: unknown, min: number, max = DAY_MS, integer = max !== DAY_MS): number | undefined =>
    typeof u === 'number' && (integer ? Number.isInteger(u) : Number.isFinite(u)) && u >= min && u <= max
      ? u
      : bad(path, `${integer ? 'an integer' : max === DAY_MS ? 'a number of milliseconds' : 'a number'} from ${min} to ${max}`, u);
  const bool = (path: string, u: unknown): boolean | undefined => (typeof u === 'boolean' ? u : bad(path, 'a boolean', u));
  /** `o[key]` read by `read`, or `fallback` when absent. */
  const field = <A>(o: Record<string, unknown>, key: string, fallback: A, read: (u: unknown) => A | undefined): A | undefined =>
    o[key] === undefined ? fallback : read(o[key]);

  const o = record('', input, POLICY_FIELDS, 'a retry policy object');
  if (o === undefined) return left(validationError(issues.map((i) => ({ ...i, path: '(value)' }))));
  const d = defaultRetryPolicy;
  const policy = {
    maxAttempts: field(o, 'maxAttempts', d.maxAttempts, (u) => num('maxAttempts', u, 1, MAX_COUNT)),
    maxElapsedMs: field(o, 'maxElapsedMs', d.maxElapsedMs, (u) => num('maxElapsedMs', u, 0)),
    backoff: field(o, 'backoff', d.backoff, (u): Backoff | undefined => {
      const b = record('backoff', u, isRecord(u) && u['kind'] === 'exponential' ? ['kind', 'baseMs', 'factor'] : ['kind', 'delaysMs'], "an object with kind 'schedule' or 'exponential'");
      if (b === undefined) return undefined;
      if (b['kind'] === 'exponential') {
        const baseMs = num('backoff.baseMs', b['baseMs'], 0);
        const factor = field(b, 'factor', 2, (f) => num('backoff.factor', f, 1, 10, false));
        return baseMs === undefined || factor === undefined ? undefined : { kind: 'exponential', baseMs, factor };
      }
      if (b['kind'] !== 'schedule') return bad('backoff.kind', "'schedule' or 'exponential'", b['kind']);
      const raw = b['delaysMs'];
      if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_COUNT) return bad('backoff.delaysMs', `a non-empty array of at most ${MAX_COUNT} delays`, raw);
      const delaysMs = raw.map((ms: unknown, i) => num(`backoff.delaysMs[${i}]`, ms, 0));
      return delaysMs.includes(undefined) ? undefined : { kind: 'schedule', delaysMs: delaysMs as number[] };
    }),
    capMs: field(o, 'capMs', d.capMs, (u) => num('capMs', u, 0)),
    jitter: field(o, 'jitter', d.jitter, (u) => (JITTERS.includes(u as Jitter) ? (u as Jitter) : bad('jitter', `one of ${JITTERS.join(', ')}`, u))),
    retryOn: field(o, 'retryOn', d.retryOn, (u): RetryOn | undefined => {
      const r = record('retryOn', u, ['statuses', 'network', 'timeout'], 'an object');
      if (r === undefined) return undefined;
      const statuses = field(r, 'statuses', d.retryOn.statuses, (list): ReadonlyArray<StatusPattern> | undefined => {
        if (!Array.isArray(list) || list.length > MAX_COUNT) return bad('retryOn.statuses', "an array of statuses (such as 429 or '5xx')", list);
        const out = list.filter((p: unknown, i) =>
          (typeof p === 'number' && Number.isInteger(p) && p >= 100 && p <= 599) || (typeof p === 'string' && /^[1-5]xx$/.test(p))
            ? true
            : bad(`retryOn.statuses[${i}]`, "a status from 100 to 599 or a class such as '5xx'", p),
        );
        return out.length === list.length ? (out as StatusPattern[]) : undefined;
      });
      const network = field(r, 'network', d.retryOn.network, (n) => bool('retryOn.network', n));
      const timeout = field(r, 'timeout', d.retryOn.timeout, (n) => bool('retryOn.timeout', n));
      return statuses === undefined || network === undefined || timeout === undefined ? undefined : { statuses, network, timeout };
    }),
    honourRetryAfter: field(o, 'honourRetryAfter', d.honourRetryAfter, (u) => bool('honourRetryAfter', u)),
    minDelayOn429Ms: field(o, 'minDelayOn429Ms', d.minDelayOn429Ms, (u) => num('minDelayOn429Ms', u, 0)),
    polling: field(o, 'polling', d.polling, (u): PollingPolicy | false | undefined => {
      if (typeof u === 'boolean') return u && defaultPollingPolicy;
      const p = record('polling', u, ['intervalMs', 'maxPolls'], 'a boolean or an object { intervalMs, maxPolls }');
      if (p === undefined) return undefined;
      const intervalMs = field(p, 'intervalMs', defaultPollingPolicy.intervalMs, (ms) => num('polling.intervalMs', ms, 1_000));
      const maxPolls = field(p, 'maxPolls', defaultPollingPolicy.maxPolls, (n) => num('polling.maxPolls', n, 0, MAX_COUNT));
      return intervalMs === undefined || maxPolls === undefined ? undefined : { intervalMs, maxPolls };
    }),
  };
  if (issues.length === 0 && (policy.minDelayOn429Ms as number) > (policy.capMs as number)) {
    issues.push({ path: 'minDelayOn429Ms', reason: `must not exceed capMs (${policy.capMs} ms), or every 429 would give up` });
  }
  if (issues.length > 0) return left(validationError(issues));
  if (policy.polling) Object.defineProperty(policy, POLL, { value: withPolling });
  return right(checked(policy as RetryPolicy));
}

/**
 * Checks a retry policy: any subset of {@link RetryPolicy}, merged with
 * {@link defaultRetryPolicy} (`retryOn` field by field, `backoff` as a whole,
 * `polling: true` or a partial object with the default polling). Give the
 * result to the client as its `retry` option: a refused policy makes every
 * check answer with its `validation` Left (paths under `retry.`). A refused
 * field gives a `Left` whose issues name it (`maxAttempts`,
 * `backoff.delaysMs[1]`, `retryOn.statuses[0]`, `polling.intervalMs`, an
 * unknown field...). Never throws, whatever the input.
 *
 * @example
 * ```ts
 * import { createEngagementClient, retryPolicy } from 'engagement-rx';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', retry: retryPolicy({ maxAttempts: 1 }) }); // retries off
 * const bad = retryPolicy({ maxAttempts: 0 }); // Left: issue at path "maxAttempts"
 * ```
 * @since 0.2.0
 * @category Retries
 */
export function retryPolicy(input: RetryPolicyInput | undefined): Either<ValidationError, RetryPolicy> {
  try {
    return resolve(input);
  } catch {
    return left(validationError([{ path: '(value)', reason: 'could not be read as a retry policy' }]));
  }
}
