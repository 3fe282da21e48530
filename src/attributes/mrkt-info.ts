/**
 * `mrktInfo` — "Marketing source": the channel, campaign and affiliate that
 * brought the visitor. Fields sit under `info`; re-sending merges them.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { MarketingChannelCodec, type MarketingChannelCode, type MarketingChannelNumber } from './enums';
import { issueAt, optional, record } from './record';
import { Text } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * The fields of a marketing-source attribute (under `info`), all optional.
 *
 * @example
 * ```ts
 * const info: MarketingInfo = { channel: '1', affiliate: 'Yahoo', campaignId: 'US coupon campaign' };
 * ```
 * @since 0.1.0
 */
export interface MarketingInfo {
  /** The originating channel as its decimal string (the documented example's form); see `MarketingChannel`. */
  readonly channel?: MarketingChannelCode;
  /** Affiliate name. */
  readonly affiliate?: string;
  /** External campaign id (also read from `campaignID`, the table's spelling). */
  readonly campaignId?: string;
}

/**
 * A marketing-source attribute, as sent on the wire (fields under `info`).
 *
 * @example
 * ```ts
 * const attribute: MarketingSourceAttribute = { type: 'mrktInfo', info: { channel: '1', affiliate: 'Yahoo' } };
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type MarketingSourceAttribute = {
  readonly type: 'mrktInfo';
  readonly info?: MarketingInfo;
};

/**
 * The fields {@link marketingSourceAttribute} takes: `channel` as a number
 * (`MarketingChannel.Search`) or its decimal string.
 *
 * @example
 * ```ts
 * const fields: MarketingSourceFields = { channel: MarketingChannel.Social, campaignId: 'camp12' };
 * ```
 * @since 0.1.0
 */
export interface MarketingSourceFields {
  readonly channel?: MarketingChannelNumber | MarketingChannelCode;
  readonly affiliate?: string;
  readonly campaignId?: string;
}

/**
 * Reads the `info` object of a marketing-source attribute. `campaignID` is
 * read as `campaignId`; both with different values is an issue.
 *
 * @example
 * ```ts
 * MarketingInfoCodec.decode({ channel: 1, campaignID: 'camp12' }); // => right({ channel: '1', campaignId: 'camp12' })
 * ```
 * @since 0.1.0
 * @internal
 */
export const MarketingInfoCodec = record<MarketingInfo>(
  'a marketing info object',
  {
    channel: optional(MarketingChannelCodec),
    affiliate: optional(Text),
    campaignId: optional(Text),
    campaignID: optional(Text),
  },
  (value, context) => {
    const withUpper = value as MarketingInfo & { readonly campaignID?: string };
    const upper = withUpper.campaignID;
    if (upper === undefined) return { value };
    if (value.campaignId !== undefined && value.campaignId !== upper) {
      return { errors: [issueAt(context, 'campaignID', undefined, 'differs from campaignId (give one of them; campaignId is sent)')] };
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(withUpper)) {
      if (k === 'campaignID') {
        if (value.campaignId === undefined) out['campaignId'] = v;
      } else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return { value: out as MarketingInfo };
  },
);

/**
 * Reads a `mrktInfo` attribute.
 *
 * @example
 * ```ts
 * MarketingSourceCodec.decode({ type: 'mrktInfo', info: { channel: '1', affiliate: 'Yahoo' } });
 * ```
 * @since 0.1.0
 * @internal
 */
export const MarketingSourceCodec = wrappedAttribute<MarketingSourceAttribute, MarketingInfo>(
  { type: 'mrktInfo', wrapper: 'info', name: 'a mrktInfo attribute', flatFields: [] },
  MarketingInfoCodec,
);

/**
 * Builds a `mrktInfo` attribute (marketing source); the `info` wrapper is
 * added and `channel` is sent as its decimal string. Never throws.
 *
 * @example
 * ```ts
 * marketingSourceAttribute({ channel: MarketingChannel.Search, affiliate: 'Yahoo', campaignId: 'US coupon campaign' });
 * // => right({ type: 'mrktInfo', info: { channel: '1', affiliate: 'Yahoo', campaignId: 'US coupon campaign' } })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function marketingSourceAttribute(fields: MarketingSourceFields): Either<ValidationError, MarketingSourceAttribute> {
  return buildWrapped<MarketingSourceAttribute>('mrktInfo', 'info', MarketingInfoCodec, fields);
}
