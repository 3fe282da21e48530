import { NEVER, VirtualTimeScheduler } from 'rxjs';
import { sinkOf, watchIssues } from '../../src/orchestrator/options';

const paths = (inputs: unknown, options: unknown) => watchIssues(inputs, options).map((i) => i.path);

describe('watchIssues: the options', () => {
  const reporter = { report: () => undefined };

  it('accepts no options, and every option with a value of its kind', () => {
    expect(watchIssues(undefined, undefined)).toEqual([]);
    expect(watchIssues(undefined, {})).toEqual([]);
    const all = {
      scheduler: new VirtualTimeScheduler(),
      reporter,
      attributeDebounceMs: 0,
      eligibilityTypes: ['prodView'],
      renewLeadMs: 86_400_000,
      attributes: 'request',
      onInvalidAttributes: () => undefined,
    };
    expect(watchIssues(undefined, all)).toEqual([]);
  });

  it("refuses bad and unknown options, naming each, in the options' order", () => {
    expect(paths(undefined, { scheduler: {}, reporter: {}, attributeDebounceMs: -1, renewLeadMs: Number.NaN, eligibilityTypes: ['cart', 3], attributes: 'x', onInvalidAttributes: 1, debounce: 5 })).toEqual([
      'scheduler',
      'attributeDebounceMs',
      'renewLeadMs',
      'eligibilityTypes[1]',
      'reporter',
      'attributes',
      'onInvalidAttributes',
      'debounce',
    ]);
    expect(paths(undefined, 'fast')).toEqual(['options']);
    expect(paths(undefined, null)).toEqual(['options']);
    expect(paths(undefined, { eligibilityTypes: 'cart' })).toEqual(['eligibilityTypes']);
    expect(paths(undefined, { attributeDebounceMs: 86_400_001 })).toEqual(['attributeDebounceMs']);
  });

  it('refuses null for an option (undefined is the only way to leave one out)', () => {
    expect(paths(undefined, { scheduler: null, reporter: null })).toEqual(['scheduler', 'reporter']);
  });

  it('says why, never echoing a value', () => {
    const issues = watchIssues(undefined, { attributeDebounceMs: 'secret-1', deboucne: 5 });
    expect(issues).toEqual([
      { path: 'attributeDebounceMs', reason: 'expected a number of ms from 0 to 86400000, got a string' },
      { path: 'deboucne', reason: expect.stringMatching(/^unknown option \(expected one of scheduler, attributeDebounceMs, /) },
    ]);
    expect(JSON.stringify(issues)).not.toContain('secret-1');
  });

  it("refuses attributes: 'report' without a reporter", () => {
    expect(watchIssues(undefined, { attributes: 'report' })).toEqual([{ path: 'attributes', reason: "is 'report' but no reporter is given" }]);
    expect(watchIssues(undefined, { attributes: 'report', reporter })).toEqual([]);
  });
});

describe('watchIssues: the inputs', () => {
  it('accepts Observables and an appDetails object', () => {
    expect(watchIssues({ sections$: NEVER, attributes$: NEVER, refresh$: NEVER, online$: NEVER, visible$: NEVER, appDetails: { os: 'IOS' } }, undefined)).toEqual([]);
    expect(watchIssues(undefined, undefined)).toEqual([]);
    expect(watchIssues({ sections$: undefined }, undefined)).toEqual([]);
  });

  it('refuses what is not an Observable, and unknown (misspelt) inputs', () => {
    expect(paths({ sections$: ['Support'], appDetails: 'mobile', section$: NEVER }, undefined)).toEqual(['sections$', 'appDetails', 'section$']);
    expect(watchIssues({ section$: NEVER }, undefined)[0]?.reason).toMatch(/^unknown input \(expected one of sections\$, /);
    expect(paths(7, undefined)).toEqual(['inputs']);
    expect(paths({ refresh$: null }, undefined)).toEqual(['refresh$']);
  });

  it('names the options first, then the inputs', () => {
    expect(paths({ section$: NEVER }, { renewLeadMs: -1 })).toEqual(['renewLeadMs', 'section$']);
  });
});

describe('sinkOf', () => {
  const reporter = { report: () => undefined };

  it('sends SDEs to the reporter when one is given, unless told otherwise', () => {
    expect(sinkOf({ reporter })).toBe(reporter);
    expect(sinkOf({ reporter, attributes: 'report' })).toBe(reporter);
    expect(sinkOf({ reporter, attributes: 'request' })).toBeUndefined();
    expect(sinkOf({})).toBeUndefined();
  });
});
