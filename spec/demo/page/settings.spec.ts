import fc from 'fast-check';
import { retryPolicy } from '../../../src/retry/policy';
import { pageSettings } from '../../../src/demo/page/settings';

describe('pageSettings', () => {
  it('defaults to 1 s first retry, full jitter, and an 8 s failure', () => {
    const s = pageSettings('');
    expect(s.failSeconds).toBe(8);
    expect(s.section).toBeUndefined();
    expect(s.retry).toEqual({ maxAttempts: 6, backoff: { kind: 'exponential', baseMs: 1000, factor: 2 }, capMs: 8000, jitter: 'full', maxElapsedMs: 60_000 });
  });

  it('reads the browser tests\' fast settings', () => {
    const s = pageSettings('?retryBaseMs=100&jitter=none&failSeconds=1&section=Billing');
    expect(s.retry).toMatchObject({ backoff: { kind: 'exponential', baseMs: 100, factor: 2 }, capMs: 1000, jitter: 'none' });
    expect(s.failSeconds).toBe(1);
    expect(s.section).toBe('Billing');
  });

  it('clamps values out of range and ignores unreadable ones', () => {
    expect(pageSettings('?retryBaseMs=1&failSeconds=9999').retry.backoff).toEqual({ kind: 'exponential', baseMs: 50, factor: 2 });
    expect(pageSettings('?failSeconds=9999').failSeconds).toBe(120);
    expect(pageSettings('?retryBaseMs=soon&jitter=lots&failSeconds=').retry).toMatchObject({ backoff: { baseMs: 1000 }, jitter: 'full' });
  });

  it('picks the API: App Engagement unless api=monitoring', () => {
    expect(['', '?api=monitoring', '?api=Monitoring', '?api=app-engagement'].map((q) => pageSettings(q).api)).toEqual(['app-engagement', 'monitoring', 'app-engagement', 'app-engagement']);
  });

  it('always gives a retry policy the library accepts', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -100, max: 100_000 }), fc.constantFrom('none', 'full', 'decorrelated', 'x'), (noise, base, jitter) => {
        const policy = retryPolicy(pageSettings(`?retryBaseMs=${base}&jitter=${jitter}&${encodeURIComponent(noise)}`).retry);
        expect(policy._tag).toBe('Right');
      }),
    );
  });
});
