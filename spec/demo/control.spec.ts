import fc from 'fast-check';
import { DEMO_FAULTS, MAX_FAIL_CALLS, MAX_FAIL_SECONDS, parseDemoCommand } from '../../src/demo/control';

describe('parseDemoCommand', () => {
  it('reads a timed failure, the fault defaulting to 503', () => {
    expect(parseDemoCommand({ fail: 8 })).toEqual({ _tag: 'Right', right: { kind: 'failFor', seconds: 8, fault: 'unavailable' } });
    expect(parseDemoCommand({ fail: 0.5, fault: 'reset' })).toEqual({ _tag: 'Right', right: { kind: 'failFor', seconds: 0.5, fault: 'reset' } });
    expect(parseDemoCommand({ fail: 0 })).toEqual({ _tag: 'Right', right: { kind: 'failFor', seconds: 0, fault: 'unavailable' } });
  });

  it('reads a counted failure', () => {
    expect(parseDemoCommand({ failNext: 3, fault: 'loadingAccount' })).toEqual({ _tag: 'Right', right: { kind: 'failNext', calls: 3, fault: 'loadingAccount' } });
  });

  it('reads a skill switch by name or id', () => {
    expect(parseDemoCommand({ skill: 'Billing', online: true })).toEqual({ _tag: 'Right', right: { kind: 'skill', skill: 'Billing', online: true } });
    expect(parseDemoCommand({ skill: 42, online: false })).toEqual({ _tag: 'Right', right: { kind: 'skill', skill: 42, online: false } });
  });

  it.each([
    [null, 'expected a JSON object, got null'],
    [[1], 'expected a JSON object, got an array'],
    [{}, 'expected one of { fail: seconds }, { failNext: calls }, { skill, online }'],
    [{ fail: -1 }, `fail: expected a number of seconds from 0 to ${MAX_FAIL_SECONDS}, got a number`],
    [{ fail: MAX_FAIL_SECONDS + 1 }, `fail: expected a number of seconds from 0 to ${MAX_FAIL_SECONDS}, got a number`],
    [{ fail: '8' }, `fail: expected a number of seconds from 0 to ${MAX_FAIL_SECONDS}, got a string`],
    [{ fail: 8, fault: 'boom' }, 'fault: expected one of unavailable, loadingAccount, reset, got a string'],
    [{ fail: 8, extra: 1 }, 'extra: unknown field (expected fail, fault)'],
    [{ failNext: 0 }, `failNext: expected a whole number of calls from 1 to ${MAX_FAIL_CALLS}, got a number`],
    [{ failNext: 1.5 }, `failNext: expected a whole number of calls from 1 to ${MAX_FAIL_CALLS}, got a number`],
    [{ skill: '', online: true }, 'skill: expected a skill name or id, got an empty string'],
    [{ skill: 'Billing' }, 'online: expected a boolean, got nothing'],
  ])('refuses %j', (body, problem) => {
    const parsed = parseDemoCommand(body);
    expect(parsed._tag).toBe('Left');
    if (parsed._tag === 'Left') expect(parsed.left).toContain(problem);
  });

  it('never throws and never echoes a value, whatever the body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ minLength: 12 }), (value, secret) => {
        const parsed = parseDemoCommand(typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, fault: secret } : value);
        if (parsed._tag === 'Left') for (const p of parsed.left) expect(p).not.toContain(secret);
      }),
    );
  });

  it('accepts every fault it lists', () => {
    for (const fault of DEMO_FAULTS) expect(parseDemoCommand({ failNext: 1, fault })._tag).toBe('Right');
  });
});
