/**
 * The client's configuration, validated once when the client is created.
 *
 * @packageDocumentation
 */
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import type { EngagementAttributeInput } from '../model';
import type { FetchLike } from '../http/fetch-like';
import { resolveOrigin } from '../core/origin';
import { left, right, isLeft, type Either } from '../internal/either';
import { isRecord, kindOf, prefixIssues, unknownKeys } from '../internal/validation';
import { memorySessionStore, type SessionStore } from '../session/session-store';
import { resolveRetryPolicy, type RetryPolicy, type RetryPolicyInput } from '../retry/policy';

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
  /**
   * Checks the fields of each request's `engagementAttributes`. Without it
   * the client checks that each is an object of one of the ten SDE types
   * (the builders check their own fields); pass `decodeAttributes` to have
   * raw SDE objects validated field by field (and normalized to their wire
   * form) before anything is sent.
   */
  readonly validateAttributes?: (attributes: ReadonlyArray<EngagementAttributeInput>) => Either<ValidationError, ReadonlyArray<EngagementAttributeInput>>;
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
  readonly validateAttributes?: EngagementClientConfig['validateAttributes'];
}

const KEYS = ['accountId', 'domain', 'csds', 'fetch', 'timeoutMs', 'scheduler', 'random', 'session', 'retry', 'validateAttributes'];
const MAX_TIMEOUT = 2_147_483_647;

const isStore = (u: unknown): boolean => isRecord(u) && ['load', 'save', 'clear'].every((k) => typeof u[k] === 'function');

/**
 * Validates a configuration. Unknown keys are refused, so a misspelt option
 * is never silently ignored. Never throws.
 *
 * @internal
 */
export function resolveConfig(input: unknown): Either<ValidationError, ResolvedConfig> {
  if (!isRecord(input)) return left(validationError([{ path: 'config', reason: `expected a configuration object, got ${kindOf(input)}` }]));
  const issues: ValidationIssue[] = [];
  const bad = (path: string, expected: string, u: unknown): void => void issues.push({ path, reason: `expected ${expected}, got ${kindOf(u)}` });
  /** A host or origin option, resolved; an issue at `path` when it is not one. */
  const origin = (path: string, u: unknown): string | undefined => {
    if (u === undefined) return undefined;
    const r = typeof u === 'string' ? resolveOrigin(u) : left(`expected a host or an origin, got ${kindOf(u)}`);
    if (isLeft(r)) issues.push({ path, reason: r.left });
    else return r.right;
    return undefined;
  };
  const { accountId, csds = {}, fetch, timeoutMs = 10_000, scheduler = asyncScheduler, random = Math.random, session = memorySessionStore(), validateAttributes } = input;

  if (typeof accountId !== 'string' || !/^\w{1,20}$/.test(accountId)) bad('accountId', '1-20 letters, digits or _', accountId);
  const domain = origin('domain', input['domain']);
  let csdsOrigin = 'https://api.liveperson.net';
  let csdsServices: ReadonlyArray<string> = ['msdkgw', 'smt'];
  if (!isRecord(csds)) bad('csds', 'an object', csds);
  else {
    csdsOrigin = origin('csds.origin', csds['origin']) ?? csdsOrigin;
    const s = csds['services'];
    if (s !== undefined) {
      if (!Array.isArray(s) || s.length === 0) bad('csds.services', 'a non-empty array of service names', s);
      else s.forEach((name: unknown, i) => (typeof name === 'string' && name !== '' ? 0 : bad(`csds.services[${i}]`, 'a service name', name)));
      csdsServices = s as string[];
    }
    unknownKeys(csds, ['origin', 'services'], 'csds.', issues);
  }
  if (fetch !== undefined && typeof fetch !== 'function') bad('fetch', 'a fetch function', fetch);
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT)) bad('timeoutMs', `a number of milliseconds between 1 and ${MAX_TIMEOUT}`, timeoutMs);
  if (!isRecord(scheduler) || typeof scheduler['schedule'] !== 'function' || typeof scheduler['now'] !== 'function') bad('scheduler', 'an RxJS SchedulerLike', scheduler);
  if (typeof random !== 'function') bad('random', 'a function returning a number in [0, 1)', random);
  if (!isStore(session)) bad('session', 'a SessionStore (load, save, clear)', session);
  const retry = resolveRetryPolicy(input['retry']);
  if (isLeft(retry)) issues.push(...prefixIssues('retry', retry.left.issues));
  if (validateAttributes !== undefined && typeof validateAttributes !== 'function') bad('validateAttributes', 'a function such as decodeAttributes', validateAttributes);
  unknownKeys(input, KEYS, '', issues);

  if (issues.length > 0 || isLeft(retry)) return left(validationError(issues));
  return right({
    accountId: accountId as string,
    ...(domain === undefined ? {} : { origin: domain }),
    csdsOrigin,
    csdsServices,
    ...(fetch === undefined ? {} : { fetch: fetch as FetchLike }),
    timeoutMs: timeoutMs as number,
    scheduler: scheduler as unknown as SchedulerLike,
    random: random as () => number,
    session: session as unknown as SessionStore,
    retry: retry.right,
    ...(validateAttributes === undefined ? {} : { validateAttributes: validateAttributes as ResolvedConfig['validateAttributes'] }),
  });
}
