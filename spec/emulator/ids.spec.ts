import fc from 'fast-check';
import { createIdSource, unitInterval } from '../../src/emulator/ids';
import { VISITOR_OR_SESSION_ID_PATTERN } from '../../src/emulator/protocol';

describe('createIdSource', () => {
  it('makes ids the emulator itself accepts, with the documented prefixes', () => {
    const ids = createIdSource(() => 0.5);
    const vid = ids.visitorId();
    const sid = ids.sessionId();
    expect(vid).toMatch(/^V1[A-Za-z0-9]{6}$/);
    expect(sid).toMatch(/^S1[A-Za-z0-9]{6}$/);
    expect(VISITOR_OR_SESSION_ID_PATTERN.test(vid)).toBe(true);
    expect(VISITOR_OR_SESSION_ID_PATTERN.test(sid)).toBe(true);
    expect(ids.pageId()).toMatch(/^1\d{6}$/);
  });

  it('is deterministic for a given random sequence', () => {
    const seq = (): (() => number) => {
      let i = 0;
      return () => [0.1, 0.7, 0.3][i++ % 3] ?? 0;
    };
    const a = createIdSource(seq());
    const b = createIdSource(seq());
    expect([a.visitorId(), a.sessionId(), a.pageId()]).toEqual([b.visitorId(), b.sessionId(), b.pageId()]);
  });

  it('never repeats an id, even when random is a constant or misbehaves', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 0.999999, 1, -3, Number.NaN, Infinity), (r) => {
        const ids = createIdSource(() => r);
        const made = Array.from({ length: 300 }, () => [ids.visitorId(), ids.sessionId(), ids.pageId()]).flat();
        expect(new Set(made).size).toBe(made.length);
        expect(made.every((id) => VISITOR_OR_SESSION_ID_PATTERN.test(id))).toBe(true);
      }),
    );
  });
});

describe('unitInterval', () => {
  it('clamps into [0, 1)', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        const y = unitInterval(x);
        expect(y >= 0 && y < 1).toBe(true);
      }),
    );
    expect(unitInterval(0.25)).toBe(0.25);
  });
});
