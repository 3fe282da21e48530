/**
 * `ctmrinfo` — "Customer info": a registered visitor's type, status,
 * balance, ids and dates. Fields sit under `info`; re-sending merges them
 * into the previous ones.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { CalendarDateCodec, type CalendarDate } from './dates';
import { optional, record } from './record';
import { Count, FiniteDouble, Integer, Text } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * The fields of a customer-info attribute (under `info`). All optional.
 * `storeZipCode` and `storeNumber` are not supported in LivePerson's
 * authenticated flow.
 *
 * @example
 * ```ts
 * const info: CustomerInfo = { ctype: 'vip', cstatus: 'cancelled', customerId: '138766AC', balance: -400.99, currency: 'USD' };
 * ```
 * @since 0.1.0
 */
export interface CustomerInfo {
  /** Customer type or tier (case-insensitive for LivePerson), e.g. `Gold`. */
  readonly ctype?: string;
  /** Customer lifecycle status (case-insensitive for LivePerson). */
  readonly cstatus?: string;
  /** Financial balance (a `double`, negative allowed). */
  readonly balance?: number;
  readonly currency?: string;
  readonly customerId?: string;
  /** Social media id of your choice (a number is read as its decimal string). */
  readonly socialId?: string;
  /** Unique device or phone id. */
  readonly imei?: string;
  readonly userName?: string;
  /** Number of employees (a non-negative integer). */
  readonly companySize?: number;
  readonly companyBranch?: string;
  /** The customer's company name. */
  readonly accountName?: string;
  /** The customer's title. */
  readonly role?: string;
  readonly lastPaymentDate?: CalendarDate;
  readonly registrationDate?: CalendarDate;
  /** Login status (an integer). */
  readonly loginStatus?: number;
  /** Not supported in the authenticated flow. */
  readonly storeZipCode?: string;
  /** Not supported in the authenticated flow. */
  readonly storeNumber?: string;
}

/**
 * A customer-info attribute, as sent on the wire (fields under `info`).
 *
 * @example
 * ```ts
 * const attribute: CustomerInfoAttribute = { type: 'ctmrinfo', info: { ctype: 'vip', customerId: '138766AC' } };
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type CustomerInfoAttribute = {
  readonly type: 'ctmrinfo';
  readonly info?: CustomerInfo;
};

/** A string, or a safe integer read as its decimal string. */
const TextOrIntegerId = new t.Type<string, string, unknown>(
  'a string (or an integer)',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' ? t.success(u) : typeof u === 'number' && Number.isSafeInteger(u) ? t.success(String(u)) : t.failure(u, c),
  t.identity,
);

const CUSTOMER_INFO_FIELDS = {
  ctype: optional(Text),
  cstatus: optional(Text),
  balance: optional(FiniteDouble),
  currency: optional(Text),
  customerId: optional(Text),
  socialId: optional(TextOrIntegerId),
  imei: optional(Text),
  userName: optional(Text),
  companySize: optional(Count),
  companyBranch: optional(Text),
  accountName: optional(Text),
  role: optional(Text),
  lastPaymentDate: optional(CalendarDateCodec),
  registrationDate: optional(CalendarDateCodec),
  loginStatus: optional(Integer),
  storeZipCode: optional(Text),
  storeNumber: optional(Text),
};

/**
 * The names of every {@link CustomerInfo} field.
 *
 * @example
 * ```ts
 * CUSTOMER_INFO_FIELD_NAMES.includes('balance'); // => true
 * ```
 * @since 0.1.0
 */
export const CUSTOMER_INFO_FIELD_NAMES: ReadonlyArray<keyof CustomerInfo> = Object.keys(CUSTOMER_INFO_FIELDS) as Array<keyof CustomerInfo>;

/**
 * Reads the `info` object of a customer-info attribute.
 *
 * @example
 * ```ts
 * CustomerInfoCodec.decode({ ctype: 'vip', balance: -400.99 });
 * ```
 * @since 0.1.0
 * @internal
 */
export const CustomerInfoCodec = record<CustomerInfo>('a customer info object', CUSTOMER_INFO_FIELDS);

/**
 * Reads a `ctmrinfo` attribute. Its fields may also be given next to `type`
 * (the documentation's table lists them flat): they are moved under `info`.
 *
 * @example
 * ```ts
 * CustomerInfoAttributeCodec.decode({ type: 'ctmrinfo', ctype: 'vip' }); // => right({ type: 'ctmrinfo', info: { ctype: 'vip' } })
 * ```
 * @since 0.1.0
 * @internal
 */
export const CustomerInfoAttributeCodec = wrappedAttribute<CustomerInfoAttribute, CustomerInfo>(
  { type: 'ctmrinfo', wrapper: 'info', name: 'a ctmrinfo attribute', flatFields: CUSTOMER_INFO_FIELD_NAMES },
  CustomerInfoCodec,
);

/**
 * Builds a `ctmrinfo` attribute (customer info) from its fields; the `info`
 * wrapper is added for you. Never throws.
 *
 * @example
 * ```ts
 * customerInfoAttribute({ ctype: 'vip', customerId: '138766AC', lastPaymentDate: { day: 15, month: 10, year: 2014 } });
 * // => right({ type: 'ctmrinfo', info: { ctype: 'vip', customerId: '138766AC', lastPaymentDate: { day: 15, month: 10, year: 2014 } } })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function customerInfoAttribute(fields: CustomerInfo): Either<ValidationError, CustomerInfoAttribute> {
  return buildWrapped<CustomerInfoAttribute>('ctmrinfo', 'info', CustomerInfoCodec, fields);
}
