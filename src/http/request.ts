/**
 * One HTTP exchange as a cold Observable: each subscription sends one
 * request; the body is read in full within the same time budget; the
 * outcome is one `Either`, then completion. Unsubscribing aborts the request
 * in flight and cancels the timer.
 *
 * @internal
 */
import { Observable, type SchedulerLike } from 'rxjs';
import type { EngagementError, Operation } from '../errors';
import { left, right, type Either } from '../internal/either';
import type { FetchLike } from './fetch-like';
import { networkError, timeoutError } from './failures';

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
}

export function httpRequest$(env: HttpEnv, spec: HttpRequestSpec): Observable<Either<EngagementError, HttpReply>> {
  return new Observable<Either<EngagementError, HttpReply>>((subscriber) => {
    const controller = new AbortController();
    let done = false;
    const finish = (value: Either<EngagementError, HttpReply>): void => {
      if (done) return;
      done = true;
      subscriber.next(value);
      subscriber.complete();
    };
    const timer = env.scheduler.schedule(() => {
      if (done) return;
      controller.abort();
      finish(left(timeoutError(spec.operation, env.timeoutMs)));
    }, env.timeoutMs);

    let pending: Promise<unknown>;
    try {
      pending = env.fetch(spec.url, {
        method: spec.method,
        headers: spec.headers,
        ...(spec.body === undefined ? {} : { body: spec.body }),
        signal: controller.signal,
      }).then((res) => res.text().then((text) => ({ status: res.status, text, header: (name: string) => res.headers.get(name) })));
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    pending.then(
      (reply) => {
        timer.unsubscribe();
        finish(right(reply as HttpReply));
      },
      (thrown: unknown) => {
        timer.unsubscribe();
        finish(left(networkError(spec.operation, thrown)));
      },
    );

    return () => {
      timer.unsubscribe();
      if (!done) {
        done = true;
        controller.abort();
      }
    };
  });
}
