/**
 * `personal` — "Personal info": the visitor's name, age, gender, language,
 * company and contacts. Fields sit under `personal`; re-sending merges them.
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { CountryCode, LanguageCode } from './country';
import { DayCodec, MonthCodec, NOT_A_DAY_OF_THAT_MONTH, daysInMonth } from './dates';
import { GenderCodec, PhoneTypeCodec, type Gender, type GenderCode, type PhoneType } from './enums';
import { issueAt, optional, record } from './record';
import { Text, integerIn } from './scalars';
import { buildWrapped, wrappedAttribute } from './shapes';

/**
 * A visitor's age and/or birth date, every field optional. LivePerson
 * computes the age from `year`/`month`/`day` when `age` is absent.
 *
 * @example
 * ```ts
 * const age: Age = { age: 34, year: 1980, month: 4, day: 15 };
 * ```
 * @since 0.1.0
 */
export interface Age {
  /** Age in years, an integer from 0 to 150. */
  readonly age?: number;
  /** Birth year, 1-9999 (a string of digits is read as a number). */
  readonly year?: number;
  /** Birth month, 1-12. */
  readonly month?: number;
  /** Birth day, 1-31, and a day the month has when the month is given. */
  readonly day?: number;
}

/**
 * A postal address of a contact.
 *
 * @example
 * ```ts
 * const address: Address = { country: 'US', region: 'North America' };
 * ```
 * @since 0.1.0
 */
export interface Address {
  /** Free text (the documentation gives no format here, unlike `Contact.country`). */
  readonly country?: string;
  readonly region?: string;
}

/**
 * One way to reach the visitor. Every field is optional; `email` and
 * `phone` are free text (the documentation's own example sends `"test.com"`).
 *
 * @example
 * ```ts
 * const contact: Contact = { email: 'myname@example.com', phone: '+1 212-788-8877', phoneType: 'MOBILE', country: 'US' };
 * ```
 * @since 0.1.0
 */
export interface Contact {
  readonly email?: string;
  readonly phone?: string;
  readonly phoneType?: PhoneType;
  readonly address?: Address;
  /** ISO 3166-1 alpha-2 code (read in any case, sent in upper case). */
  readonly country?: string;
  readonly region?: string;
}

/**
 * The fields of a personal-info attribute (under `personal`), all optional.
 *
 * @example
 * ```ts
 * const info: PersonalInfo = { firstname: 'John', lastname: 'Doe', gender: 'MALE', language: 'en-US' };
 * ```
 * @since 0.1.0
 */
export interface PersonalInfo {
  readonly firstname?: string;
  readonly lastname?: string;
  readonly age?: Age;
  readonly contacts?: ReadonlyArray<Contact>;
  /** Always the string form on the wire. */
  readonly gender?: Gender;
  readonly company?: string;
  /** e.g. `en-US` or `fr_CA`. */
  readonly language?: string;
}

/**
 * A personal-info attribute, as sent on the wire (fields under `personal`).
 *
 * @example
 * ```ts
 * const attribute: PersonalInfoAttribute = { type: 'personal', personal: { firstname: 'John', gender: 'MALE' } };
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export type PersonalInfoAttribute = {
  readonly type: 'personal';
  readonly personal?: PersonalInfo;
};

/**
 * The fields {@link personalInfoAttribute} takes: `gender` may also be its
 * documented integer code (0 MALE, 1 FEMALE, 2 OTHER).
 *
 * @example
 * ```ts
 * const fields: PersonalInfoFields = { firstname: 'John', gender: 0 };
 * ```
 * @since 0.1.0
 */
export type PersonalInfoFields = Omit<PersonalInfo, 'gender'> & { readonly gender?: Gender | GenderCode };

/** A birth year: an integer 1-9999, or a string of digits (the table's example is `"1969"`). */
const BirthYear = new t.Type<number, number, unknown>(
  'a year from 1 to 9999',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 1 && u <= 9999,
  (u, c) => {
    const n = typeof u === 'string' && /^\d{1,4}$/.test(u) ? Number(u) : u;
    return typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && n <= 9999 ? t.success(n) : t.failure(u, c);
  },
  t.identity,
);

