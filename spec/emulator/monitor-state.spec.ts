import { createIdSource } from '../../src/emulator/ids';
import { findMonitorVisitor, monitorTargetFor, recordMonitorCheck, recordMonitorReport, snapshotMonitorVisitor } from '../../src/emulator/monitor-state';
import { createState, type AccountRecord } from '../../src/emulator/state';

const skills = [{ key: '23', id: 23, name: 'TestSkill', online: true }];

function setup() {
  const state = createState(['acc1', 'acc2'], skills, { visitorsPerAccount: 2, sessionsPerVisitor: 2, historyLength: 2 });
  const ids = createIdSource(() => 0.5);
  const account = state.accounts.get('acc1') as AccountRecord;
  return { state, ids, account };
}

describe('Monitoring state', () => {
  it('creates a visitor and a session for missing ids, and finds the known pair again', () => {
    const { state, ids, account } = setup();
    const first = monitorTargetFor(state, account, undefined, undefined, ids, 1);
    expect(first.created).toBe(true);
    const again = monitorTargetFor(state, account, first.visitor.visitorId, first.session.sessionId, ids, 2);
    expect(again).toEqual({ visitor: first.visitor, session: first.session, created: false });
    expect(account.visitors.size).toBe(0);
    expect(findMonitorVisitor(state, first.visitor.visitorId)).toBe(first.visitor);
    expect(findMonitorVisitor(state, first.visitor.visitorId, 'acc2')).toBeUndefined();
  });

  it('forgets the oldest visitors, sessions and history entries beyond the limits', () => {
    const { state, ids, account } = setup();
    const a = monitorTargetFor(state, account, undefined, undefined, ids, 1);
    monitorTargetFor(state, account, undefined, undefined, ids, 1);
    monitorTargetFor(state, account, undefined, undefined, ids, 1);
    expect(account.monitorVisitors.size).toBe(2);
    expect(account.monitorVisitors.has(a.visitor.visitorId)).toBe(false);

    const b = monitorTargetFor(state, account, undefined, undefined, ids, 1);
    const s2 = monitorTargetFor(state, account, b.visitor.visitorId, undefined, ids, 1);
    monitorTargetFor(state, account, b.visitor.visitorId, 'unknown', ids, 1);
    expect(b.visitor.sessions.size).toBe(2);
    expect(b.visitor.sessions.has(b.session.sessionId)).toBe(false);

    for (const p of ['P1', 'P2', 'P3']) {
      recordMonitorCheck(state, s2.session, p);
      recordMonitorReport(state, s2.session, { pageId: p, pageIdGenerated: false, engagementAttributes: [], at: 1 });
    }
    const snap = snapshotMonitorVisitor(b.visitor).sessions.find((s) => s.sessionId === s2.session.sessionId);
    expect(snap?.checks).toBe(3);
    expect(snap?.pageIds).toEqual(['P2', 'P3']);
    expect(snap?.reports.map((r) => r.pageId)).toEqual(['P2', 'P3']);
  });
});
