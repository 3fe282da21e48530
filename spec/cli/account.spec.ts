import { checkTarget, EMULATOR_ACCOUNT } from '../../src/cli/account';
import { startEmulator } from '../../src/emulator/index';
import { emulatorPerTest } from '../helpers/emulator-per-test';

describe('checkTarget', () => {
  const start = emulatorPerTest();

  it('knows the account an emulator serves by default', async () => {
    expect((await start()).accountId).toBe(EMULATOR_ACCOUNT);
  });

  it('takes --account as it is, and the embedded emulator without --domain', async () => {
    expect(await checkTarget('A1', 'va.v.liveperson.net', 1000)).toEqual({ _tag: 'Right', right: { kind: 'domain', domain: 'va.v.liveperson.net', account: 'A1' } });
    expect(await checkTarget(undefined, undefined, 1000)).toEqual({ _tag: 'Right', right: { kind: 'embedded' } });
    expect(await checkTarget('A1', undefined, 1000)).toEqual({ _tag: 'Right', right: { kind: 'embedded', account: 'A1' } });
  });

  it('lends the emulator its default account when --domain is one on loopback, asking it once', async () => {
    const emulator = await start();
    expect(await checkTarget(undefined, emulator.url, 1000)).toEqual({ _tag: 'Right', right: { kind: 'domain', domain: emulator.url, account: EMULATOR_ACCOUNT } });
    expect(emulator.stats().csdsCalls).toBe(1);
  });

  it('names --account when the server there serves another account', async () => {
    const emulator = await start({ accountId: 'other' });
    expect(await checkTarget(undefined, emulator.url, 1000)).toEqual({
      _tag: 'Left',
      left: { exitCode: 2, message: `--account is needed: ${emulator.url} does not serve the emulator's default account 12345678` },
    });
  });

  it('names --account for a domain beyond loopback, without asking it', async () => {
    expect(await checkTarget(undefined, 'va.v.liveperson.net', 1000)).toEqual({
      _tag: 'Left',
      left: { exitCode: 2, message: '--account is needed with --domain va.v.liveperson.net (only an emulator on loopback lends its account)' },
    });
  });

  it('says when nothing answers at a loopback --domain (exit status 1)', async () => {
    const gone = await startEmulator();
    await gone.close();
    expect(await checkTarget(undefined, gone.url, 1000)).toEqual({
      _tag: 'Left',
      left: { exitCode: 1, message: `cannot reach ${gone.url} (ECONNREFUSED); is engagement-rx emulator running there?` },
    });
  });

  it('refuses a --domain that is no host or origin', async () => {
    const r = await checkTarget(undefined, 'http://example.com/path', 1000);
    expect(r).toEqual({ _tag: 'Left', left: { exitCode: 2, message: '--domain: expected an origin without path, query or fragment' } });
  });
});
