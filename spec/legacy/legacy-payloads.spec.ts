/**
 * The pure mappings to the legacy conventions.
 */
import { left, right } from '../../src/internal/either';
import type { EngagementError } from '../../src/errors';
import type { Engagement } from '../../src/model';
import { isLegacyFailure, legacyErrorObject, prepareRequest, toLegacyPayload, LEGACY_SERVER_ERROR } from '../../src/legacy/legacy-payloads';
import { seedRequest } from '../fixtures/seed';

const available: Engagement = {
  status: 'Available',
  sessionId: 'S1',
  visitorId: 'V1',
  pageId: 'P1',
  engagementDetails: {
    campaignId: '3346848610',
    engagementId: '3562981110',
    contextId: '1',
    windowId: '3346847910',
    language: 'en-US',
    engagementRevision: 44,
    validForSeconds: 900,
    skillId: '23',
    skillName: 'TestSkill',
  },
};

describe('toLegacyPayload', () => {
  it('gives a fresh copy of an Available or NotAvailable answer', () => {
    const p = toLegacyPayload(right(available), {}, 0);
    expect(p).toEqual(available);
    expect(p).not.toBe(available);
    expect('engagementDetails' in p && p.engagementDetails).not.toBe(available.engagementDetails);
    const na: Engagement = { status: 'NotAvailable', sessionId: 'S', visitorId: 'V', pageId: 'P' };
    expect(toLegacyPayload(right(na), {}, 0)).toEqual(na);
  });

  it("gives the server's error body of a failed getEngagement, without status", () => {
    const error: EngagementError = {
      kind: 'http',
      operation: 'createSession',
      status: 500,
      internalCode: 20,
      serverMessage: 'Loading account: 123, vid: abc (safe form)',
      rawServerMessage: 'Loading account: 123, vid: abc',
      serverTime: 1700000000000,
      visitorId: 'abc',
      message: 'createSession answered 500',
    };
    const p = toLegacyPayload(left(error), {}, 0);
    expect(p).toEqual({ time: 1700000000000, message: 'Loading account: 123, vid: abc', internalCode: 20 });
    expect(isLegacyFailure(p)).toBe(true);
  });

  it('gives only the fields the server body had', () => {
    const error: EngagementError = { kind: 'http', operation: 'createSession', status: 400, internalCode: 5, message: 'x' };
    expect(toLegacyPayload(left(error), {}, 0)).toEqual({ internalCode: 5 });
  });

  it('gives the legacy error object for failures without a server body', () => {
    const request = { consumerSections: ['Support'] };
    const failures: EngagementError[] = [
      { kind: 'http', operation: 'createSession', status: 503, message: 'x' },
      { kind: 'http', operation: 'csds', status: 500, internalCode: 1, serverMessage: 'csds', message: 'x' },
      { kind: 'network', operation: 'createSession', cause: 'ECONNRESET', message: 'x' },
      { kind: 'timeout', operation: 'createSession', timeoutMs: 5000, message: 'x' },
      { kind: 'decode', operation: 'createSession', status: 200, issues: [{ path: '(body)', reason: 'not JSON' }], message: 'x' },
      { kind: 'discovery', services: ['msdkgw'], message: 'x' },
    ];
    for (const error of failures) {
      const p = toLegacyPayload(left(error), request, 1234);
      expect(p).toEqual({ error: { message: LEGACY_SERVER_ERROR, time: new Date(1234), originalRequest: request, kind: error.kind, reason: expect.any(String) } });
      expect('status' in p).toBe(false);
    }
  });

  it('never puts a status on a failure', () => {
    const error: EngagementError = { kind: 'http', operation: 'createSession', status: 500, internalCode: 20, message: 'x' };
    const p = toLegacyPayload(left(error), {}, 0);
    expect(Object.keys(p)).not.toContain('status');
  });
});

describe('legacyErrorObject', () => {
  it('takes a custom message (the onInit failure)', () => {
    const o = legacyErrorObject({ kind: 'discovery', services: ['msdkgw', 'smt'], message: 'x' }, {}, 0, 'unable to initiate session');
    expect(o.error).toMatchObject({ message: 'unable to initiate session', kind: 'discovery', reason: 'discovery: the domain lookup listed none of msdkgw, smt' });
  });
});

