/**
 * The emulator's memory: accounts, visitors, sessions, skills and counters,
 * with the only functions that change them. No I/O, no clock or randomness
 * of its own (both are passed in).
 *
 * @internal
 */
import { applyAttributes, updateRule, type Attribute } from './attributes';
import type { IdSource } from './ids';
import type { ResolvedSkill } from './options';
import type { MonitorVisitorRecord } from './monitor-records';
import type { EmulatorOperation, EmulatorStats, ReceivedCreate, ReceivedUpdate, VisitorSnapshot } from './types';

/** One session of a visitor. */
export interface SessionRecord {
  readonly sessionId: string;
  readonly createdAt: number;
  readonly pageIds: string[];
  readonly creates: ReceivedCreate[];
  attributes: Attribute[];
  readonly impressions: Attribute[];
  /** Bumped by each Available answer; the answer's `contextId`. */
  contexts: number;
}

/** One visitor of an account. */
export interface VisitorRecord {
  readonly accountId: string;
  readonly visitorId: string;
  readonly origin: 'created' | 'adopted';
  readonly createdAt: number;
  createSessionCalls: number;
  readonly sessions: Map<string, SessionRecord>;
  readonly received: ReceivedUpdate[];
}

/** One account. */
export interface AccountRecord {
  readonly accountId: string;
  readonly visitors: Map<string, VisitorRecord>;
  /** Create Session calls so far (drives `loadingAccountCalls`). */
  createSessionCalls: number;
  /** Monitoring API visitors, kept apart from the App Engagement ones. */
  readonly monitorVisitors: Map<string, MonitorVisitorRecord>;
  /** Monitoring engagement calls so far (drives `loadingAccountCalls` for that API). */
  monitorEngagementCalls: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The counters behind {@link EmulatorStats}. */
export type Counters = Mutable<Omit<EmulatorStats, 'byStatus' | 'byOperation'>> & {
  readonly byStatus: Map<number, number>;
  readonly byOperation: Map<EmulatorOperation, Map<number, number>>;
};

/**
 * How much the emulator remembers, so a long-running emulator (`npm run demo`, `engagement-rx emulator`,
 * a load test) keeps a bounded memory. Beyond a limit the oldest entry goes first.
 */
export interface MemoryLimits {
  /** Visitors per account (a forgotten visitor's id is adopted as a new visitor if it comes back). */
  readonly visitorsPerAccount: number;
  /** Sessions per visitor (a forgotten session's id gets a new session, as any unknown sid). */
  readonly sessionsPerVisitor: number;
  /** Entries of each history: a session's page ids, Create Session calls and impressions; a visitor's Update Session calls. */
  readonly historyLength: number;
}

export const DEFAULT_MEMORY_LIMITS: MemoryLimits = { visitorsPerAccount: 100_000, sessionsPerVisitor: 100, historyLength: 1000 };

/** Everything the emulator remembers. */
export interface EmulatorState {
  readonly limits: MemoryLimits;
  readonly defaultAccount: string;
  readonly accounts: Map<string, AccountRecord>;
  readonly skills: ReadonlyArray<ResolvedSkill>;
  /** Online state by skill key; starts from the configuration, changed by `setSkillOnline`. */
  readonly skillOnline: Map<string, boolean>;
  readonly counters: Counters;
}

/** A fresh state for these accounts (the first is the default) and skills. */
export function createState(accounts: ReadonlyArray<string>, skills: ReadonlyArray<ResolvedSkill>, limits: MemoryLimits = DEFAULT_MEMORY_LIMITS): EmulatorState {
  const defaultAccount = accounts[0];
  if (defaultAccount === undefined) throw new RangeError('at least one account is needed');
  return {
    limits,
    defaultAccount,
    accounts: new Map(accounts.map((accountId) => [accountId, { accountId, visitors: new Map(), createSessionCalls: 0, monitorVisitors: new Map(), monitorEngagementCalls: 0 }])),
    skills,
    skillOnline: new Map(skills.map((s) => [s.key, s.online])),
    counters: {
      requests: 0,
      csdsCalls: 0,
      createSessionCalls: 0,
      updateSessionCalls: 0,
      monitorEngagementCalls: 0,
      monitorReportCalls: 0,
      preflights: 0,
      visitorsCreated: 0,
      visitorsAdopted: 0,
      sessionsCreated: 0,
      faultsServed: 0,
      resets: 0,
      aborted: 0,
      clientErrors: 0,
      byStatus: new Map(),
      byOperation: new Map(),
    },
  };
}

/** Counts one call of an operation. */
export function countCall(state: EmulatorState, operation: EmulatorOperation): void {
  const c = state.counters;
  if (operation === 'csds') c.csdsCalls += 1;
  else if (operation === 'createSession') c.createSessionCalls += 1;
  else if (operation === 'updateSession') c.updateSessionCalls += 1;
  else if (operation === 'monitorEngagement') c.monitorEngagementCalls += 1;
  else c.monitorReportCalls += 1;
}

/** Counts one answer sent. */
export function countStatus(state: EmulatorState, status: number, operation: EmulatorOperation | undefined): void {
  const c = state.counters;
  c.byStatus.set(status, (c.byStatus.get(status) ?? 0) + 1);
  if (operation === undefined) return;
  let perOp = c.byOperation.get(operation);
  if (perOp === undefined) {
    perOp = new Map();
    c.byOperation.set(operation, perOp);
  }
  perOp.set(status, (perOp.get(status) ?? 0) + 1);
}

function statusRecord(map: ReadonlyMap<number, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [status, n] of [...(map ?? new Map<number, number>())].sort((a, b) => a[0] - b[0])) out[String(status)] = n;
  return out;
}

