/**
 * Constants of the protocol the emulator imitates: id patterns, attribute
 * types, LivePerson's internal error codes, and the error body.
 *
 * The emulator shares no validation code with the client on purpose: a
 * server that reused the client's codecs would accept whatever the client
 * gets wrong.
 *
 * @internal
 */

/** An account id (create-session.md). */
export const ACCOUNT_ID_PATTERN = /^[a-zA-Z0-9_]{1,20}$/;

/**
 * A visitor or session id the emulator accepts; anything else answers 401.
 * LivePerson documents no pattern: this one is the emulator's choice.
 */
export const VISITOR_OR_SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The engagement-attribute (SDE) types of LivePerson's "10 supported Engagement Attributes". */
export const SDE_TYPES: ReadonlyArray<string> = [
  'cart',
  'purchase',
  'prodView',
  'ctmrinfo',
  'mrktInfo',
  'personal',
  'lead',
  'service',
  'error',
  'searchInfo',
];

/** The impression-event types (`ImpressionEventBase` family). */
export const IMPRESSION_TYPES: ReadonlyArray<string> = ['impDisplay', 'impAccept', 'impExpanded', 'impTimeout', 'impClose'];

/** Accepted `appType` values of the App Engagement API. */
export const APP_TYPES: ReadonlyArray<string> = ['EXTERNAL', 'MSDK'];

/** Services a CSDS lookup lists by default. */
export const DEFAULT_CSDS_SERVICES: ReadonlyArray<string> = ['msdkgw', 'smt', 'conversationVep'];

/**
 * `internalCode` values. 5, 18, 20, 33, 37 and 39 are LivePerson's (App
 * Engagement and Monitoring API docs); 0 means "no documented code".
 */
export const InternalCode = {
  none: 0,
  invalidData: 5,
  /** Monitoring API: invalid appInstallationId (404) / internal error (500). Used for an unknown account and handler crashes. */
  internal: 18,
  loadingAccount: 20,
  illegalVersion: 33,
  invalidVisitor: 37,
  invalidSession: 39,
} as const;

/** LivePerson's error body. */
export interface ErrorBody {
  readonly time: number;
  readonly message: string;
  readonly internalCode: number;
}

/** Builds an error body. */
export function errorBody(time: number, message: string, internalCode: number): ErrorBody {
  return { time, message, internalCode };
}

/** The "Loading account" message; `vid` is `null` when no visitor is involved (CSDS). */
export function loadingAccountMessage(accountId: string, visitorId: string | undefined): string {
  return `Loading account: ${accountId}, vid: ${visitorId ?? 'null'}`;
}

/** A plain JSON object (not an array, not null). */
export function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}
