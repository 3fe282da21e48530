import { checkFault, createFaultQueue } from '../../src/emulator/faults';
import type { Fault } from '../../src/emulator/types';

describe('createFaultQueue', () => {
  it('is empty at first', () => {
    const q = createFaultQueue();
    expect(q.take('createSession')).toBeUndefined();
    expect(q.pending('csds')).toBe(0);
  });

  it('plays faults in injection order, each for its times, per operation', () => {
    const q = createFaultQueue();
    q.push({ kind: 'status', status: 503 }, { times: 2 });
    q.push({ kind: 'reset' });
    q.push({ kind: 'malformed' }, { operation: 'csds' });
    expect(q.pending('createSession')).toBe(3);
    expect(q.take('updateSession')).toBeUndefined();
    expect(q.take('createSession')).toEqual({ kind: 'status', status: 503 });
    expect(q.take('csds')).toEqual({ kind: 'malformed' });
    expect(q.take('createSession')).toEqual({ kind: 'status', status: 503 });
    expect(q.take('createSession')).toEqual({ kind: 'reset' });
    expect(q.take('createSession')).toBeUndefined();
    expect(q.take('csds')).toBeUndefined();
  });

  it('keeps an Infinity fault until cleared', () => {
    const q = createFaultQueue();
    q.push({ kind: 'loadingAccount' }, { times: Infinity });
    for (let i = 0; i < 50; i += 1) expect(q.take('createSession')).toEqual({ kind: 'loadingAccount' });
    q.clear();
    expect(q.take('createSession')).toBeUndefined();
  });

  it('copies the fault, so changing the caller object later changes nothing', () => {
    const q = createFaultQueue();
    const fault = { kind: 'latency' as const, delayMs: 5 };
    q.push(fault);
    (fault as { delayMs: number }).delayMs = 99;
    expect(q.take('createSession')).toEqual({ kind: 'latency', delayMs: 5 });
  });

  it('refuses invalid times and operations', () => {
    const q = createFaultQueue();
    expect(() => q.push({ kind: 'reset' }, { times: 0 })).toThrow(RangeError);
    expect(() => q.push({ kind: 'reset' }, { times: 1.5 })).toThrow(RangeError);
    expect(() => q.push({ kind: 'reset' }, { operation: 'chat' as never })).toThrow(/unknown operation/);
    expect(q.pending('createSession')).toBe(0);
  });
});

describe('checkFault', () => {
  it.each<[string, unknown]>([
    ['a status below 200', { kind: 'status', status: 199 }],
    ['a status above 599', { kind: 'status', status: 600 }],
    ['a fractional status', { kind: 'status', status: 500.5 }],
    ['a header with a line break', { kind: 'status', status: 429, headers: { 'Retry-After': '1\r\nX: y' } }],
    ['a bad header name', { kind: 'status', status: 429, headers: { 'Retry After': '1' } }],
    ['a body that cannot be serialized', { kind: 'status', status: 500, body: { big: BigInt(1) } }],
    ['a function body', { kind: 'status', status: 500, body: () => 1 }],
    ['a negative delay', { kind: 'latency', delayMs: -1 }],
    ['a missing delay', { kind: 'slowBody' }],
    ['an unknown kind', { kind: 'explode' }],
    ['null', null],
  ])('refuses %s', (_name, fault) => {
    expect(() => checkFault(fault as Fault)).toThrow();
  });

  it.each<Fault>([
    { kind: 'status', status: 429, headers: { 'Retry-After': '2' } },
    { kind: 'status', status: 503, body: 'down' },
    { kind: 'loadingAccount' },
    { kind: 'reset' },
    { kind: 'malformed' },
    { kind: 'latency', delayMs: 0 },
    { kind: 'slowBody', delayMs: 10 },
  ])('accepts %j', (fault) => {
    expect(() => checkFault(fault)).not.toThrow();
  });
});
