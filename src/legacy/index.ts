/**
 * `engagement-rx/legacy`: adapters that speak lpChat.min.js's conventions
 * (`lpTag.taglets.ChatOverRestAPI`, `onEngagement` callbacks, its payloads
 * and event names) on top of the check core, so pages written for the legacy
 * SDK switch without a rewrite. Pages that load a script instead of
 * bundling use `engagement-rx/legacy.js` (a self-contained IIFE).
 *
 * @packageDocumentation
 * @module engagement-rx/legacy
 */
export { createChatApi } from './chat-api';
export type { ChatApi, ChatApiConfig } from './chat-api';
export { ChatOverRestAPI } from './chat-over-rest-api';
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
} from './chat-over-rest-api';
export { installLegacyGlobals } from './globals';
export { lpChatSessionStore } from './lpchat-session-store';
export type { LegacyChatConstructor, LegacyDefaults } from './globals';
export type { LegacyBinding, LegacyBindingId, LegacyCallback, LegacyCallbackObject, LegacyEventInfo, LegacyUnbindCriteria } from './bindings';
export type { LegacyCall } from './legacy-core';
export type { LegacyUpdateSdesRequest, LegacyUpdateSdesResult } from './update-sdes';
export type { LegacyCallFailure, LegacyEngagementBody, LegacyEngagementPayload, LegacyEngagementRequest, LegacyErrorObject, LegacyFailurePayload } from './legacy-payloads';
export { CHAT_STATES, LEGACY_EVENT_NAMES } from './event-names';
export type { ChatState, ChatStates, LegacyEventName, NoChatGetterName, UnsupportedMethodName } from './event-names';
export type { LegacyEvent, LegacyLogCode, LegacyLogEntry, LegacyLogLevel } from './telemetry';
