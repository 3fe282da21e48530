import fc from 'fast-check';
import { CountryCode, LanguageCode } from '../../src/attributes/country';
import { decodeWith } from '../../src/internal/validation';
import { issuesOf, rightOf } from './helpers';

describe('country codes', () => {
  it('reads any two ASCII letters and writes them in upper case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{2}$/), (code) => {
        expect(rightOf(decodeWith(CountryCode, code))).toBe(code.toUpperCase());
      }),
    );
  });

  it('refuses anything else without repeating it', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/^[A-Za-z]{2}$/.test(s)), (code) => {
        const issues = issuesOf(decodeWith(CountryCode, code));
        expect(issues).toEqual([{ path: '(value)', reason: expect.stringMatching(/^expected a two-letter country code/) }]);
      }),
    );
  });
});

describe('language codes', () => {
  it('accepts a language, optionally with - or _ and a country', () => {
    for (const ok of ['en', 'en-US', 'fr_CA', 'pt-br']) expect(rightOf(decodeWith(LanguageCode, ok))).toBe(ok);
    for (const bad of ['eng', 'en-', 'en-USA', 'en US', 'e1', 5]) expect(decodeWith(LanguageCode, bad)._tag).toBe('Left');
  });
});
