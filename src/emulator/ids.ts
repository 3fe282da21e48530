/**
 * Id generation: a counter (so ids are unique and ordered even when `random`
 * is a constant in a test) followed by a random part drawn from `random`.
 *
 * @internal
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_CHARS = 6;
const RANDOM_SPACE = ALPHABET.length ** RANDOM_CHARS;
const PAGE_RANDOM_DIGITS = 6;

/** Makes the ids the emulator hands out. */
export interface IdSource {
  /** `V` + counter + 6 letters/digits, e.g. `V1Qb3xZ0`. */
  visitorId(): string;
  /** `S` + counter + 6 letters/digits. */
  sessionId(): string;
  /** Digits only, like LivePerson's page ids: counter + 6 random digits. */
  pageId(): string;
}

/** Clamps whatever `random` returned into [0, 1). */
export function unitInterval(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return value >= 1 ? 1 - Number.EPSILON : value;
}

function randomWord(random: () => number): string {
  let n = Math.floor(unitInterval(random()) * RANDOM_SPACE);
  let out = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) {
    out += ALPHABET[n % ALPHABET.length];
    n = Math.floor(n / ALPHABET.length);
  }
  return out;
}

function randomDigits(random: () => number): string {
  const n = Math.floor(unitInterval(random()) * 10 ** PAGE_RANDOM_DIGITS);
  return String(n).padStart(PAGE_RANDOM_DIGITS, '0');
}

/** A fresh id source with its own counters. Each id uses one call of `random`. */
export function createIdSource(random: () => number): IdSource {
  let visitors = 0;
  let sessions = 0;
  let pages = 0;
  return {
    visitorId: () => `V${(visitors += 1)}${randomWord(random)}`,
    sessionId: () => `S${(sessions += 1)}${randomWord(random)}`,
    pageId: () => `${(pages += 1)}${randomDigits(random)}`,
  };
}
