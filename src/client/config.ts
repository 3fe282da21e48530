/**
 * The client's configuration, validated once when the client is created.
 *
 * @packageDocumentation
 */
import type { Observable, SchedulerLike } from 'rxjs';
import { validationError, type EngagementError, type ValidationError, type ValidationIssue } from '../errors';
import type { EngagementAttributeInput } from '../model';
import type { FetchLike } from '../http/fetch-like';
import { resolveOrigin } from '../core/origin';
import { lookupOf, type DomainLookup } from '../http/csds-domain';
import { MAX_RESPONSE_BYTES, type HttpEnv } from '../http/request';
import { left, right, isLeft, type Either } from '../internal/either';
import { isRecord, kindOf, prefixIssues, unknownKeys } from '../internal/validation';
import { timeoutScheduler } from '../internal/scheduler';
import { memorySessionStore, type SessionStore } from '../session/session-store';
import { isCheckedPolicy, type RetryPolicy } from '../retry/policy';
import { portOf, type BackendPort, type EngagementBackend } from '../backend/backend';
import { appEngagementPort } from '../backend/app-engagement';

/**
 * Configuration of {@link createEngagementClient}.
 *
 * @example
 * ```ts
 * const config: EngagementClientConfig = {
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net', // or csdsDomain() to look it up through CSDS
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
   * The engagement host: a bare host (https), a full `https://` origin, or
   * `http://` for loopback hosts only (`localhost`, `127.0.0.0/8`, `[::1]`: the emulator, a test host); or
   * `csdsDomain()` to look it up in LivePerson's Domain API.
   */
  readonly domain: string | DomainLookup | Either<ValidationError, DomainLookup>;
  /** Fetch to use. Default: cross-fetch, with keep-alive agents on Node. */
  readonly fetch?: FetchLike;
  /** Budget of one attempt (headers and body), in ms. Default 10000. */
  readonly timeoutMs?: number;
  /**
   * The largest response body read, in bytes after decompression (an integer from 1024
   * up). Default 1048576 (1 MiB); a larger body is a `network` Left with
   * `cause: 'ResponseTooLarge'`, read no further.
   */
  readonly maxResponseBytes?: number;
  /** Scheduler for timeouts and waits. Default: `Date.now` and `setTimeout` (the timing of RxJS's `asyncScheduler`); tests pass a virtual one. */
  readonly scheduler?: SchedulerLike;
  /** Random source in [0, 1) for jitter. Default `Math.random`. */
  readonly random?: () => number;
  /** Where the visitor session is kept. Default {@link memorySessionStore}. */
  readonly session?: SessionStore;
  /**
   * The retry and polling policy, made by `retryPolicy(...)` (which checks
   * it): `retry: retryPolicy({ maxAttempts: 1 })` turns retries off. Default
   * {@link defaultRetryPolicy}. A policy `retryPolicy` refused makes every
   * check answer with its validation error.
   */
  readonly retry?: RetryPolicy | Either<ValidationError, RetryPolicy>;
  /**
   * Checks the fields of each request's `engagementAttributes`. Without it
   * the client checks that each is an object of one of the ten SDE types
   * (the builders check their own fields); pass `decodeAttributes` to have
   * raw SDE objects validated field by field (and normalized to their wire
   * form) before anything is sent.
   */
  readonly validateAttributes?: (attributes: ReadonlyArray<EngagementAttributeInput>) => Either<ValidationError, ReadonlyArray<EngagementAttributeInput>>;
  /**
   * The LivePerson API checks go through. Default: App Engagement's Create
   * Session. `monitoringBackend({ appInstallationId })` from
   * `engagement-rx/monitoring` selects the Monitoring API; its sessions are
   * kept apart from App Engagement's, and its retries follow its own
   * guidance unless `retry` is given.
   */
  readonly backend?: EngagementBackend | Either<ValidationError, EngagementBackend>;
}

/** @internal */
export interface ResolvedConfig {
  readonly accountId: string;
  /** The configured origin, or… */
  readonly origin?: string;
  /** …the lookup that finds it. */
  readonly lookup?: (http: HttpEnv, accountId: string, service?: string) => Observable<Either<EngagementError, string>>;
  readonly fetch?: FetchLike;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly session: SessionStore;
  readonly retry: RetryPolicy;
  readonly validateAttributes?: EngagementClientConfig['validateAttributes'];
  readonly backend: BackendPort;
  /** The key of this client's session in its store (the backend's namespace). */
  readonly sessionKey: string;
}

