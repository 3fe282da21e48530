import { NEVER, VirtualTimeScheduler, asyncScheduler } from 'rxjs';
import { resolveOrchestratorOptions, validateInputs } from '../../src/orchestrator/options';
import { ELIGIBILITY_ATTRIBUTE_TYPES } from '../../src/orchestrator/triggers';

const paths = (r: ReturnType<typeof resolveOrchestratorOptions> | ReturnType<typeof validateInputs>) =>
  r._tag === 'Left' ? r.left.issues.map((i) => i.path) : [];

describe('resolveOrchestratorOptions', () => {
  it('has documented defaults, shared by every orchestrator without options', () => {
    const r = resolveOrchestratorOptions(undefined, false);
    expect(r).toEqual({
      _tag: 'Right',
      right: {
        scheduler: asyncScheduler,
        attributeDebounceMs: 1000,
        eligibilityTypes: ELIGIBILITY_ATTRIBUTE_TYPES,
        renewLeadMs: undefined,
        useReport: false,
        onInvalidAttributes: undefined,
      },
    });
    expect(resolveOrchestratorOptions({}, false)).toBe(r);
    expect(resolveOrchestratorOptions({}, true)).not.toBe(r);
  });

  it('resolves options that only name a scheduler once per scheduler (client.engagement$ passes its own)', () => {
    const scheduler = new VirtualTimeScheduler();
    const first = resolveOrchestratorOptions({ scheduler }, false);
    expect(first).toMatchObject({ _tag: 'Right', right: { scheduler, attributeDebounceMs: 1000 } });
    expect(resolveOrchestratorOptions({ scheduler }, false)).toBe(first);
    expect(resolveOrchestratorOptions({ scheduler: new VirtualTimeScheduler() }, false)).not.toBe(first);
    expect(resolveOrchestratorOptions({ scheduler, attributeDebounceMs: 5 }, false)).toMatchObject({ right: { attributeDebounceMs: 5 } });
    expect(resolveOrchestratorOptions({ scheduler: asyncScheduler }, false)).toBe(resolveOrchestratorOptions(undefined, false));
  });

  it('uses report when the client has one, unless told otherwise', () => {
    const useReport = (options: object, reports: boolean) => {
      const r = resolveOrchestratorOptions(options, reports);
      return r._tag === 'Right' ? r.right.useReport : 'invalid';
    };
    expect(useReport({}, true)).toBe(true);
    expect(useReport({}, false)).toBe(false);
    expect(useReport({ attributes: 'request' }, true)).toBe(false);
    expect(useReport({ attributes: 'report' }, true)).toBe(true);
    expect(useReport({ attributes: 'report' }, false)).toBe('invalid');
  });

  it('takes every option', () => {
    const scheduler = new VirtualTimeScheduler();
    const onInvalidAttributes = () => undefined;
    const r = resolveOrchestratorOptions({ scheduler, attributeDebounceMs: 0, eligibilityTypes: ['prodView'], renewLeadMs: 5000, attributes: 'request', onInvalidAttributes }, true);
    expect(r).toEqual({
      _tag: 'Right',
      right: { scheduler, attributeDebounceMs: 0, eligibilityTypes: ['prodView'], renewLeadMs: 5000, useReport: false, onInvalidAttributes },
    });
  });

  it('refuses bad and unknown options, naming each', () => {
    expect(paths(resolveOrchestratorOptions({ scheduler: {}, attributeDebounceMs: -1, renewLeadMs: Number.NaN, eligibilityTypes: ['cart', 3], attributes: 'x', onInvalidAttributes: 1, debounce: 5 }, false))).toEqual([
      'scheduler',
      'attributeDebounceMs',
      'renewLeadMs',
      'eligibilityTypes[1]',
      'attributes',
      'onInvalidAttributes',
      'debounce',
    ]);
    expect(paths(resolveOrchestratorOptions('fast', false))).toEqual(['options']);
    expect(paths(resolveOrchestratorOptions({ eligibilityTypes: 'cart' }, false))).toEqual(['eligibilityTypes']);
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
