/**
 * The client's configuration, validated once when the client is created.
 *
 * @packageDocumentation
 */
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { ValidationError, ValidationIssue } from '../errors';
import { validationError } from '../errors';
import type { FetchLike } from '../http/fetch-like';
import { resolveOrigin } from '../core/origin';
import { left, right, isLeft, type Either } from '../internal/either';
import { isRecord, kindOf, prefixIssues } from '../internal/validation';
import { memorySessionStore, type SessionStore } from '../session/session-store';
import { defaultRetryPolicy, resolveRetryPolicy, type RetryPolicy, type RetryPolicyInput } from '../retry/policy';

/**
 * Where the engagement host is looked up when `domain` is not given.
 *
 * @example
 * ```ts
 * const csds: CsdsConfig = { origin: 'http://127.0.0.1:4010', services: ['msdkgw', 'smt'] };
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface CsdsConfig {
  /** CSDS host or origin. Default `https://api.liveperson.net`. */
  readonly origin?: string;
  /** Services tried in order. Default `['msdkgw', 'smt']`. */
  readonly services?: ReadonlyArray<string>;
}

/**
 * Configuration of {@link createEngagementClient}.
 *
 * @example
 * ```ts
 * const config: EngagementClientConfig = {
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net', // or omit it to look it up through CSDS
 *   timeoutMs: 8000,
 * };
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface EngagementClientConfig {
  /** The LivePerson account (site) id: 1-20 letters, digits or `_`. */
  readonly accountId: string;
  /**
   * The engagement host. A bare host means https; a full origin such as
   * `http://127.0.0.1:4010` is accepted for loopback hosts only. When absent,
   * the host comes from the CSDS lookup (cached per client).
   */
  readonly domain?: string;
  readonly csds?: CsdsConfig;
  /** Fetch to use. Default: cross-fetch, with keep-alive agents on Node. */
  readonly fetch?: FetchLike;
  /** Budget of one attempt (headers and body), in ms. Default 10000. */
  readonly timeoutMs?: number;
  /** Scheduler for timeouts and waits. Default `asyncScheduler`; tests pass a virtual one. */
  readonly scheduler?: SchedulerLike;
  /** Random source in [0, 1) for jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Where the visitor session is kept. Default {@link memorySessionStore}. */
  readonly session?: SessionStore;
  /**
   * Retry and polling policy; a partial value merges with
   * {@link defaultRetryPolicy}. `{ maxAttempts: 1 }` turns retries off.
   */
  readonly retry?: RetryPolicyInput;
}

/** @internal */
export interface ResolvedConfig {
  readonly accountId: string;
  readonly origin?: string;
  readonly csdsOrigin: string;
  readonly csdsServices: ReadonlyArray<string>;
  readonly fetch?: FetchLike;
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly session: SessionStore;
  readonly retry: RetryPolicy;
}

/** @internal */
export const DEFAULTS = {
  timeoutMs: 10_000,
  csdsOrigin: 'https://api.liveperson.net',
  csdsServices: ['msdkgw', 'smt'] as ReadonlyArray<string>,
};

const ACCOUNT_ID = /^[a-zA-Z0-9_]{1,20}$/;
const MAX_TIMEOUT = 2_147_483_647;

/** @internal */
export const CONFIG_KEYS: ReadonlyArray<string> = [
  'accountId',
  'domain',
  'csds',
  'fetch',
  'timeoutMs',
  'scheduler',
  'random',
  'session',
  'retry',
];

/**
 * Validates a configuration. Unknown keys are refused, so a misspelt option
 * is never silently ignored. `extraKeys` lets wrappers (retry, adapters)
 * declare the keys they handle.
 *
 * @internal
 */
