/**
 * One check as the live state sees it: the client's `getEngagement`
 * answer, plus the progress of its attempts that the check itself tells
 * (attempt numbers, failures, the time of the next retry).
 *
 * @packageDocumentation
 */
import { Observable, type SchedulerLike } from 'rxjs';
import type { CheckOptions } from '../client/client';
import type { CheckProgress } from '../client/events';
import type { EngagementError } from '../errors';
import type { Either } from '../internal/either';
import type { Engagement, EngagementRequest } from '../model';
import type { MachineEvent } from './state';

/**
 * The part of an `EngagementClient` the live state needs: its checks. A real
 * client fits it; tests pass a fake.
 *
 * @example
 * ```ts
 * const slice: CheckingClient = createEngagementClient({ accountId: '12345678' });
 * ```
 * @since 0.2.0
 */
export interface CheckingClient {
  getEngagement(request?: EngagementRequest, options?: CheckOptions): Observable<Either<EngagementError, Engagement>>;
}

/**
 * The events of one check, in order, ending with its answer: the check's
 * own `attemptStarted`, `attemptFailed` and `retryScheduled` progress (its
 * `onProgress`), then `answer`, then completion. Only the first answer is
 * taken (with the client's polling on, later polls belong to direct
 * `getEngagement` callers).
 *
 * Unsubscribing aborts the check (the request in flight or the retry wait).
 *
 * @example
 * ```ts
 * checkEvents(client, { consumerSections: ['Support'] }, asyncScheduler).subscribe((e) => console.log(e.type));
 * // attemptStarted, answer
 * ```
 * @since 0.1.0
 */
export function checkEvents(client: CheckingClient, request: EngagementRequest, scheduler: SchedulerLike): Observable<MachineEvent> {
  return new Observable<MachineEvent>((subscriber) => {
    const onProgress = (e: CheckProgress): void => {
      switch (e.type) {
        case 'attemptStarted':
          return subscriber.next({ type: 'attemptStarted', attempt: e.attempt, at: e.at });
        case 'attemptFailed':
          return subscriber.next({ type: 'attemptFailed', attempt: e.attempt, at: e.at, error: e.error });
        case 'retryScheduled':
          return subscriber.next({ type: 'retryScheduled', attempt: e.attempt, at: e.at, delayMs: e.delayMs });
      }
    };
    return client.getEngagement(request, { onProgress }).subscribe({
      next: (result) => {
        subscriber.next({ type: 'answer', result, at: scheduler.now() });
        subscriber.complete();
      },
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
  });
}
