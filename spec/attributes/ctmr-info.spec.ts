import { decodeAttribute, encodeAttribute } from '../../src/attributes/attribute';
import { CUSTOMER_INFO_FIELDS, customerInfoAttribute } from '../../src/attributes/ctmr-info';
import { ctmrinfoExample, ctmrinfoFromTable } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('ctmrinfo', () => {
  it('builds the documented example from the info fields', () => {
    expect(rightOf(customerInfoAttribute(ctmrinfoExample.info))).toStrictEqual(ctmrinfoExample);
  });

  it('knows every field of the table', () => {
    expect(Object.keys(CUSTOMER_INFO_FIELDS).sort()).toEqual(Object.keys(ctmrinfoFromTable.info).sort());
  });

  it('reads the flat form of the table and sends it under info (issues named where given)', () => {
    const flat = { type: 'ctmrinfo', ctype: 'vip', balance: -400.99, extra: 1 };
    const decoded = rightOf(decodeAttribute(flat));
    expect(encodeAttribute(decoded)).toStrictEqual({ type: 'ctmrinfo', extra: 1, info: { ctype: 'vip', balance: -400.99 } });
    expect(issuesOf(decodeAttribute({ type: 'ctmrinfo', balance: 'x' }))).toEqual([{ path: 'balance', reason: 'expected a finite number, got a string' }]);
  });

  it('merges flat fields with info, and refuses a field given in both places', () => {
    expect(rightOf(decodeAttribute({ type: 'ctmrinfo', ctype: 'vip', info: { cstatus: 'new' } }))).toStrictEqual({
      type: 'ctmrinfo',
      info: { ctype: 'vip', cstatus: 'new' },
    });
    expect(issuesOf(decodeAttribute({ type: 'ctmrinfo', ctype: 'vip', info: { ctype: 'gold' } }))).toEqual([
      { path: 'ctype', reason: 'is given both here and in `info`' },
    ]);
  });

  it('refuses each kind of bad field by path', () => {
    const result = customerInfoAttribute({
      balance: '2.6' as never,
      companySize: -1,
      loginStatus: 0.5,
      customerId: 1234 as never,
      lastPaymentDate: { day: 31, month: 4, year: 2014 },
      registrationDate: { day: 1, month: 13, year: 2013 },
    });
    expect(issuesOf(result)).toEqual([
      { path: 'balance', reason: 'expected a finite number, got a string' },
      { path: 'companySize', reason: 'expected a non-negative integer, got a number' },
      { path: 'loginStatus', reason: 'expected an integer, got a number' },
      { path: 'customerId', reason: 'expected a string, got a number' },
      { path: 'lastPaymentDate.day', reason: 'is not a day of that month' },
      { path: 'registrationDate.month', reason: 'expected an integer from 1 to 12, got a number' },
    ]);
  });

  it('reads a numeric socialId as its decimal string (the table garbles its type), but not an unsafe one', () => {
    expect(rightOf(decodeAttribute({ type: 'ctmrinfo', info: { socialId: 11256324780 } }))).toStrictEqual({ type: 'ctmrinfo', info: { socialId: '11256324780' } });
    expect(issuesOf(decodeAttribute({ type: 'ctmrinfo', info: { socialId: 2 ** 60 } }))).toEqual([
      { path: 'info.socialId', reason: 'expected a string (or an integer), got a number' },
    ]);
  });

  it('refuses an info that is not an object', () => {
    expect(issuesOf(decodeAttribute({ type: 'ctmrinfo', info: 'vip' }))).toEqual([{ path: 'info', reason: 'expected an object, got a string' }]);
  });
});
