/**
 * The names of the legacy JS Chat SDK (`lpChat.min.js`,
 * `lpTag.taglets.ChatOverRestAPI`): its events, its chat states and the
 * methods engagement-rx does not implement. Pure data.
 *
 * @packageDocumentation
 */

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
export const LEGACY_EVENT_NAMES = [
  'onLoad',
  'onInit',
  'onEngagement',
  'onRequestChat',
  'onStart',
  'onState',
  'onStop',
  'onLine',
  'onInfo',
  'onAgentTyping',
  'onTranscript',
  'onVisitorDisposed',
  'onAccountToAccountTransfer',
  'onPreChatSurvey',
  'onOfflineSurvey',
  'onExitSurvey',
  'onAuthentication',
  'onAuthenticationFail',
  'onAvailability',
  'onEstimatedWaitTime',
  'onLineStatus',
  'onRichContent',
  'onEvents',
  'onEventList',
  'onAddLine',
  'onAddLineStatus',
  'onCollaboration',
  'onSendCollaboration',
  'onVisitorName',
  'onSetVisitorTyping',
  'onSubmitOfflineSurvey',
  'onSubmitExitSurvey',
  'onSetCustomVariable',
  'onLog',
] as const;

/**
 * The name of one legacy event.
 *
 * @example
 * ```ts
 * const name: LegacyEventName = 'onEngagement';
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEventName = (typeof LEGACY_EVENT_NAMES)[number];

/** @internal */
export function isLegacyEventName(name: string): name is LegacyEventName {
  return (LEGACY_EVENT_NAMES as ReadonlyArray<string>).includes(name);
}

/**
 * The chat states of the legacy SDK, as `ChatOverRestAPI.prototype.chatStates`
 * exposes them (the documented seven plus `paused` and `resumepaused`).
 *
 * @example
 * ```ts
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
 * @example
 * ```ts
 * const states: ChatStates = chat.chatStates;
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type ChatStates = typeof CHAT_STATES;

/**
 * One chat state string (`'initialised'`, `'chatting'`...).
 *
 * @example
 * ```ts
 * const state: ChatState = 'uninitialised';
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type ChatState = ChatStates[keyof ChatStates];

/**
 * The connection states of the legacy SDK (`prototype.connectionStates`).
 *
 * @example
 * ```ts
 * CONNECTION_STATES.ACTIVE; // 'active'
 * ```
 * @since 0.1.0
 */
export const CONNECTION_STATES = Object.freeze({ ACTIVE: 'active', INACTIVE: 'inactive' } as const);

/**
 * The line statuses of the legacy SDK (`prototype.lineStatuses`).
 *
 * @example
 * ```ts
 * LINE_STATUSES.READ; // 'READ'
 * ```
 * @since 0.1.0
 */
export const LINE_STATUSES = Object.freeze({ READ: 'READ', ACCEPT: 'ACCEPT', ACTION: 'ACTION' } as const);

/**
 * The legacy methods that act on a chat session, which engagement-rx does
 * not implement. On a `ChatOverRestAPI` each exists and answers the legacy
 * way, `{ error: '<name> is not supported by engagement-rx: ...' }`, instead
 * of throwing.
 *
 * @example
 * ```ts
 * const answer = chat.requestChat({ skill: 'TestSkill' });
 * if (answer && answer.error) console.warn(answer.error);
 * ```
 * @since 0.1.0
 */
export const UNSUPPORTED_METHODS = [
  'requestChat',
  'startChat',
  'authenticate',
  'addLine',
  'endChat',
  'disposeVisitor',
  'getEstimatedWaitTime',
  'getAvailability',
  'getAvailabilty',
  'getPreChatSurvey',
  'getOfflineSurvey',
  'submitOfflineSurvey',
  'getExitSurvey',
  'submitExitSurvey',
  'cancelSurvey',
  'requestTranscript',
  'setVisitorName',
  'setVisitorTyping',
  'setCustomVariable',
  'sendCollaboration',
  'addLineStatusEvent',
  'updateSdes',
  'pauseChat',
  'resumePausedChat',
  'reInit',
  'clearSessionData',
  'getSiteDomain',
] as const;

/**
 * The name of one method engagement-rx does not implement.
 *
 * @example
 * ```ts
 * const name: UnsupportedMethodName = 'requestChat';
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type UnsupportedMethodName = (typeof UNSUPPORTED_METHODS)[number];

/**
 * The legacy getters of the chat session, with the value each answers when
 * there is no chat (engagement-rx never starts one): the same values the
 * legacy SDK answered before a chat started.
 *
 * @example
 * ```ts
 * chat.getVisitorName(); // ''
 * chat.getAgentTyping(); // false
 * ```
 * @since 0.1.0
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
 * The legacy chat-session getters (getAgentId, getVisitorName, …) that answer their "no chat" values.
 *
 * @example
 * ```ts
 * const getter: NoChatGetterName = 'getVisitorName';
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type NoChatGetterName = keyof typeof NO_CHAT_GETTERS;

/**
 * The answer of an unsupported method. The message names the method and
 * says where to go instead; it never echoes the caller's data.
 *
 * @example
 * ```ts
 * unsupportedMessage('addLine'); // "addLine is not supported by engagement-rx: ..."
 * ```
 * @since 0.1.0
 */
export function unsupportedMessage(method: string): string {
  return `${method} is not supported by engagement-rx: it replaces lpChat.min.js for the getEngagement flow only (getEngagement, onInit, onEngagement); run the chat itself with LivePerson's chat API (see docs/legacy.md)`;
}
