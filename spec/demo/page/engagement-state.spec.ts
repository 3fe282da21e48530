import { NEVER, Observable, Subject, of } from 'rxjs';
import type { EngagementClient } from '../../../src/client/client';
import type { EngagementError } from '../../../src/errors';
import { left, right, type Either } from '../../../src/internal/either';
import type { Engagement, EngagementRequest } from '../../../src/model';
import { pageEngagement$, type PageState } from '../../../src/demo/page/engagement-state';

const available: Engagement = {
  status: 'Available',
  sessionId: 'S1',
  visitorId: 'V1',
  pageId: 'P1',
  engagementDetails: { campaignId: '1', engagementId: '2', contextId: '1', windowId: '3', language: 'en-US', engagementRevision: 44, validForSeconds: 900 },
};
const notAvailable: Engagement = { status: 'NotAvailable', sessionId: 'S1', visitorId: 'V1', pageId: 'P2' };

/** A client whose checks the test answers by hand. */
function stubClient() {
  const requests: Array<EngagementRequest | undefined> = [];
  const answers: Array<Subject<Either<EngagementError, Engagement>>> = [];
  const cancelled: number[] = [];
  const reported: unknown[][] = [];
  const client = {
    getEngagement(request?: EngagementRequest): Observable<Either<EngagementError, Engagement>> {
      const n = requests.push(request) - 1;
      const answer = new Subject<Either<EngagementError, Engagement>>();
      answers[n] = answer;
      return new Observable<Either<EngagementError, Engagement>>((subscriber) => {
        let done = false;
        const sub = answer.subscribe({
          next: (v) => subscriber.next(v),
          complete: () => {
            done = true;
            subscriber.complete();
          },
        });
        return () => {
          sub.unsubscribe();
          if (!done) cancelled.push(n);
        };
      });
    },
    report(...items: unknown[]) {
      reported.push(items);
      return right(undefined);
    },
  } as unknown as EngagementClient;
  return { client, requests, answers, cancelled, reported };
}

function collect(source: Observable<PageState>): PageState[] {
  const out: PageState[] = [];
  source.subscribe((s) => out.push(s));
  return out;
}

describe('pageEngagement$ (getEngagement fallback)', () => {
  it('is Idle until a section is known, then Checking, then the answer', () => {
    const stub = stubClient();
    const section$ = new Subject<string>();
    const states = collect(pageEngagement$(stub.client, { section$, attributes$: NEVER, refresh$: NEVER }));
    expect(states).toEqual([{ status: 'Idle' }]);

    section$.next('Support');
    expect(stub.requests).toEqual([{ consumerSections: ['Support'] }]);
    stub.answers[0]?.next(right(available));
    stub.answers[0]?.complete();
    expect(states.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Available']);
    expect(states[2]).toEqual({ status: 'Available', engagement: available });
    expect(stub.cancelled).toEqual([]);
  });

  it('checks again on a new section, cancelling the check in flight', () => {
    const stub = stubClient();
    const section$ = new Subject<string>();
    const states = collect(pageEngagement$(stub.client, { section$, attributes$: NEVER, refresh$: NEVER }));
    section$.next('Support');
    section$.next('Billing');
    expect(stub.cancelled).toEqual([0]);
    expect(stub.requests[1]).toEqual({ consumerSections: ['Billing'] });
    stub.answers[1]?.next(right(notAvailable));
    expect(states.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Checking', 'NotAvailable']);
  });

  it('checks again when refresh$ emits', () => {
    const stub = stubClient();
    const refresh$ = new Subject<void>();
    const states = collect(pageEngagement$(stub.client, { section$: of('Sales'), attributes$: NEVER, refresh$ }));
    stub.answers[0]?.next(right(available));
    refresh$.next();
    expect(stub.requests).toEqual([{ consumerSections: ['Sales'] }, { consumerSections: ['Sales'] }]);
    expect(states.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Available', 'Checking']);
  });

  it('shows a failed check with the error described', () => {
    const stub = stubClient();
    const states = collect(pageEngagement$(stub.client, { section$: of('Support'), attributes$: NEVER, refresh$: NEVER }));
    stub.answers[0]?.next(left({ kind: 'timeout', operation: 'createSession', timeoutMs: 10, message: 'createSession took longer than 10 ms and was aborted' }));
    expect(states[2]).toEqual({ status: 'Failed', message: expect.stringContaining('createSession took longer than 10 ms') });
  });

  it('reports SDEs with client.report, without a state of their own', () => {
    const stub = stubClient();
    const attributes$ = new Subject<{ type: 'cart'; total: number; numItems: number }>();
    const states = collect(pageEngagement$(stub.client, { section$: NEVER, attributes$, refresh$: NEVER }));
    attributes$.next({ type: 'cart', total: 1, numItems: 1 });
    expect(stub.reported).toEqual([[{ type: 'cart', total: 1, numItems: 1 }]]);
    expect(states).toEqual([{ status: 'Idle' }]);
    expect(stub.requests).toEqual([]);
  });
});
