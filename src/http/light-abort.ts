/**
 * A light abort controller for node-fetch 2 (cross-fetch on Node).
 *
 * Node 20's `AbortController` is costly on the hot path: creating one and
 * having node-fetch add and remove its `abort` listener cost about 40 µs of
 * CPU per request in `npm run bench` (a third of the whole request), while a
 * plain object costs nothing measurable. node-fetch 2 accepts any signal
 * whose class is named `AbortSignal` and that has `aborted`,
 * `addEventListener` and `removeEventListener`; that is how it supports
 * polyfills (see its README, "signal"). This is such a signal, and nothing
 * more. Only engagement-rx's own Node transports use it (the default fetch
 * when it is node-fetch 2, and `nodeHttpFetch`); an injected `fetch` (undici,
 * the global fetch) always gets the platform's `AbortController`.
 *
 * @internal
 */
import type { AbortHandle } from './fetch-like';

type Listener = (event: { type: 'abort' }) => void;

class LightAbortSignal {
  /** What node-fetch 3 (and other polyfill-aware code) checks instead of the class name. */
  get [Symbol.toStringTag](): string {
    return 'AbortSignal';
  }

  aborted = false;
  reason: unknown = undefined;
  private listener: Listener | undefined = undefined;
  private more: Listener[] | undefined = undefined;

  addEventListener(type: string, listener: Listener): void {
    if (type !== 'abort') return;
    if (this.listener === undefined) this.listener = listener;
    else (this.more ??= []).push(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type !== 'abort') return;
    if (this.listener === listener) this.listener = undefined;
    else if (this.more !== undefined) this.more = this.more.filter((l) => l !== listener);
  }

  /** @internal */
  fire(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listener === undefined ? [...(this.more ?? [])] : [this.listener, ...(this.more ?? [])];
    this.listener = undefined;
    this.more = undefined;
    for (const l of listeners) l({ type: 'abort' });
  }
}
// node-fetch checks `Object.getPrototypeOf(signal).constructor.name === 'AbortSignal'`; set explicitly so a
// minifier that renames classes cannot break it.
Object.defineProperty(LightAbortSignal, 'name', { value: 'AbortSignal' });

class LightAbortController implements AbortHandle {
  readonly signal: AbortSignal;
  constructor() {
    this.signal = new LightAbortSignal() as unknown as AbortSignal;
  }
  abort(): void {
    (this.signal as unknown as LightAbortSignal).fire(abortError());
  }
}

/** The error an aborted request fails with (named `AbortError`, as the platform's). */
export function abortError(): Error {
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/** A new light abort controller (for node-fetch 2 and nodeHttpFetch only). */
export function lightAbortController(): AbortHandle {
  return new LightAbortController();
}
