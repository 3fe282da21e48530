/**
 * The backend port: what one check attempt sends and decodes, the default
 * retry policy, the CSDS service and the session namespace of one LivePerson
 * API. The client runs its checks through the backend of its configuration:
 * App Engagement (Create Session, the default) or the Monitoring API
 * (`engagement-rx/monitoring`).
 *
 * @packageDocumentation
 */
import type { Observable } from 'rxjs';
import type { EngagementError, ValidationIssue } from '../errors';
import type { HttpEnv } from '../http/request';
import type { Either } from '../internal/either';
import { isRecord } from '../internal/validation';
import type { Engagement, EngagementAttributeInput, NormalizedRequest } from '../model';
import type { UpdateSessionWireMethod } from '../http/update-session';
import type { RetryPolicy } from '../retry/policy';

/** The key under which a backend value carries its port (a registered symbol: it survives two copies of the library). */
const PORT = Symbol.for('engagement-rx.backend');

/** Where one attempt goes: the engagement origin, the account and the visitor's ids (when known). @internal */
export interface AttemptTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid?: string;
  readonly sid?: string;
}

/** Where a report goes: an existing session. @internal */
export interface ReportTarget {
  readonly origin: string;
  readonly accountId: string;
  readonly vid: string;
  readonly sid: string;
}

/**
 * One backend, as the client and the pieces built on it use it.
 *
 * @internal
 */
export interface BackendPort {
  /** The body one check sends, or the issues naming the fields it cannot carry. Built once per check. */
  body(request: NormalizedRequest): Either<ValidationIssue[], string>;
  /** One attempt: one HTTP exchange, decoded. Cold; unsubscribing aborts it. */
  attempt(http: HttpEnv, target: AttemptTarget, body: string): Observable<Either<EngagementError, Engagement>>;
  /**
   * The body of one report of a page's attributes (SDEs) and impression
   * events. Absent: Update Session's (the reporter writes it, so an app that
   * only checks never carries it).
   */
  readonly reportBody?: (pageId: string, attributes: ReadonlyArray<EngagementAttributeInput>, impressions: ReadonlyArray<EngagementAttributeInput>) => string;
  /** One report attempt on an existing session, cold (unsubscribing aborts it). Absent: Update Session. */
  readonly report?: (http: HttpEnv, target: ReportTarget, body: string, method: UpdateSessionWireMethod) => Observable<Either<EngagementError, unknown>>;
  /** The retry policy a client uses when its configuration names none. */
  readonly retry: RetryPolicy;
  /** The CSDS service tried first for this API's host; absent: the lookup's own order (`msdkgw`, then `smt`). */
  readonly csdsService?: string;
  /** The key a client's session is kept under in its session store; absent: the account id. */
  readonly sessionKey?: (accountId: string) => string;
}

/**
 * Which LivePerson API a client checks through, made by
 * `monitoringBackend(...)` (from `engagement-rx/monitoring`). A client
 * configured without one uses App Engagement's Create Session.
 *
 * @example
 * ```ts
 * import { createEngagementClient } from 'engagement-rx';
 * import { monitoringBackend } from 'engagement-rx/monitoring';
 *
 * const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net', backend: monitoringBackend({ appInstallationId: 'my-app' }) });
 * ```
 * @since 0.2.0
 * @category Backends
 */
export interface EngagementBackend {
  /** @internal */
  readonly [PORT]: BackendPort;
}

/** Wraps a port as a backend value. @internal */
export const backendValue = (port: BackendPort): EngagementBackend => Object.freeze({ [PORT]: port });

/** The port of a backend value, or `undefined` for anything else. @internal */
export const portOf = (u: unknown): BackendPort | undefined => (isRecord(u) && isRecord(u[PORT as never]) ? (u[PORT as never] as BackendPort) : undefined);
