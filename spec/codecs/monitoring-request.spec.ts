/**
 * The Monitoring API's engagement body as the builder writes it from a
 * validated request, and the codec that describes it.
 */
import { MonitoringEngagementBodyCodec, monitoringEngagementBody } from '../../src/codecs/monitoring-request';

describe('monitoringEngagementBody', () => {
  it('maps sections to sec:// entry points and appDetails to clientProperties, with the identities', () => {
    const identities = [{ iss: 'i', acr: 'loa1' as const, sub: 's' }];
    const body = monitoringEngagementBody({ appType: 'EXTERNAL', consumerSections: ['Sport', 'News'], appDetails: { os: 'ANDROID' }, engagementAttributes: [{ type: 'cart', total: 1 }] }, identities);
    expect(body._tag === 'Right' && JSON.parse(body.right)).toEqual({
      identities,
      clientProperties: { os: 'ANDROID' },
      entryPoints: ['sec://Sport', 'sec://News'],
      engagementAttributes: [{ type: 'cart', total: 1 }],
    });
    expect(body._tag === 'Right' && MonitoringEngagementBodyCodec.is(JSON.parse(body.right))).toBe(true);
  });

  it('writes an empty object for an empty request, without appType, vid or sid', () => {
    expect(monitoringEngagementBody({ appType: 'EXTERNAL', vid: 'v', sid: 's' }, undefined)).toEqual({ _tag: 'Right', right: '{}' });
  });

  it('names a field JSON cannot carry', () => {
    expect(monitoringEngagementBody({ appType: 'EXTERNAL', engagementAttributes: [{ type: 'cart', total: 1n }] }, undefined)).toEqual({
      _tag: 'Left',
      left: [{ path: 'engagementAttributes', reason: 'could not be written as JSON (a BigInt, a cycle or a throwing toJSON)' }],
    });
  });
});
