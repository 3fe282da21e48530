import { defaultAvailability, isLoopbackHost, resolveOptions, type ResolvedOptions } from '../../src/emulator/options';
import type { EmulatorOptions } from '../../src/emulator/types';

function resolved(options?: EmulatorOptions): ResolvedOptions {
  const r = resolveOptions(options);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.value;
}

function problems(options: unknown): ReadonlyArray<string> {
  const r = resolveOptions(options as EmulatorOptions);
  return r.ok ? [] : r.problems;
}

describe('resolveOptions defaults', () => {
  it('fills every documented default', () => {
    const o = resolved();
    expect(o).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      accountId: '12345678',
      accounts: ['12345678'],
      validForSeconds: 900,
      loadingAccountCalls: 0,
      latencyMs: 0,
      updateSessionFailureRate: 0,
      maxBodyBytes: 65536,
      csdsServices: ['msdkgw', 'smt', 'conversationVep'],
      numericEngagementIds: false,
      sleep: undefined,
    });
    expect(o.random).toBe(Math.random);
    expect(o.now).toBe(Date.now);
  });

  it('resolves the default availability: TestSkill online for Support, Sales and the default; Billing offline', () => {
    const o = resolved();
    expect(o.skills).toEqual([
      { key: '23', id: 23, name: 'TestSkill', online: true },
      { key: '42', id: 42, name: 'Billing', online: false },
    ]);
    expect(o.engagements.get('Support')).toEqual({
      skillKey: '23',
      campaignId: '3346848610',
      engagementId: '3562981110',
      windowId: '3346847910',
      language: 'en-US',
      engagementRevision: 44,
    });
    expect(o.engagements.get('Sales')?.skillKey).toBe('23');
    expect(o.engagements.get('Billing')?.skillKey).toBe('42');
    expect(o.defaultEngagement?.skillKey).toBe('23');
    expect(Object.isFrozen(defaultAvailability)).toBe(true);
  });

  it('lets each availability field replace the default one', () => {
    const o = resolved({ availability: { defaultEngagement: null } });
    expect(o.defaultEngagement).toBeUndefined();
    expect(o.engagements.size).toBe(3);
    const custom = resolved({ availability: { skills: [{ id: 'pets', name: 'Pets', online: true }], engagements: { Pets: { skill: 'Pets', connectorId: '7' } }, defaultEngagement: null } });
    expect(custom.engagements.get('Pets')).toMatchObject({ skillKey: 'pets', connectorId: '7' });
  });

  it('dedupes accounts, the default first', () => {
    expect(resolved({ accountId: 'a', accounts: ['b', 'a', 'b'] }).accounts).toEqual(['a', 'b']);
  });
});

describe('resolveOptions refusals', () => {
  it.each<[string, unknown, RegExp]>([
    ['a non-loopback host', { host: '0.0.0.0' }, /not a loopback address.*allowExternal/],
    ['a bad port', { port: 70000 }, /port/],
    ['a bad account id', { accountId: 'has space' }, /accountId must match/],
    ['a too long account id', { accounts: ['a'.repeat(21)] }, /accounts\[0\] must match/],
    ['a zero validForSeconds', { validForSeconds: 0 }, /validForSeconds/],
    ['a negative loadingAccountCalls', { loadingAccountCalls: -1 }, /loadingAccountCalls/],
    ['a NaN latency', { latencyMs: Number.NaN }, /latencyMs/],
    ['a failure rate above 1', { updateSessionFailureRate: 1.5 }, /updateSessionFailureRate/],
    ['a zero maxBodyBytes', { maxBodyBytes: 0 }, /maxBodyBytes/],
    ['a bad service name', { csdsServices: ['ok', ''] }, /csdsServices/],
    ['a non-function random', { random: 0.5 }, /random must be a function/],
    ['an unknown option', { prot: 1 }, /unknown option prot/],
    ['an engagement on an unknown skill', { availability: { engagements: { X: { skill: 99 } } } }, /skill 99 is not one of/],
    ['a duplicate skill id', { availability: { skills: [{ id: 1, name: 'a', online: true }, { id: '1', name: 'b', online: true }], engagements: {}, defaultEngagement: null } }, /used twice/],
    ['a non-digit id with numericEngagementIds', { numericEngagementIds: true, availability: { engagements: { X: { skill: 23, campaignId: 'abc' } } } }, /digits/],
    ['a bad revision', { availability: { defaultEngagement: { skill: 23, engagementRevision: -1 } } }, /engagementRevision/],
  ])('refuses %s', (_name, options, message) => {
    const found = problems(options);
    expect(found.some((p) => message.test(p))).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(problems({ port: -1, validForSeconds: -1, latencyMs: -1 })).toHaveLength(3);
  });

  it('accepts a non-loopback host with allowExternal', () => {
    expect(problems({ host: '0.0.0.0', allowExternal: true })).toEqual([]);
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  it.each(['0.0.0.0', '::', '10.0.0.1', '192.168.1.1', 'example.com', '128.0.0.1', '::ffff:10.0.0.1', ''])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
});