const KEYS = ['accountId', 'domain', 'fetch', 'timeoutMs', 'maxResponseBytes', 'scheduler', 'random', 'session', 'retry', 'validateAttributes', 'backend'];
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
  const { accountId, domain, fetch, timeoutMs = 10_000, maxResponseBytes = MAX_RESPONSE_BYTES, scheduler = timeoutScheduler, random = Math.random, session = memorySessionStore(), validateAttributes } = input;

  if (typeof accountId !== 'string' || !/^\w{1,20}$/.test(accountId)) bad('accountId', '1-20 letters, digits or _', accountId);
  const d = domain as { _tag?: unknown; left?: { issues?: unknown }; right?: unknown } | undefined;
  const origin = typeof domain === 'string' ? resolveOrigin(domain) : undefined;
  const lookup = lookupOf(d?._tag === 'Right' ? d.right : d);
  if (origin !== undefined && isLeft(origin)) issues.push({ path: 'domain', reason: origin.left });
  else if (d?._tag === 'Left' && Array.isArray(d.left?.issues)) issues.push(...prefixIssues('domain', d.left.issues as ValidationIssue[]));
  else if (origin === undefined && lookup === undefined) bad('domain', 'a host, an origin or csdsDomain()', domain);
  if (fetch !== undefined && typeof fetch !== 'function') bad('fetch', 'a fetch function', fetch);
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= MAX_TIMEOUT)) bad('timeoutMs', `a number of milliseconds between 1 and ${MAX_TIMEOUT}`, timeoutMs);
  if (!Number.isSafeInteger(maxResponseBytes) || (maxResponseBytes as number) < 1024) bad('maxResponseBytes', 'a whole number of bytes, 1024 or more', maxResponseBytes);
  if (!isRecord(scheduler) || typeof scheduler['schedule'] !== 'function' || typeof scheduler['now'] !== 'function') bad('scheduler', 'an RxJS SchedulerLike', scheduler);
  if (typeof random !== 'function') bad('random', 'a function returning a number in [0, 1)', random);
  if (!isStore(session)) bad('session', 'a SessionStore (load, save, clear)', session);
  const b = input['backend'] as { _tag?: unknown; left?: { issues?: unknown }; right?: unknown } | undefined;
  const backend = b === undefined ? appEngagementPort : portOf(b._tag === 'Right' ? b.right : b);
  if (b?._tag === 'Left' && Array.isArray(b.left?.issues)) issues.push(...prefixIssues('backend', b.left.issues as ValidationIssue[]));
  else if (backend === undefined) bad('backend', 'a backend made by monitoringBackend(...)', b);
  let retry = (backend ?? appEngagementPort).retry;
  const r = input['retry'] as { _tag?: unknown; left?: { issues?: unknown }; right?: unknown } | undefined;
  const policy = r?._tag === 'Right' ? r.right : r;
  if (r?._tag === 'Left' && Array.isArray(r.left?.issues)) issues.push(...prefixIssues('retry', r.left.issues as ValidationIssue[]));
  else if (isCheckedPolicy(policy)) retry = policy;
  else if (r !== undefined) bad('retry', 'a policy made by retryPolicy(...)', r);
  if (validateAttributes !== undefined && typeof validateAttributes !== 'function') bad('validateAttributes', 'a function such as decodeAttributes', validateAttributes);
  unknownKeys(input, KEYS, '', issues);

  if (issues.length > 0) return left(validationError(issues));
  return right({
    accountId: accountId as string,
    ...(origin?._tag === 'Right' ? { origin: origin.right } : { lookup }),
    ...(fetch === undefined ? {} : { fetch: fetch as FetchLike }),
    timeoutMs: timeoutMs as number,
    maxResponseBytes: maxResponseBytes as number,
    scheduler: scheduler as unknown as SchedulerLike,
    random: random as () => number,
    session: session as unknown as SessionStore,
    retry,
    ...(validateAttributes === undefined ? {} : { validateAttributes: validateAttributes as ResolvedConfig['validateAttributes'] }),
    backend: backend as BackendPort,
    sessionKey: (backend as BackendPort).sessionKey?.(accountId as string) ?? (accountId as string),
  });
}
