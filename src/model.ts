/**
 * The domain types of a getEngagement check, as the seed page and the App
 * Engagement API describe them. Codecs in `src/codecs/` decode into exactly
 * these shapes.
 *
 * @packageDocumentation
 */

/**
 * Device family of the consumer's app.
 * @since 0.1.0
 * @category Check core
 */
export type DeviceFamily = 'DESKTOP' | 'TABLET' | 'MOBILE';

/**
 * Operating system of the consumer's app.
 * @since 0.1.0
 * @category Check core
 */
export type OperatingSystem = 'WINDOWS' | 'MAC_OSX' | 'LINUX' | 'IOS' | 'ANDROID';

/**
 * Troubleshooting details about the app that asks, all optional.
 * @since 0.1.0
 * @category Check core
 */
export interface AppDetails {
  /** The host app's version, e.g. `"1.0"`. */
  readonly appVersion?: string;
  readonly deviceFamily?: DeviceFamily;
  /** A real IPv4 or IPv6 address (compressed and IPv4-mapped forms included). */
  readonly ipAddress?: string;
  readonly os?: OperatingSystem;
  /** e.g. `"2.4"`. */
  readonly osVersion?: string;
}

/**
 * An engagement attribute (SDE) as sent on the wire: an object with a `type`
 * discriminator. Impression events (`impDisplay`, `impAccept`, `impExpanded`,
 * `impTimeout`, `impClose`) are refused in getEngagement.
 * @since 0.1.0
 * @category Check core
 */
export interface EngagementAttributeInput {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * What a caller may pass to `getEngagement`: the seed page's request object.
 * Every field is optional.
 *
 * @example
 * ```ts
 * const request: EngagementRequest = {
 *   appType: 'EXTERNAL',
 *   consumerSections: ['Support', 'English'],
 *   appDetails: { os: 'MAC_OSX', deviceFamily: 'DESKTOP' },
 * };
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface EngagementRequest {
  /** Only `EXTERNAL`; it is the default when omitted. */
  readonly appType?: 'EXTERNAL';
  readonly appDetails?: AppDetails;
  /** Sections of the app relevant to the engagement: an array, or a comma-delimited string. */
  readonly consumerSections?: ReadonlyArray<string> | string;
  readonly engagementAttributes?: ReadonlyArray<EngagementAttributeInput>;
  /** Visitor id: optional on a first call; the client remembers it after one. */
  readonly vid?: string;
  /** Session id: optional on a first call; the client remembers it after one. */
  readonly sid?: string;
}

/**
 * A request after validation and normalization: `appType` is set and
 * `consumerSections` is an array of trimmed, non-empty strings.
 * @since 0.1.0
 * @category Check core
 */
export interface NormalizedRequest {
  readonly appType: 'EXTERNAL';
  readonly appDetails?: AppDetails;
  readonly consumerSections?: ReadonlyArray<string>;
  readonly engagementAttributes?: ReadonlyArray<EngagementAttributeInput>;
  readonly vid?: string;
  readonly sid?: string;
}

/**
 * The details of an available engagement. Ids arrive as numbers or strings
 * on the wire and are always strings here.
 *
 * @example
 * ```ts
 * const details: EngagementDetails = {
 *   campaignId: '3346848610', engagementId: '3562981110', contextId: '1', windowId: '3346847910',
 *   language: 'en-US', engagementRevision: 44, validForSeconds: 900, skillId: '23', skillName: 'TestSkill',
 * };
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface EngagementDetails {
  readonly campaignId: string;
  readonly engagementId: string;
  /** Becomes `LETagContextId` when the chat starts. */
  readonly contextId: string;
  /** Always sent by App Engagement; optional in the Monitoring API. */
  readonly windowId?: string;
  /** Always sent by App Engagement; optional in the Monitoring API. */
  readonly language?: string;
  readonly engagementRevision: number;
  /**
   * How long, in seconds, this engagement stays valid. Always sent by App
   * Engagement; the Monitoring API has no such field (the live state then
   * re-checks every `recheckIntervalMs`).
   */
  readonly validForSeconds?: number;
  readonly skillId?: string;
  /** Passed as `skill` to requestChat by LivePerson's sample app. */
  readonly skillName?: string;
  /** Present for engagements flagged "authenticated". */
  readonly connectorId?: string;
}

/**
 * An agent can be engaged: start a chat with these details.
 *
 * @example
 * ```ts
 * if (engagement.status === 'Available') console.log(engagement.engagementDetails.skillName);
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface AvailableEngagement {
  readonly status: 'Available';
  readonly sessionId: string;
  readonly visitorId: string;
  readonly pageId: string;
  /** The offer to show: with the Monitoring API, the first of {@link AvailableEngagement.offers}. */
  readonly engagementDetails: EngagementDetails;
  /**
   * Every offer the server exposed, in its order (the first is
   * `engagementDetails`). Set by the Monitoring API, which may expose
   * several; absent on App Engagement answers, which carry one.
   */
  readonly offers?: ReadonlyArray<EngagementDetails>;
}

/**
 * No engagement now (no agent online, campaign rules...). A valid, final answer.
 *
 * @example
 * ```ts
 * const onAnswer = (answer: Engagement) => {
 *   if (answer.status === 'NotAvailable') hideChatButton(); // final: no need to retry
 *   else if (answer.status === 'Available') showChatButton(answer);
 * };
 * ```
 * @since 0.1.0
 * @category Check core
 */
export interface NotAvailableEngagement {
  readonly status: 'NotAvailable';
  readonly sessionId: string;
  readonly visitorId: string;
  readonly pageId: string;
}

/**
 * The active conversation a Monitoring answer names (a detail with status
 * `conversation`). Ids are strings here.
 *
 * @example
 * ```ts
 * const details: ConversationDetails = { conversationId: 'c-1', campaignId: '3346848610', engagementId: '3562981110' };
 * ```
 * @since 0.2.0
 * @category Check core
 */
export interface ConversationDetails {
  readonly conversationId: string;
  readonly campaignId: string;
  readonly engagementId: string;
  readonly engagementRevision?: number;
  readonly connectorId?: string;
}

/**
 * The consumer has an active conversation to resume (Monitoring API only):
 * open the conversation instead of offering a new one. A valid, final answer.
 *
 * @example
 * ```ts
 * import type { Engagement } from 'engagement-rx';
 *
 * declare function resumeConversation(conversationId: string): void; // the app's messaging window
 * const onAnswer = (answer: Engagement) => {
 *   if (answer.status === 'Conversation') resumeConversation(answer.conversation.conversationId);
 * };
 * ```
 * @since 0.2.0
 * @category Check core
 */
export interface ConversationEngagement {
  readonly status: 'Conversation';
  readonly sessionId: string;
  readonly visitorId: string;
  readonly pageId: string;
  readonly conversation: ConversationDetails;
}

/**
 * The answer of a getEngagement check: an offer to show (`Available`),
 * nothing now (`NotAvailable`), or, with the Monitoring API, an active
 * conversation to resume (`Conversation`).
 *
 * @example
 * ```ts
 * const label = (e: Engagement) => (e.status === 'Available' ? 'Chat with an agent' : e.status === 'Conversation' ? 'Back to your conversation' : 'Leave a message');
 * ```
 * @since 0.1.0
 * @category Check core
 */
export type Engagement = AvailableEngagement | NotAvailableEngagement | ConversationEngagement;

/**
 * LivePerson's error body `{ time, message, internalCode }`, every field optional.
 * @since 0.1.0
 */
export interface ServerErrorBody {
  readonly time?: number;
  readonly message?: string;
  readonly internalCode?: number;
}
