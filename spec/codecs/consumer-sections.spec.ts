import fc from 'fast-check';
import { ConsumerSectionsCodec } from '../../src/codecs/consumer-sections';
import { decodeRequest } from '../../src/codecs/request';
import { decodeWith } from '../../src/internal/validation';
import { isLeft, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

const decode = (u: unknown) => decodeWith(ConsumerSectionsCodec, u);
const sectionsOf = (u: unknown) => valueOf(decodeRequest({ consumerSections: u })).consumerSections;

const BLANK_REASON = 'expected a non-blank section name, got';

describe('ConsumerSectionsCodec: arrays', () => {
  it('keeps the seed sections', () => {
    expect(valueOf(decode(['Support', 'English', 'Other']))).toStrictEqual(['Support', 'English', 'Other']);
  });

  it('accepts an empty array', () => {
    expect(valueOf(decode([]))).toStrictEqual([]);
  });

  it('trims each name', () => {
    expect(valueOf(decode(['  Support', 'English  ', '\tOther\n']))).toStrictEqual(['Support', 'English', 'Other']);
  });

  it('keeps inner spaces and commas inside an array item', () => {
    expect(valueOf(decode(['Customer Support', 'a,b']))).toStrictEqual(['Customer Support', 'a,b']);
  });
});

describe('ConsumerSectionsCodec: comma-delimited strings', () => {
  it.each<[string, string[]]>([
    ['Support,English,Other', ['Support', 'English', 'Other']],
    ['Support, English , Other', ['Support', 'English', 'Other']],
    ['  Support  ', ['Support']],
    ['Customer Support,Billing', ['Customer Support', 'Billing']],
    ['a,,b', ['a', 'b']],
    [',a,', ['a']],
    ['', []],
    [' , ,', []],
  ])('normalizes %j to %j', (input, expected) => {
    expect(valueOf(decode(input))).toStrictEqual(expected);
  });
});

describe('ConsumerSectionsCodec: refusals', () => {
  it.each<[string, unknown, string]>([
    ['a number', 5, 'a number'],
    ['null', null, 'null'],
    ['an object', { 0: 'Support' }, 'an object'],
    ['a boolean', true, 'a boolean'],
  ])('refuses %s', (_label, value, kind) => {
    expect(issuesOf(decode(value))).toStrictEqual([
      { path: '(value)', reason: `expected an array of section names or a comma-delimited string, got ${kind}` },
    ]);
  });

  it('refuses a blank item with its index in brackets', () => {
    expect(issuesOf(decode(['Support', '  ']))).toStrictEqual([{ path: '[1]', reason: `${BLANK_REASON} a string` }]);
  });
});

describe('consumerSections in a request', () => {
  it('keeps an array', () => {
    expect(sectionsOf(['Support', 'English', 'Other'])).toStrictEqual(['Support', 'English', 'Other']);
  });

  it('normalizes a comma-delimited string to trimmed names', () => {
    expect(sectionsOf(' Support ,English,  Other ')).toStrictEqual(['Support', 'English', 'Other']);
  });

  it.each<[string, unknown[], number, string]>([
    ['an empty string', ['Support', ''], 1, 'an empty string'],
    ['a blank string', ['Support', '   '], 1, 'a string'],
    ['a number', [3, 'Support'], 0, 'a number'],
    ['null', ['Support', 'English', null], 2, 'null'],
    ['an object', ['Support', { name: 'x' }], 1, 'an object'],
  ])('refuses %s in an array, with the index in the path', (_label, sections, index, kind) => {
    expect(issuesOf(decodeRequest({ consumerSections: sections }))).toStrictEqual([
      { path: `consumerSections[${index}]`, reason: `${BLANK_REASON} ${kind}` },
    ]);
  });

  it('reports every blank item', () => {
    const paths = issuesOf(decodeRequest({ consumerSections: ['', 'ok', ' '] })).map((i) => i.path);
    expect(paths).toStrictEqual(['consumerSections[0]', 'consumerSections[2]']);
  });

  it('refuses a value that is neither a string nor an array', () => {
    expect(issuesOf(decodeRequest({ consumerSections: 42 }))).toStrictEqual([
      { path: 'consumerSections', reason: 'expected an array of section names or a comma-delimited string, got a number' },
    ]);
  });
});

describe('consumerSections properties', () => {
  it('normalizes any string exactly as splitting on commas, trimming and dropping blanks', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '\t', '-', 'é'), maxLength: 40 }), (s) => {
        const expected = s
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part.length > 0);
        expect(valueOf(decode(s))).toStrictEqual(expected);
        expect(sectionsOf(s)).toStrictEqual(expected);
      }),
    );
  });

  it('gives back the names that were joined with commas and padded with spaces', () => {
    const name = fc
      .string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '-', '_'), minLength: 1, maxLength: 12 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const pad = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(pad, name, pad), { maxLength: 8 }), (items) => {
        const joined = items.map(([before, n, after]) => `${before}${n}${after}`).join(',');
        expect(sectionsOf(joined)).toStrictEqual(items.map(([, n]) => n));
      }),
    );
  });

  it('accepts any array of non-blank names, trimmed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0)), (names) => {
        expect(valueOf(decode(names))).toStrictEqual(names.map((n) => n.trim()));
      }),
    );
  });
});
