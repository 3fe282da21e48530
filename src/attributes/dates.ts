/**
 * Calendar dates as the attributes send them: `{ day, month, year }`
 * integers (customer info's `lastPaymentDate` and `registrationDate`).
 *
 * @packageDocumentation
 */
import type * as t from 'io-ts';
import { issueAt, record, required } from './record';
import { integerIn } from './scalars';

/**
 * A calendar date, `{ day, month, year }`, month 1-12, year 1-9999, and the
 * day one that month really has (the proleptic Gregorian calendar).
 *
 * @example
 * ```ts
 * const lastPayment: CalendarDate = { day: 15, month: 10, year: 2014 };
 * ```
 * @since 0.1.0
 */
export interface CalendarDate {
  readonly day: number;
  readonly month: number;
  readonly year: number;
}

/**
 * `true` for a Gregorian leap year.
 *
 * @example
 * ```ts
 * isLeapYear(2000); // => true
 * isLeapYear(1900); // => false
 * ```
 * @since 0.1.0
 * @internal
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * How many days `month` (1-12) has in `year`; without a year, February has 29.
 *
 * @example
 * ```ts
 * daysInMonth(2, 2023); // => 28
 * daysInMonth(2); // => 29
 * ```
 * @since 0.1.0
 * @internal
 */
export function daysInMonth(month: number, year?: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return DAYS[month - 1] ?? 31;
}

/**
 * The message of a day that its month does not have.
 *
 * @example
 * ```ts
 * issueAt(context, 'day', 31, NOT_A_DAY_OF_THAT_MONTH);
 * ```
 * @since 0.1.0
 * @internal
 */
export const NOT_A_DAY_OF_THAT_MONTH = 'is not a day of that month (expected a real calendar date)';

/**
 * The year range of a {@link CalendarDate}.
 *
 * @example
 * ```ts
 * const Year = YearCodec; // an integer from 1 to 9999
 * ```
 * @since 0.1.0
 * @internal
 */
export const YearCodec = integerIn(1, 9999);

/**
 * The month range, 1-12.
 *
 * @example
 * ```ts
 * MonthCodec.is(12); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const MonthCodec = integerIn(1, 12);

/**
 * The day range before the month is known, 1-31.
 *
 * @example
 * ```ts
 * DayCodec.is(31); // => true
 * ```
 * @since 0.1.0
 * @internal
 */
export const DayCodec = integerIn(1, 31);

/**
 * Reads a {@link CalendarDate}; a day the month does not have is refused at
 * `.day`. Other fields of the date object are kept.
 *
 * @example
 * ```ts
 * CalendarDateCodec.decode({ day: 29, month: 2, year: 2023 }); // => left (2023 is not a leap year)
 * ```
 * @since 0.1.0
 * @internal
 */
export const CalendarDateCodec: t.Type<CalendarDate, CalendarDate, unknown> = record<CalendarDate>(
  'a date object { day, month, year }',
  { day: required(DayCodec), month: required(MonthCodec), year: required(YearCodec) },
  (value, context) =>
    value.day > daysInMonth(value.month, value.year)
      ? { errors: [issueAt(context, 'day', value.day, NOT_A_DAY_OF_THAT_MONTH)] }
      : { value },
);
