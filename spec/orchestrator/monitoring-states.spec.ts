/**
 * Marble tests of the live state with Monitoring API answers (1 frame = 1 ms
 * of the TestScheduler's virtual time): the Conversation state (re-checked
 * every `recheckIntervalMs`), offers without validity (re-checked every `recheckIntervalMs`) and several
 * offers at once. The client is the scripted fake of fake-client.ts.
 */
import { asyncScheduler, lastValueFrom } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { right } from '../../src/internal/either';
import type { AvailableEngagement, ConversationEngagement, EngagementDetails } from '../../src/model';
import { watchEngagement, type EngagementInputs } from '../../src/orchestrator/engagement-stream';
import type { WatchOptions } from '../../src/orchestrator/options';
import { IDLE } from '../../src/orchestrator/state';
import { always, available, fakeClient, type Answer, type FakeClient } from './fake-client';

let ts: TestScheduler;
beforeEach(() => {
  ts = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
});

const ids = { sessionId: 'S1', visitorId: 'V1', pageId: 'P1' };
const offer = (engagementId: string): EngagementDetails => ({ campaignId: '1', engagementId, contextId: '1', engagementRevision: 1 });

/** A Monitoring Available answer: no validity, every offer. */
function exposed(...engagementIds: string[]): Answer {
  const offers = engagementIds.map(offer);
  const e: AvailableEngagement = { status: 'Available', ...ids, engagementDetails: offers[0] as EngagementDetails, offers };
  return right(e);
}

function conversation(): Answer {
  const e: ConversationEngagement = { status: 'Conversation', ...ids, conversation: { conversationId: 'conv-1', campaignId: '1', engagementId: '2' } };
  return right(e);
}

const checking = (trigger: string) => expect.objectContaining({ status: 'Checking', trigger });
const availableState = (fields: Record<string, unknown> = {}) => expect.objectContaining({ status: 'Available', ...fields });
const conversationState = (checkedAt: number, intervalMs = 300_000) => ({ status: 'Conversation', engagement: expect.objectContaining({ status: 'Conversation', conversation: expect.objectContaining({ conversationId: 'conv-1' }) }), checkedAt, recheckAt: checkedAt + intervalMs });

function orchestrate(client: FakeClient, inputs: EngagementInputs = {}, options: WatchOptions = {}) {
  return watchEngagement(client, inputs, { scheduler: asyncScheduler, ...options });
}

describe('the Conversation state', () => {
  it('settles on an active conversation, and a refresh checks again with it as previous', () => {
    const client = fakeClient((_, n) => [{ ms: 40, answer: n === 1 ? conversation() : exposed('7') }]);
    ts.run(({ hot, expectObservable }) => {
      expectObservable(orchestrate(client, { refresh$: hot('500ms r') }), '^ 999ms !').toBe('(ic) 36ms v 459ms p 39ms a', {
        i: IDLE,
        c: checking('start'),
        v: conversationState(40),
        p: expect.objectContaining({ status: 'Checking', trigger: 'refresh', previous: conversationState(40) }),
        a: availableState({ checkedAt: 540 }),
      });
    });
  });

  it('is checked again at recheckAt (5 minutes by default), and ends when the conversation has', () => {
    const client = fakeClient((_, n) => [{ ms: 40, answer: n === 1 ? conversation() : exposed('7') }]);
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 300099ms !').toBe('(ic) 36ms v 299999ms r 39ms a', {
        i: IDLE,
        c: checking('start'),
        v: conversationState(40),
        r: expect.objectContaining({ status: 'Checking', trigger: 'recheck', previous: conversationState(40) }),
        a: availableState({ checkedAt: 300_080 }),
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 300_040]);
  });

  it('is checked again every recheckIntervalMs while the conversation goes on', () => {
    const client = fakeClient(always(40, conversation()));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client, {}, { recheckIntervalMs: 60_000 }), '^ 120199ms !').toBe('(ic) 36ms v 59999ms r 39ms w 59999ms s 39ms x', {
        i: IDLE,
        c: checking('start'),
        v: conversationState(40, 60_000),
        r: expect.objectContaining({ status: 'Checking', trigger: 'recheck' }),
        w: conversationState(60_080, 60_000),
        s: expect.objectContaining({ status: 'Checking', trigger: 'recheck' }),
        x: conversationState(120_120, 60_000),
      });
    });
    expect(client.checks).toHaveLength(3);
  });

  it('is checked again on return from a pause that outlasted recheckAt', () => {
    const client = fakeClient(always(40, conversation()));
    ts.run(({ hot, expectObservable }) => {
      const online$ = hot('t 99ms f 1999ms t', { t: true, f: false });
      expectObservable(orchestrate(client, { online$ }, { recheckIntervalMs: 1000 }), '^ 2999ms !').toBe('(ic) 36ms v 59ms p 1999ms r 39ms w', {
        i: IDLE,
        c: checking('start'),
        v: conversationState(40, 1000),
        p: { status: 'Paused', reason: 'offline', previous: conversationState(40, 1000) },
        r: expect.objectContaining({ status: 'Checking', trigger: 'resume' }),
        w: conversationState(2140, 1000),
      });
    });
    expect(client.checks).toHaveLength(2);
  });

  it('ends an Available engagement when its renewal answers Conversation', () => {
    const client = fakeClient((_, n) => [{ ms: 40, answer: n === 1 ? available(10) : conversation() }]);
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 19999ms !').toBe('(ic) 36ms a 8959ms r 39ms v', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ renewAt: 9000, expiresAt: 10_000 }),
        r: availableState({ renewal: expect.anything() }),
        v: conversationState(9040),
      });
    });
  });

  it('is restored as it was after a pause, with nothing sent', () => {
    const client = fakeClient(always(40, conversation()));
    ts.run(({ hot, expectObservable }) => {
      const online$ = hot('t 99ms f 99ms t', { t: true, f: false });
      expectObservable(orchestrate(client, { online$ }), '^ 999ms !').toBe('(ic) 36ms v 59ms p 99ms v', {
        i: IDLE,
        c: checking('start'),
        v: conversationState(40),
        p: { status: 'Paused', reason: 'offline', previous: conversationState(40) },
      });
    });
    expect(client.checks).toHaveLength(1);
  });
});

