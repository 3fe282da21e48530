/**
 * Calendar dates as the attributes send them: `{ day, month, year }`
 * integers (customer info's `lastPaymentDate` and `registrationDate`).
 *
 * @packageDocumentation
 */
import * as t from 'io-ts';
import { issueAt, record, required } from './record';
import { integerIn } from './scalars';

/**
 * A calendar date, `{ day, month, year }`, month 1-12, year 1-9999, and the
 * day one that month really has (the proleptic Gregorian calendar).
 *
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
 * @since 0.1.0
 * @internal
 */
export function isLeapYear(year: number): boolean {
  return daysInMonth(2, year) === 29;
}

/**
 * How many days `month` (1-12) has in `year` (proleptic Gregorian); without
 * a year, February has 29.
 *
 * @since 0.1.0
 * @internal
 */
export function daysInMonth(month: number, year = 2000): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month: the last day of `month`
  return date.getUTCDate();
}

/**
 * The check of a record with a day, a month and a year (each optional):
 * refuses at `day` a day its month does not have, once `day` and `month`
 * are known (in that year, when it is known).
 *
 * @since 0.1.0
 * @internal
 */
export function realDay<D extends { readonly day?: number; readonly month?: number; readonly year?: number }>(value: D, context: t.Context): t.Validation<D> {
  // without a day or a month, the comparison is false (with NaN)
  return (value.day ?? NaN) > daysInMonth(value.month ?? NaN, value.year)
    ? t.failures([issueAt(context, 'day', 'is not a day of that month')])
    : t.success(value);
}

/**
 * The year range of a {@link CalendarDate}, 1-9999.
 *
 * @since 0.1.0
 * @internal
 */
export const YearCodec = /* @__PURE__ */ integerIn(1, 9999);

/**
 * The month range, 1-12.
 *
 * @since 0.1.0
 * @internal
 */
export const MonthCodec = /* @__PURE__ */ integerIn(1, 12);

/**
 * The day range before the month is known, 1-31.
 *
 * @since 0.1.0
 * @internal
 */
export const DayCodec = /* @__PURE__ */ integerIn(1, 31);

/**
 * Reads a {@link CalendarDate}; a day the month does not have is refused at
 * `.day`. Other fields of the date object are kept.
 *
 * @since 0.1.0
 * @internal
 */
export const CalendarDateCodec = /* @__PURE__ */ record<CalendarDate>(
  { day: required(DayCodec), month: required(MonthCodec), year: required(YearCodec) },
  realDay,
);
