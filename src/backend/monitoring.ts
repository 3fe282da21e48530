/**
 * LivePerson's Monitoring API (the `smt` service's `engagement` and `report`
 * methods) as a backend of the client: `backend: monitoringBackend({ appInstallationId })`.
 *
 * @packageDocumentation
 */
import { validationError, type ValidationError, type ValidationIssue } from '../errors';
import { monitoringEngagementBody, MonitoringIdentitiesCodec, type MonitoringIdentity } from '../codecs/monitoring-request';
import { IdToken, oneOf } from '../codecs/primitives';
import { monitoringEngagement$ } from '../http/monitoring-engagement';
import { monitoringReport$ } from '../http/monitoring-report';
import { isLeft, left, right, type Either } from '../internal/either';
import { decodeWith, isRecord, kindOf, prefixIssues, unknownKeys } from '../internal/validation';
import { checked, defaultRetryPolicy, type RetryPolicy } from '../retry/policy';
import { backendValue, type EngagementBackend } from './backend';

/**
 * Options of {@link monitoringBackend}.
 *
 * @example
 * ```ts
 * const options: MonitoringBackendOptions = {
 *   appInstallationId: 'a1b2c3d4-app', // from the Mobile App or Private App source of the account
 *   identities: [{ iss: 'https://idp.example.com', acr: 'loa1', sub: 'consumer-42' }],
 * };
 * ```
 * @since 0.2.0
 * @category Backends
 */
export interface MonitoringBackendOptions {
  /** The app installation id of the account's Mobile App or Private App source (required; it is part of every URL). */
  readonly appInstallationId: string;
  /** The consumer's identities, sent in every engagement call. */
  readonly identities?: ReadonlyArray<MonitoringIdentity>;
  /**
   * `true` for a server asking on the visitor's behalf: LivePerson then does
   * not take the visitor's geo-location from the caller's address. Sent as
   * `obh` only when set.
   */
  readonly obh?: boolean;
  /** The API version of the `v` query parameter. Default `'1.0'`. */
  readonly version?: '1.0' | '1.1';
}

/** What a Monitoring client adds to the account id to make its key in the session and outbox stores. */
export const MONITORING_SESSION_SUFFIX = '/monitoring';

/**
 * The Monitoring API's default retry policy, its retry guidance: never on a
 * 4xx (429 included); on a 5xx, a network error or a timeout, three retries
 * around 10, 30 and 90 s (decorrelated jitter, as App Engagement's
 * default); no delay above 2 min, no attempt later than 3 min after the
 * first. Pass `retryPolicy({ ...monitoringRetryPolicy, maxAttempts: 2 })` to
 * change a field and keep the rest.
 *
 * @example
 * ```ts
 * monitoringRetryPolicy.backoff; // { kind: 'schedule', delaysMs: [10000, 30000, 90000] }
 * ```
 * @since 0.2.0
 * @category Backends
 */
export const monitoringRetryPolicy: RetryPolicy = checked({
  ...defaultRetryPolicy,
  maxElapsedMs: 180_000,
  backoff: Object.freeze({ kind: 'schedule', delaysMs: Object.freeze([10_000, 30_000, 90_000]) }),
  capMs: 120_000,
  retryOn: Object.freeze({ ...defaultRetryPolicy.retryOn, statuses: Object.freeze(['5xx'] as const) }),
} satisfies RetryPolicy);

const KEYS = ['appInstallationId', 'identities', 'obh', 'version'];
const Version = oneOf(['1.0', '1.1'] as const);

/**
 * The Monitoring API as the client's backend. Each check is
 * `POST https://{host}/api/account/{accountId}/app/{appInstallationId}/engagement?v=1.0&vid=…&sid=…`
 * (vid and sid in the query; `obh` when set) with `entryPoints` from the
 * request's `consumerSections` (`sec://Section`), `clientProperties` from
 * its `appDetails`, and the `identities` given here. A 201 hands out a new
 * visitor session, which the client keeps apart from any App Engagement
 * session (its own key in the session store). Answers are `Available`
 * (every `expose` offer in `offers`), `Conversation` (an active
 * conversation to resume) or `NotAvailable`; the default retries follow the
 * API's guidance ({@link monitoringRetryPolicy}). Options it refuses give a
 * `validation` Left naming the field; the client then answers every check
 * with it (paths under `backend.`).
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 * import { monitoringBackend } from 'engagement-rx/monitoring';
 *
 * const client = createEngagementClient({
 *   accountId: '12345678',
 *   domain: 'va.v.liveperson.net',
 *   backend: monitoringBackend({ appInstallationId: 'a1b2c3d4-app' }),
 * });
 * ```
 * @since 0.2.0
 * @category Backends
 */
export function monitoringBackend(options: MonitoringBackendOptions): Either<ValidationError, EngagementBackend> {
  try {
    return resolve(options);
  } catch {
    return left(validationError([{ path: '(value)', reason: 'could not be read (a getter or a proxy threw)' }]));
  }
}

function resolve(options: unknown): Either<ValidationError, EngagementBackend> {
  if (!isRecord(options)) return left(validationError([{ path: '(value)', reason: `expected an options object, got ${kindOf(options)}` }]));
  const issues: ValidationIssue[] = [];
  const { appInstallationId, identities, obh, version = '1.0' } = options;
  if (!IdToken.is(appInstallationId)) issues.push({ path: 'appInstallationId', reason: `required: ${IdToken.name}, got ${kindOf(appInstallationId)}` });
  const ids = identities === undefined ? undefined : decodeWith(MonitoringIdentitiesCodec, identities);
  if (ids !== undefined && isLeft(ids)) issues.push(...prefixIssues('identities', ids.left));
  if (obh !== undefined && typeof obh !== 'boolean') issues.push({ path: 'obh', reason: `expected a boolean, got ${kindOf(obh)}` });
  if (!Version.is(version)) issues.push({ path: 'version', reason: `expected ${Version.name}, got ${kindOf(version)}` });
  unknownKeys(options, KEYS, '', issues);
  if (issues.length > 0) return left(validationError(issues));
  const known = ids === undefined || isLeft(ids) ? undefined : ids.right;
  const where = { appInstallationId: appInstallationId as string, version: version as string, ...(obh === undefined ? {} : { obh: obh as boolean }) };
  return right(
    backendValue({
      body: (request) => monitoringEngagementBody(request, known),
      attempt: (http, target, body) => monitoringEngagement$(http, { ...target, ...where }, body),
      // Impressions travel inside engagementAttributes, after the SDEs.
      reportBody: (pageId, attributes, impressions) => JSON.stringify({ identities: known, pageId, engagementAttributes: [...attributes, ...impressions] }),
      report: (http, target, body, method) => monitoringReport$(http, { ...target, ...where }, body, method),
      retry: monitoringRetryPolicy,
      csdsService: 'smt',
      sessionKey: (accountId) => accountId + MONITORING_SESSION_SUFFIX,
    }),
  );
}
