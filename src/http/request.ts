/**
 * One HTTP exchange as a cold Observable: each subscription sends one
 * request; the body is read in full within the same time budget; the
 * outcome is one `Either`, then completion. Unsubscribing aborts the request
 * in flight and cancels the timer.
 *
 * This is the hot path of every check, so it is one hand-written Observable
 * (no operator chain) and the reply is read by the caller's `read` function
 * in the same step.
 *
 * @internal
 */
import { Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { EngagementError, HttpError, Operation } from '../errors';
import { left, right, type Either } from '../internal/either';
import { abortControllerFactoryOf, type AbortHandle, type FetchLike, type FetchResponse } from './fetch-like';
import { networkError, redirectError, timeoutError, tooLargeError } from './failures';

export interface HttpRequestSpec {
  readonly operation: Operation;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export interface HttpReply {
  readonly status: number;
  readonly text: string;
  readonly header: (name: string) => string | null;
}

export interface HttpEnv {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
  /** The largest response body read, in bytes after decompression (default {@link MAX_RESPONSE_BYTES}). */
  readonly maxResponseBytes?: number;
}

/** The default size limit of a response body: 1 MiB after decompression (LivePerson's answers are a few hundred bytes). */
export const MAX_RESPONSE_BYTES = 1_048_576;

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}

/**
 * The body as text, read with the size limit: a `Content-Length` over it
 * fails at once; a WHATWG stream is read chunk by chunk and cancelled past
 * it (where `TextDecoder` exists); otherwise the body is read whole, then
 * measured.
 */
function readText(res: FetchResponse, max: number): Promise<string> {
  if (Number(res.headers.get('content-length')) > max) return Promise.reject(tooLargeError(max));
  const body = res.body as { getReader?: () => StreamReader } | null | undefined;
  if (typeof body?.getReader === 'function' && typeof TextDecoder === 'function') return readStream(body.getReader(), max);
  return res.text().then((text) => {
    if (text.length > max) throw tooLargeError(max);
    return text;
  });
}

async function readStream(reader: StreamReader, max: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (let bytes = 0; ; ) {
    const { done, value } = await reader.read();
    if (done || value === undefined) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > max) {
      reader.cancel().catch(() => undefined);
      throw tooLargeError(max);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** The platform's AbortController, for a fetch that names no factory of its own. */
const platformAbortController = (): AbortHandle => new AbortController();

/** The reply as it is: status, text, headers. */
const asReply = (reply: HttpReply): Either<EngagementError, HttpReply> => right(reply);

/** The reply of a fetch response whose text has been read. */
function replyOf(res: FetchResponse, text: string): HttpReply {
  return { status: res.status, text, header: (name: string) => res.headers.get(name) };
}

export function httpRequest$(env: HttpEnv, spec: HttpRequestSpec): Observable<Either<EngagementError, HttpReply>>;
export function httpRequest$<A>(env: HttpEnv, spec: HttpRequestSpec, read: (reply: HttpReply) => Either<EngagementError, A>): Observable<Either<EngagementError, A>>;
export function httpRequest$<A>(
  env: HttpEnv,
  spec: HttpRequestSpec,
  read: (reply: HttpReply) => Either<EngagementError, A | HttpReply> = asReply,
): Observable<Either<EngagementError, A | HttpReply>> {
  return new Observable<Either<EngagementError, A | HttpReply>>((subscriber) => {
    // The fetch may carry the abort controller it prefers (engagement-rx's own transports: a light one).
    const controller = (abortControllerFactoryOf(env.fetch) ?? platformAbortController)();
    let done = false;
    let timer: Subscription | undefined;
    const finish = (value: Either<EngagementError, A | HttpReply>): void => {
      if (done) return;
      done = true;
      timer?.unsubscribe();
      subscriber.next(value);
      subscriber.complete();
    };
    timer = env.scheduler.schedule(() => {
      if (done) return;
      controller.abort();
      finish(left(timeoutError(spec.operation, env.timeoutMs)));
    }, env.timeoutMs);

    let pending: Promise<HttpReply | HttpError>;
    try {
      const size = env.maxResponseBytes ?? MAX_RESPONSE_BYTES;
      const init = spec.body === undefined
        ? { method: spec.method, headers: spec.headers, signal: controller.signal, redirect: 'manual' as const, size }
        : { method: spec.method, headers: spec.headers, body: spec.body, signal: controller.signal, redirect: 'manual' as const, size };
      pending = env.fetch(spec.url, init).then((res) => {
        const redirect = redirectError(spec.operation, spec.url, res);
        if (redirect === undefined) return readText(res, size).then((text) => replyOf(res, text));
        controller.abort(); // the redirect's body is not read: release the connection
        return redirect;
      });
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    pending.then(
      (reply) => {
        if (done) return;
        if ('kind' in reply) return finish(left(reply));
        let value: Either<EngagementError, A | HttpReply>;
        try {
          value = read(reply);
        } catch (thrown) {
          // A reader never throws by contract; if one does, it is a bug, reported as an error notification.
          done = true;
          timer?.unsubscribe();
          subscriber.error(thrown);
          return;
        }
        finish(value);
      },
      (thrown: unknown) => {
        if (done) return;
        controller.abort(); // a body left unread (too large, cut off) releases its connection
        finish(left(networkError(spec.operation, thrown)));
      },
    );

    return () => {
      timer?.unsubscribe();
      if (!done) {
        done = true;
        controller.abort();
      }
    };
  });
}
