/**
 * fast-check arbitraries of valid builder inputs, one per attribute type,
 * with the builder that takes them.
 */
import fc from 'fast-check';
import type { ValidationError } from '../../src/errors';
import type { Either } from '../../src/internal/either';
import type { EngagementAttribute } from '../../src/attributes/attribute';
import { cartAttribute } from '../../src/attributes/cart';
import { customerInfoAttribute } from '../../src/attributes/ctmr-info';
import { PHONE_TYPES } from '../../src/attributes/enums';
import { visitorErrorAttribute } from '../../src/attributes/error';
import { leadAttribute } from '../../src/attributes/lead';
import { marketingSourceAttribute } from '../../src/attributes/mrkt-info';
import { personalInfoAttribute } from '../../src/attributes/personal';
import { productViewAttribute } from '../../src/attributes/prod-view';
import { purchaseAttribute } from '../../src/attributes/purchase';
import { searchedContentAttribute } from '../../src/attributes/search-info';
import { serviceActivityAttribute } from '../../src/attributes/service';

const opt = { requiredKeys: [] as never[] };

export const text = fc.string({ maxLength: 12 });
export const double = fc.double({ noNaN: true, noDefaultInfinity: true });
export const count = fc.nat();
export const integer = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

/** A real calendar date, drawn through `Date` (an independent oracle of month lengths and leap years). */
export const calendarDate = fc
  .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => ({ day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() }));

export const product = fc.record({ name: text, category: text, sku: text, price: double }, opt);
export const products = fc.array(fc.record({ product, quantity: count }, { requiredKeys: ['product'] }), { maxLength: 3 });

export const cartInput = fc.record({ total: double, currency: text, numItems: count, products }, { requiredKeys: ['total', 'numItems'] });
export const purchaseInput = fc.record(
  { total: double, currency: text, orderId: text, cart: fc.record({ products, numItems: count }, { requiredKeys: ['products'] }) },
  opt,
);
export const prodViewInput = fc.record({ currency: text, products }, opt);
export const ctmrinfoInput = fc.record(
  {
    ctype: text,
    cstatus: text,
    balance: double,
    currency: text,
    customerId: text,
    socialId: text,
    imei: text,
    userName: text,
    companySize: count,
    companyBranch: text,
    accountName: text,
    role: text,
    lastPaymentDate: calendarDate,
    registrationDate: calendarDate,
    loginStatus: integer,
    storeZipCode: text,
    storeNumber: text,
  },
  opt,
);
export const channel = fc.constantFrom(0, 1, 2, 3, 4, 5, 6, '0', '1', '2', '3', '4', '5', '6' as const);
export const mrktInfoInput = fc.record({ channel, affiliate: text, campaignId: text }, opt);
export const gender = fc.constantFrom('MALE', 'FEMALE', 'OTHER', 0, 1, 2 as const);
export const country = fc.stringMatching(/^[A-Za-z]{2}$/);
export const language = fc.stringMatching(/^[a-z]{2}(?:[-_][A-Z]{2})?$/);
export const age = fc.oneof(
  fc.record({ age: fc.integer({ min: 0, max: 150 }) }, opt),
  calendarDate.chain((d) => fc.record({ age: fc.integer({ min: 0, max: 150 }), year: fc.constant(d.year), month: fc.constant(d.month), day: fc.constant(d.day) }, { requiredKeys: ['year', 'month', 'day'] })),
);
export const contact = fc.record(
  {
    email: text,
    phone: text,
    phoneType: fc.constantFrom(...PHONE_TYPES),
    address: fc.record({ country: text, region: text }, opt),
    country,
    region: text,
  },
  opt,
);
export const personalInput = fc.record(
  { firstname: text, lastname: text, age, contacts: fc.array(contact, { maxLength: 3 }), gender, company: text, language },
  opt,
);
export const leadInput = fc.record({ topic: text, value: double, currency: text, leadId: text }, opt);
export const serviceInput = fc.record({ topic: text, status: fc.integer({ min: 0, max: 13 }), category: text, serviceId: text }, opt);
export const errorInput = fc.record({ contextId: text, message: text, code: text, level: integer, resolved: fc.boolean() }, opt);
export const searchInfoInput = fc.record({ keywords: fc.array(text, { maxLength: 4 }) }, opt);

type Builder = (input: never) => Either<ValidationError, EngagementAttribute>;

/** One case per type: the arbitrary of builder inputs and the builder. */
export const builderCases: ReadonlyArray<{ readonly type: string; readonly input: fc.Arbitrary<unknown>; readonly build: Builder }> = [
  { type: 'cart', input: cartInput, build: cartAttribute },
  { type: 'purchase', input: purchaseInput, build: purchaseAttribute },
  { type: 'prodView', input: prodViewInput, build: productViewAttribute },
  { type: 'ctmrinfo', input: ctmrinfoInput, build: customerInfoAttribute },
  { type: 'mrktInfo', input: mrktInfoInput, build: marketingSourceAttribute as Builder },
  { type: 'personal', input: personalInput, build: personalInfoAttribute as Builder },
  { type: 'lead', input: leadInput, build: leadAttribute },
  { type: 'service', input: serviceInput, build: serviceActivityAttribute as Builder },
  { type: 'error', input: errorInput, build: visitorErrorAttribute },
  { type: 'searchInfo', input: searchInfoInput, build: searchedContentAttribute },
];

/** Any valid attribute, made by a builder. */
export const anyAttribute: fc.Arbitrary<EngagementAttribute> = fc.oneof(
  ...builderCases.map((c) =>
    c.input.map((input) => {
      const built = c.build(input as never);
      if (built._tag === 'Left') throw new Error(`builder refused a valid ${c.type}: ${JSON.stringify(built.left)}`);
      return built.right;
    }),
  ),
);
