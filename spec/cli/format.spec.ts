/** The CLI's renderings of a failed check, for the store kind as for the others. */
import { formatOutcome, outcomeJson } from '../../src/cli/format';
import { storeError } from '../../src/errors';

describe('formatOutcome and outcomeJson of a store Left', () => {
  it('says which store step failed and why, in one line and in JSON', () => {
    const result = { _tag: 'Left' as const, left: storeError('load', { code: 'ECONNREFUSED' }) };
    expect(formatOutcome(result, 0)).toBe('Failed: store: load failed (ECONNREFUSED)');
    expect(JSON.parse(outcomeJson(result))).toEqual({ ok: false, error: { kind: 'store', operation: 'load', cause: 'ECONNREFUSED', message: 'the store could not read the visitor session (ECONNREFUSED)' } });
  });
});
