import * as api from '../../src/index';

describe('the attributes part of the public entry', () => {
  it('exports the ten builders, the five impression builders, decodeAttributes and the two enumerations', () => {
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
      'decodeAttributes',
    ];
    for (const name of names) expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
    expect(api.ServiceStatus.InProgress).toBe(1);
    expect(api.MarketingChannel.Search).toBe(1);
  });

  it('keeps codecs, wire helpers and internal helpers private', () => {
    for (const name of [
      'EngagementAttributeCodec',
      'ImpressionEventCodec',
      'record',
      'CartCodec',
      'buildTopLevel',
      'NumericId',
      'GenderCodec',
      'encodeAttributes',
      'mergeAttributes',
      'impressionEvent',
    ]) {
      expect(name in api).toBe(false);
    }
  });
});
