import { NEVER, VirtualTimeScheduler, asyncScheduler } from 'rxjs';
import { resolveWatchOptions, validateInputs } from '../../src/orchestrator/options';
import { ELIGIBILITY_ATTRIBUTE_TYPES } from '../../src/orchestrator/triggers';

const paths = (r: ReturnType<typeof resolveWatchOptions> | ReturnType<typeof validateInputs>) =>
  r._tag === 'Left' ? r.left.issues.map((i) => i.path) : [];

describe('resolveWatchOptions', () => {
  const reporter = { report: () => undefined };

  it('has documented defaults, shared by every live state without options', () => {
    const r = resolveWatchOptions(undefined);
    expect(r).toEqual({
      _tag: 'Right',
      right: {
        scheduler: asyncScheduler,
        attributeDebounceMs: 1000,
        eligibilityTypes: ELIGIBILITY_ATTRIBUTE_TYPES,
        renewLeadMs: undefined,
        useReport: false,
        reporter: undefined,
        onInvalidAttributes: undefined,
      },
    });
    expect(resolveWatchOptions({})).toBe(r);
    expect(resolveWatchOptions({ reporter })).not.toBe(r);
  });

  it("defaults to the client's scheduler, and resolves options that name nothing else once per scheduler", () => {
    const scheduler = new VirtualTimeScheduler();
    const first = resolveWatchOptions({}, scheduler);
    expect(first).toMatchObject({ _tag: 'Right', right: { scheduler, attributeDebounceMs: 1000 } });
    expect(resolveWatchOptions(undefined, scheduler)).toBe(first);
    expect(resolveWatchOptions({ scheduler })).toBe(first);
    expect(resolveWatchOptions({ scheduler: new VirtualTimeScheduler() })).not.toBe(first);
    expect(resolveWatchOptions({ scheduler, attributeDebounceMs: 5 })).toMatchObject({ right: { attributeDebounceMs: 5 } });
    expect(resolveWatchOptions({ scheduler: asyncScheduler }, scheduler)).toBe(resolveWatchOptions(undefined));
    expect(resolveWatchOptions({ attributeDebounceMs: 5 }, scheduler)).toMatchObject({ right: { scheduler } });
  });

  it('uses report when a reporter is given, unless told otherwise', () => {
    const useReport = (options: object) => {
      const r = resolveWatchOptions(options);
      return r._tag === 'Right' ? r.right.useReport : 'invalid';
    };
    expect(useReport({ reporter })).toBe(true);
    expect(useReport({})).toBe(false);
    expect(useReport({ reporter, attributes: 'request' })).toBe(false);
    expect(useReport({ reporter, attributes: 'report' })).toBe(true);
    expect(useReport({ attributes: 'report' })).toBe('invalid');
  });

  it('takes every option', () => {
    const scheduler = new VirtualTimeScheduler();
    const onInvalidAttributes = () => undefined;
    const r = resolveWatchOptions({ scheduler, reporter, attributeDebounceMs: 0, eligibilityTypes: ['prodView'], renewLeadMs: 5000, attributes: 'request', onInvalidAttributes });
    expect(r).toEqual({
      _tag: 'Right',
      right: { scheduler, attributeDebounceMs: 0, eligibilityTypes: ['prodView'], renewLeadMs: 5000, useReport: false, reporter, onInvalidAttributes },
    });
  });

  it('refuses bad and unknown options, naming each', () => {
    expect(paths(resolveWatchOptions({ scheduler: {}, reporter: {}, attributeDebounceMs: -1, renewLeadMs: Number.NaN, eligibilityTypes: ['cart', 3], attributes: 'x', onInvalidAttributes: 1, debounce: 5 }))).toEqual([
      'scheduler',
      'attributeDebounceMs',
      'renewLeadMs',
      'eligibilityTypes[1]',
      'reporter',
      'attributes',
      'onInvalidAttributes',
      'debounce',
    ]);
    expect(paths(resolveWatchOptions('fast'))).toEqual(['options']);
    expect(paths(resolveWatchOptions({ eligibilityTypes: 'cart' }))).toEqual(['eligibilityTypes']);
  });
});

describe('validateInputs', () => {
  it('accepts Observables and an appDetails object', () => {
    expect(validateInputs({ sections$: NEVER, attributes$: NEVER, refresh$: NEVER, online$: NEVER, visible$: NEVER, appDetails: { os: 'IOS' } })._tag).toBe('Right');
    expect(validateInputs(undefined)._tag).toBe('Right');
    expect(validateInputs({ sections$: undefined })._tag).toBe('Right');
  });

  it('refuses what is not an Observable, and unknown (misspelt) inputs', () => {
    expect(paths(validateInputs({ sections$: ['Support'], appDetails: 'mobile', section$: NEVER }))).toEqual(['sections$', 'appDetails', 'section$']);
    expect(paths(validateInputs(7))).toEqual(['inputs']);
  });
});
