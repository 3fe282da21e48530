/**
 * Server text made safe to log: one line, bounded, with what looks like
 * personal data masked. Pure.
 *
 * @internal
 */

/** How many characters of server text a safe message keeps. */
export const SAFE_TEXT_LENGTH = 300;

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: each run becomes one space.
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const EMAIL = /[^\s@<>()[\]]+@[^\s@<>()[\]]+\.[a-z]{2,}/gi;
// Seven or more digits, optionally led by + and split by spaces, dots, dashes or parentheses: phone-like.
const PHONE = /\+?\d(?:[\s().-]{0,3}\d){6,}/g;

/**
 * `text` on one line (control characters and line separators become
 * spaces), emails shown as `[email]`, phone-like numbers (7 digits or more)
 * as `[number]`, cut to `max` characters (with `…`) without splitting a
 * surrogate pair.
 */
export function safeText(text: string, max = SAFE_TEXT_LENGTH): string {
  // Masking looks at a bounded prefix only: a 10 MB message costs no more than a short one.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const masked = head.replace(BREAKS, ' ').replace(EMAIL, '[email]').replace(PHONE, '[number]').trim();
  if (masked.length <= max && head === text) return masked;
  let cut = masked.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
