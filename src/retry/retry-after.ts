/**
 * Reading the `Retry-After` header (RFC 9110 section 10.2.3): a number of
 * seconds, or an HTTP date in any of its three formats. Pure: the current
 * time is a parameter.
 *
 * @packageDocumentation
 */

const SECONDS = /^\d+(?:\.\d+)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `Sun, 06 Nov 1994 08:49:37 GMT` */
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
/** `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete, still to be accepted) */
const RFC850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
/** `Sun Nov  6 08:49:37 1994` (obsolete, still to be accepted) */
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

function utc(year: number, monthName: string, day: number, hour: number, minute: number, second: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || hour > 23 || minute > 59 || second > 60) return undefined;
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Refuse dates that do not exist (31 Feb rolls over into March otherwise).
  return new Date(time).getUTCDate() === day ? time : undefined;
}

/**
 * Parses an HTTP date (IMF-fixdate, RFC 850 or asctime format) into epoch
 * milliseconds; `undefined` when the text is none of them. A two-digit RFC
 * 850 year is read as the most recent year with those digits that is not
 * more than 50 years after `now`.
 *
 * @example
 * ```ts
 * parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT', Date.now()); // 784111777000
 * ```
 * @since 0.1.0
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  const value = text.trim();
  let m = IMF_FIXDATE.exec(value);
  if (m !== null) return utc(Number(m[3]), m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  m = RFC850.exec(value);
  if (m !== null) {
    const nowYear = new Date(Number.isFinite(now) ? now : 0).getUTCFullYear();
    let year = Math.floor(nowYear / 100) * 100 + Number(m[3]);
    if (year > nowYear + 50) year -= 100;
    return utc(year, m[2] ?? '', Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  m = ASCTIME.exec(value);
  if (m !== null) return utc(Number(m[6]), m[1] ?? '', Number((m[2] ?? '').trim()), Number(m[3]), Number(m[4]), Number(m[5]));
  return undefined;
}

/**
 * How long a `Retry-After` header asks to wait, in milliseconds from `now`
 * (epoch milliseconds, the same clock as the scheduler's). Seconds (`"120"`)
 * or an HTTP date; a date in the past gives `0`. `undefined` when the header
 * is missing or unreadable: the caller then falls back to its own backoff.
 *
 * @example
 * ```ts
 * parseRetryAfter('2', 0);                                        // 2000
 * parseRetryAfter('Thu, 01 Jan 1970 00:00:05 GMT', 1000);         // 4000
 * parseRetryAfter('soon', 0);                                     // undefined
 * ```
 * @since 0.1.0
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (SECONDS.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  const date = parseHttpDate(text, now);
  if (date === undefined || !Number.isFinite(now)) return undefined;
  return Math.max(0, date - now);
}
