import {
  GENDERS,
  GenderCodec,
  MarketingChannel,
  MarketingChannelCodec,
  PHONE_TYPES,
  PhoneTypeCodec,
  ServiceStatus,
  ServiceStatusCodec,
} from '../../src/attributes/enums';
import { decodeWith } from '../../src/internal/validation';
import { rightOf } from './helpers';

describe('enumerations', () => {
  it('ServiceStatus names the 0-13 table', () => {
    expect(ServiceStatus).toEqual({
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
    });
    for (const code of Object.values(ServiceStatus)) expect(rightOf(decodeWith(ServiceStatusCodec, code))).toBe(code);
  });

  it('MarketingChannel names 0-6, and every channel reads as its decimal string', () => {
    expect(MarketingChannel).toEqual({ Direct: 0, Search: 1, Social: 2, Email: 3, Referral: 4, PaidSearch: 5, Display: 6 });
    for (const code of Object.values(MarketingChannel)) {
      expect(rightOf(decodeWith(MarketingChannelCodec, code))).toBe(String(code));
      expect(rightOf(decodeWith(MarketingChannelCodec, String(code)))).toBe(String(code));
    }
  });

  it('genders are indexed by their documented code', () => {
    expect(GENDERS).toEqual(['MALE', 'FEMALE', 'OTHER']);
    GENDERS.forEach((g, code) => expect(rightOf(decodeWith(GenderCodec, code))).toBe(g));
    expect(decodeWith(GenderCodec, null)._tag).toBe('Left');
  });

  it('phone types are the documented nine, read in any case', () => {
    expect(PHONE_TYPES).toEqual(['HOME', 'MOBILE', 'WORK', 'FAX', 'MAIN', 'HOME_FAX', 'WORK_FAX', 'PAGER', 'OTHER']);
    for (const p of PHONE_TYPES) expect(rightOf(decodeWith(PhoneTypeCodec, p.toLowerCase()))).toBe(p);
    expect(decodeWith(PhoneTypeCodec, 'HOME FAX')._tag).toBe('Left');
  });
});