describe('prepareRequest', () => {
  it('accepts no request at all (the sample calls getEngagement())', () => {
    expect(prepareRequest(undefined)).toEqual(right({ request: undefined, thisArg: {}, original: {}, cleaned: [] }));
    expect(prepareRequest(null, true)).toEqual(right({ request: undefined, thisArg: {}, original: {}, cleaned: [] }));
  });

  it("accepts the seed page's request and splits off success, error and context", () => {
    const success = () => undefined;
    const error = () => undefined;
    const context = { view: true };
    const input = { ...seedRequest, success, error, context };
    for (const strict of [false, true]) {
      const r = prepareRequest(input, strict);
      expect(r._tag === 'Right' && r.right.cleaned).toEqual([]);
    }
    const r = prepareRequest(input);
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    const { appType, ...sent } = seedRequest; // appType is always EXTERNAL: the lenient reading leaves the key to the client's default
    expect(appType).toBe('EXTERNAL');
    expect(r.right.request).toEqual(sent);
    expect(r.right.success).toBe(success);
    expect(r.right.error).toBe(error);
    expect(r.right.thisArg).toBe(context);
    expect(r.right.original).toBe(input);
  });

  it('uses the request object as this when there is no context', () => {
    const input = { consumerSections: ['Support'] };
    const r = prepareRequest(input);
    expect(r._tag === 'Right' && r.right.thisArg).toBe(input);
  });

  it("treats a null or empty vid/sid as absent, as the legacy SDK did", () => {
    const r = prepareRequest({ vid: '', sid: null });
    expect(r._tag === 'Right' && r.right.request).toEqual({});
  });

  it('in strict mode, refuses an invalid request with a message naming the fields, not the values, keeping the callbacks', () => {
    const error = () => undefined;
    const r = prepareRequest({ appDetails: { ipAddress: '300.1.1.1' }, engagementAttributes: [{ type: 'impDisplay' }], error }, true);
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.message).toMatch(/^getEngagement - invalid request: /);
    expect(r.left.message).toContain('appDetails.ipAddress');
    expect(r.left.message).toContain('engagementAttributes[0].type');
    expect(r.left.message).not.toContain('300.1.1.1');
    expect(r.left.error).toBe(error);
    expect(r.left.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['appDetails.ipAddress', 'engagementAttributes[0].type']));
  });

  it('by default, sends what lpChat.min.js sent and names what it left out', () => {
    const r = prepareRequest({ appType: 'MSDK', visitorIp: '10.0.0.1', appDetails: { ipAddress: '300.1.1.1', os: 'MAC_OSX' }, engagementAttributes: [{ type: 'impDisplay' }, { type: 'ctmrinfo', info: { cstatus: 'gold', balance: '12.5' } }] });
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    // A balance given as a string is sent as it is, as lpChat.min.js sent it (the client checks no SDE field unless told to).
    expect(r.right.request).toEqual({ appDetails: { os: 'MAC_OSX' }, engagementAttributes: [{ type: 'ctmrinfo', info: { cstatus: 'gold', balance: '12.5' } }] });
    expect(r.right.cleaned).toEqual(['appType (sent as EXTERNAL)', 'visitorIp', 'appDetails.ipAddress', 'engagementAttributes[0]']);
    expect(r.right.cleaned.join()).not.toContain('300.1.1.1');
  });

  it('refuses a per-call callback that is not a function, in both modes', () => {
    for (const strict of [false, true]) {
      const r = prepareRequest({ success: 'call me' }, strict);
      expect(r._tag === 'Left' && r.left.message).toBe('getEngagement - invalid request: success: expected a function');
    }
  });

  it('refuses what is not a request object', () => {
    for (const bad of ['Support', 42, [], () => undefined]) {
      const r = prepareRequest(bad);
      expect(r._tag === 'Left' && r.left.message).toBe('getEngagement - invalid request: expected a request object');
    }
  });
});
