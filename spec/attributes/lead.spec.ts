import { decodeAttribute } from '../../src/attributes/attribute';
import { leadAttribute } from '../../src/attributes/lead';
import { leadApiExample, leadExample } from './fixtures';
import { issuesOf, rightOf } from './helpers';

describe('lead', () => {
  it('builds the documented examples', () => {
    expect(rightOf(leadAttribute(leadExample.lead))).toStrictEqual(leadExample);
    expect(rightOf(leadAttribute(leadApiExample.lead))).toStrictEqual(leadApiExample);
  });

  it('refuses a non-number value and a non-string leadId', () => {
    expect(issuesOf(leadAttribute({ value: '22.22' as never, leadId: 123 as never }))).toEqual([
      { path: 'value', reason: 'expected a finite number, got a string' },
      { path: 'leadId', reason: 'expected a string, got a number' },
    ]);
    expect(issuesOf(decodeAttribute({ type: 'lead', lead: [] }))).toEqual([{ path: 'lead', reason: 'expected an object, got an array' }]);
  });

  it('accepts a lead without its wrapper object (every field is optional)', () => {
    expect(rightOf(decodeAttribute({ type: 'lead' }))).toStrictEqual({ type: 'lead' });
  });
});
