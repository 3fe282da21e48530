import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('engagement-rx check', () => {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('runs against an embedded emulator when no domain is given', async () => {
    const t = io();
    const code = await main(['check', '--section', 'Support'], t.io);
    expect(code).toBe(0);
    expect(t.out.join('\n')).toMatch(/^Available: skill TestSkill \(23\)/);
    expect(t.err.join('\n')).toContain('attempt 1');
  });

  it('prints JSON with --json and exits 0 on NotAvailable', async () => {
    emulator = await startEmulator();
    const t = io();
    const code = await main(['check', '--domain', emulator.url, '--account', emulator.accountId, '--section', 'Billing', '--json'], t.io);
    expect(code).toBe(0);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: true, engagement: { status: 'NotAvailable' } });
    expect(t.err).toEqual([]);
  });

  it('shows progress and gives up after --max-attempts', async () => {
    emulator = await startEmulator();
    emulator.inject({ kind: 'status', status: 503 });
    const t = io();
    const code = await main(['check', '--domain', emulator.url, '--account', emulator.accountId, '--max-attempts', '1'], t.io);
    expect(code).toBe(1);
    expect(t.err).toEqual(expect.arrayContaining(['attempt 1 of 1...', expect.stringMatching(/^attempt 1 of 1 failed \(http 503/), expect.stringMatching(/^gave up after 1 attempt/)]));
    expect(t.out.join('\n')).toMatch(/^Failed: http 503/);
  });

  it('exits 1 with the error on a failure', async () => {
    emulator = await startEmulator();
    emulator.inject({ kind: 'status', status: 404 });
    const t = io();
    const code = await main(['check', '--domain', emulator.url, '--account', emulator.accountId, '--json'], t.io);
    expect(code).toBe(1);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
  });

  it('sends the attributes of a file, and refuses a bad file clearly', async () => {
    emulator = await startEmulator();
    const dir = mkdtempSync(join(tmpdir(), 'erx-cli-'));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify([{ type: 'cart', total: 10, numItems: 1 }]));
    writeFileSync(bad, '{ not json');
    const t = io();
    expect(await main(['check', '--domain', emulator.url, '--account', emulator.accountId, '--attributes', good, '--json'], t.io)).toBe(0);
    const r = JSON.parse(t.out.join('')) as { engagement: { visitorId: string } };
    expect(emulator.visitor(r.engagement.visitorId)).toBeDefined();
    const t2 = io();
    expect(await main(['check', '--attributes', bad], t2.io)).toBe(2);
    expect(t2.err.join('\n')).toContain('is not valid JSON');
    const t3 = io();
    expect(await main(['check', '--attributes', join(dir, 'missing.json')], t3.io)).toBe(2);
    expect(t3.err.join('\n')).toContain('cannot read');
  });

  it('prints help and refuses bad flags with status 2', async () => {
    const t = io();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('--section S');
    const t2 = io();
    expect(await main(['check', '--nope'], t2.io)).toBe(2);
    expect(t2.err.join('\n')).toContain('unknown option --nope');
  });
});
