import { checkMonitorEngagementBody, checkMonitorReportBody } from '../../src/emulator/monitor-validate';

describe('Monitoring body validation', () => {
  it('accepts a full engagement body and keeps entry points and attributes', () => {
    const r = checkMonitorEngagementBody({
      identities: [{ iss: 'https://idp.example', acr: 'loa1', sub: 'abc' }],
      clientProperties: { appVersion: '1.2', deviceFamily: 'MOBILE', os: 'ANDROID', osVersion: '14', ipAddress: '10.0.0.1' },
      entryPoints: ['sec://Sport', 'lang://English'],
      engagementAttributes: [{ type: 'cart', total: 1 }],
    });
    expect(r).toEqual({ ok: true, value: { entryPoints: ['sec://Sport', 'lang://English'], engagementAttributes: [{ type: 'cart', total: 1 }] } });
  });

  it('names every bad field, never its value', () => {
    const r = checkMonitorEngagementBody({ identities: 'secret-sub', clientProperties: { os: 'BeOS' }, entryPoints: [3] });
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toEqual([
      'identities: expected an array of identity objects, got a string',
      'entryPoints[0]: expected a string, got a number',
      expect.stringMatching(/^clientProperties\.os: expected one of/),
    ]);
    expect(problems.join(' ')).not.toContain('secret-sub');
  });

  it('requires engagementAttributes in a report and accepts impression events there', () => {
    expect(checkMonitorReportBody({ pageId: 'P', engagementAttributes: [{ type: 'impDisplay' }, { type: 'lead' }] })).toEqual({
      ok: true,
      value: { pageId: 'P', engagementAttributes: [{ type: 'impDisplay' }, { type: 'lead' }] },
    });
    expect(checkMonitorReportBody({ pageId: 'P' })).toEqual({ ok: false, problems: ['engagementAttributes: required, an array of attribute objects'] });
    expect(checkMonitorReportBody(7)).toEqual({ ok: false, problems: ['expected a JSON object, got a number'] });
  });
});
