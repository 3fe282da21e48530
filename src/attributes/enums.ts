/**
 * The enumerations of the engagement attributes: gender, phone type,
 * marketing channel and service status, with their codecs.
 *
 * Enumerated strings are read case-insensitively and written in upper case,
 * the documented form.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';

/**
 * A visitor's gender as sent on the wire (the form of every documented example).
 *
 * @example
 * ```ts
 * const gender: Gender = 'FEMALE';
 * ```
 * @since 0.1.0
 */
export type Gender = 'MALE' | 'FEMALE' | 'OTHER';

/**
 * The documented integer codes of {@link Gender}: 0 MALE, 1 FEMALE, 2 OTHER.
 *
 * @example
 * ```ts
 * const code: GenderCode = 1; // FEMALE
 * ```
 * @since 0.1.0
 */
export type GenderCode = 0 | 1 | 2;

/**
 * The genders, indexed by their documented integer code.
 *
 * @example
 * ```ts
 * GENDERS[1]; // => 'FEMALE'
 * ```
 * @since 0.1.0
 */
export const GENDERS: ReadonlyArray<Gender> = ['MALE', 'FEMALE', 'OTHER'];

/**
 * Reads a gender given as `MALE`/`FEMALE`/`OTHER` (any case) or as its
 * integer code 0/1/2; always writes the string.
 *
 * @example
 * ```ts
 * GenderCodec.decode(1); // => right('FEMALE')
 * ```
 * @since 0.1.0
 * @internal
 */
export const GenderCodec = new t.Type<Gender, Gender, unknown>(
  'MALE, FEMALE or OTHER (or the code 0, 1 or 2)',
  (u): u is Gender => typeof u === 'string' && (GENDERS as ReadonlyArray<string>).includes(u),
  (u, c) => {
    if (typeof u === 'number') {
      const g = Number.isInteger(u) ? GENDERS[u] : undefined;
      return g === undefined ? t.failure(u, c) : t.success(g);
    }
    if (typeof u === 'string') {
      const upper = u.toUpperCase();
      const g = GENDERS.find((x) => x === upper);
      return g === undefined ? t.failure(u, c) : t.success(g);
    }
    return t.failure(u, c);
  },
  t.identity,
);

/**
 * The documented contact phone types.
 *
 * @example
 * ```ts
 * const type: PhoneType = 'MOBILE';
 * ```
 * @since 0.1.0
 */
export type PhoneType = 'HOME' | 'MOBILE' | 'WORK' | 'FAX' | 'MAIN' | 'HOME_FAX' | 'WORK_FAX' | 'PAGER' | 'OTHER';

/**
 * Every {@link PhoneType}, in the documentation's order.
 *
 * @example
 * ```ts
 * PHONE_TYPES.includes('PAGER'); // => true
 * ```
 * @since 0.1.0
 */
export const PHONE_TYPES: ReadonlyArray<PhoneType> = ['HOME', 'MOBILE', 'WORK', 'FAX', 'MAIN', 'HOME_FAX', 'WORK_FAX', 'PAGER', 'OTHER'];

/**
 * Reads a phone type in any case; writes it in upper case.
 *
 * @example
 * ```ts
 * PhoneTypeCodec.decode('mobile'); // => right('MOBILE')
 * ```
 * @since 0.1.0
 * @internal
 */
export const PhoneTypeCodec = new t.Type<PhoneType, PhoneType, unknown>(
  `one of ${PHONE_TYPES.join(', ')}`,
  (u): u is PhoneType => typeof u === 'string' && (PHONE_TYPES as ReadonlyArray<string>).includes(u),
  (u, c) => {
    if (typeof u !== 'string') return t.failure(u, c);
    const upper = u.toUpperCase();
    const p = PHONE_TYPES.find((x) => x === upper);
    return p === undefined ? t.failure(u, c) : t.success(p);
  },
  t.identity,
);

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
 *
 * @example
 * ```ts
 * const channel: MarketingChannelNumber = MarketingChannel.Email; // 3
 * ```
 * @since 0.1.0
 */
export type MarketingChannelNumber = (typeof MarketingChannel)[keyof typeof MarketingChannel];

/**
 * A marketing channel as sent on the wire: the decimal string of its number,
 * the form of the documented example (`"channel": "1"`).
 *
 * @example
 * ```ts
 * const code: MarketingChannelCode = '1'; // Search
 * ```
 * @since 0.1.0
 */
export type MarketingChannelCode = `${MarketingChannelNumber}`;

const CHANNEL_CODES: ReadonlyArray<MarketingChannelCode> = ['0', '1', '2', '3', '4', '5', '6'];

/**
 * Reads a channel given as an integer 0-6 or its decimal string; writes the
 * string (`"1"`).
 *
 * @example
 * ```ts
 * MarketingChannelCodec.decode(1); // => right('1')
 * ```
 * @since 0.1.0
 * @internal
 */
export const MarketingChannelCodec = new t.Type<MarketingChannelCode, MarketingChannelCode, unknown>(
  'a marketing channel from 0 to 6 (a number or its decimal string)',
  (u): u is MarketingChannelCode => typeof u === 'string' && (CHANNEL_CODES as ReadonlyArray<string>).includes(u),
  (u, c) => {
    const code = typeof u === 'number' ? String(u) : u;
    const found = CHANNEL_CODES.find((x) => x === code);
    return found === undefined ? t.failure(u, c) : t.success(found);
  },
  t.identity,
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
 *
 * @example
 * ```ts
 * const status: ServiceStatusCode = ServiceStatus.Resolved; // 13
 * ```
 * @since 0.1.0
 */
export type ServiceStatusCode = (typeof ServiceStatus)[keyof typeof ServiceStatus];

/**
 * Reads a service status: an integer from 0 to 13.
 *
 * @example
 * ```ts
 * ServiceStatusCodec.decode(13); // => right(13)
 * ```
 * @since 0.1.0
 * @internal
 */
export const ServiceStatusCodec = new t.Type<ServiceStatusCode, ServiceStatusCode, unknown>(
  'a service status, an integer from 0 to 13',
  (u): u is ServiceStatusCode => typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= 13,
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= 13 ? t.success(u as ServiceStatusCode) : t.failure(u, c)),
  t.identity,
);
