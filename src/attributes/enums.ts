/**
 * The enumerations of the engagement attributes: gender, phone type,
 * marketing channel and service status, with their codecs.
 *
 * Enumerated strings are read case-insensitively and written in upper case,
 * the documented form.
 *
 * @packageDocumentation
 */
import { refine } from './record';
import { integerIn } from './scalars';

/** The entry of `list` equal to `u` in upper case, if `u` is a string. */
function upperIn<A extends string>(list: ReadonlyArray<A>, u: unknown): A | undefined {
  return typeof u === 'string' ? list.find((x) => x === u.toUpperCase()) : undefined;
}

/**
 * A visitor's gender as sent on the wire (the form of every documented example).
 *
 * @since 0.1.0
 */
export type Gender = 'MALE' | 'FEMALE' | 'OTHER';

/**
 * The documented integer codes of {@link Gender}: 0 MALE, 1 FEMALE, 2 OTHER.
 *
 * @since 0.1.0
 */
export type GenderCode = 0 | 1 | 2;

/**
 * The genders, indexed by their documented integer code.
 * @since 0.1.0
 */
export const GENDERS: ReadonlyArray<Gender> = ['MALE', 'FEMALE', 'OTHER'];

/**
 * Reads a gender given as `MALE`/`FEMALE`/`OTHER` (any case) or as its
 * integer code 0/1/2; always writes the string.
 *
 * @since 0.1.0
 * @internal
 */
export const GenderCodec = /* @__PURE__ */ refine<Gender>('MALE, FEMALE, OTHER or 0, 1, 2', (u) => (typeof u === 'number' ? GENDERS[u] : upperIn(GENDERS, u)));

/**
 * The documented contact phone types.
 *
 * @since 0.1.0
 */
export type PhoneType = 'HOME' | 'MOBILE' | 'WORK' | 'FAX' | 'MAIN' | 'HOME_FAX' | 'WORK_FAX' | 'PAGER' | 'OTHER';

/**
 * Every {@link PhoneType}, in the documentation's order.
 * @since 0.1.0
 */
export const PHONE_TYPES: ReadonlyArray<PhoneType> = ['HOME', 'MOBILE', 'WORK', 'FAX', 'MAIN', 'HOME_FAX', 'WORK_FAX', 'PAGER', 'OTHER'];

/**
 * Reads a phone type in any case; writes it in upper case.
 *
 * @since 0.1.0
 * @internal
 */
export const PhoneTypeCodec = /* @__PURE__ */ refine<PhoneType>(`one of ${PHONE_TYPES.join(', ')}`, (u) => upperIn(PHONE_TYPES, u));

/**
 * The marketing channels of `mrktInfo.info.channel`. 0-4 are LivePerson's;
 * 5 and 6 come from Tealium's LivePerson tag documentation.
 *
 * @example
 * ```ts
 * marketingSourceAttribute({ channel: MarketingChannel.Search, affiliate: 'Yahoo' });
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export const MarketingChannel = {
  Direct: 0,
  Search: 1,
  Social: 2,
  Email: 3,
  Referral: 4,
  PaidSearch: 5,
  Display: 6,
} as const;

/**
 * A marketing channel as a number (see {@link MarketingChannel}).
 * @since 0.1.0
 */
export type MarketingChannelNumber = (typeof MarketingChannel)[keyof typeof MarketingChannel];

/**
 * A marketing channel as sent on the wire: the decimal string of its number,
 * the form of the documented example (`"channel": "1"`).
 *
 * @since 0.1.0
 */
export type MarketingChannelCode = `${MarketingChannelNumber}`;

const CHANNEL_CODES: ReadonlyArray<MarketingChannelCode> = ['0', '1', '2', '3', '4', '5', '6'];

/**
 * Reads a channel given as an integer 0-6 or its decimal string; writes the
 * string (`"1"`).
 *
 * @since 0.1.0
 * @internal
 */
export const MarketingChannelCodec = /* @__PURE__ */ refine<MarketingChannelCode>('a channel from 0 to 6', (u) =>
  CHANNEL_CODES.find((code) => code === (typeof u === 'number' ? String(u) : u)),
);

/**
 * The statuses of a service activity (`service.service.status`). 0-10 come
 * from the attribute types page, 11-13 from the Engagement Attributes API
 * example.
 *
 * @example
 * ```ts
 * serviceActivityAttribute({ topic: 'order checkbook', status: ServiceStatus.InProgress });
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export const ServiceStatus = {
  Complete: 0,
  InProgress: 1,
  Approved: 2,
  Cancelled: 3,
  NotApproved: 4,
  Reviewed: 5,
  MissingDetails: 6,
  Closed: 7,
  Removed: 8,
  Assigned: 9,
  WaitingForCustomerResponse: 10,
  WaitingForResponse: 11,
  Pending: 12,
  Resolved: 13,
} as const;

/**
 * A service status code 0-13 (see {@link ServiceStatus}).
 * @since 0.1.0
 */
export type ServiceStatusCode = (typeof ServiceStatus)[keyof typeof ServiceStatus];

/**
 * Reads a service status: an integer from 0 to 13 (named so in issues).
 *
 * @since 0.1.0
 * @internal
 */
export const ServiceStatusCodec = /* @__PURE__ */ integerIn<ServiceStatusCode>(0, 13);
