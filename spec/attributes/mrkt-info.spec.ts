import { decodeAttribute } from '../../src/attributes/attribute';
import { MarketingChannel } from '../../src/attributes/enums';
import { marketingSourceAttribute } from '../../src/attributes/mrkt-info';
import { mrktInfoExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('mrktInfo', () => {
  it('builds the documented example with the channel constant, sending "1"', () => {
    const built = marketingSourceAttribute({ channel: MarketingChannel.Search, affiliate: 'Yahoo', campaignId: 'US coupon campaign' });
    expect(rightOf(built)).toStrictEqual(mrktInfoExample);
  });

  it('reads channel as a number or its decimal string, and sends the string', () => {
    expect(rightOf(decodeAttribute({ type: 'mrktInfo', info: { channel: 6 } }))).toStrictEqual({ type: 'mrktInfo', info: { channel: '6' } });
    expect(rightOf(marketingSourceAttribute({ channel: '0' }))).toStrictEqual({ type: 'mrktInfo', info: { channel: '0' } });
  });

  it('refuses a channel outside 0-6 or not a number', () => {
    for (const channel of [7, -1, 1.5, '01', ' 1', 'Search', true]) {
      expect(issuesOf(decodeAttribute({ type: 'mrktInfo', info: { channel } }))).toEqual([
        { path: 'info.channel', reason: expect.stringMatching(/^expected a channel from 0 to 6, got /) },
      ]);
    }
  });

  it('reads the table spelling campaignID as campaignId', () => {
    expect(rightOf(decodeAttribute({ type: 'mrktInfo', info: { campaignID: 'camp12', affiliate: 'Yahoo' } }))).toStrictEqual({
      type: 'mrktInfo',
      info: { campaignId: 'camp12', affiliate: 'Yahoo' },
    });
    expect(rightOf(decodeAttribute({ type: 'mrktInfo', info: { campaignId: 'camp12', campaignID: 'camp12' } }))).toStrictEqual({
      type: 'mrktInfo',
      info: { campaignId: 'camp12' },
    });
  });

  it('refuses campaignID and campaignId with different values', () => {
    expect(issuesOf(decodeAttribute({ type: 'mrktInfo', info: { campaignId: 'a', campaignID: 'b' } }))).toEqual([
      { path: 'info.campaignID', reason: 'differs from campaignId' },
    ]);
  });

  it('does not read mrktInfo fields flat (the documentation always nests them)', () => {
    expect(rightOf(decodeAttribute({ type: 'mrktInfo', channel: 'anything' }))).toStrictEqual({ type: 'mrktInfo', channel: 'anything' });
  });
});
