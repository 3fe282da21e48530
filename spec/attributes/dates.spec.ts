import fc from 'fast-check';
import { CalendarDateCodec, daysInMonth, isLeapYear } from '../../src/attributes/dates';
import { decodeWith } from '../../src/internal/validation';
import { calendarDate } from './arbitraries';
import { issuesOf, rightOf } from './helpers';

/** Whether y-m-d exists, asked of `Date` (proleptic Gregorian, any year). */
function dateExists(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect([2000, 2024, 4].map(isLeapYear)).toEqual([true, true, true]);
    expect([1900, 2023, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect(daysInMonth(2, 2024)).toBe(29);
    expect(daysInMonth(2, 2023)).toBe(28);
    expect(daysInMonth(2)).toBe(29);
    expect(daysInMonth(4, 2023)).toBe(30);
    expect(daysInMonth(12, 2023)).toBe(31);
  });

  it('accepts exactly the dates that exist', () => {
    const parts = fc.record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) });
    fc.assert(
      fc.property(parts, ({ year, month, day }) => {
        const result = decodeWith(CalendarDateCodec, { day, month, year });
        expect(result._tag === 'Right').toBe(dateExists(year, month, day));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every real date', () => {
    fc.assert(fc.property(calendarDate, (d) => expect(rightOf(decodeWith(CalendarDateCodec, d))).toStrictEqual(d)));
  });

  it('names the bad part', () => {
    expect(issuesOf(decodeWith(CalendarDateCodec, { day: 29, month: 2, year: 2023 }))).toEqual([
      { path: 'day', reason: 'is not a day of that month' },
    ]);
    expect(issuesOf(decodeWith(CalendarDateCodec, { day: 0, month: 1, year: 2023 }))).toEqual([{ path: 'day', reason: 'expected an integer from 1 to 31, got a number' }]);
    expect(issuesOf(decodeWith(CalendarDateCodec, { day: 1, month: 1, year: 10000 }))).toEqual([{ path: 'year', reason: 'expected an integer from 1 to 9999, got a number' }]);
    expect(issuesOf(decodeWith(CalendarDateCodec, { day: '1', month: 1.5 }))).toEqual([
      { path: 'day', reason: 'expected an integer from 1 to 31, got a string' },
      { path: 'month', reason: 'expected an integer from 1 to 12, got a number' },
      { path: 'year', reason: 'is missing (expected an integer from 1 to 9999)' },
    ]);
    expect(issuesOf(decodeWith(CalendarDateCodec, '2014-10-15'))).toEqual([{ path: '(value)', reason: 'expected an object, got a string' }]);
  });
});
