/**
 * The legacy binding forms and the event bus: pure, no I/O.
 */
import fc from 'fast-check';
import { LegacyEventBus, cloneEventData, normalizeBinding, unbindTarget, type LegacyEventInfo } from '../../src/legacy/bindings';

function bus() {
  const failures: Array<{ eventName: string; error: unknown }> = [];
  return { bus: new LegacyEventBus((eventName, error) => failures.push({ eventName, error })), failures };
}

describe('normalizeBinding', () => {
  it('accepts a function, { callback, context, appName } and an array mixing both', () => {
    const f = () => undefined;
    const g = () => undefined;
    const ctx = { name: 'ctx' };
    expect(normalizeBinding(f).entries).toEqual([{ callback: f, context: null, appName: '*' }]);
    expect(normalizeBinding({ callback: f, context: ctx, appName: 'app' }).entries).toEqual([{ callback: f, context: ctx, appName: 'app' }]);
    const mixed = normalizeBinding([f, { callback: g, context: ctx }]);
    expect(mixed.entries.map((e) => [e.callback, e.context])).toEqual([
      [f, null],
      [g, ctx],
    ]);
    expect(mixed.invalid).toBe(0);
  });

  it('fills context and appName from the method arguments, the object form winning', () => {
    const f = () => undefined;
    const own = { own: true };
    const arg = { arg: true };
    expect(normalizeBinding(f, 'byArg', arg).entries[0]).toMatchObject({ context: arg, appName: 'byArg' });
    expect(normalizeBinding({ callback: f, context: own, appName: 'own' }, 'byArg', arg).entries[0]).toMatchObject({ context: own, appName: 'own' });
  });

  it('counts items that are neither a function nor { callback } as invalid', () => {
    const r = normalizeBinding([() => undefined, 'nope', { callback: 'not a function' }, null, 42]);
    expect(r.entries).toHaveLength(1);
    expect(r.invalid).toBe(4);
  });
});

describe('LegacyEventBus', () => {
  it('runs callbacks in binding order with this = context (or null) and the event info', () => {
    const { bus: b } = bus();
    const seen: Array<[unknown, unknown, LegacyEventInfo]> = [];
    const ctx = { id: 'ctx' };
    b.bind('onInit', [
      function (this: unknown, data: unknown, info: LegacyEventInfo) {
        seen.push([this, data, info]);
      },
      {
        callback(this: unknown, data: unknown, info: LegacyEventInfo) {
          seen.push([this, data, info]);
        },
        context: ctx,
      },
    ]);
    expect(b.trigger('onInit', { init: true })).toBe(2);
    expect(seen).toEqual([
      [null, { init: true }, { eventName: 'onInit', appName: '*' }],
      [ctx, { init: true }, { eventName: 'onInit', appName: '*' }],
    ]);
  });

  it('gives every callback its own copy of the data', () => {
    const { bus: b } = bus();
    const seen: unknown[] = [];
    b.bind('onEngagement', (d: { status: string; nested: { n: number } }) => {
      d.status = 'changed';
      d.nested.n = 99;
    });
    b.bind('onEngagement', (d: unknown) => seen.push(d));
    const data = { status: 'Available', nested: { n: 1 } };
    b.trigger('onEngagement', data);
    expect(seen).toEqual([{ status: 'Available', nested: { n: 1 } }]);
    expect(data).toEqual({ status: 'Available', nested: { n: 1 } });
  });

  it('catches an exception of one callback, reports it, and runs the others', () => {
    const { bus: b, failures } = bus();
    const ran: string[] = [];
    const boom = new TypeError('boom');
    b.bind('onEngagement', [
      () => ran.push('first'),
      () => {
        throw boom;
      },
      () => ran.push('third'),
    ]);
    expect(() => b.trigger('onEngagement', {})).not.toThrow();
    expect(ran).toEqual(['first', 'third']);
    expect(failures).toEqual([{ eventName: 'onEngagement', error: boom }]);
  });

  it('answers ids: one for a function or an object, an array for an array, null for nothing bound', () => {
    const { bus: b } = bus();
    const one = b.bind('onInit', () => undefined).id;
    const many = b.bind('onInit', [() => undefined, () => undefined]).id;
    expect(one).toMatch(/^evId_\d+$/);
    expect(Array.isArray(many) && many.length).toBe(2);
    expect(b.bind('onInit', 'nope').id).toBeNull();
    expect(b.trigger('onInit', {})).toBe(3);
  });

  it('only fires bindings of the triggered event, and filters by appName when the trigger names one', () => {
    const { bus: b } = bus();
    const seen: string[] = [];
    b.bind('onLog', () => seen.push('any'));
    b.bind('onLog', () => seen.push('errors only'), 'ERROR');
    b.bind('onInit', () => seen.push('init'));
    b.trigger('onLog', {}, 'INFO');
    b.trigger('onLog', {}, 'ERROR');
    expect(seen).toEqual(['any', 'any', 'errors only']);
  });

  it('does not change the current round when a callback binds or unbinds', () => {
    const { bus: b } = bus();
    const seen: string[] = [];
    const second = () => seen.push('second');
    b.bind('onInit', () => {
      seen.push('first');
      b.unbind({ func: second });
      b.bind('onInit', () => seen.push('late'));
    });
    b.bind('onInit', second);
    b.trigger('onInit', {});
    expect(seen).toEqual(['first', 'second']);
    b.trigger('onInit', {});
    expect(seen).toEqual(['first', 'second', 'first', 'late']);
  });

  it('unbinds by id, by ids, by function, by event, by context and by appName', () => {
    const { bus: b } = bus();
    const f = () => undefined;
    const g = () => undefined;
    const ctx = {};
    const id = b.bind('onInit', f).id as string;
    const ids = b.bind('onState', [f, g]).id as string[];
    b.bind('onEngagement', { callback: g, context: ctx });
    b.bind('onLoad', g, 'app');
    b.bind('onLine', f);

    expect(b.unbind(id)).toBe(true);
    expect(b.trigger('onInit', {})).toBe(0);
    expect(b.unbind(ids)).toBe(true);
    expect(b.trigger('onState', {})).toBe(0);
    expect(b.unbind({ context: ctx })).toBe(true);
    expect(b.trigger('onEngagement', {})).toBe(0);
    expect(b.unbind({ appName: 'app' })).toBe(true);
    expect(b.trigger('onLoad', {})).toBe(0);
    expect(b.unbind({ eventName: 'onLine', func: g })).toBe(false);
    expect(b.unbind({ eventName: 'onLine', func: f })).toBe(true);
    expect(b.unbind({})).toBe(false);
    expect(b.unbind('evId_999')).toBe(false);
  });

  it('unbinds by the exact id (evId_1 is not evId_10)', () => {
    const { bus: b } = bus();
    const ids = b.bind('onInit', Array.from({ length: 11 }, () => () => undefined)).id as string[];
    expect(ids[1]).toBe('evId_1');
    expect(ids[10]).toBe('evId_10');
    expect(b.unbind('evId_1')).toBe(true);
    expect(b.trigger('onInit', {})).toBe(10);
    expect(b.unbind(['evId_1'])).toBe(false);
  });
});

