import { createIdSource } from '../../src/emulator/ids';
import {
  countCall,
  countStatus,
  createState,
  findVisitor,
  recordCreate,
  recordUpdate,
  sessionForCreate,
  snapshotVisitor,
  statsOf,
  visitorForCreate,
  nextContextId,
  DEFAULT_MEMORY_LIMITS,
  type MemoryLimits,
} from '../../src/emulator/state';

const skills = [{ key: '23', id: 23, name: 'TestSkill', online: true }];

function setup(limits?: MemoryLimits) {
  const state = createState(['acc1', 'acc2'], skills, limits);
  const ids = createIdSource(() => 0.5);
  const account = (id: string) => {
    const a = state.accounts.get(id);
    if (a === undefined) throw new Error('no account');
    return a;
  };
  return { state, ids, account };
}

describe('visitorForCreate', () => {
  it('creates a visitor for every call without a vid (the visitor storm)', () => {
    const { state, ids, account } = setup();
    const a = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const b = visitorForCreate(state, account('acc1'), undefined, ids, 2);
    expect(a.visitorId).not.toBe(b.visitorId);
    expect(statsOf(state).visitorsCreated).toBe(2);
    expect(account('acc1').createSessionCalls).toBe(2);
  });

  it('reuses a known vid and adopts an unknown one', () => {
    const { state, ids, account } = setup();
    const a = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    expect(visitorForCreate(state, account('acc1'), a.visitorId, ids, 2)).toBe(a);
    expect(a.createSessionCalls).toBe(2);
    const adopted = visitorForCreate(state, account('acc1'), 'mine', ids, 3);
    expect(adopted).toMatchObject({ visitorId: 'mine', origin: 'adopted', createdAt: 3 });
    expect(statsOf(state)).toMatchObject({ visitorsCreated: 1, visitorsAdopted: 1 });
  });

  it('keeps accounts apart', () => {
    const { state, ids, account } = setup();
    visitorForCreate(state, account('acc2'), 'same', ids, 1);
    expect(findVisitor(state, 'same', 'acc1')).toBeUndefined();
    expect(findVisitor(state, 'same')?.accountId).toBe('acc2');
    visitorForCreate(state, account('acc1'), 'same', ids, 1);
    expect(findVisitor(state, 'same')?.accountId).toBe('acc1');
  });
});

describe('sessionForCreate', () => {
  it('returns the named session, or a new one when absent or unknown', () => {
    const { state, ids, account } = setup();
    const v = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const s1 = sessionForCreate(state, v, undefined, ids, 1);
    expect(sessionForCreate(state, v, s1.sessionId, ids, 2)).toBe(s1);
    const s2 = sessionForCreate(state, v, 'unknown', ids, 3);
    expect(s2.sessionId).not.toBe('unknown');
    expect(s2.sessionId).not.toBe(s1.sessionId);
    expect(statsOf(state).sessionsCreated).toBe(2);
  });

  it('numbers engagement contexts per session', () => {
    const { state, ids, account } = setup();
    const s = sessionForCreate(state, visitorForCreate(state, account('acc1'), undefined, ids, 1), undefined, ids, 1);
    expect([nextContextId(s), nextContextId(s)]).toEqual(['1', '2']);
  });
});

describe('records and snapshots', () => {
  it('records creates and updates and snapshots them as deep copies', () => {
    const { state, ids, account } = setup();
    const v = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const s = sessionForCreate(state, v, undefined, ids, 1);
    recordCreate(state, s, { pageId: 'p1', appType: 'EXTERNAL', status: 'Available', engagementAttributes: [{ type: 'cart', total: 1 }], at: 1 });
    recordUpdate(state, v, s, {
      sessionId: s.sessionId,
      pageId: 'p1',
      pageKnown: true,
      engagementAttributes: [{ type: 'cart', total: 2 }],
      impAttributes: [{ type: 'impDisplay' }],
      at: 2,
    });
    const snap = snapshotVisitor(v);
    expect(snap.sessions[0]).toMatchObject({ pageIds: ['p1'], attributes: [{ type: 'cart', total: 2 }], impressions: [{ type: 'impDisplay' }] });
    (snap.sessions[0]?.pageIds as string[]).push('changed');
    expect(s.pageIds).toEqual(['p1']);
    expect(v.received).toHaveLength(1);
  });
});

