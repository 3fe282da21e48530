/**
 * The names of the legacy JS Chat SDK (`lpChat.min.js`,
 * `lpTag.taglets.ChatOverRestAPI`): its events, its chat states and the
 * methods engagement-rx does not implement. Pure data; each list is written
 * once, as a space-separated string that gives both the array and its type.
 *
 * @packageDocumentation
 */

/** The words of a space-separated list, as a union of string literals. @internal */
export type Words<S extends string, Acc extends string = never> = S extends `${infer Head} ${infer Tail}` ? Words<Tail, Acc | Head> : Acc | S;

/** A space-separated list as an array of its words. @internal */
export const words = <S extends string>(list: S): ReadonlyArray<Words<S>> => list.split(' ') as never;

const EVENTS =
  'Load Init Engagement RequestChat Start State Stop Line Info AgentTyping Transcript VisitorDisposed AccountToAccountTransfer PreChatSurvey OfflineSurvey ExitSurvey Authentication AuthenticationFail Availability EstimatedWaitTime LineStatus RichContent Events EventList AddLine AddLineStatus Collaboration SendCollaboration VisitorName SetVisitorTyping SubmitOfflineSurvey SubmitExitSurvey SetCustomVariable Log';

/**
 * The name of one legacy event (`onLoad`, `onInit`, `onEngagement`, ...;
 * see {@link LEGACY_EVENT_NAMES}).
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEventName = `on${Words<typeof EVENTS>}`;

/**
 * Every event the legacy SDK knows, documented or not. A `ChatOverRestAPI`
 * accepts a binding for each of them (in its configuration or through the
 * method of the same name) even where engagement-rx never fires it, so
 * unchanged page code keeps running.
 *
 * engagement-rx fires `onLoad`, `onInit`, `onState` (the `initialised`
 * state), `onEngagement` and `onLog`.
 *
 * @example
 * ```ts
 * LEGACY_EVENT_NAMES.includes('onEngagement'); // true
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export const LEGACY_EVENT_NAMES: ReadonlyArray<LegacyEventName> = words(EVENTS).map((name) => `on${name}` as const);

/** @internal */
export const isLegacyEventName = (name: string): name is LegacyEventName => (LEGACY_EVENT_NAMES as ReadonlyArray<string>).includes(name);

/**
 * The chat states of the legacy SDK, as `ChatOverRestAPI.prototype.chatStates`
 * exposes them (the documented seven plus `paused` and `resumepaused`).
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * if (chat.getState() === chat.chatStates.INITIALISED) chat.getEngagement();
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export const CHAT_STATES = Object.freeze({
  CHATTING: 'chatting',
  WAITING: 'waiting',
  ENDED: 'ended',
  RESUMING: 'resume',
  UNINITIALISED: 'uninitialised',
  INITIALISED: 'initialised',
  NOTFOUND: 'notfound',
  PAUSECHAT: 'paused',
  RESUMEPAUSEDCHAT: 'resumepaused',
} as const);

/**
 * The type of {@link CHAT_STATES}.
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type ChatStates = typeof CHAT_STATES;

/**
 * One chat state string (`'initialised'`, `'chatting'`...).
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type ChatState = ChatStates[keyof ChatStates];

/** The connection states of the legacy SDK (`prototype.connectionStates`). @internal */
export const CONNECTION_STATES = Object.freeze({ ACTIVE: 'active', INACTIVE: 'inactive' } as const);

/** The line statuses of the legacy SDK (`prototype.lineStatuses`). @internal */
export const LINE_STATUSES = Object.freeze({ READ: 'READ', ACCEPT: 'ACCEPT', ACTION: 'ACTION' } as const);

/**
 * The legacy methods that act on a chat session, which engagement-rx does
 * not implement. On a `ChatOverRestAPI` each exists and answers the legacy
 * way, `{ error: '<name> is not supported by engagement-rx: ...' }`, instead
 * of throwing.
 *
 * @internal
 */
export const UNSUPPORTED_METHODS = words(
  'requestChat startChat authenticate addLine endChat disposeVisitor getEstimatedWaitTime getAvailability getAvailabilty getPreChatSurvey getOfflineSurvey submitOfflineSurvey getExitSurvey submitExitSurvey cancelSurvey requestTranscript setVisitorName setVisitorTyping setCustomVariable sendCollaboration addLineStatusEvent pauseChat resumePausedChat reInit clearSessionData getSiteDomain',
);

/**
 * The name of one method engagement-rx does not implement (`requestChat`,
 * `addLine`, ...): on a `ChatOverRestAPI` it answers `{ error }`.
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type UnsupportedMethodName = (typeof UNSUPPORTED_METHODS)[number];

/**
 * The legacy getters of the chat session, with the value each answers when
 * there is no chat (engagement-rx never starts one): the same values the
 * legacy SDK answered before a chat started.
 *
 * @internal
 */
export const NO_CHAT_GETTERS = Object.freeze({
  getVisitorName: '',
  getAgentId: '',
  getAgentLoginName: '',
  getAgentTyping: false,
  getRtSessionId: null,
  getSessionKey: '',
  agentPictureUrl: '',
} as const);

/**
 * The legacy chat-session getters (`getAgentId`, `getVisitorName`, ...) that
 * answer their "no chat" values (`''`, `false`, `null`).
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type NoChatGetterName = keyof typeof NO_CHAT_GETTERS;

/**
 * The answer of an unsupported method. The message names the method and
 * says where to go instead; it never echoes the caller's data.
 *
 * @internal
 */
export const unsupportedMessage = (method: string): string =>
  `${method} is not supported by engagement-rx: it replaces lpChat.min.js for the getEngagement flow only; see docs/legacy.md`;
