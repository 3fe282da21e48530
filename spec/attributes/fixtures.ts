/**
 * The documented JSON examples of every engagement attribute and impression
 * event, as fixtures. Comments of the originals (`//MANDATORY`, ...) are left
 * out; values and key order are the documentation's.
 *
 * Sources (LivePerson's developer documentation, "DC" below, at the commits named):
 * - TYPES: DC `pages/documents/guides/Engagement Attributes/types.md` @ f4920a12
 *   (live `engagement-attributes-types-of-engagement-attributes.html`);
 * - EA_API: DC `rt-interactions/engagement-attributes/engagement-attributes.md`;
 * - REPORT: DC `rt-interactions/monitor-api/methods/report.md` @ 07d08992;
 * - IMPRESSIONS: DC `rt-interactions/app-engagement/examples.md` (same events in REPORT);
 * - SEED: the getEngagement seed page (spec/fixtures/seed.ts).
 * Fixtures named `...FromTable` are written from the field tables where no
 * example shows every field.
 */
import { seedRequest } from '../fixtures/seed';

/** TYPES, "Cart update SDE JSON example". */
export const cartExample = {
  type: 'cart',
  total: 11.7,
  currency: 'USD',
  numItems: 6,
  products: [
    {
      product: { name: 'prod1', category: 'category', sku: 'sku', price: 7.8 },
      quantity: 1,
    },
  ],
};

/** TYPES, "Transaction SDE JSON example". */
export const purchaseExample = {
  type: 'purchase',
  total: 11.7,
  currency: 'USD',
  orderId: 'DRV1534XC',
  cart: {
    products: [
      {
        product: { name: 'antivirus pro plan', category: 'software', sku: 'xyz001', price: 7.8 },
        quantity: 3,
      },
    ],
  },
};

/** REPORT, the purchase of the example body. */
export const purchaseReportExample = { type: 'purchase', total: 11.7, orderId: 'DRV1534XC' };

/** Written from the Transaction table: the cart object's `numItems` too. */
export const purchaseFromTable = {
  type: 'purchase',
  total: 23.4,
  currency: 'EUR',
  orderId: 'orderId123',
  cart: {
    numItems: 6,
    products: [
      { product: { name: 'prod1', category: 'category1', sku: 'dep1', price: 7.8 }, quantity: 2 },
      { product: { name: 'prod2' }, quantity: 4 },
    ],
  },
};

/** TYPES, "Viewed Product SDE JSON example" (no `quantity`). */
export const prodViewExample = {
  type: 'prodView',
  currency: 'USD',
  products: [
    {
      product: { name: 'red high heel shoe', category: 'women shoes', sku: 'xyz567', price: 77.8 },
    },
  ],
};

/**
 * TYPES, "Customer info SDE JSON example". The original has two stray lines
 * pasted from a PDF ("10" / "ENGAGEMENT ATTRIBUTES OVERVIEW") inside `info`
 * and a comment wrapped over two lines; both are left out (they are not JSON).
 */
export const ctmrinfoExample = {
  type: 'ctmrinfo',
  info: {
    cstatus: 'cancelled',
    ctype: 'vip',
    customerId: '138766AC',
    balance: -400.99,
    currency: 'USD',
    socialId: '11256324780',
    imei: '3543546543545688',
    userName: 'user000',
    companySize: 500,
    accountName: 'bank corp',
    role: 'broker',
    lastPaymentDate: { day: 15, month: 10, year: 2014 },
    registrationDate: { day: 23, month: 5, year: 2013 },
    storeNumber: '123865',
    storeZipCode: '20505',
  },
};

/** Written from the Customer Info table: every field, with the table's example values. */
export const ctmrinfoFromTable = {
  type: 'ctmrinfo',
  info: {
    ctype: 'Gold',
    cstatus: 'migrated',
    balance: 2.6,
    currency: 'USD',
    customerId: '1234abc',
    socialId: '11256324780',
    imei: '3543546543545688',
    userName: 'user000',
    companySize: 500,
    companyBranch: 'East village',
    accountName: 'oxford insurance company',
    role: 'Marketing manager',
    lastPaymentDate: { day: 15, month: 10, year: 2014 },
    registrationDate: { day: 23, month: 5, year: 2013 },
    loginStatus: 1,
    storeZipCode: '12205',
    storeNumber: '1241',
  },
};

/** TYPES, "Marketing source SDE JSON example" (channel as the string "1"). */
export const mrktInfoExample = {
  type: 'mrktInfo',
  info: {
    channel: '1',
    affiliate: 'Yahoo',
    campaignId: 'US coupon campaign',
  },
};

/** TYPES, "Personal info SDE JSON example". */
export const personalExample = {
  type: 'personal',
  personal: {
    firstname: 'John',
    lastname: 'Doe',
    age: { age: 34, year: 1980, month: 4, day: 15 },
    contacts: [{ email: 'myname@example.com', phone: '+1 212-788-8877' }],
    gender: 'MALE',
    language: 'en-US',
    company: 'company',
  },
};

