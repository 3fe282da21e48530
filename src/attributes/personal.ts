/**
 * `personal` — "Personal info": the visitor's name, age, gender, language,
 * company and contacts. Fields sit under `personal`; re-sending merges them.
 *
 * @packageDocumentation
 */
import { list } from '../codecs/primitives';
import type { ValidationError } from '../errors';
import type { Either } from '../internal/either';
import { CountryCode, LanguageCode } from './country';
import { DayCodec, MonthCodec, YearCodec, realDay } from './dates';
import { member } from './dispatch';
import { GenderCodec, PhoneTypeCodec, type Gender, type GenderCode, type PhoneType } from './enums';
import { record, refine, type Fields } from './record';
import { Text, integerIn } from './scalars';
import { builder, moveUnder } from './shapes';

/**
 * A visitor's age and/or birth date, every field optional. LivePerson
 * computes the age from `year`/`month`/`day` when `age` is absent.
 *
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
 * @since 0.1.0
 */
export type PersonalInfoFields = Omit<PersonalInfo, 'gender'> & { readonly gender?: Gender | GenderCode };

/** A birth year: an integer 1-9999, or a string of digits (the table's example is `"1969"`). */
const BirthYear = /* @__PURE__ */ refine(YearCodec.name, (u) => {
  const year = typeof u === 'string' && /^\d{1,4}$/.test(u) ? Number(u) : u;
  return YearCodec.is(year) ? year : undefined;
});

/**
 * Reads an {@link Age}; a day its month does not have is refused at `.day`.
 *
 * @since 0.1.0
 * @internal
 */
export const AgeCodec = /* @__PURE__ */ record<Age>(
  { age: /* @__PURE__ */ integerIn(0, 150), year: BirthYear, month: MonthCodec, day: DayCodec },
  realDay,
);

/**
 * Reads a {@link Contact}.
 *
 * @since 0.1.0
 * @internal
 */
export const ContactCodec = /* @__PURE__ */ record<Contact>({
  email: Text,
  phone: Text,
  phoneType: PhoneTypeCodec,
  address: /* @__PURE__ */ record<Address>({ country: Text, region: Text }),
  country: CountryCode,
  region: Text,
});

/**
 * The codecs of the {@link PersonalInfo} fields.
 *
 * @since 0.1.0
 * @internal
 */
export const PERSONAL_INFO_FIELDS: Fields<PersonalInfo> = {
  firstname: Text,
  lastname: Text,
  age: AgeCodec,
  contacts: /* @__PURE__ */ list(ContactCodec, 'an array'),
  gender: GenderCodec,
  company: Text,
  language: LanguageCode,
};

/**
 * Reads the `personal` object of a personal-info attribute.
 *
 * @since 0.1.0
 * @internal
 */
export const PersonalInfoCodec = /* @__PURE__ */ record<PersonalInfo>(PERSONAL_INFO_FIELDS);

/**
 * Reads a `personal` attribute. Its fields may also be given next to `type`
 * (the documentation's table lists them flat): they are moved under `personal`.
 *
 * @since 0.1.0
 * @internal
 */
export const PersonalInfoAttributeCodec = /* @__PURE__ */ member<PersonalInfoAttribute, PersonalInfoAttribute & PersonalInfo>(
  'personal',
  { personal: PersonalInfoCodec, ...PERSONAL_INFO_FIELDS },
  /* @__PURE__ */ moveUnder('personal', PERSONAL_INFO_FIELDS),
);

/**
 * Builds a `personal` attribute (personal info); the `personal` wrapper is
 * added and `gender` is sent as a string. Never throws, and issues never
 * repeat the values given (names, emails, phones stay out of messages).
 *
 * @example
 * ```ts
 * personalInfoAttribute({ firstname: 'John', lastname: 'Doe', gender: 0, contacts: [{ email: 'john.doe@example.com', country: 'US' }] });
 * // => right({ type: 'personal', personal: { firstname: 'John', lastname: 'Doe', gender: 'MALE', contacts: [...] } })
 * ```
 * @since 0.1.0
 * @function
 * @category Engagement attributes
 */
export const personalInfoAttribute: (fields: PersonalInfoFields) => Either<ValidationError, PersonalInfoAttribute> = /* @__PURE__ */ builder(PersonalInfoAttributeCodec, 'personal');
