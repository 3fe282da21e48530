/**
 * engagement-rx: LivePerson's getEngagement (App Engagement API, unmonitored
 * flow) as typed RxJS observables of fp-ts `Either` values.
 *
 * The public surface, name by name. Everything else is internal.
 *
 * @packageDocumentation
 */

// The client
export { createEngagementClient } from './client/client';
export type { EngagementClient } from './client/client';
export type { EngagementClientConfig, CsdsConfig } from './client/config';
export type { ClientEvent, RequestSummary, ErrorSummary } from './client/events';

// Domain types
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
  ServerErrorBody,
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

// The orchestrator: a live engagement state
export { orchestrateEngagement } from './orchestrator/engagement-stream';
export type { EngagementInputs } from './orchestrator/engagement-stream';
export type { OrchestratorClient } from './orchestrator/check';
export type { OrchestratorOptions, AttributeDelivery } from './orchestrator/options';
export { ELIGIBILITY_ATTRIBUTE_TYPES, DEFAULT_ATTRIBUTE_DEBOUNCE_MS } from './orchestrator/triggers';
export { RENEW_LEAD_MAX_MS, RENEW_LEAD_FRACTION } from './orchestrator/expiry';
export type {
  ActiveState,
  AvailableState,
  CheckTrigger,
  CheckingState,
  EngagementState,
  ExpiredState,
  ExpiryCause,
  FailedState,
  IdleState,
  NotAvailableState,
  PauseReason,
  PausedState,
  RenewalProgress,
  SettledState,
} from './orchestrator/state';

// Validation
export { validateEngagementRequest, decodeEngagementResponse } from './validate';

// Retry, backoff and polling
export { defaultRetryPolicy, defaultPollingPolicy, resolveRetryPolicy } from './retry/policy';
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
export { withRetry } from './retry/with-retry';
export type { AttemptContext, RetryEnv, RetryHooks } from './retry/with-retry';
export { withPolling } from './retry/poll';
export type { PollContext } from './retry/poll';
export { decideRetry } from './retry/decision';
export type { GiveUpCode, RetryCode, RetryDecision, RetryState } from './retry/decision';
export { parseRetryAfter } from './retry/retry-after';

// Engagement attributes (SDEs) and impression events
export {
  ENGAGEMENT_ATTRIBUTE_TYPES,
  decodeAttribute,
  decodeAttributes,
  encodeAttribute,
  encodeAttributes,
  decodeImpression,
  decodeImpressions,
  encodeImpression,
  encodeImpressions,
} from './attributes/attribute';
export type { EngagementAttribute, EngagementAttributeType } from './attributes/attribute';
export { cartAttribute } from './attributes/cart';
export type { CartAttribute, CartFields } from './attributes/cart';
export { purchaseAttribute } from './attributes/purchase';
export type { PurchaseAttribute, PurchaseCart, PurchaseFields } from './attributes/purchase';
export { productViewAttribute } from './attributes/prod-view';
export type { ProductViewAttribute, ProductViewFields } from './attributes/prod-view';
export type { Product, ProductsItem } from './attributes/products';
export { customerInfoAttribute } from './attributes/ctmr-info';
export type { CustomerInfo, CustomerInfoAttribute } from './attributes/ctmr-info';
export { marketingSourceAttribute } from './attributes/mrkt-info';
export type { MarketingInfo, MarketingSourceAttribute, MarketingSourceFields } from './attributes/mrkt-info';
export { personalInfoAttribute } from './attributes/personal';
export type { Address, Age, Contact, PersonalInfo, PersonalInfoAttribute, PersonalInfoFields } from './attributes/personal';
export { leadAttribute } from './attributes/lead';
export type { LeadAttribute, LeadInfo } from './attributes/lead';
export { serviceActivityAttribute } from './attributes/service';
export type { ServiceActivity, ServiceActivityAttribute } from './attributes/service';
export { visitorErrorAttribute } from './attributes/error';
export type { VisitorErrorAttribute, VisitorErrorInfo } from './attributes/error';
export { searchedContentAttribute } from './attributes/search-info';
export type { SearchedContentAttribute, SearchedContentFields } from './attributes/search-info';
export type { CalendarDate } from './attributes/dates';
export { GENDERS, PHONE_TYPES, MarketingChannel, ServiceStatus } from './attributes/enums';
export type { Gender, GenderCode, PhoneType, MarketingChannelCode, MarketingChannelNumber, ServiceStatusCode } from './attributes/enums';
export {
  IMPRESSION_EVENT_TYPES,
  displayImpression,
  acceptImpression,
  expandedImpression,
  timeoutImpression,
  closeImpression,
  impressionEvent,
} from './attributes/impressions';
export type {
  EngagementContext,
  ImpAcceptEvent,
  ImpCloseEvent,
  ImpDisplayEvent,
  ImpExpandedEvent,
  ImpExpandedFields,
  ImpressionEvent,
  ImpressionEventType,
  ImpressionIds,
  ImpTimeoutEvent,
} from './attributes/impressions';
export { mergeAttributes, coalesceAttributes, mergeBehaviorOf } from './attributes/merge';
export type { MergeBehavior } from './attributes/merge';

// Legacy callback adapters (lpChat.min.js conventions)
export { createChatApi } from './legacy/chat-api';
export type { ChatApi, ChatApiConfig } from './legacy/chat-api';
export { ChatOverRestAPI } from './legacy/chat-over-rest-api';
export type {
  LegacyChatConfig,
  LegacyEventBindings,
  LegacyEventMethods,
  LegacyInitPayload,
  LegacyLoadPayload,
  LegacyNoChatGetters,
  LegacyPayloadOf,
  LegacyStatePayload,
  LegacyUnsupportedMethods,
} from './legacy/chat-over-rest-api';
export { installLegacyGlobals } from './legacy/globals';
export type { LegacyChatConstructor, LegacyDefaults } from './legacy/globals';
export type { LegacyBinding, LegacyBindingId, LegacyCallback, LegacyCallbackObject, LegacyEventInfo, LegacyUnbindCriteria } from './legacy/bindings';
export type { LegacyCall } from './legacy/legacy-core';
export type { LegacyCallFailure, LegacyEngagementPayload, LegacyEngagementRequest, LegacyErrorObject, LegacyFailurePayload } from './legacy/legacy-payloads';
export { CHAT_STATES, LEGACY_EVENT_NAMES } from './legacy/event-names';
export type { ChatState, ChatStates, LegacyEventName, NoChatGetterName, UnsupportedMethodName } from './legacy/event-names';
export type { LegacyEvent, LegacyLogCode, LegacyLogEntry, LegacyLogLevel } from './legacy/telemetry';

// Sessions
export { memorySessionStore } from './session/session-store';
export { webStorageSessionStore } from './session/web-storage-store';
export type { WebStorageSessionStoreOptions, WebStorageLike } from './session/web-storage-store';

// Reporting (Update Session) and the outbox
export { memoryOutboxStore, webStorageOutboxStore } from './report/outbox-store';
export type { OutboxStore, WebStorageOutboxStoreOptions } from './report/outbox-store';
export type { OutboxState, RejectedReport, ReportTarget } from './report/outbox-state';
export type { ReportItem, ReportSourceValue } from './report/report-items';
export type { StoredOutbox, StoredOutboxEntry } from './report/stored-outbox';
export type { UpdateSessionMethod } from './client/config';
export type { WarningCode } from './client/events';
export type { SessionStore } from './session/session-store';
export type { VisitorSession } from './session/visitor-session';

// Transport
export type { FetchLike, FetchInit, FetchResponse } from './http/fetch-like';
export type { Either } from './either';
