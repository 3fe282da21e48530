/**
 * The entry of the legacy browser bundle `dist/engagement-rx.legacy.js`
 * (an IIFE with rxjs, fp-ts and io-ts inside, and the page's own `fetch`).
 * When loaded it installs `lpTag.taglets.ChatOverRestAPI` with the defaults
 * a page may set one line before it:
 *
 * ```html
 * <script>window.engagementRxDefaults = { engagementDomain: 'http://127.0.0.1:4010' };</script>
 * <script src="engagement-rx.legacy.js"></script>
 * ```
 *
 * It also exposes `window.engagementRx` (`installLegacyGlobals`,
 * `ChatOverRestAPI`, `createChatApi`, `createEngagementClient`, the session
 * stores `lpChatSessionStore`, `webStorageSessionStore` and
 * `memorySessionStore`, and `version`).
 *
 * @internal
 */
import { installLegacyGlobals, type LegacyDefaults } from './globals';

const root = globalThis as unknown as { engagementRxDefaults?: LegacyDefaults };
installLegacyGlobals(root, root.engagementRxDefaults); // defaults that are not an object are ignored

export { installLegacyGlobals } from './globals';
export { ChatOverRestAPI } from './chat-over-rest-api';
export { createChatApi } from './chat-api';
export { createEngagementClient } from '../client/client';
export { lpChatSessionStore } from './lpchat-session-store';
export { webStorageSessionStore } from '../session/web-storage-store';
export { memorySessionStore } from '../session/session-store';
/** engagement-rx's version, as `window.engagementRx.version`. @internal */
export { VERSION as version } from './chat-over-rest-api';
