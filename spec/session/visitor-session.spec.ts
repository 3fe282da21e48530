import { decodeVisitorSession, idsForRequest, sessionFromEngagement } from '../../src/session/visitor-session';
import { memorySessionStore } from '../../src/session/session-store';

const session = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 5 };

describe('idsForRequest', () => {
  it('sends nothing on a first call', () => {
    expect(idsForRequest({ appType: 'EXTERNAL' }, undefined)).toEqual({});
  });
  it('sends the remembered ids on the next call', () => {
    expect(idsForRequest({ appType: 'EXTERNAL' }, session)).toEqual({ vid: 'V1', sid: 'S1' });
  });
  it('lets explicit ids win', () => {
    expect(idsForRequest({ appType: 'EXTERNAL', vid: 'V9', sid: 'S9' }, session)).toEqual({ vid: 'V9', sid: 'S9' });
  });
  it('never sends a remembered sid with another visitor', () => {
    expect(idsForRequest({ appType: 'EXTERNAL', vid: 'V9' }, session)).toEqual({ vid: 'V9' });
  });
  it('uses a visitor named by the server when nothing else names one', () => {
    expect(idsForRequest({ appType: 'EXTERNAL' }, undefined, 'VX')).toEqual({ vid: 'VX' });
    expect(idsForRequest({ appType: 'EXTERNAL' }, session, 'VX')).toEqual({ vid: 'V1', sid: 'S1' });
  });
});

describe('sessions', () => {
  it('takes the ids of an answer', () => {
    expect(sessionFromEngagement({ status: 'NotAvailable', visitorId: 'V', sessionId: 'S', pageId: 'P' }, 42)).toEqual({
      visitorId: 'V',
      sessionId: 'S',
      pageId: 'P',
      confirmedAt: 42,
    });
  });
  it('reads back a stored session and refuses garbage', () => {
    expect(decodeVisitorSession(session)).toEqual({ _tag: 'Right', right: session });
    expect(decodeVisitorSession({ ...session, confirmedAt: 'x' })._tag).toBe('Left');
    expect(decodeVisitorSession('garbage')._tag).toBe('Left');
  });
  it('keeps one session per account in memory', () => {
    const store = memorySessionStore();
    store.save('a', session);
    expect(store.load('a')).toEqual(session);
    expect(store.load('b')).toBeUndefined();
    store.clear('a');
    expect(store.load('a')).toBeUndefined();
  });
});