/** A copy of the counters. */
export function statsOf(state: EmulatorState): EmulatorStats {
  const { byStatus, byOperation, ...plain } = state.counters;
  return {
    ...plain,
    byStatus: statusRecord(byStatus),
    byOperation: {
      createSession: statusRecord(byOperation.get('createSession')),
      updateSession: statusRecord(byOperation.get('updateSession')),
      csds: statusRecord(byOperation.get('csds')),
      monitorEngagement: statusRecord(byOperation.get('monitorEngagement')),
      monitorReport: statusRecord(byOperation.get('monitorReport')),
    },
  };
}

/**
 * The visitor a Create Session call is about: the one it names, a new one
 * adopting the id it names when unknown, or a new one with a made-up id when
 * it names none. Counts the call on the visitor and the account.
 */
export function visitorForCreate(
  state: EmulatorState,
  account: AccountRecord,
  visitorId: string | undefined,
  ids: IdSource,
  now: number,
): VisitorRecord {
  account.createSessionCalls += 1;
  let visitor = visitorId === undefined ? undefined : account.visitors.get(visitorId);
  if (visitor === undefined) {
    const origin = visitorId === undefined ? 'created' : 'adopted';
    visitor = {
      accountId: account.accountId,
      visitorId: visitorId ?? ids.visitorId(),
      origin,
      createdAt: now,
      createSessionCalls: 0,
      sessions: new Map(),
      received: [],
    };
    account.visitors.set(visitor.visitorId, visitor);
    forgetOldest(account.visitors, state.limits.visitorsPerAccount);
    if (origin === 'created') state.counters.visitorsCreated += 1;
    else state.counters.visitorsAdopted += 1;
  }
  visitor.createSessionCalls += 1;
  return visitor;
}

/** The visitor's session `sessionId`, or a new session when absent or unknown. */
export function sessionForCreate(state: EmulatorState, visitor: VisitorRecord, sessionId: string | undefined, ids: IdSource, now: number): SessionRecord {
  const known = sessionId === undefined ? undefined : visitor.sessions.get(sessionId);
  if (known !== undefined) return known;
  const session: SessionRecord = {
    sessionId: ids.sessionId(),
    createdAt: now,
    pageIds: [],
    creates: [],
    attributes: [],
    impressions: [],
    contexts: 0,
  };
  visitor.sessions.set(session.sessionId, session);
  forgetOldest(visitor.sessions, state.limits.sessionsPerVisitor);
  state.counters.sessionsCreated += 1;
  return session;
}

