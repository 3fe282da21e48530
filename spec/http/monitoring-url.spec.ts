import { monitoringUrl } from '../../src/http/monitoring-url';

describe('monitoringUrl', () => {
  const base = { origin: 'https://va.v.liveperson.net', accountId: '123', appInstallationId: 'app/1', version: '1.0' };

  it('puts the app installation id in the path and vid, sid and obh in the query', () => {
    expect(monitoringUrl('engagement', base)).toBe('https://va.v.liveperson.net/api/account/123/app/app%2F1/engagement?v=1.0');
    expect(monitoringUrl('report', { ...base, vid: 'v 1', sid: 's&2', obh: false })).toBe('https://va.v.liveperson.net/api/account/123/app/app%2F1/report?v=1.0&vid=v+1&sid=s%262&obh=false');
  });
});
