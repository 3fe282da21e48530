import fc from 'fast-check';
import { checkCreateBody, checkUpdateBody, parseJson, parseJsonWith } from '../../src/emulator/validate';
import { seedRequest } from '../fixtures/seed';

const problemsOf = (r: { ok: boolean; problems?: ReadonlyArray<string> }): string => (r.ok ? '' : (r.problems ?? []).join('; '));

describe('checkCreateBody', () => {
  it("accepts the seed page's request body", () => {
    const { vid: _vid, sid: _sid, ...body } = seedRequest;
    const r = checkCreateBody(JSON.parse(JSON.stringify(body)));
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.consumerSections).toEqual(['Support', 'English', 'Other']);
  });

  it('accepts MSDK and treats null optional fields as absent', () => {
    expect(checkCreateBody({ appType: 'MSDK', consumerSections: null, engagementAttributes: null, appDetails: null })).toEqual({ ok: true, value: { appType: 'MSDK' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing appType', {}, /appType: required/],
    ['a lowercase appType', { appType: 'external' }, /appType: expected one of EXTERNAL, MSDK/],
    ['a non-object body', [], /expected a JSON object, got an array/],
    ['a comma-delimited consumerSections', { appType: 'EXTERNAL', consumerSections: 'a,b' }, /consumerSections: expected an array/],
    ['a number in consumerSections', { appType: 'EXTERNAL', consumerSections: ['a', 1] }, /consumerSections\[1\]/],
    ['an impression event', { appType: 'EXTERNAL', engagementAttributes: [{ type: 'impDisplay' }] }, /impression event impDisplay is not allowed/],
    ['an unknown attribute type', { appType: 'EXTERNAL', engagementAttributes: [{ type: 'custom' }] }, /unknown engagement attribute type/],
    ['an attribute without type', { appType: 'EXTERNAL', engagementAttributes: [{}] }, /engagementAttributes\[0\]\.type: expected a string/],
    ['attributes that are no array', { appType: 'EXTERNAL', engagementAttributes: { type: 'cart' } }, /expected an array of attribute objects/],
    ['a bad IP address', { appType: 'EXTERNAL', appDetails: { ipAddress: '999.1.1.1' } }, /ipAddress/],
    ['a bad device family', { appType: 'EXTERNAL', appDetails: { deviceFamily: 'mobile' } }, /deviceFamily/],
    ['a bad os', { appType: 'EXTERNAL', appDetails: { os: 'BEOS' } }, /os: expected/],
    ['a numeric appVersion', { appType: 'EXTERNAL', appDetails: { appVersion: 1 } }, /appVersion/],
  ])('refuses %s', (_name, body, message) => {
    expect(problemsOf(checkCreateBody(body))).toMatch(message);
  });

  it('never echoes a refused value', () => {
    const r = checkCreateBody({ appType: 'secret-appType', appDetails: { ipAddress: 'secret-ip' }, engagementAttributes: [{ type: 'secret-type' }] });
    expect(problemsOf(r)).not.toMatch(/secret/);
  });

  it('never throws on any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => expect(typeof checkCreateBody(v).ok).toBe('boolean')));
  });
});

describe('checkUpdateBody', () => {
  it('accepts a pageId with SDEs and impressions', () => {
    const r = checkUpdateBody({ pageId: '1', engagementAttributes: [{ type: 'cart' }], impAttributes: [{ type: 'impAccept' }] });
    expect(r).toEqual({ ok: true, value: { pageId: '1', engagementAttributes: [{ type: 'cart' }], impAttributes: [{ type: 'impAccept' }] } });
  });

  it.each<[string, unknown, RegExp]>([
    ['a missing pageId', {}, /pageId: required/],
    ['a numeric pageId', { pageId: 5 }, /pageId: expected a non-empty string/],
    ['an impression in engagementAttributes', { pageId: '1', engagementAttributes: [{ type: 'impClose' }] }, /impression event impClose is not allowed in engagementAttributes/],
    ['an SDE in impAttributes', { pageId: '1', impAttributes: [{ type: 'cart' }] }, /cart is not an impression event/],
    ['an unknown impression', { pageId: '1', impAttributes: [{ type: 'impDecline' }] }, /unknown impression event type/],
    ['an unknown SDE', { pageId: '1', engagementAttributes: [{ type: 'foo' }] }, /unknown engagement attribute type/],
  ])('refuses %s', (_name, body, message) => {
    expect(problemsOf(checkUpdateBody(body))).toMatch(message);
  });
});

describe('parseJson', () => {
  it('tells an empty body from invalid JSON', () => {
    expect(problemsOf(parseJson(''))).toMatch(/empty/);
    expect(problemsOf(parseJson('{'))).toMatch(/not valid JSON/);
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});

describe('parseJsonWith', () => {
  it('answers the parse problem, the check problem, or the checked value', () => {
    expect(parseJsonWith('{oops', checkUpdateBody)).toEqual({ ok: false, problems: ['the body is not valid JSON'] });
    expect(parseJsonWith('[]', checkUpdateBody)).toEqual({ ok: false, problems: ['expected a JSON object, got an array'] });
    expect(parseJsonWith('{"pageId":"P1"}', checkUpdateBody)).toEqual({ ok: true, value: { pageId: 'P1', engagementAttributes: [], impAttributes: [] } });
  });
});
