/**
 * `engagement-rx check --api monitoring`: the arguments, and a check of the
 * Monitoring API against the embedded emulator and against an emulator
 * given as --domain (real HTTP on 127.0.0.1).
 */
import { parseArgs } from '../../src/cli/args';
import type { CheckCommand } from '../../src/cli/args';
import { runCheck } from '../../src/cli/check-command';
import { recordingIo as io } from '../helpers/cli-io';
import { emulatorPerTest } from '../helpers/emulator-per-test';

const check = (o: Partial<CheckCommand> = {}): CheckCommand => ({ command: 'check', sections: [], json: false, ...o });

describe('parseArgs with --api', () => {
  it('reads --api monitoring and --app-installation-id', () => {
    expect(parseArgs(['check', '--api', 'monitoring', '--app-installation-id', 'app-1', '-d', 'va.v.liveperson.net', '-a', 'A1'])).toEqual({
      _tag: 'Right',
      right: { command: 'check', api: 'monitoring', appInstallationId: 'app-1', domain: 'va.v.liveperson.net', account: 'A1', sections: [], json: false },
    });
    expect(parseArgs(['check', '--api=monitoring'])).toEqual({ _tag: 'Right', right: { command: 'check', api: 'monitoring', sections: [], json: false } });
    expect(parseArgs(['check', '--api', 'app-engagement'])).toEqual({ _tag: 'Right', right: { command: 'check', sections: [], json: false } });
  });

  it.each([
    [['check', '--api', 'chat'], '--api expects app-engagement or monitoring, got "chat"'],
    [['check', '--app-installation-id', 'x'], '--app-installation-id goes with --api monitoring'],
    [['check', '--api', 'monitoring', '--domain', 'va.v.liveperson.net'], '--app-installation-id is needed with --api monitoring and --domain'],
  ])('refuses %j: %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ _tag: 'Left', left: { command: 'check', message } });
  });
});

describe('engagement-rx check --api monitoring', () => {
  const start = emulatorPerTest();

  it('checks the embedded emulator with its app installation id', async () => {
    const t = io();
    expect(await runCheck(check({ api: 'monitoring', sections: ['Support'] }), t.io)).toEqual({ _tag: 'Right', right: 0 });
    expect(t.err[0]).toMatch(/^engagement-rx check: account 12345678 on the embedded emulator at http:\/\/127\.0\.0\.1:\d+ \(Monitoring API, app installation emulator-app\)$/);
    expect(t.out.join('\n')).toMatch(/^Available: no skill named\n {2}campaign \S+, engagement \S+ \(revision \d+\), window \S+, language en-US\n {2}no validity given: check again later/);
  });

  it('checks an emulator given as --domain, through its Monitoring routes only', async () => {
    const emulator = await start();
    const t = io();
    const cmd = check({ api: 'monitoring', appInstallationId: emulator.appInstallationId, domain: emulator.url, account: emulator.accountId, json: true });
    expect(await runCheck(cmd, t.io)).toEqual({ _tag: 'Right', right: 0 });
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: true, engagement: { status: 'Available', offers: [expect.any(Object)] } });
    expect(emulator.stats()).toMatchObject({ monitorEngagementCalls: 1, createSessionCalls: 0 });
  });

  it('exits 1 on an app installation id the server does not know (404/18), after one attempt', async () => {
    const emulator = await start();
    const t = io();
    expect(await runCheck(check({ api: 'monitoring', appInstallationId: 'another-app', domain: emulator.url, account: emulator.accountId }), t.io)).toEqual({ _tag: 'Right', right: 1 });
    expect(t.out.join('\n')).toMatch(/^Failed: http 404 \(internalCode 18\) on monitorEngagement/);
    expect(t.err).toContain('attempt 1 of 4...');
    expect(emulator.stats().monitorEngagementCalls).toBe(1);
  });
});