describe('offers without validity', () => {
  it('are held for 5 minutes by default and renewed 30 s before', () => {
    const client = fakeClient(always(40, exposed('7')));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 299999ms !').toBe('(ic) 36ms a 269959ms r 39ms b', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ checkedAt: 40, renewAt: 270_000, expiresAt: 300_000 }),
        r: availableState({ renewal: expect.anything() }),
        b: availableState({ checkedAt: 270_040, renewAt: 540_000, expiresAt: 570_000 }),
      });
    });
    expect(client.checks.map((c) => c.subscribedAt)).toEqual([0, 270_000]);
  });

  it('are held for recheckIntervalMs when given (60 s: renewed at 54 s)', () => {
    const client = fakeClient(always(40, exposed('7')));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client, {}, { recheckIntervalMs: 60_000 }), '^ 59999ms !').toBe('(ic) 36ms a 53959ms r 39ms b', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ renewAt: 54_000, expiresAt: 60_000 }),
        r: availableState({ renewal: expect.anything() }),
        b: availableState({ checkedAt: 54_040 }),
      });
    });
  });

  it('leave an App Engagement validity as it is', () => {
    const client = fakeClient(always(40, available(900)));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client, {}, { recheckIntervalMs: 60_000 }), '^ 99ms !').toBe('(ic) 36ms a', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ renewAt: 870_000, expiresAt: 900_000 }),
      });
    });
  });

  it('keep every offer in the Available state', () => {
    const client = fakeClient(always(40, exposed('7', '8', '9')));
    ts.run(({ expectObservable }) => {
      expectObservable(orchestrate(client), '^ 99ms !').toBe('(ic) 36ms a', {
        i: IDLE,
        c: checking('start'),
        a: availableState({ engagement: expect.objectContaining({ offers: [offer('7'), offer('8'), offer('9')] }) }),
      });
    });
  });
});

describe('the recheckIntervalMs option', () => {
  it.each([0, 999, 86_400_001, '60000', Number.NaN])('refuses %p, naming the field', async (value) => {
    const client = fakeClient(always(40, exposed('7')));
    const state = await lastValueFrom(watchEngagement(client, {}, { recheckIntervalMs: value as number }));
    expect(state).toMatchObject({ status: 'Failed', error: { kind: 'validation', issues: [{ path: 'recheckIntervalMs', reason: expect.stringContaining('from 1000 to 86400000') }] } });
    expect(client.checks).toHaveLength(0);
  });
});