/** Drops the oldest entries (a Map iterates in insertion order) beyond `max`. */
/**
 * A session's attributes held to `max` entries: replaced and merged types
 * are one entry each, so only appended ones (lead, service, search…) can
 * grow; the oldest of those are forgotten first.
 */
function boundAttributes(attributes: Attribute[], max: number): Attribute[] {
  let excess = attributes.length - max;
  if (excess <= 0) return attributes;
  return attributes.filter((a) => !(excess > 0 && updateRule(String(a['type'])) === 'append' && excess-- > 0));
}

export function forgetOldest<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}

/** Appends to a history, dropping its oldest entries beyond `max`. */
export function remember<T>(history: T[], max: number, ...entries: T[]): void {
  history.push(...entries);
  if (history.length > max) history.splice(0, history.length - max);
}

/** Records a Create Session answer on its session. */
export function recordCreate(state: EmulatorState, session: SessionRecord, create: ReceivedCreate): void {
  remember(session.pageIds, state.limits.historyLength, create.pageId);
  remember(session.creates, state.limits.historyLength, create);
  if (create.engagementAttributes !== undefined) session.attributes = boundAttributes(applyAttributes(session.attributes, create.engagementAttributes), state.limits.historyLength);
}

/** Records an Update Session call on its visitor and session. */
export function recordUpdate(state: EmulatorState, visitor: VisitorRecord, session: SessionRecord, update: ReceivedUpdate): void {
  remember(visitor.received, state.limits.historyLength, update);
  session.attributes = boundAttributes(applyAttributes(session.attributes, update.engagementAttributes), state.limits.historyLength);
  remember(session.impressions, state.limits.historyLength, ...update.impAttributes);
}

/** The next `contextId` of a session (1, 2, ...). */
export function nextContextId(session: { contexts: number }): string {
  session.contexts += 1;
  return String(session.contexts);
}

/** Finds a visitor in the map `pick` gives of each account: in `accountId` when given, else in the default account first, then in the others. */
export function findInAccounts<V>(state: EmulatorState, pick: (account: AccountRecord) => ReadonlyMap<string, V>, visitorId: string, accountId?: string): V | undefined {
  if (accountId !== undefined) {
    const account = state.accounts.get(accountId);
    return account === undefined ? undefined : pick(account).get(visitorId);
  }
  const home = state.accounts.get(state.defaultAccount);
  const first = home === undefined ? undefined : pick(home).get(visitorId);
  if (first !== undefined) return first;
  for (const account of state.accounts.values()) {
    const found = pick(account).get(visitorId);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Finds an App Engagement visitor (see {@link findInAccounts}). */
export function findVisitor(state: EmulatorState, visitorId: string, accountId?: string): VisitorRecord | undefined {
  return findInAccounts(state, (a) => a.visitors, visitorId, accountId);
}

/** A deep copy of a visitor. */
export function snapshotVisitor(visitor: VisitorRecord): VisitorSnapshot {
  return structuredClone({
    accountId: visitor.accountId,
    visitorId: visitor.visitorId,
    origin: visitor.origin,
    createdAt: visitor.createdAt,
    createSessionCalls: visitor.createSessionCalls,
    sessions: [...visitor.sessions.values()].map((s) => ({
      sessionId: s.sessionId,
      createdAt: s.createdAt,
      pageIds: s.pageIds,
      creates: s.creates,
      attributes: s.attributes,
      impressions: s.impressions,
    })),
  });
}

/** Turns a skill on or off by key. */
export function setSkill(state: EmulatorState, skillKey: string, online: boolean): void {
  state.skillOnline.set(skillKey, online);
}
