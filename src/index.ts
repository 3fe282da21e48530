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

// Validation
export { validateEngagementRequest, decodeEngagementResponse } from './validate';

// Sessions
export { memorySessionStore } from './session/session-store';
export type { SessionStore } from './session/session-store';
export type { VisitorSession } from './session/visitor-session';

// Transport
export type { FetchLike, FetchInit, FetchResponse } from './http/fetch-like';
export type { Either } from './internal/either';
