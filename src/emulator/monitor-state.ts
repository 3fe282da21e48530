/**
 * The emulator's memory of Monitoring API visitors and sessions, kept apart
 * from the App Engagement ones (no source says their ids are
 * interchangeable), with the same bounds: visitors per account, sessions
 * per visitor, entries per history.
 *
 * @internal
 */
import type { IdSource } from './ids';
import { findInAccounts, forgetOldest, remember, type AccountRecord, type EmulatorState } from './state';
import type { MonitorSessionRecord, MonitorVisitorRecord } from './monitor-records';
import type { MonitorVisitorSnapshot, ReceivedReport } from './types';

/** The visitor and session an engagement call is about, and whether they were created (201) or both known (200). */
export interface MonitorTarget {
  readonly visitor: MonitorVisitorRecord;
  readonly session: MonitorSessionRecord;
  readonly created: boolean;
}

/**
 * The visitor and session of an engagement call: the known pair, or new
 * ids for a missing or unknown vid (a new visitor) or sid (a new session).
 */
export function monitorTargetFor(
  state: EmulatorState,
  account: AccountRecord,
  visitorId: string | undefined,
  sessionId: string | undefined,
  ids: IdSource,
  now: number,
): MonitorTarget {
  let visitor = visitorId === undefined ? undefined : account.monitorVisitors.get(visitorId);
  if (visitor === undefined) {
    visitor = { accountId: account.accountId, visitorId: ids.visitorId(), createdAt: now, conversation: false, sessions: new Map() };
    account.monitorVisitors.set(visitor.visitorId, visitor);
    forgetOldest(account.monitorVisitors, state.limits.visitorsPerAccount);
    state.counters.visitorsCreated += 1;
  }
  const known = sessionId === undefined ? undefined : visitor.sessions.get(sessionId);
  if (known !== undefined) return { visitor, session: known, created: false };
  const session: MonitorSessionRecord = { sessionId: ids.sessionId(), createdAt: now, checks: 0, pageIds: [], reports: [], contexts: 0 };
  visitor.sessions.set(session.sessionId, session);
  forgetOldest(visitor.sessions, state.limits.sessionsPerVisitor);
  state.counters.sessionsCreated += 1;
  return { visitor, session, created: true };
}

/** Records an engagement call's page on its session. */
export function recordMonitorCheck(state: EmulatorState, session: MonitorSessionRecord, pageId: string): void {
  session.checks += 1;
  remember(session.pageIds, state.limits.historyLength, pageId);
}

/** Records a report on its session. */
export function recordMonitorReport(state: EmulatorState, session: MonitorSessionRecord, report: ReceivedReport): void {
  remember(session.reports, state.limits.historyLength, report);
}

/** Finds a Monitoring visitor: in `accountId` when given, else in the default account first, then in the others. */
export function findMonitorVisitor(state: EmulatorState, visitorId: string, accountId?: string): MonitorVisitorRecord | undefined {
  return findInAccounts(state, (a) => a.monitorVisitors, visitorId, accountId);
}

/** A deep copy of a Monitoring visitor. */
export function snapshotMonitorVisitor(visitor: MonitorVisitorRecord): MonitorVisitorSnapshot {
  return structuredClone({
    accountId: visitor.accountId,
    visitorId: visitor.visitorId,
    createdAt: visitor.createdAt,
    conversation: visitor.conversation,
    sessions: [...visitor.sessions.values()].map((s) => ({
      sessionId: s.sessionId,
      createdAt: s.createdAt,
      checks: s.checks,
      pageIds: s.pageIds,
      reports: s.reports,
    })),
  });
}
