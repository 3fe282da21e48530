/**
 * Loads the *built* package (dist/, made by `npm run build`, which `npm test`
 * runs first) through its own `exports` map, in real Node processes, as both
 * CommonJS and ESM, and runs one real check against the emulator with each.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

async function node(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, args, { cwd: root, timeout: 30_000 });
  return stdout.trim();
}

const check = `
  const emulator = await startEmulator();
  const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url });
  const result = await lastValueFrom(client.getEngagement({ consumerSections: ['Support'] }));
  await emulator.close();
  console.log(JSON.stringify({ tag: result._tag, status: result._tag === 'Right' ? result.right.status : result.left.kind }));
`;

describe('the built package', () => {
  beforeAll(() => {
    expect(existsSync(join(root, 'dist', 'index.js'))).toBe(true);
  });

  it('ships CJS and ESM entries with type declarations', () => {
    for (const f of ['index.js', 'index.mjs', 'index.d.ts', 'index.d.mts', 'emulator.js', 'emulator.mjs', 'emulator.d.ts', 'emulator.d.mts', 'node.js', 'node.mjs', 'node.d.ts', 'node.d.mts', 'redis.js', 'redis.mjs', 'redis.d.ts', 'redis.d.mts', 'legacy.js', 'legacy.mjs', 'legacy.d.ts', 'legacy.d.mts', 'monitoring.js', 'monitoring.mjs', 'monitoring.d.ts', 'monitoring.d.mts', 'cli.js']) {
      expect(existsSync(join(root, 'dist', f))).toBe(true);
    }
  });

  it('loads as CommonJS through the exports map and runs a check', async () => {
    const out = await node([
      '-e',
      `const { createEngagementClient } = require('engagement-rx');
       const { startEmulator } = require('engagement-rx/emulator');
       const { lastValueFrom } = require('rxjs');
       (async () => { ${check} })().catch((e) => { console.error(e); process.exit(1); });`,
    ]);
    expect(JSON.parse(out)).toEqual({ tag: 'Right', status: 'Available' });
  });

  it('loads as ESM through the exports map and runs a check', async () => {
    const out = await node([
      '--input-type=module',
      '-e',
      `import { createEngagementClient } from 'engagement-rx';
       import { startEmulator } from 'engagement-rx/emulator';
       import { lastValueFrom } from 'rxjs';
       ${check}`,
    ]);
    expect(JSON.parse(out)).toEqual({ tag: 'Right', status: 'Available' });
  });

  it('addresses the legacy browser bundle through the exports map', async () => {
    const resolved = await node(['-e', `console.log(require.resolve('engagement-rx/legacy.js'))`]);
    expect(resolved).toBe(join(root, 'dist', 'engagement-rx.legacy.js'));
  });

  it('loads the legacy adapters from their own entry as CommonJS and ESM, and keeps them off the main one', async () => {
    const cjs = await node(['-e', `const l = require('engagement-rx/legacy'); console.log(typeof l.ChatOverRestAPI, typeof require('engagement-rx').ChatOverRestAPI)`]);
    const esm = await node(['--input-type=module', '-e', `import { createChatApi } from 'engagement-rx/legacy'; import * as main from 'engagement-rx'; console.log(typeof createChatApi, typeof main.createChatApi)`]);
    expect([cjs, esm]).toEqual(['function undefined', 'function undefined']);
  });

  it('loads the Monitoring backend from its own entry as CommonJS and ESM, and keeps it off the main one', async () => {
    const cjs = await node(['-e', `const m = require('engagement-rx/monitoring'); console.log(typeof m.monitoringBackend, typeof require('engagement-rx').monitoringBackend)`]);
    const esm = await node(['--input-type=module', '-e', `import { monitoringBackend } from 'engagement-rx/monitoring'; import * as main from 'engagement-rx'; console.log(typeof monitoringBackend, typeof main.monitoringBackend)`]);
    expect([cjs, esm]).toEqual(['function undefined', 'function undefined']);
  });

  it('loads the Node-only entry as CommonJS and ESM', async () => {
    const cjs = await node(['-e', `console.log(typeof require('engagement-rx/node').fileSessionStore)`]);
    const esm = await node(['--input-type=module', '-e', `import { fileSessionStore } from 'engagement-rx/node'; console.log(typeof fileSessionStore)`]);
    expect([cjs, esm]).toEqual(['function', 'function']);
  });

  it('loads the Redis entry as CommonJS and ESM without any Redis client installed by the consumer, and keeps it off the main one', async () => {
    const cjs = await node(['-e', `const r = require('engagement-rx/redis'); console.log(typeof r.redisSessionStore, typeof r.nodeRedis, typeof r.ioredis, typeof require('engagement-rx').redisSessionStore)`]);
    const esm = await node(['--input-type=module', '-e', `import { redisSessionStore } from 'engagement-rx/redis'; console.log(typeof redisSessionStore)`]);
    expect([cjs, esm]).toEqual(['function function function undefined', 'function']);
    const { readFileSync } = await import('node:fs');
    for (const f of ['redis.js', 'redis.mjs']) expect(readFileSync(join(root, 'dist', f), 'utf8')).not.toMatch(/require\(["'](redis|ioredis)["']\)|from ["'](redis|ioredis)["']/);
  });

  it('keeps node:http out of the main entry (browser bundles must never see it)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['index.js', 'index.mjs']) {
      const text = readFileSync(join(root, 'dist', f), 'utf8');
      expect(text).not.toMatch(/require\(["'](node:)?https?["']\)|from ["'](node:)?https?["']/);
    }
  });
});
