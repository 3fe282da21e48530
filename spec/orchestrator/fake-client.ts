/**
 * A scripted client for marble tests of the live state: each check plays a
 * list of attempts on the TestScheduler's virtual time and tells them to the
 * check's `onProgress` exactly like the real client (attemptStarted,
 * attemptFailed, retryScheduled), and every check is logged with its
 * subscription frames. With `report`, it also has a `reporter` (an
 * AttributeSink) that logs what it is given.
 */
import { Observable, Subject, asyncScheduler, defer, mergeMap, of, timer } from 'rxjs';
import type { CheckOptions } from '../../src/client/client';
import type { CheckProgress } from '../../src/client/events';
import type { EngagementError } from '../../src/errors';
import { left, right, type Either } from '../../src/internal/either';
import type { AvailableEngagement, Engagement, EngagementRequest, NotAvailableEngagement } from '../../src/model';
import type { CheckingClient } from '../../src/orchestrator/check';
import type { AttributeSink } from '../../src/orchestrator/options';

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

export interface FakeClient extends CheckingClient {
  readonly checks: CheckLog[];
  readonly reports: Array<{ at: number; types: string[] }>;
  /** Every progress event any check told, in order. */
  readonly progress: Subject<CheckProgress>;
  /** With `report: true`: what SDEs are handed to. */
  readonly reporter?: AttributeSink;
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
 * `report`, the fake has a `reporter` whose report answers after `reportMs`
 * (an Observable) or at once (`reportMs` undefined: returns nothing).
 */
export function fakeClient(script: (request: EngagementRequest, n: number) => ReadonlyArray<Attempt>, options: { report?: boolean; reportMs?: number } = {}): FakeClient {
  const progress = new Subject<CheckProgress>();
  const checks: CheckLog[] = [];
  const reports: Array<{ at: number; types: string[] }> = [];
  let count = 0;

  const getEngagement = (request: EngagementRequest = {}, options: CheckOptions = {}): Observable<Answer> =>
    defer(() => {
      const tell = (p: CheckProgress): void => {
        options.onProgress?.(p);
        progress.next(p);
      };
      const n = ++count;
      const log: CheckLog = { n, request, subscribedAt: now() };
      checks.push(log);
      const attempts = script(request, n);
      const play = (i: number): Observable<Answer> =>
        defer(() => {
          const a = attempts[i];
          if (a === undefined) throw new Error(`check ${n} has no attempt ${i + 1}`);
          tell({ type: 'attemptStarted', check: n, attempt: i + 1, at: now(), request: { hasVisitorId: false, hasSessionId: false, sections: 0, attributeTypes: [] } });
          return timer(a.ms).pipe(
            mergeMap(() => {
              if (a.retryInMs === undefined || a.answer._tag === 'Right') return of(a.answer);
              const error = a.answer.left;
              tell({ type: 'attemptFailed', check: n, attempt: i + 1, at: now(), error: { kind: error.kind } });
              tell({ type: 'retryScheduled', check: n, attempt: i + 1, at: now(), delayMs: a.retryInMs, reason: 'test' });
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

  const client: FakeClient = { getEngagement, progress, checks, reports };
  if (options.report === true) {
    return {
      ...client,
      reporter: {
        report: (...attributes) => {
          reports.push({ at: now(), types: attributes.map((a) => a.type) });
          return options.reportMs === undefined ? undefined : timer(options.reportMs);
        },
      },
    };
  }
  return client;
}

/** Answers every check with one attempt: `ms` later, `answer`. */
export function always(ms: number, answer: Answer): (request: EngagementRequest, n: number) => ReadonlyArray<Attempt> {
  return () => [{ ms, answer }];
}
