/**
 * Reading the `Retry-After` header (RFC 9110 section 10.2.3): a number of
 * seconds, or an HTTP date in any of its three formats. Pure: the current
 * time is a parameter.
 *
 * @packageDocumentation
 */

/** The three formats, each with the order of its year, month, day, hours, minutes and seconds groups. */
const FORMATS: ReadonlyArray<readonly [RegExp, ReadonlyArray<number>]> = [
  /** `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate) */
  [/^[a-z]{3}, (\d\d) ([a-z]{3}) (\d{4}) (\d\d):(\d\d):(\d\d) gmt$/i, [3, 2, 1, 4, 5, 6]],
  /** `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850, obsolete, still to be accepted) */
  [/^[a-z]{6,9}, (\d\d)-([a-z]{3})-(\d\d) (\d\d):(\d\d):(\d\d) gmt$/i, [3, 2, 1, 4, 5, 6]],
  /** `Sun Nov  6 08:49:37 1994` (asctime, obsolete, still to be accepted) */
  [/^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4})$/i, [6, 1, 2, 3, 4, 5]],
];

/**
 * Parses an HTTP date (IMF-fixdate, RFC 850 or asctime format) into epoch
 * milliseconds; `undefined` when the text is none of them, or names a day
 * that does not exist. A two-digit RFC 850 year is read as the most recent
 * year with those digits that is not more than 50 years after `now`.
 * @since 0.1.0
 */
export function parseHttpDate(text: string, now: number): number | undefined {
  for (const [format, order] of FORMATS) {
    const m = format.exec(text.trim());
    if (m === null) continue;
    const [y = '', mon = '', day, h, min, s] = order.map((i) => m[i] as string);
    const month = 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(mon.toLowerCase()) / 3;
    let year = Number(y);
    if (y.length === 2) {
      const nowYear = new Date(Number.isFinite(now) ? now : 0).getUTCFullYear();
      year += Math.floor(nowYear / 100) * 100;
      if (year > nowYear + 50) year -= 100;
    }
    const time = Date.UTC(year, month, Number(day), Number(h), Number(min), Math.min(Number(s), 59));
    // Refuses what does not exist: 31 Feb (it would roll over into March), hour 25, an unknown month.
    return Number.isInteger(month) && Number(h) < 24 && Number(min) < 60 && Number(s) <= 60 && new Date(time).getUTCDate() === Number(day) ? time : undefined;
  }
  return undefined;
}

/**
 * How long a `Retry-After` header asks to wait, in milliseconds from `now`
 * (epoch milliseconds, the same clock as the scheduler's). Seconds (`"120"`)
 * or an HTTP date; a date in the past gives `0`. `undefined` when the header
 * is missing or unreadable: the caller then falls back to its own backoff.
 * @since 0.1.0
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(text)) return Number.isFinite(Number(text) * 1000) ? Number(text) * 1000 : undefined;
  const date = parseHttpDate(text, now);
  return date === undefined || !Number.isFinite(now) ? undefined : Math.max(0, date - now);
}