/** SEED, the getEngagement example's personal attribute. */
export const personalSeedExample = seedRequest.engagementAttributes[0];

/** Written from the Personal info, Age and Contact tables: every contact field. */
export const personalFromTable = {
  type: 'personal',
  personal: {
    firstname: 'John',
    lastname: 'Doe',
    age: { age: 47, year: 1969, month: 2, day: 12 },
    contacts: [
      {
        email: 'john.doe@example.com',
        phone: '5558982312',
        phoneType: 'MOBILE',
        address: { country: 'US', region: 'North America' },
        country: 'US',
        region: 'North America',
      },
    ],
    gender: 'OTHER',
    company: 'Microsoft Ltd.',
    language: 'en-US',
  },
};

/** TYPES, "Lead SDE JSON example". */
export const leadExample = {
  type: 'lead',
  lead: {
    topic: 'luxury car test drive 2015',
    value: 22.22,
    currency: 'USD',
    leadId: 'xyz123',
  },
};

/** EA_API, the lead of the request body example. */
export const leadApiExample = {
  type: 'lead',
  lead: {
    topic: 'inquiry about upgrade and iPhone 6s pricing',
    value: 200,
    leadId: 'xyz123',
  },
};

/** TYPES, "Service Activity SDE JSON example". */
export const serviceExample = {
  type: 'service',
  service: {
    topic: 'order checkbook',
    status: 0,
    category: 'finance',
    serviceId: 'service12',
  },
};

/** EA_API, the service of the request body example (its topic ends with a space). */
export const serviceApiExample = {
  type: 'service',
  service: {
    topic: 'add authorized user to the account ',
    status: 0,
    category: 'account maintenance',
    serviceId: 'service12',
  },
};

/** TYPES, "Visitor Error SDE JSON example". */
export const errorExample = {
  type: 'error',
  error: {
    contextId: 'Credit card application',
    message: 'Expiration date missing',
    code: 'er100004',
    level: 10,
    resolved: false,
  },
};

/** TYPES, "Searched content SDE JSON example" (its trailing comma left out). */
export const searchInfoExample = {
  type: 'searchInfo',
  keywords: ['Reset password'],
};

/** Every attribute example, by name. */
export const attributeExamples: ReadonlyArray<readonly [string, unknown]> = [
  ['cart', cartExample],
  ['purchase', purchaseExample],
  ['purchase (report body)', purchaseReportExample],
  ['purchase (from the table)', purchaseFromTable],
  ['prodView', prodViewExample],
  ['ctmrinfo', ctmrinfoExample],
  ['ctmrinfo (from the table)', ctmrinfoFromTable],
  ['mrktInfo', mrktInfoExample],
  ['personal', personalExample],
  ['personal (seed page)', personalSeedExample],
  ['personal (from the tables)', personalFromTable],
  ['lead', leadExample],
  ['lead (Engagement Attributes API)', leadApiExample],
  ['service', serviceExample],
  ['service (Engagement Attributes API)', serviceApiExample],
  ['error', errorExample],
  ['searchInfo', searchInfoExample],
];

/** IMPRESSIONS, ImpressionAcceptEvent. */
export const impAcceptExample = {
  type: 'impAccept',
  campaign: 3115242510,
  engId: 3115242810,
  revision: 537,
  eContext: [{ type: 'engagementContext', id: '1' }],
};

/** IMPRESSIONS, ImpressionDisplayEvent. */
export const impDisplayExample = {
  type: 'impDisplay',
  campaign: 3115242510,
  engId: 3115242810,
  revision: 537,
  eContext: [{ type: 'engagementContext', id: '1' }],
};

/** IMPRESSIONS, ImpressionExpandedEvent (nulls as documented). */
export const impExpandedExample = {
  type: 'impExpanded',
  expanded: null,
  userInit: null,
  actionableItems: null,
  campaign: 3115242510,
  engId: 3115242810,
  revision: 537,
};

/** IMPRESSIONS, ImpressionTimeoutEvent. */
export const impTimeoutExample = { type: 'impTimeout', campaign: 3115242510, engId: 3115242810, revision: 537 };

/** IMPRESSIONS, ImpressionCloseEvent. */
export const impCloseExample = { type: 'impClose', campaign: 3115242510, engId: 3115242810, revision: 537 };

/** IMPRESSIONS, the Update Session body with impAccept and impDisplay. */
export const updateSessionImpressionsExample = {
  pageId: '4743822558',
  impAttributes: [impAcceptExample, impDisplayExample],
};

/** Every impression example, by type. */
export const impressionExamples: ReadonlyArray<readonly [string, unknown]> = [
  ['impAccept', impAcceptExample],
  ['impDisplay', impDisplayExample],
  ['impExpanded', impExpandedExample],
  ['impTimeout', impTimeoutExample],
  ['impClose', impCloseExample],
];
