import * as api from '../../src/index';

describe('the attributes part of the public entry', () => {
  it('exports the builders, codecs, decode/encode functions, constants and the reducer', () => {
    const names = [
      'cartAttribute',
      'purchaseAttribute',
      'productViewAttribute',
      'customerInfoAttribute',
      'marketingSourceAttribute',
      'personalInfoAttribute',
      'leadAttribute',
      'serviceActivityAttribute',
      'visitorErrorAttribute',
      'searchedContentAttribute',
      'displayImpression',
      'acceptImpression',
      'expandedImpression',
      'timeoutImpression',
      'closeImpression',
      'impressionEvent',
      'decodeAttribute',
      'decodeAttributes',
      'encodeAttribute',
      'encodeAttributes',
      'decodeImpression',
      'decodeImpressions',
      'encodeImpression',
      'encodeImpressions',
      'mergeAttributes',
      'coalesceAttributes',
      'mergeBehaviorOf',
    ];
    for (const name of names) expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    expect(api.ServiceStatus.InProgress).toBe(1);
    expect(api.MarketingChannel.Search).toBe(1);
    expect(api.ENGAGEMENT_ATTRIBUTE_TYPES).toHaveLength(10);
    expect(api.IMPRESSION_EVENT_TYPES).toHaveLength(5);
    // io-ts codecs stay internal: the public surface is plain functions over Either
    expect((api as Record<string, unknown>)['EngagementAttributeCodec']).toBeUndefined();
    expect((api as Record<string, unknown>)['ImpressionEventCodec']).toBeUndefined();
  });

  it('keeps internal helpers private', () => {
    for (const name of ['record', 'CartCodec', 'buildTopLevel', 'NumericId', 'GenderCodec']) expect(name in api).toBe(false);
  });
});
