/**
 * `engagement-rx/node`: the Node-only parts of engagement-rx (they use
 * `node:*` modules, so they are kept out of the browser entry).
 *
 * The public surface, name by name.
 *
 * @packageDocumentation
 * @module engagement-rx/node
 */
export { asyncSessionStore } from '../client/async-session-store';
export type { AsyncSessionStoreOptions } from '../client/async-session-store';
export { forVisitor } from '../client/for-visitor';
export { fileSessionStore } from './file-session-store';
export type { FileSessionStoreOptions } from './file-session-store';
export { fileOutboxStore } from './file-outbox-store';
export type { FileOutboxStoreOptions } from './file-outbox-store';
export { nodeHttpFetch } from './http-fetch';
