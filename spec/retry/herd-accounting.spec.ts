/**
 * Not the benchmark: a check of the simulation's accounting on 10 clients,
 * small enough to count by hand.
 */
import { herdStrategies, mulberry32, runHerdSimulation, type HerdFigures } from '../../bench/herd';
import { defaultRetryPolicy } from '../../src/retry/policy';

const byId = (figures: ReadonlyArray<HerdFigures>, id: string): HerdFigures => {
  const f = figures.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no strategy ${id}`);
  return f;
};

describe('runHerdSimulation accounting (10 clients)', () => {
  it('no jitter, all at once, 30 s outage: requests at 0, 5, 15, 30 s; all succeed together at 30 s', () => {
    const r = runHerdSimulation({ clients: 10, outageMs: 30_000, startSpreadMs: 0, seed: 7 });
    expect(byId(r.figures, 'none')).toEqual({
      id: 'none',
      name: 'no jitter, 5/10/15 s',
      totalRequests: 40,
      peakPerSecondAfterRecovery: 10,
      peakRetriesPerSecondDuringOutage: 10,
      requestsAfterRecovery: 10,
      succeeded: 10,
      gaveUp: 0,
      gaveUpReasons: {},
      allAnsweredAtMs: 30_000,
    });
  });

  it('no jitter, 31 s outage: the fourth request at 30 s fails and every client gives up (max-attempts)', () => {
    const r = runHerdSimulation({ clients: 10, outageMs: 31_000, startSpreadMs: 0, seed: 7 });
    const f = byId(r.figures, 'none');
    expect(f).toMatchObject({ totalRequests: 40, requestsAfterRecovery: 0, peakPerSecondAfterRecovery: 0, succeeded: 0, gaveUp: 10, allAnsweredAtMs: 30_000 });
    expect(f.gaveUpReasons).toEqual({ 'max-attempts': 10 });
    expect(r.peakRatio).toBeUndefined();
  });

  it('a short outage: no-jitter clients succeed on their second request', () => {
    const r = runHerdSimulation({ clients: 10, outageMs: 4_000, startSpreadMs: 0, seed: 7 });
    expect(byId(r.figures, 'none')).toMatchObject({ totalRequests: 20, succeeded: 10, allAnsweredAtMs: 5_000 });
  });

  it('the books balance for every strategy and start spread', () => {
    for (const startSpreadMs of [0, 5_000]) {
      const r = runHerdSimulation({ clients: 10, outageMs: 30_000, startSpreadMs, seed: 3 });
      expect(r.figures.map((f) => f.id)).toEqual(herdStrategies.map((s) => s.id));
      for (const f of r.figures) {
        expect(f.succeeded + f.gaveUp).toBe(10);
        // a client succeeds on its first request after recovery, so those two counts agree
        expect(f.requestsAfterRecovery).toBe(f.succeeded);
        expect(f.totalRequests).toBeGreaterThanOrEqual(10);
        expect(f.totalRequests).toBeLessThanOrEqual(10 * defaultRetryPolicy.maxAttempts);
        expect(Object.values(f.gaveUpReasons).reduce((a, b) => a + b, 0)).toBe(f.gaveUp);
        expect(f.peakPerSecondAfterRecovery).toBeLessThanOrEqual(f.requestsAfterRecovery);
      }
    }
  });

  it('is deterministic for a seed and changes with it', () => {
    const a = runHerdSimulation({ clients: 10, startSpreadMs: 5_000, seed: 11 });
    expect(runHerdSimulation({ clients: 10, startSpreadMs: 5_000, seed: 11 })).toEqual(a);
    expect(runHerdSimulation({ clients: 10, startSpreadMs: 5_000, seed: 12 })).not.toEqual(a);
  });

  it('peakRatio is the default peak over the no-jitter peak', () => {
    const r = runHerdSimulation({ clients: 10, outageMs: 30_000, seed: 5 });
    expect(r.peakRatio).toBe(byId(r.figures, 'default').peakPerSecondAfterRecovery / 10);
  });
});

describe('mulberry32', () => {
  it('is reproducible and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(b()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});
