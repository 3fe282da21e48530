/**
 * engagement-rx: LivePerson's getEngagement (App Engagement API, unmonitored
 * flow) as typed RxJS observables of fp-ts `Either` values.
 *
 * The public surface, name by name. Each capability is a piece the caller
 * imports: the check core (`createEngagementClient`), the live state
 * (`watchEngagement`), reporting (`createReporter`), the SDE builders. A
 * bundler keeps only the pieces an application uses. The legacy callback
 * adapters live in `engagement-rx/legacy`.
 *
 * @packageDocumentation
 * @module engagement-rx
 */

// The check core
export { createEngagementClient } from './client/client';
export type { EngagementClient, CheckOptions } from './client/client';
export { checkEngagement } from './client/check-promise';
export type { EngagementClientConfig } from './client/config';
export { csdsDomain } from './http/csds-domain';
export type { CsdsOptions } from './http/csds-domain';
export type { ClientEvent, CheckProgress, ErrorSummary } from './client/events';
export { validateEngagementRequest, decodeEngagementResponse } from './validate';
export type {
  AppDetails,
  AvailableEngagement,
  DeviceFamily,
  Engagement,
  EngagementAttributeInput,
  EngagementDetails,
  EngagementRequest,
  NormalizedRequest,
  NotAvailableEngagement,
  OperatingSystem,
} from './model';

// Errors
export { describeError } from './errors';
export type {
  DecodeError,
  DiscoveryError,
  EngagementError,
  EngagementErrorKind,
  HttpError,
  NetworkError,
  Operation,
  TimeoutError,
  ValidationError,
  ValidationIssue,
} from './errors';
export type { Either } from './either';

// Retries, backoff and polling
export { defaultRetryPolicy, retryPolicy } from './retry/policy';
export type {
  Backoff,
  ExponentialBackoff,
  Jitter,
  PollingPolicy,
  RetryOn,
  RetryPolicy,
  RetryPolicyInput,
  ScheduleBackoff,
  StatusPattern,
} from './retry/policy';

// Sessions
export { memorySessionStore } from './session/session-store';
export type { SessionStore } from './session/session-store';
export { webStorageSessionStore } from './session/web-storage-store';
export type { WebStorageSessionStoreOptions, WebStorageLike } from './session/web-storage-store';
export type { VisitorSession } from './session/visitor-session';

// Transport
export type { FetchLike, FetchInit, FetchResponse } from './http/fetch-like';

// The live engagement state
export { watchEngagement } from './orchestrator/engagement-stream';
export type { EngagementInputs } from './orchestrator/engagement-stream';
export type { WatchOptions, AttributeSink } from './orchestrator/options';
export type {
  AvailableState,
  CheckingState,
  CheckTrigger,
  EngagementState,
  ExpiredState,
  FailedState,
  IdleState,
  NotAvailableState,
  PauseReason,
  PausedState,
} from './orchestrator/state';

// Reporting (Update Session) and the outbox
export { createReporter } from './report/reporter';
export type { Reporter, ReporterOptions } from './report/reporter';
export type { ReportEvent } from './report/events';
export type { ReportItem, ReportSourceValue } from './report/report-items';
export type { OutboxState, RejectedReport } from './report/outbox-state';
export { memoryOutboxStore, webStorageOutboxStore } from './report/outbox-store';
export type { OutboxStore, WebStorageOutboxStoreOptions } from './report/outbox-store';

// Engagement attributes (SDEs)
export { decodeAttributes } from './attributes/attribute';
export type { EngagementAttribute } from './attributes/attribute';
export { cartAttribute } from './attributes/cart';
export type { CartAttribute } from './attributes/cart';
export { purchaseAttribute } from './attributes/purchase';
export type { PurchaseAttribute } from './attributes/purchase';
export { productViewAttribute } from './attributes/prod-view';
export type { ProductViewAttribute } from './attributes/prod-view';
export { customerInfoAttribute } from './attributes/ctmr-info';
export type { CustomerInfoAttribute } from './attributes/ctmr-info';
export { marketingSourceAttribute } from './attributes/mrkt-info';
export type { MarketingSourceAttribute } from './attributes/mrkt-info';
export { personalInfoAttribute } from './attributes/personal';
export type { PersonalInfoAttribute } from './attributes/personal';
export { leadAttribute } from './attributes/lead';
export type { LeadAttribute } from './attributes/lead';
export { serviceActivityAttribute } from './attributes/service';
export type { ServiceActivityAttribute } from './attributes/service';
export { visitorErrorAttribute } from './attributes/error';
export type { VisitorErrorAttribute } from './attributes/error';
export { searchedContentAttribute } from './attributes/search-info';
export type { SearchedContentAttribute } from './attributes/search-info';
export { MarketingChannel, ServiceStatus } from './attributes/enums';

// Impression events
export { displayImpression, acceptImpression, expandedImpression, timeoutImpression, closeImpression } from './attributes/impressions';
export type { ImpressionEvent } from './attributes/impressions';
