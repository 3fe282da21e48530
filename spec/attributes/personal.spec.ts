import { decodeAttribute, encodeAttribute } from '../../src/attributes/attribute';
import { personalInfoAttribute } from '../../src/attributes/personal';
import { personalExample, personalFromTable, personalSeedExample } from './fixtures';
import { issuesOf, reasonAt, rightOf } from './helpers';

describe('personal', () => {
  it('builds the documented examples from the personal fields', () => {
    expect(rightOf(personalInfoAttribute(personalExample.personal as never))).toStrictEqual(personalExample);
    expect(rightOf(personalInfoAttribute(personalSeedExample.personal))).toStrictEqual(personalSeedExample);
    expect(rightOf(personalInfoAttribute(personalFromTable.personal as never))).toStrictEqual(personalFromTable);
  });

  it('reads gender as MALE/FEMALE/OTHER in any case or as 0/1/2, and always sends the string', () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [[0, 'MALE'], [1, 'FEMALE'], [2, 'OTHER'], ['female', 'FEMALE'], ['Other', 'OTHER']];
    for (const [given, sent] of cases) {
      expect(rightOf(decodeAttribute({ type: 'personal', personal: { gender: given } }))).toStrictEqual({ type: 'personal', personal: { gender: sent } });
    }
    expect(rightOf(personalInfoAttribute({ gender: 1 }))).toStrictEqual({ type: 'personal', personal: { gender: 'FEMALE' } });
  });

  it('refuses a bad gender', () => {
    for (const gender of [3, -1, 1.5, 'M', 'F', '1', true]) {
      expect(issuesOf(personalInfoAttribute({ gender: gender as never }))).toEqual([
        { path: 'gender', reason: expect.stringMatching(/^expected MALE, FEMALE, OTHER or 0, 1, 2, got /) },
      ]);
    }
  });

  it('reads phoneType in any case and refuses an unknown one', () => {
    expect(rightOf(personalInfoAttribute({ contacts: [{ phoneType: 'home_fax' as never }] }))).toStrictEqual({
      type: 'personal',
      personal: { contacts: [{ phoneType: 'HOME_FAX' }] },
    });
    expect(issuesOf(personalInfoAttribute({ contacts: [{}, { phoneType: 'CELL' as never }] }))).toEqual([
      { path: 'contacts[1].phoneType', reason: 'expected one of HOME, MOBILE, WORK, FAX, MAIN, HOME_FAX, WORK_FAX, PAGER, OTHER, got a string' },
    ]);
  });

  it('reads a contact country in any case, sends it in upper case, and refuses what is not two letters', () => {
    expect(rightOf(personalInfoAttribute({ contacts: [{ country: 'fr' }] }))).toStrictEqual({ type: 'personal', personal: { contacts: [{ country: 'FR' }] } });
    for (const country of ['USA', 'U', 'U1', 'ÉU', '', 840]) {
      expect(issuesOf(personalInfoAttribute({ contacts: [{ country: country as never }] }))).toEqual([
        { path: 'contacts[0].country', reason: expect.stringMatching(/^expected a two-letter country code, got /) },
      ]);
    }
  });

  it('keeps the address country as free text', () => {
    const contact = { address: { country: 'United States', region: 'North America' } };
    expect(rightOf(personalInfoAttribute({ contacts: [contact] }))).toStrictEqual({ type: 'personal', personal: { contacts: [contact] } });
    expect(issuesOf(personalInfoAttribute({ contacts: [{ address: { region: 1 as never } }] }))).toEqual([
      { path: 'contacts[0].address.region', reason: 'expected a string, got a number' },
    ]);
  });

  it('checks language codes', () => {
    for (const language of ['en', 'en-US', 'fr_CA', 'EN-us']) expect(personalInfoAttribute({ language })._tag).toBe('Right');
    for (const language of ['english', 'en-USA', 'e', 'en US', '']) {
      expect(reasonAt(personalInfoAttribute({ language }), 'language')).toMatch(/^expected a language code such as en-US/);
    }
  });

  it('checks the age object: ranges, real birth dates, and the "1969" year of the table', () => {
    expect(rightOf(personalInfoAttribute({ age: { year: '1969' as never, month: 2, day: 12 } }))).toStrictEqual({
      type: 'personal',
      personal: { age: { year: 1969, month: 2, day: 12 } },
    });
    expect(personalInfoAttribute({ age: { month: 2, day: 29 } })._tag).toBe('Right');
    expect(issuesOf(personalInfoAttribute({ age: { year: 1981, month: 2, day: 29 } }))).toEqual([
      { path: 'age.day', reason: 'is not a day of that month' },
    ]);
    expect(issuesOf(personalInfoAttribute({ age: { age: -1, year: 0, month: 0, day: 32 } }))).toEqual([
      { path: 'age.age', reason: 'expected an integer from 0 to 150, got a number' },
      { path: 'age.year', reason: 'expected an integer from 1 to 9999, got a number' },
      { path: 'age.month', reason: 'expected an integer from 1 to 12, got a number' },
      { path: 'age.day', reason: 'expected an integer from 1 to 31, got a number' },
    ]);
    expect(issuesOf(personalInfoAttribute({ age: 34 as never }))).toEqual([{ path: 'age', reason: 'expected an object, got a number' }]);
  });

  it('reads the flat form of the table and sends it under personal', () => {
    const decoded = rightOf(decodeAttribute({ type: 'personal', firstname: 'John', gender: 0 }));
    expect(encodeAttribute(decoded)).toStrictEqual({ type: 'personal', personal: { firstname: 'John', gender: 'MALE' } });
    expect(issuesOf(decodeAttribute({ type: 'personal', gender: 9 })).map((i) => i.path)).toEqual(['gender']);
    expect(issuesOf(decodeAttribute({ type: 'personal', firstname: 'A', personal: { firstname: 'B' } }))).toEqual([
      { path: 'firstname', reason: 'is given both here and in `personal`' },
    ]);
  });

  it('keeps email and phone as free text (the seed example sends "test.com")', () => {
    expect(rightOf(personalInfoAttribute({ contacts: [{ email: 'test.com', phone: '12345678' }] }))).toStrictEqual({
      type: 'personal',
      personal: { contacts: [{ email: 'test.com', phone: '12345678' }] },
    });
  });
});
