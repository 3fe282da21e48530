import { decodeAttribute } from '../../src/attributes/attribute';
import { visitorErrorAttribute } from '../../src/attributes/error';
import { errorExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('error', () => {
  it('builds the documented example', () => {
    expect(rightOf(visitorErrorAttribute(errorExample.error))).toStrictEqual(errorExample);
  });

  it('refuses a non-boolean resolved, a fractional level and a non-string code', () => {
    expect(issuesOf(visitorErrorAttribute({ resolved: 'false' as never, level: 1.5, code: 100004 as never }))).toEqual([
      { path: 'resolved', reason: 'expected a boolean, got a string' },
      { path: 'level', reason: 'expected an integer, got a number' },
      { path: 'code', reason: 'expected a string, got a number' },
    ]);
    expect(issuesOf(decodeAttribute({ type: 'error', error: { level: 2 ** 60 } }))).toEqual([{ path: 'error.level', reason: 'expected an integer, got a number' }]);
  });
});
