import { timeoutScheduler } from '../../src/internal/scheduler';
import { resolveConfig } from '../../src/client/config';
import { defaultRetryPolicy, retryPolicy } from '../../src/retry/policy';
import { csdsDomain } from '../../src/http/csds-domain';

function issuesOf(input: unknown): Array<{ path: string; reason: string }> {
  const r = resolveConfig(input);
  if (r._tag === 'Right') throw new Error('expected a Left');
  return [...r.left.issues];
}

describe('resolveConfig', () => {
  it('fills the defaults', () => {
    const r = resolveConfig({ accountId: '12345678', domain: 'va.v.liveperson.net' });
    expect(r._tag).toBe('Right');
    if (r._tag === 'Right') {
      expect(r.right).toMatchObject({ accountId: '12345678', origin: 'https://va.v.liveperson.net', timeoutMs: 10000, scheduler: timeoutScheduler, retry: defaultRetryPolicy });
      expect(r.right.lookup).toBeUndefined();
    }
  });

  it('turns a host into an https origin and accepts a loopback origin', () => {
    const a = resolveConfig({ accountId: 'a', domain: 'va.v.liveperson.net' });
    const b = resolveConfig({ accountId: 'a', domain: 'http://127.0.0.1:4010' });
    expect(a._tag === 'Right' && a.right.origin).toBe('https://va.v.liveperson.net');
    expect(b._tag === 'Right' && b.right.origin).toBe('http://127.0.0.1:4010');
  });

  it('takes a domain lookup made by csdsDomain (or its Either), and answers with the issues of one it refused', () => {
    const lookup = csdsDomain({ origin: 'http://localhost:9' });
    for (const domain of [lookup, lookup._tag === 'Right' ? lookup.right : undefined]) {
      const r = resolveConfig({ accountId: 'a', domain });
      expect(r._tag === 'Right' && [r.right.origin, typeof r.right.lookup]).toEqual([undefined, 'function']);
    }
    expect(issuesOf({ accountId: 'a', domain: csdsDomain({ origin: 'http://example.com', services: [] }) }).map((i) => i.path)).toEqual(['domain.origin', 'domain.services']);
  });

  it('needs a domain: a host, an origin or a lookup', () => {
    expect(issuesOf({ accountId: 'a' })).toEqual([{ path: 'domain', reason: 'expected a host, an origin or csdsDomain(), got nothing' }]);
    expect(issuesOf({ accountId: 'a', domain: { origin: 'x' } }).map((i) => i.path)).toEqual(['domain']);
  });

  it('refuses a plain-http origin that is not loopback', () => {
    expect(issuesOf({ accountId: 'a', domain: 'http://example.com' })).toEqual([{ path: 'domain', reason: expect.stringContaining('loopback') }]);
  });

  it('names every bad field and why', () => {
    const issues = issuesOf({
      accountId: 'has space',
      domain: 3,
      csds: { services: [] },
      fetch: 'no',
      timeoutMs: -1,
      scheduler: {},
      random: 1,
      session: { load: 1 },
      retyr: {},
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['accountId', 'csds', 'domain', 'fetch', 'random', 'retyr', 'scheduler', 'session', 'timeoutMs'].sort(),
    );
  });

  it('refuses a missing or non-object config without throwing', () => {
    expect(issuesOf(undefined)).toEqual([{ path: 'config', reason: 'expected a configuration object, got nothing' }]);
    expect(issuesOf({ domain: 'va.v.liveperson.net' })).toEqual([{ path: 'accountId', reason: expect.stringContaining('1-20') }]);
  });

  it('never echoes the values it refuses', () => {
    const secret = 'jane.doe@example.com';
    const r = resolveConfig({ accountId: secret, domain: secret });
    const lookup = csdsDomain({ origin: secret });
    expect(JSON.stringify([r, lookup])).not.toContain(secret);
  });
});

describe('the retry option', () => {
  it('takes a policy retryPolicy made (or its Either), and the default', () => {
    const checked = retryPolicy({ maxAttempts: 1 });
    const a = resolveConfig({ accountId: 'a', domain: 'h.example', retry: checked });
    const b = resolveConfig({ accountId: 'a', domain: 'h.example', retry: checked._tag === 'Right' ? checked.right : undefined });
    const c = resolveConfig({ accountId: 'a', domain: 'h.example', retry: defaultRetryPolicy });
    expect([a, b, c].map((r) => r._tag === 'Right' && r.right.retry.maxAttempts)).toEqual([1, 1, 4]);
  });

  it("answers with the issues of a policy retryPolicy refused, under 'retry.'", () => {
    expect(issuesOf({ accountId: 'a', domain: 'h.example', retry: retryPolicy({ maxAttempts: 0, polling: { intervalMs: 5 } }) }).map((i) => i.path)).toEqual(['retry.maxAttempts', 'retry.polling.intervalMs']);
  });

  it('refuses a policy it did not check (a plain object, a copy of the default), naming retryPolicy', () => {
    for (const retry of [{ maxAttempts: 1 }, { ...defaultRetryPolicy, maxAttempts: 1 }, { _tag: 'Right', right: { ...defaultRetryPolicy } }, 'none']) {
      expect(issuesOf({ accountId: 'a', domain: 'h.example', retry })).toEqual([{ path: 'retry', reason: expect.stringContaining('retryPolicy(') }]);
    }
  });
});
