/**
 * checkEngagement from the *built* package (dist/, made by `npm run build`,
 * which `npm test` runs first), loaded through its own `exports` map as
 * CommonJS and as ESM in real Node processes: `checkEngagement.task`
 * survives the build, a check answers from the emulator, and an aborted
 * signal answers an `aborted` Left.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

const script = `
  const emulator = await startEmulator();
  const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url });
  const answered = await checkEngagement.task(client, { consumerSections: ['Support'] })();
  const aborted = await checkEngagement(client, {}, { signal: AbortSignal.abort() });
  await emulator.close();
  console.log(JSON.stringify([answered._tag === 'Right' && answered.right.status, aborted._tag === 'Left' && aborted.left.kind, emulator.stats().createSessionCalls]));
`;

async function node(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, args, { cwd: root, timeout: 30_000 });
  return JSON.parse(stdout.trim());
}

describe('checkEngagement in the built package', () => {
  it('works as CommonJS', async () => {
    const out = await node([
      '-e',
      `const { checkEngagement, createEngagementClient } = require('engagement-rx');
       const { startEmulator } = require('engagement-rx/emulator');
       (async () => { ${script} })().catch((e) => { console.error(e); process.exit(1); });`,
    ]);
    expect(out).toEqual(['Available', 'aborted', 1]);
  });

  it('works as ESM', async () => {
    const out = await node([
      '--input-type=module',
      '-e',
      `import { checkEngagement, createEngagementClient } from 'engagement-rx';
       import { startEmulator } from 'engagement-rx/emulator';
       ${script}`,
    ]);
    expect(out).toEqual(['Available', 'aborted', 1]);
  });
});
