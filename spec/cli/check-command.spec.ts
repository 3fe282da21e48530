import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckCommand } from '../../src/cli/args';
import { runCheck } from '../../src/cli/check-command';
import { recordingIo as io } from '../helpers/cli-io';
import { emulatorPerTest } from '../helpers/emulator-per-test';

const check = (o: Partial<CheckCommand> = {}): CheckCommand => ({ command: 'check', sections: [], json: false, ...o });

describe('engagement-rx check', () => {
  const start = emulatorPerTest();

  it('runs against an embedded emulator when no domain is given', async () => {
    const t = io();
    expect(await runCheck(check({ sections: ['Support'] }), t.io)).toEqual({ _tag: 'Right', right: 0 });
    expect(t.out.join('\n')).toMatch(/^Available: skill TestSkill \(23\)/);
    expect(t.err[0]).toMatch(/^engagement-rx check: account 12345678 on the embedded emulator at http:\/\/127\.0\.0\.1:\d+$/);
    expect(t.err).toContain('attempt 1 of 4...');
  });

  it('checks an emulator given as --domain without --account (its default account)', async () => {
    const emulator = await start();
    const t = io();
    expect(await runCheck(check({ domain: emulator.url, sections: ['Support'] }), t.io)).toEqual({ _tag: 'Right', right: 0 });
    expect(t.err[0]).toBe(`engagement-rx check: account 12345678 on ${emulator.url}`);
    expect(t.out.join('\n')).toMatch(/^Available: skill TestSkill \(23\)/);
    expect(emulator.stats().createSessionCalls).toBe(1);
  });

  it('prints JSON with --json and exits 0 on NotAvailable', async () => {
    const emulator = await start();
    const t = io();
    expect(await runCheck(check({ domain: emulator.url, account: emulator.accountId, sections: ['Billing'], json: true }), t.io)).toEqual({ _tag: 'Right', right: 0 });
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: true, engagement: { status: 'NotAvailable' } });
    expect(t.err).toEqual([]);
  });

  it('shows progress and gives up after --max-attempts, with status 1', async () => {
    const emulator = await start();
    emulator.inject({ kind: 'status', status: 503 });
    const t = io();
    expect(await runCheck(check({ domain: emulator.url, maxAttempts: 1 }), t.io)).toEqual({ _tag: 'Right', right: 1 });
    expect(t.err).toEqual(expect.arrayContaining(['attempt 1 of 1...', expect.stringMatching(/^attempt 1 of 1 failed \(http 503/), expect.stringMatching(/^gave up after 1 attempt/)]));
    expect(t.out.join('\n')).toMatch(/^Failed: http 503/);
  });

  it('exits 1 with the error as JSON on a failure', async () => {
    const emulator = await start();
    emulator.inject({ kind: 'status', status: 404 });
    const t = io();
    expect(await runCheck(check({ domain: emulator.url, account: emulator.accountId, json: true }), t.io)).toEqual({ _tag: 'Right', right: 1 });
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
  });

  it('sends the SDEs of --attributes, and refuses an invalid one with status 2 before sending anything', async () => {
    const emulator = await start();
    const dir = mkdtempSync(join(tmpdir(), 'erx-cli-check-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify([{ type: 'cart', total: 10, numItems: 1 }]));
    writeFileSync(bad, JSON.stringify([{ type: 'cart', total: 'ten', numItems: 1 }]));
    const t = io();
    expect(await runCheck(check({ domain: emulator.url, attributesFile: good, json: true }), t.io)).toEqual({ _tag: 'Right', right: 0 });
    const r = JSON.parse(t.out.join('')) as { engagement: { visitorId: string } };
    expect(emulator.visitor(r.engagement.visitorId)?.sessions[0]?.creates[0]?.engagementAttributes).toEqual([{ type: 'cart', total: 10, numItems: 1 }]);
    const t2 = io();
    const refused = await runCheck(check({ domain: emulator.url, attributesFile: bad }), t2.io);
    expect(refused._tag === 'Left' && refused.left.exitCode).toBe(2);
    expect(refused._tag === 'Left' && refused.left.message).toContain('[0].total: expected a finite number, got a string');
    expect(emulator.stats().createSessionCalls).toBe(1);
    expect(t2.out).toEqual([]);
  });

  it('names --account when the emulator at --domain serves another account', async () => {
    const emulator = await start({ accountId: 'acc2' });
    const t = io();
    const r = await runCheck(check({ domain: emulator.url }), t.io);
    expect(r).toEqual({ _tag: 'Left', left: { exitCode: 2, message: `--account is needed: ${emulator.url} does not serve the emulator's default account 12345678` } });
    expect(await runCheck(check({ domain: emulator.url, account: 'acc2', json: true }), t.io)).toEqual({ _tag: 'Right', right: 0 });
  });
});
