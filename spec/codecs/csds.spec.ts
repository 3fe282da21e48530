import fc from 'fast-check';
import { decodeCsds, pickService, type CsdsEntry } from '../../src/codecs/csds';
import { isLeft, isRight, type Either } from '../../src/internal/either';
import type { ValidationIssue } from '../../src/errors';
import { expectDecoderAnswer } from '../helpers/decoder-properties';

function valueOf<A>(result: Either<ValidationIssue[], A>): A {
  if (isLeft(result)) throw new Error(`expected the value to be accepted, got ${JSON.stringify(result.left)}`);
  return result.right;
}

function issuesOf<A>(result: Either<ValidationIssue[], A>): ValidationIssue[] {
  if (!isLeft(result)) throw new Error('expected the value to be refused');
  return result.left;
}

const BODY = {
  baseURIs: [
    { service: 'conversationVep', account: '12345678', baseURI: 'va.v.liveperson.net' },
    { service: 'smt', account: '12345678', baseURI: 'va.v.liveperson.net' },
    { service: 'msdkgw', account: '12345678', baseURI: 'va.msdkgw.liveperson.net' },
    { service: 'agentVep', account: '12345678', baseURI: 'va.a.liveperson.net' },
  ],
};

describe('decodeCsds', () => {
  it('decodes an all-services answer, keeping each entry', () => {
    expect(valueOf(decodeCsds(BODY))).toStrictEqual(BODY);
  });

  it('decodes an empty list', () => {
    expect(valueOf(decodeCsds({ baseURIs: [] }))).toStrictEqual({ baseURIs: [] });
  });

  it('does not need the account field', () => {
    expect(valueOf(decodeCsds({ baseURIs: [{ service: 'smt', baseURI: 'sy.v.liveperson.net' }] }))).toStrictEqual({
      baseURIs: [{ service: 'smt', baseURI: 'sy.v.liveperson.net' }],
    });
  });

  it('tolerates unknown top-level fields', () => {
    expect(isRight(decodeCsds({ ...BODY, version: '1.0' }))).toBe(true);
  });

  it.each<[string, unknown, ValidationIssue[]]>([
    ['a missing list', {}, [{ path: 'baseURIs', reason: `is missing (expected an array of service entries)` }]],
    ['a list that is an object', { baseURIs: { service: 'smt' } }, [{ path: 'baseURIs', reason: `expected an array of service entries, got an object` }]],
    ['an empty baseURI', { baseURIs: [{ service: 'smt', baseURI: '' }] }, [{ path: 'baseURIs[0].baseURI', reason: 'expected a non-empty string, got an empty string' }]],
    ['a missing baseURI', { baseURIs: [BODY.baseURIs[0], { service: 'smt' }] }, [{ path: 'baseURIs[1].baseURI', reason: 'is missing (expected a non-empty string)' }]],
    ['a numeric service', { baseURIs: [{ service: 1, baseURI: 'h' }] }, [{ path: 'baseURIs[0].service', reason: 'expected a string, got a number' }]],
    ['an entry that is a string', { baseURIs: ['smt'] }, [{ path: 'baseURIs[0]', reason: `expected a service entry, got a string` }]],
  ])('refuses %s with an exact path', (_label, body, issues) => {
    expect(issuesOf(decodeCsds(body))).toStrictEqual(issues);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'sy.v.liveperson.net'],
    ['an array', BODY.baseURIs],
  ])('refuses %s as a whole', (_label, body) => {
    const issues = issuesOf(decodeCsds(body));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('(value)');
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ baseURIs: fc.array(fc.record({ service: fc.jsonValue(), baseURI: fc.jsonValue() })) })), (body) => {
        const result = decodeCsds(body);
        expectDecoderAnswer(result);
      }),
    );
  });
});

describe('pickService', () => {
  const entries: CsdsEntry[] = valueOf(decodeCsds(BODY)).baseURIs.slice();

  it('picks the first service of the list that the answer has', () => {
    expect(pickService(entries, ['msdkgw', 'smt'])?.baseURI).toBe('va.msdkgw.liveperson.net');
  });

  it('follows the order of the services asked for, not the order of the answer', () => {
    expect(pickService(entries, ['smt', 'msdkgw'])?.service).toBe('smt');
    expect(pickService(entries, ['agentVep', 'smt'])?.service).toBe('agentVep');
  });

  it('falls back to a later service when the first is not listed', () => {
    const withoutMsdkgw = entries.filter((e) => e.service !== 'msdkgw');
    expect(pickService(withoutMsdkgw, ['msdkgw', 'smt'])).toStrictEqual(BODY.baseURIs[1]);
  });

  it('gives the first entry when a service is listed twice', () => {
    const twice: CsdsEntry[] = [
      { service: 'smt', baseURI: 'first.example' },
      { service: 'smt', baseURI: 'second.example' },
    ];
    expect(pickService(twice, ['smt'])?.baseURI).toBe('first.example');
  });

  it('compares names case-sensitively', () => {
    expect(pickService(entries, ['MSDKGW', 'Smt'])).toBeUndefined();
  });

  it('gives undefined when no service asked for is listed', () => {
    expect(pickService(entries, ['unknown'])).toBeUndefined();
    expect(pickService(entries, [])).toBeUndefined();
    expect(pickService([], ['msdkgw', 'smt'])).toBeUndefined();
  });

  it('always gives an entry of the answer, for the earliest listed service', () => {
    const names = fc.constantFrom('msdkgw', 'smt', 'conversationVep', 'agentVep', 'other');
    const entry = fc.record({ service: names, baseURI: fc.string({ minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(entry), fc.array(names), (list, wanted) => {
        const picked = pickService(list, wanted);
        const firstWanted = wanted.find((w) => list.some((e) => e.service === w));
        if (firstWanted === undefined) {
          expect(picked).toBeUndefined();
        } else {
          expect(picked).toBe(list.find((e) => e.service === firstWanted));
        }
      }),
    );
  });
});