describe('unbindTarget (the forms of a legacy unbind call)', () => {
  const f = () => undefined;
  it('reads ids, the legacy signature, a function, criteria and a context object', () => {
    const view = { render: f };
    expect(unbindTarget(['evId_3'])).toBe('evId_3');
    expect(unbindTarget([['evId_3', 'evId_4']])).toEqual(['evId_3', 'evId_4']);
    expect(unbindTarget(['onEngagement', 'app', f, view])).toEqual({ eventName: 'onEngagement', appName: 'app', func: f, context: view });
    expect(unbindTarget(['onEngagement'])).toEqual({ eventName: 'onEngagement' });
    expect(unbindTarget([f])).toEqual({ func: f });
    expect(unbindTarget([{ eventName: 'onInit', func: f }])).toEqual({ eventName: 'onInit', func: f });
    expect(unbindTarget([view])).toEqual({ context: view });
    expect(unbindTarget([42])).toBeUndefined();
    expect(unbindTarget([[1, 2]])).toBeUndefined();
  });
});

describe('cloneEventData', () => {
  it('copies plain objects, arrays and dates, drops functions, keeps other objects as they are', () => {
    class Custom {
      x = 1;
    }
    const custom = new Custom();
    const date = new Date(5);
    const input = { a: [1, { b: 2 }, () => 3], d: date, f: () => 4, c: custom };
    const out = cloneEventData(input);
    expect(out).toEqual({ a: [1, { b: 2 }], d: new Date(5), c: custom });
    expect(out.d).not.toBe(date);
    expect(out.c).toBe(custom);
    expect(out.a).not.toBe(input.a);
  });

  it('keeps an own "__proto__" key an own key, never the prototype of the copy', () => {
    for (const value of [false, { polluted: true }, [1], null]) {
      const input = JSON.parse(`{"a":1,"__proto__":${JSON.stringify(value)}}`) as Record<string, unknown>;
      const copy = cloneEventData(input);
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual(value);
      expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
      expect(copy).toEqual(input);
    }
  });

  it('gives back JSON data equal and unshared', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneEventData(value);
        expect(copy).toEqual(value);
        if (typeof value === 'object' && value !== null) expect(copy).not.toBe(value);
      }),
    );
  });
});
