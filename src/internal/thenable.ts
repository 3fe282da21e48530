/**
 * Whether a value answers later: a Promise, or anything with a `then`
 * method. Pure.
 *
 * @internal
 */
export const isThenable = (u: unknown): u is PromiseLike<unknown> => (typeof u === 'object' || typeof u === 'function') && u !== null && typeof (u as { then?: unknown }).then === 'function';
