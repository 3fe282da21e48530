/**
 * A scripted OrchestratorClient for marble tests: each check plays a list of
 * attempts on the TestScheduler's virtual time and reports them on `events$`
 * exactly like the real client (attemptStarted, attemptFailed,
 * retryScheduled), and every check is logged with its subscription frames.
 */
import { Observable, Subject, asyncScheduler, defer, mergeMap, of, timer } from 'rxjs';
import type { ClientEvent } from '../../src/client/events';
import type { EngagementError } from '../../src/errors';
import { left, right, type Either } from '../../src/internal/either';
import type { AvailableEngagement, Engagement, EngagementRequest, NotAvailableEngagement } from '../../src/model';
import type { OrchestratorClient } from '../../src/orchestrator/check';

export type Answer = Either<EngagementError, Engagement>;

/** One attempt: answers after `ms`; a Left with `retryInMs` is retried after that wait. */
export interface Attempt {
  readonly ms: number;
  readonly answer: Answer;
  readonly retryInMs?: number;
}

export interface CheckLog {
  readonly n: number;
  readonly request: EngagementRequest;
  readonly subscribedAt: number;
  /** When the orchestrator let go of it (answered or cancelled). */
  unsubscribedAt?: number;
  answeredAt?: number;
}

export interface FakeClient extends OrchestratorClient {
  readonly checks: CheckLog[];
  readonly reports: Array<{ at: number; types: string[] }>;
  readonly events: Subject<ClientEvent>;
}

export function available(validForSeconds = 900, engagementId = '3562981110'): Answer {
  const e: AvailableEngagement = {
    status: 'Available',
    sessionId: 'S1',
    visitorId: 'V1',
    pageId: 'P1',
    engagementDetails: { campaignId: '1', engagementId, contextId: '1', windowId: '1', language: 'en-US', engagementRevision: 1, validForSeconds },
  };
  return right(e);
}

export function notAvailable(): Answer {
  const e: NotAvailableEngagement = { status: 'NotAvailable', sessionId: 'S1', visitorId: 'V1', pageId: 'P1' };
  return right(e);
}

export function http(status: number): Answer {
  return left({ kind: 'http', operation: 'createSession', status, message: `http ${status}` });
}

const now = () => asyncScheduler.now();

/**
 * `script(request, n)` gives the attempts of check `n` (1-based). With
 * `report`, the client has a report function that answers after `reportMs`
 * (an Observable) or at once (`reportMs` undefined: returns nothing).
 */
export function fakeClient(script: (request: EngagementRequest, n: number) => ReadonlyArray<Attempt>, options: { report?: boolean; reportMs?: number } = {}): FakeClient {
  const events = new Subject<ClientEvent>();
  const checks: CheckLog[] = [];
  const reports: Array<{ at: number; types: string[] }> = [];
  let count = 0;

  const getEngagement = (request: EngagementRequest = {}): Observable<Answer> =>
    defer(() => {
      const n = ++count;
      const log: CheckLog = { n, request, subscribedAt: now() };
      checks.push(log);
      const attempts = script(request, n);
      const play = (i: number): Observable<Answer> =>
        defer(() => {
          const a = attempts[i];
          if (a === undefined) throw new Error(`check ${n} has no attempt ${i + 1}`);
          events.next({ type: 'attemptStarted', check: n, attempt: i + 1, at: now(), request: { hasVisitorId: false, hasSessionId: false, sections: 0, attributeTypes: [] } });
          return timer(a.ms).pipe(
            mergeMap(() => {
              if (a.retryInMs === undefined || a.answer._tag === 'Right') return of(a.answer);
              const error = a.answer.left;
              events.next({ type: 'attemptFailed', check: n, attempt: i + 1, at: now(), error: { kind: error.kind } });
              events.next({ type: 'retryScheduled', check: n, attempt: i + 1, at: now(), delayMs: a.retryInMs, reason: 'test' });
              return timer(a.retryInMs).pipe(mergeMap(() => play(i + 1)));
            }),
          );
        });
      return new Observable<Answer>((subscriber) => {
        const sub = play(0).subscribe({
          next: (v) => {
            log.answeredAt = now();
            subscriber.next(v);
          },
          error: (e: unknown) => subscriber.error(e),
          complete: () => subscriber.complete(),
        });
        return () => {
          log.unsubscribedAt ??= now();
          sub.unsubscribe();
        };
      });
    });

  const client: FakeClient = { getEngagement, events$: events.asObservable(), events, checks, reports };
  if (options.report === true) {
    return {
      ...client,
      report: (...attributes) => {
        reports.push({ at: now(), types: attributes.map((a) => a.type) });
        return options.reportMs === undefined ? undefined : timer(options.reportMs);
      },
    };
  }
  return client;
}

/** Answers every check with one attempt: `ms` later, `answer`. */
export function always(ms: number, answer: Answer): (request: EngagementRequest, n: number) => ReadonlyArray<Attempt> {
  return () => [{ ms, answer }];
}
