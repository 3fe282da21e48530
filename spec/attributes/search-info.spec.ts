import { decodeAttribute } from '../../src/attributes/attribute';
import { searchedContentAttribute } from '../../src/attributes/search-info';
import { searchInfoExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('searchInfo', () => {
  it('builds the documented example', () => {
    expect(rightOf(searchedContentAttribute({ keywords: ['Reset password'] }))).toStrictEqual(searchInfoExample);
  });

  it('refuses keywords that are not an array of strings', () => {
    expect(issuesOf(searchedContentAttribute({ keywords: 'Reset password' as never }))).toEqual([
      { path: 'keywords', reason: 'expected an array of strings, got a string' },
    ]);
    expect(issuesOf(decodeAttribute({ type: 'searchInfo', keywords: ['ok', 3] }))).toEqual([{ path: 'keywords[1]', reason: 'expected a string, got a number' }]);
  });
});