describe('bounded memory', () => {
  const update = (sessionId: string, n: number) => ({ sessionId, pageId: `p${n}`, pageKnown: true, engagementAttributes: [], impAttributes: [{ type: 'impDisplay', n }], at: n });

  it('keeps the newest entries of every history, up to historyLength', () => {
    const { state, ids, account } = setup({ ...DEFAULT_MEMORY_LIMITS, historyLength: 3 });
    const v = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const s = sessionForCreate(state, v, undefined, ids, 1);
    for (let n = 1; n <= 5; n++) {
      recordCreate(state, s, { pageId: `p${n}`, appType: 'EXTERNAL', status: 'Available', at: n });
      recordUpdate(state, v, s, update(s.sessionId, n));
    }
    expect(s.pageIds).toEqual(['p3', 'p4', 'p5']);
    expect(s.creates.map((c) => c.at)).toEqual([3, 4, 5]);
    expect(v.received.map((u) => u.at)).toEqual([3, 4, 5]);
    expect(s.impressions).toEqual([{ type: 'impDisplay', n: 3 }, { type: 'impDisplay', n: 4 }, { type: 'impDisplay', n: 5 }]);
  });

  it('forgets the oldest visitor beyond visitorsPerAccount: its id is adopted again if it comes back', () => {
    const { state, ids, account } = setup({ ...DEFAULT_MEMORY_LIMITS, visitorsPerAccount: 2 });
    const a = account('acc1');
    const first = visitorForCreate(state, a, 'V-first', ids, 1);
    visitorForCreate(state, a, 'V-second', ids, 2);
    visitorForCreate(state, a, 'V-third', ids, 3);
    expect([...a.visitors.keys()]).toEqual(['V-second', 'V-third']);
    const back = visitorForCreate(state, a, 'V-first', ids, 4);
    expect(back).not.toBe(first);
    expect(back.origin).toBe('adopted');
    expect(a.visitors.size).toBe(2);
  });

  it('forgets the oldest session beyond sessionsPerVisitor', () => {
    const { state, ids, account } = setup({ ...DEFAULT_MEMORY_LIMITS, sessionsPerVisitor: 2 });
    const v = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const made = [1, 2, 3].map((n) => sessionForCreate(state, v, undefined, ids, n).sessionId);
    expect([...v.sessions.keys()]).toEqual(made.slice(1));
    expect(sessionForCreate(state, v, made[0], ids, 4).sessionId).not.toBe(made[0]);
  });

  it('has defaults generous enough for every benchmark and test here', () => {
    expect(DEFAULT_MEMORY_LIMITS).toEqual({ visitorsPerAccount: 100_000, sessionsPerVisitor: 100, historyLength: 1000 });
  });
});

describe('counters', () => {
  it('counts calls and statuses per operation', () => {
    const { state } = setup();
    countCall(state, 'csds');
    countCall(state, 'createSession');
    countCall(state, 'updateSession');
    countStatus(state, 200, 'csds');
    countStatus(state, 503, 'createSession');
    countStatus(state, 404, undefined);
    const stats = statsOf(state);
    expect(stats).toMatchObject({ csdsCalls: 1, createSessionCalls: 1, updateSessionCalls: 1 });
    expect(stats.byStatus).toEqual({ '200': 1, '404': 1, '503': 1 });
    expect(stats.byOperation).toEqual({ createSession: { '503': 1 }, updateSession: {}, csds: { '200': 1 }, monitorEngagement: {}, monitorReport: {} });
  });

  it('needs at least one account', () => {
    expect(() => createState([], skills)).toThrow(RangeError);
  });
});

describe('memory bounds of a session', () => {
  it('holds its attributes to historyLength however many appended SDEs arrive, forgetting the oldest appended ones first', () => {
    const { state, ids, account } = setup({ ...DEFAULT_MEMORY_LIMITS, historyLength: 5 });
    const v = visitorForCreate(state, account('acc1'), undefined, ids, 1);
    const s = sessionForCreate(state, v, undefined, ids, 1);
    recordCreate(state, s, { pageId: 'p1', appType: 'EXTERNAL', status: 'Available', engagementAttributes: [{ type: 'cart', total: 1 }], at: 1 });
    for (let n = 1; n <= 3000; n++) {
      recordUpdate(state, v, s, { sessionId: s.sessionId, pageId: 'p1', pageKnown: true, engagementAttributes: [{ type: 'lead', lead: { leadId: String(n) } }], impAttributes: [], at: n });
    }
    expect(s.attributes).toHaveLength(5);
    // The replaced cart stays; the newest leads are kept.
    expect(s.attributes).toEqual([{ type: 'cart', total: 1 }, ...[2997, 2998, 2999, 3000].map((n) => ({ type: 'lead', lead: { leadId: String(n) } }))]);
    expect(v.received).toHaveLength(5);
  });
});
