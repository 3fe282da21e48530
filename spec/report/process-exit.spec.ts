/**
 * A Node process that used a client and a reporter exits on its own: when
 * nothing is pending, nothing keeps it alive; with a report pending against
 * a failing server, `reporter.dispose()` lets it exit and the report stays
 * in the file outbox for the next run. Real child processes running the
 * built package against the emulator in this process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/server';
import type { RunningEmulator } from '../../src/emulator/types';

jest.setTimeout(30_000);

const DIST = join(__dirname, '..', '..', 'dist');

/** The child: one check, one report, then (with DISPOSE) dispose on the first deferred delivery. Prints its events' types. */
const CHILD = `
const { createEngagementClient, createReporter, retryPolicy } = require(${JSON.stringify(join(DIST, 'index.js'))});
const { fileOutboxStore } = require(${JSON.stringify(join(DIST, 'node.js'))});
const { ACCOUNT, ORIGIN, OUTBOX, DISPOSE } = process.env;
const client = createEngagementClient({ accountId: ACCOUNT, domain: ORIGIN, retry: retryPolicy({ maxAttempts: 1 }) });
const reporter = createReporter(client, { outbox: fileOutboxStore(OUTBOX), reportWindowMs: 10 });
reporter.events$.subscribe((e) => {
  console.log(e.type);
  if (e.type === 'reportDeferred' && DISPOSE) reporter.dispose();
});
client.getEngagement({ consumerSections: ['Support'] }).subscribe((r) => {
  console.log('check ' + r._tag);
  if (r._tag === 'Left') console.log(JSON.stringify(r.left));
  reporter.report({ type: 'lead', lead: { topic: 'exit test' } });
});
`;

function run(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    // The guard: a child still running after 20 s has failed to exit on its own.
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the child did not exit on its own; it printed:\n${out}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, out });
    });
  });
}

let emulator: RunningEmulator;
let dir: string;
beforeEach(async () => {
  emulator = await startEmulator();
  dir = mkdtempSync(join(tmpdir(), 'engagement-rx-exit-'));
});
afterEach(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

it('exits on its own once the report is delivered: nothing is left pending or running', async () => {
  const outbox = join(dir, 'outbox.json');
  const { code, out } = await run({ ACCOUNT: emulator.accountId, ORIGIN: emulator.url, OUTBOX: outbox });
  expect(code).toBe(0);
  expect(out.split('\n')).toEqual(expect.arrayContaining(['check Right', 'reportQueued', 'reportDelivered']));
  expect(emulator.stats().updateSessionCalls).toBe(1);
});

it('with a report pending against a failing server, dispose() lets it exit and the report stays in the file outbox', async () => {
  emulator.inject({ kind: 'status', status: 503 }, { operation: 'updateSession', times: Infinity });
  const outbox = join(dir, 'outbox.json');
  const { code, out } = await run({ ACCOUNT: emulator.accountId, ORIGIN: emulator.url, OUTBOX: outbox, DISPOSE: '1' });
  expect(code).toBe(0);
  expect(out.split('\n')).toEqual(expect.arrayContaining(['check Right', 'reportQueued', 'reportDeferred']));
  const stored = JSON.parse(readFileSync(outbox, 'utf8')) as Record<string, { pending: Array<{ item: unknown }> }>;
  expect(stored[emulator.accountId]?.pending.map((e) => e.item)).toEqual([{ type: 'lead', lead: { topic: 'exit test' } }]);
});
