/**
 * `mrktInfo` — "Marketing source": the channel, campaign and affiliate that
 * brought the visitor. Fields sit under `info`; re-sending merges them.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { member } from './dispatch';
import { MarketingChannelCodec, type MarketingChannelCode, type MarketingChannelNumber } from './enums';
import { issueAt, record } from './record';
import { Text } from './scalars';
import { builder } from './shapes';

/**
 * The fields of a marketing-source attribute (under `info`), all optional.
 *
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
 * @since 0.1.0
 * @internal
 */
export const MarketingInfoCodec = /* @__PURE__ */ record<MarketingInfo, MarketingInfo & { readonly campaignID?: string }>(
  { channel: MarketingChannelCodec, affiliate: Text, campaignId: Text, campaignID: Text },
  ({ campaignID, ...info }, context) =>
    campaignID === undefined
      ? t.success(info)
      : info.campaignId !== undefined && info.campaignId !== campaignID
        ? t.failures([issueAt(context, 'campaignID', 'differs from campaignId')])
        : t.success({ ...info, campaignId: campaignID }),
);

/**
 * Reads a `mrktInfo` attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const MarketingSourceCodec = /* @__PURE__ */ member<MarketingSourceAttribute>('mrktInfo', { info: MarketingInfoCodec });

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
 * @function
 * @category Engagement attributes
 */
export const marketingSourceAttribute: (fields: MarketingSourceFields) => Either<ValidationError, MarketingSourceAttribute> = /* @__PURE__ */ builder(MarketingSourceCodec, 'info');