/**
 * Reads an {@link Age}; a day its month does not have is refused at `.day`.
 *
 * @example
 * ```ts
 * AgeCodec.decode({ year: '1969', month: 2, day: 12 }); // => right({ year: 1969, month: 2, day: 12 })
 * ```
 * @since 0.1.0
 * @internal
 */
export const AgeCodec = record<Age>(
  'an age object { age, year, month, day }',
  { age: optional(integerIn(0, 150)), year: optional(BirthYear), month: optional(MonthCodec), day: optional(DayCodec) },
  (value, context) =>
    value.day !== undefined && value.month !== undefined && value.day > daysInMonth(value.month, value.year)
      ? { errors: [issueAt(context, 'day', value.day, NOT_A_DAY_OF_THAT_MONTH)] }
      : { value },
);

const AddressCodec = record<Address>('an address object { country, region }', {
  country: optional(Text),
  region: optional(Text),
});

/**
 * Reads a {@link Contact}.
 *
 * @example
 * ```ts
 * ContactCodec.decode({ email: 'john@doe.com', phoneType: 'mobile', country: 'us' }); // phoneType 'MOBILE', country 'US'
 * ```
 * @since 0.1.0
 * @internal
 */
export const ContactCodec = record<Contact>('a contact object', {
  email: optional(Text),
  phone: optional(Text),
  phoneType: optional(PhoneTypeCodec),
  address: optional(AddressCodec),
  country: optional(CountryCode),
  region: optional(Text),
});

const PERSONAL_FIELDS = {
  firstname: optional(Text),
  lastname: optional(Text),
  age: optional(AgeCodec),
  contacts: optional(t.readonlyArray(ContactCodec, 'an array of contacts')),
  gender: optional(GenderCodec),
  company: optional(Text),
  language: optional(LanguageCode),
};

/**
 * The names of every {@link PersonalInfo} field.
 *
 * @example
 * ```ts
 * PERSONAL_INFO_FIELD_NAMES.includes('contacts'); // => true
 * ```
 * @since 0.1.0
 */
export const PERSONAL_INFO_FIELD_NAMES: ReadonlyArray<keyof PersonalInfo> = Object.keys(PERSONAL_FIELDS) as Array<keyof PersonalInfo>;

/**
 * Reads the `personal` object of a personal-info attribute.
 *
 * @example
 * ```ts
 * PersonalInfoCodec.decode({ firstname: 'John', gender: 0 }); // => right({ firstname: 'John', gender: 'MALE' })
 * ```
 * @since 0.1.0
 * @internal
 */
export const PersonalInfoCodec = record<PersonalInfo>('a personal info object', PERSONAL_FIELDS);

/**
 * Reads a `personal` attribute. Its fields may also be given next to `type`
 * (the documentation's table lists them flat): they are moved under `personal`.
 *
 * @example
 * ```ts
 * PersonalInfoAttributeCodec.decode({ type: 'personal', personal: { gender: 'FEMALE' } });
 * ```
 * @since 0.1.0
 * @internal
 */
export const PersonalInfoAttributeCodec = wrappedAttribute<PersonalInfoAttribute, PersonalInfo>(
  { type: 'personal', wrapper: 'personal', name: 'a personal attribute', flatFields: PERSONAL_INFO_FIELD_NAMES },
  PersonalInfoCodec,
);

/**
 * Builds a `personal` attribute (personal info); the `personal` wrapper is
 * added and `gender` is sent as a string. Never throws, and issues never
 * repeat the values given (names, emails, phones stay out of messages).
 *
 * @example
 * ```ts
 * personalInfoAttribute({ firstname: 'John', lastname: 'Doe', gender: 0, contacts: [{ email: 'john@doe.com', country: 'US' }] });
 * // => right({ type: 'personal', personal: { firstname: 'John', lastname: 'Doe', gender: 'MALE', contacts: [...] } })
 * ```
 * @since 0.1.0
 * @category Engagement attributes
 */
export function personalInfoAttribute(fields: PersonalInfoFields): Either<ValidationError, PersonalInfoAttribute> {
  return buildWrapped<PersonalInfoAttribute>('personal', 'personal', PersonalInfoCodec, fields);
}
