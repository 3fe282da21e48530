/**
 * The lenient reading of legacy requests: what lpChat.min.js sent is sent,
 * what the check core refuses is left out and named by path.
 */
import { cleanRequest } from '../../src/legacy/lenient-request';
import { validateEngagementRequest } from '../../src/validate';
import { seedRequest } from '../fixtures/seed';

describe('cleanRequest', () => {
  it("keeps the seed page's request whole (appType is the client's default, EXTERNAL)", () => {
    const { appType, ...rest } = seedRequest;
    expect(appType).toBe('EXTERNAL');
    expect(cleanRequest(seedRequest)).toEqual({ request: rest, cleaned: [] });
  });

  it('does not change the object the page passed', () => {
    const input = { appDetails: { ipAddress: '300.1.1.1', os: 'MAC_OSX' } };
    cleanRequest(input);
    expect(input).toEqual({ appDetails: { ipAddress: '300.1.1.1', os: 'MAC_OSX' } });
  });

  it('forces appType to EXTERNAL and drops unknown keys, naming them', () => {
    expect(cleanRequest({ appType: 'MSDK', visitorIp: '10.0.0.1', consumerSections: ['Support'] })).toEqual({
      request: { consumerSections: ['Support'] },
      cleaned: ['appType (sent as EXTERNAL)', 'visitorIp'],
    });
  });

  it('names an odd unknown key by its kind only', () => {
    expect(cleanRequest({ 'a b <script>': 1 }).cleaned).toEqual(['(an unknown key)']);
  });

  it('leaves out a whole field when no part of it can be kept', () => {
    const r = cleanRequest({ consumerSections: 42, vid: 'has spaces', engagementAttributes: 'nope' });
    expect(r.request).toEqual({});
    expect(r.cleaned).toEqual(expect.arrayContaining(['consumerSections', 'vid', 'engagementAttributes']));
  });

  it('leaves out only the refused attributes and keeps the others in order', () => {
    const r = cleanRequest({ engagementAttributes: [{ type: 'impDisplay' }, { type: 'cart', total: 10 }, { type: 'impStart' }, { type: 'lead', lead: { topic: 'a' } }] });
    expect(r.request).toEqual({ engagementAttributes: [{ type: 'cart', total: 10 }, { type: 'lead', lead: { topic: 'a' } }] });
    expect(r.cleaned).toEqual(['engagementAttributes[0]', 'engagementAttributes[2]']);
  });

  it('always answers a request the check core accepts', () => {
    const inputs: Array<Record<string, unknown>> = [
      { appDetails: 'x' },
      { appDetails: { ipAddress: 7, os: 'BEOS' } },
      { consumerSections: [1, 'ok'] },
      { engagementAttributes: [null, { type: 'personal', personal: { contacts: 'x' } }] },
      { sid: {}, vid: [] },
    ];
    for (const input of inputs) {
      const r = cleanRequest(input);
      expect(validateEngagementRequest(r.request)._tag).toBe('Right');
      expect(r.cleaned.length).toBeGreaterThan(0);
    }
  });
});
