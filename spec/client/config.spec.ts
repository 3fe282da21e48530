import { asyncScheduler } from 'rxjs';
import { resolveConfig } from '../../src/client/config';

function issuesOf(input: unknown): Array<{ path: string; reason: string }> {
  const r = resolveConfig(input);
  if (r._tag === 'Right') throw new Error('expected a Left');
  return [...r.left.issues];
}

describe('resolveConfig', () => {
  it('fills the defaults', () => {
    const r = resolveConfig({ accountId: '12345678' });
    expect(r._tag).toBe('Right');
    if (r._tag === 'Right') {
      expect(r.right).toMatchObject({
        accountId: '12345678',
        csdsOrigin: 'https://api.liveperson.net',
        csdsServices: ['msdkgw', 'smt'],
        timeoutMs: 10000,
        scheduler: asyncScheduler,
      });
      expect(r.right.origin).toBeUndefined();
    }
  });

  it('turns a host into an https origin and accepts a loopback origin', () => {
    const a = resolveConfig({ accountId: 'a', domain: 'va.v.liveperson.net' });
    const b = resolveConfig({ accountId: 'a', domain: 'http://127.0.0.1:4010', csds: { origin: 'http://localhost:9' } });
    expect(a._tag === 'Right' && a.right.origin).toBe('https://va.v.liveperson.net');
    expect(b._tag === 'Right' && [b.right.origin, b.right.csdsOrigin]).toEqual(['http://127.0.0.1:4010', 'http://localhost:9']);
  });

  it('refuses a plain-http origin that is not loopback', () => {
    expect(issuesOf({ accountId: 'a', domain: 'http://example.com' })).toEqual([{ path: 'domain', reason: expect.stringContaining('loopback') }]);
  });

  it('names every bad field and why', () => {
    const issues = issuesOf({
      accountId: 'has space',
      domain: 3,
      csds: { services: [], extra: 1 },
      fetch: 'no',
      timeoutMs: -1,
      scheduler: {},
      random: 1,
      session: { load: 1 },
      retyr: {},
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      ['accountId', 'csds.extra', 'csds.services', 'domain', 'fetch', 'random', 'retyr', 'scheduler', 'session', 'timeoutMs'].sort(),
    );
  });

  it('refuses a missing or non-object config without throwing', () => {
    expect(issuesOf(undefined)).toEqual([{ path: 'config', reason: 'expected a configuration object, got nothing' }]);
    expect(issuesOf({})).toEqual([{ path: 'accountId', reason: expect.stringContaining('1-20') }]);
  });

  it('never echoes the values it refuses', () => {
    const secret = 'jane.doe@example.com';
    const r = resolveConfig({ accountId: secret, domain: secret, csds: { origin: secret } });
    expect(JSON.stringify(r)).not.toContain(secret);
  });
});
