/**
 * One check as the orchestrator sees it: the client's `getEngagement`
 * answer, plus the progress of its attempts read from the client's
 * `events$` (attempt numbers, failures, the time of the next retry).
 *
 * @packageDocumentation
 */
import { Observable, type SchedulerLike } from 'rxjs';
import type { EngagementAttribute } from '../attributes/attribute';
import type { ClientEvent } from '../client/events';
import type { EngagementError } from '../errors';
import type { Either } from '../internal/either';
import type { Engagement, EngagementRequest } from '../model';
import type { MachineEvent } from './state';

/**
 * The part of an `EngagementClient` an orchestrator needs. A real client
 * fits it; tests pass a fake.
 *
 * `report`, when the client has it, receives the SDEs of `attributes$`
 * (Update Session); without it, SDEs travel in the `engagementAttributes`
 * of the next check. Its result may be an Observable: the orchestrator then
 * waits for its first value (or completion) before the re-check the SDEs
 * trigger is scheduled.
 *
 * @example
 * ```ts
 * const slice: OrchestratorClient = createEngagementClient({ accountId: '12345678' });
 * ```
 * @since 0.1.0
 */
export interface OrchestratorClient {
  getEngagement(request?: EngagementRequest): Observable<Either<EngagementError, Engagement>>;
  readonly events$: Observable<ClientEvent>;
  report?(...attributes: EngagementAttribute[]): unknown;
}

/**
 * The events of one check, in order, ending with its answer: the client's
 * `attemptStarted`, `attemptFailed` and `retryScheduled` events of this
 * check (told apart from other checks of the same client by the `check`
 * number of the first `attemptStarted` event emitted while subscribing),
 * then `answer`, then completion. Only the first answer is taken (with the
 * client's polling on, later polls belong to direct `getEngagement` callers).
 *
 * Unsubscribing aborts the check (the request in flight or the retry wait),
 * and drops the `events$` subscription: an idle orchestrator holds none.
 *
 * @example
 * ```ts
 * checkEvents(client, { consumerSections: ['Support'] }, asyncScheduler).subscribe((e) => console.log(e.type));
 * // attemptStarted, answer
 * ```
 * @since 0.1.0
 */
export function checkEvents(client: OrchestratorClient, request: EngagementRequest, scheduler: SchedulerLike): Observable<MachineEvent> {
  return new Observable<MachineEvent>((subscriber) => {
    let check: number | undefined;
    let subscribing = true;
    const progress = client.events$.subscribe((e) => {
      if (check === undefined) {
        if (!subscribing || e.type !== 'attemptStarted') return;
        check = e.check;
      }
      switch (e.type) {
        case 'attemptStarted':
          if (e.check === check) subscriber.next({ type: 'attemptStarted', attempt: e.attempt, at: e.at });
          return;
        case 'attemptFailed':
          if (e.check === check) subscriber.next({ type: 'attemptFailed', attempt: e.attempt, at: e.at, error: e.error });
          return;
        case 'retryScheduled':
          if (e.check === check) subscriber.next({ type: 'retryScheduled', attempt: e.attempt, at: e.at, delayMs: e.delayMs });
          return;
        default:
          return;
      }
    });
    const answer = client.getEngagement(request).subscribe({
      next: (result) => {
        subscriber.next({ type: 'answer', result, at: scheduler.now() });
        subscriber.complete();
      },
      error: (err: unknown) => subscriber.error(err),
      complete: () => subscriber.complete(),
    });
    subscribing = false;
    return () => {
      answer.unsubscribe();
      progress.unsubscribe();
    };
  });
}
