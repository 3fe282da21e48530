/**
 * `ctmrinfo` — "Customer info": a registered visitor's type, status,
 * balance, ids and dates. Fields sit under `info`; re-sending merges them
 * into the previous ones.
 *
 * @packageDocumentation
 */
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { CalendarDateCodec, type CalendarDate } from './dates';
import { member } from './dispatch';
import { record, refine, type Fields } from './record';
import { Count, FiniteDouble, Integer, Text } from './scalars';
import { builder, moveUnder } from './shapes';

/**
 * The fields of a customer-info attribute (under `info`). All optional.
 * `storeZipCode` and `storeNumber` are not supported in LivePerson's
 * authenticated flow.
 *
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
 * @since 0.1.0
 * @category Engagement attributes
 */
export type CustomerInfoAttribute = {
  readonly type: 'ctmrinfo';
  readonly info?: CustomerInfo;
};

/** A string, or a safe integer read as its decimal string. */
const TextOrIntegerId = /* @__PURE__ */ refine('a string (or an integer)', (u) => (typeof u === 'string' ? u : Number.isSafeInteger(u) ? String(u) : undefined));

/**
 * The codecs of the {@link CustomerInfo} fields.
 *
 * @since 0.1.0
 * @internal
 */
export const CUSTOMER_INFO_FIELDS: Fields<CustomerInfo> = {
  ctype: Text,
  cstatus: Text,
  balance: FiniteDouble,
  currency: Text,
  customerId: Text,
  socialId: TextOrIntegerId,
  imei: Text,
  userName: Text,
  companySize: Count,
  companyBranch: Text,
  accountName: Text,
  role: Text,
  lastPaymentDate: CalendarDateCodec,
  registrationDate: CalendarDateCodec,
  loginStatus: Integer,
  storeZipCode: Text,
  storeNumber: Text,
};

/**
 * Reads the `info` object of a customer-info attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const CustomerInfoCodec = /* @__PURE__ */ record<CustomerInfo>(CUSTOMER_INFO_FIELDS);

/**
 * Reads a `ctmrinfo` attribute. Its fields may also be given next to `type`
 * (the documentation's table lists them flat): they are moved under `info`.
 *
 * @since 0.1.0
 * @internal
 */
export const CustomerInfoAttributeCodec = /* @__PURE__ */ member<CustomerInfoAttribute, CustomerInfoAttribute & CustomerInfo>(
  'ctmrinfo',
  { info: CustomerInfoCodec, ...CUSTOMER_INFO_FIELDS },
  /* @__PURE__ */ moveUnder('info', CUSTOMER_INFO_FIELDS),
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
 * @function
 * @category Engagement attributes
 */
export const customerInfoAttribute: (fields: CustomerInfo) => Either<ValidationError, CustomerInfoAttribute> = /* @__PURE__ */ builder(CustomerInfoAttributeCodec, 'info');
