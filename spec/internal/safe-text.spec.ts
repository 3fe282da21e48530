import fc from 'fast-check';
import { SAFE_TEXT_LENGTH, safeText } from '../../src/internal/safe-text';

describe('safeText', () => {
  it('puts every line break and control character on one line', () => {
    expect(safeText('a\r\nFAKE LOG LINE\u2028b\u0000c\u0085d')).toBe('a FAKE LOG LINE b c d');
  });
  it('masks email addresses and phone-like numbers', () => {
    expect(safeText('no visitor jane.doe+x@example.co.uk, call +1 (555) 123-4567 or 0612345678')).toBe('no visitor [email], call [number] or [number]');
  });
  it('keeps short numbers: statuses, codes, counts', () => {
    expect(safeText('Loading account: 123456, code 20, retry in 30 s')).toBe('Loading account: 123456, code 20, retry in 30 s');
  });
  it(`cuts at ${SAFE_TEXT_LENGTH} characters, marked with an ellipsis, even a 10 MB line`, () => {
    const out = safeText('x'.repeat(10_000_000));
    expect(out).toBe(`${'x'.repeat(SAFE_TEXT_LENGTH)}…`);
  });
  it('never splits a surrogate pair at the cut', () => {
    const out = safeText(`${'x'.repeat(SAFE_TEXT_LENGTH - 1)}\ud83d\ude00tail`);
    expect(out).toBe(`${'x'.repeat(SAFE_TEXT_LENGTH - 1)}…`);
  });
  it('answers one line of bounded length whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (text) => {
        const out = safeText(text);
        expect(out.length).toBeLessThanOrEqual(SAFE_TEXT_LENGTH + 1);
        // eslint-disable-next-line no-control-regex
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
    );
  });
});
