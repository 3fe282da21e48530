import { BehaviorSubject, NEVER, Subject } from 'rxjs';
import { createEngagementClient } from '../../../src/client/client';
import { retryPolicy } from '../../../src/retry/policy';
import { manualSleeper, startEmulator, type RunningEmulator } from '../../../src/emulator/index';
import { stateDetail } from '../../../src/demo/page/state-text';
import type { Engagement } from '../../../src/model';
import { pageEngagement$, toPageState, type PageState } from '../../../src/demo/page/engagement-state';

const available: Engagement = {
  status: 'Available',
  sessionId: 'S1',
  visitorId: 'V1',
  pageId: 'P1',
  engagementDetails: { campaignId: '1', engagementId: '2', contextId: '1', windowId: '3', language: 'en-US', engagementRevision: 44, validForSeconds: 900 },
};

describe('pageEngagement$ (the orchestrator behind the demo page)', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('is Idle until a section is known, then follows the sections through a real client', async () => {
    emulator = await startEmulator();
    const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, retry: retryPolicy({ maxAttempts: 1 }) });
    const section$ = new Subject<string>();
    const states: PageState[] = [];
    const sub = pageEngagement$(client, { section$, attributes$: NEVER, refresh$: NEVER }).subscribe((s) => states.push(s));
    const settle = async (status: PageState['status']) => {
      for (let i = 0; i < 200 && states.at(-1)?.status !== status; i++) await new Promise((r) => setImmediate(r));
    };
    expect(states.map((s) => s.status)).toEqual(['Idle']);
    section$.next('Support');
    await settle('Available');
    section$.next('Billing');
    await settle('NotAvailable');
    sub.unsubscribe();
    expect(states.map((s) => s.status)).toEqual(['Idle', 'Checking', 'Available', 'Checking', 'NotAvailable']);
    expect(states[3]).toEqual({ status: 'Checking', section: 'Billing' });
    expect(states[4]).toEqual({ status: 'NotAvailable', section: 'Billing' });
  });

  it('names the section being checked when the visitor switches while a check runs', async () => {
    const sleeper = manualSleeper();
    emulator = await startEmulator({ sleep: sleeper.sleep, latencyMs: 100 });
    const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, retry: retryPolicy({ maxAttempts: 1 }) });
    const section$ = new BehaviorSubject('Support');
    const states: PageState[] = [];
    const sub = pageEngagement$(client, { section$, attributes$: NEVER, refresh$: NEVER }).subscribe((s) => states.push(s));
    await sleeper.waitForSleep(); // the emulator holds the answer for Support
    expect(states.at(-1)).toEqual({ status: 'Checking', section: 'Support' });
    section$.next('Sales');
    for (let i = 0; i < 200 && states.length < 3; i++) await new Promise((r) => setImmediate(r));
    const checking = states.at(-1) as PageState;
    expect(checking).toEqual({ status: 'Checking', section: 'Sales' });
    expect(stateDetail(checking)).toBe('Asking whether an agent can take a chat in Sales…');
    for (let i = 0; i < 200 && states.at(-1)?.status !== 'Available'; i++) {
      sleeper.releaseAll();
      await new Promise((r) => setImmediate(r));
    }
    sub.unsubscribe();
    const last = states.at(-1);
    expect(last?.status === 'Available' && last.engagement.engagementDetails.engagementId).toBe('3562981120'); // Sales' engagement
  });
});

describe('toPageState (the orchestrator integration point)', () => {
  it('keeps the engagement of Available, describes the error of Failed, and the status of the rest', () => {
    expect(toPageState({ status: 'Available', engagement: available as { status: 'Available' } }, 'Support')).toEqual({ status: 'Available', engagement: available });
    expect(
      toPageState({ status: 'Failed', error: { kind: 'timeout', operation: 'createSession', timeoutMs: 10, message: 'createSession took longer than 10 ms and was aborted' } }, 'Support'),
    ).toEqual({ status: 'Failed', message: expect.stringContaining('createSession took longer than 10 ms') });
    expect(toPageState({ status: 'Failed' }, 'Support')).toEqual({ status: 'Failed', message: 'the check failed' });
    for (const status of ['Idle', 'Expired', 'Paused'] as const) expect(toPageState({ status }, 'Support')).toEqual({ status });
    for (const status of ['Checking', 'NotAvailable'] as const) expect(toPageState({ status }, 'Sales')).toEqual({ status, section: 'Sales' });
  });
});