export function resolveConfig(input: unknown, extraKeys: ReadonlyArray<string> = []): Either<ValidationError, ResolvedConfig> {
  if (!isRecord(input)) return left(validationError([{ path: 'config', reason: `expected a configuration object, got ${kindOf(input)}` }]));
  const issues: ValidationIssue[] = [];
  const at = (path: string, reason: string) => issues.push({ path, reason });

  const accountId = input['accountId'];
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    at('accountId', `expected 1-20 letters, digits or _, got ${kindOf(accountId)}`);
  }

  /** A host or origin option, resolved; an issue at `path` when it is not one. */
  const readOrigin = (path: string, value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      at(path, `expected a host or an origin, got ${kindOf(value)}`);
      return undefined;
    }
    const r = resolveOrigin(value);
    if (isLeft(r)) {
      at(path, r.left);
      return undefined;
    }
    return r.right;
  };

  const origin = readOrigin('domain', input['domain']);

  let csdsOrigin = DEFAULTS.csdsOrigin;
  let csdsServices = DEFAULTS.csdsServices;
  const csds = input['csds'];
  if (csds !== undefined) {
    if (!isRecord(csds)) at('csds', `expected an object, got ${kindOf(csds)}`);
    else {
      csdsOrigin = readOrigin('csds.origin', csds['origin']) ?? csdsOrigin;
      const s = csds['services'];
      if (s !== undefined) {
        if (!Array.isArray(s) || s.length === 0) at('csds.services', `expected a non-empty array of service names, got ${kindOf(s)}`);
        else {
          s.forEach((name: unknown, i) => {
            if (typeof name !== 'string' || name.length === 0) at(`csds.services[${i}]`, `expected a service name, got ${kindOf(name)}`);
          });
          csdsServices = s as string[];
        }
      }
      for (const k of Object.keys(csds)) if (k !== 'origin' && k !== 'services') at(`csds.${k}`, 'unknown option (expected origin, services)');
    }
  }

  const fetchFn = input['fetch'];
  if (fetchFn !== undefined && typeof fetchFn !== 'function') at('fetch', `expected a fetch function, got ${kindOf(fetchFn)}`);

  const timeoutMs = input['timeoutMs'] ?? DEFAULTS.timeoutMs;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT) {
    at('timeoutMs', `expected a number of milliseconds between 1 and ${MAX_TIMEOUT}, got ${kindOf(timeoutMs)}`);
  }

  const scheduler = input['scheduler'] ?? asyncScheduler;
  if (!isRecord(scheduler) || typeof scheduler['schedule'] !== 'function' || typeof scheduler['now'] !== 'function') {
    at('scheduler', `expected an RxJS SchedulerLike, got ${kindOf(scheduler)}`);
  }

  const random = input['random'] ?? Math.random;
  if (typeof random !== 'function') at('random', `expected a function returning a number in [0, 1), got ${kindOf(random)}`);

  const session = input['session'] ?? memorySessionStore();
  if (!isRecord(session) || typeof session['load'] !== 'function' || typeof session['save'] !== 'function' || typeof session['clear'] !== 'function') {
    at('session', `expected a SessionStore (load, save, clear), got ${kindOf(session)}`);
  }

  let retry: RetryPolicy = defaultRetryPolicy;
  if (input['retry'] !== undefined) {
    const r = resolveRetryPolicy(input['retry']);
    if (isLeft(r)) issues.push(...prefixIssues('retry', r.left.issues));
    else retry = r.right;
  }

  const known = new Set([...CONFIG_KEYS, ...extraKeys]);
  for (const k of Object.keys(input)) if (!known.has(k)) at(k, `unknown option (expected one of ${[...known].join(', ')})`);

  if (issues.length > 0) return left(validationError(issues));
  return right({
    accountId: accountId as string,
    ...(origin === undefined ? {} : { origin }),
    csdsOrigin,
    csdsServices,
    ...(fetchFn === undefined ? {} : { fetch: fetchFn as FetchLike }),
    timeoutMs: timeoutMs as number,
    scheduler: scheduler as unknown as SchedulerLike,
    random: random as () => number,
    session: session as unknown as SessionStore,
    retry,
  });
}
