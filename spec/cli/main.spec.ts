/**
 * `engagement-rx` as its users run it: `main` in-process, and the built
 * dist/cli.js (made by `npm run build`, which `npm test` runs first) as a
 * child process, one case at least for every exit status docs/cli.md lists.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { recordingIo as io } from '../helpers/cli-io';
import { emulatorPerTest } from '../helpers/emulator-per-test';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs dist/cli.js with `args` (asynchronously: an emulator of this process must be able to answer it). */
function run(args: ReadonlyArray<string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The statuses of the exit-status table of docs/cli.md. */
const documented = [...readFileSync(join(root, 'docs', 'cli.md'), 'utf8').matchAll(/^\| (\d+) \| /gm)].map((m) => Number(m[1]));

describe('main', () => {
  it('prints the global help, and each command its own', async () => {
    const t = io();
    expect(await main(['--help'], t.io)).toBe(0);
    expect(await main(['check', '--help'], t.io)).toBe(0);
    expect(await main(['emulator', '-h'], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^engagement-rx: LivePerson getEngagement checks/);
    expect(t.out[1]).toMatch(/^Usage: engagement-rx check/);
    expect(t.out[2]).toMatch(/^Usage: engagement-rx emulator/);
  });

  it('prints the version of package.json', async () => {
    const t = io();
    expect(await main(['-v'], t.io)).toBe(0);
    expect(t.out).toEqual([version]);
  });

  it('prints bad usage in one line pointing to the help of the command, not the whole usage', async () => {
    const t = io();
    expect(await main(['check', '--nope'], t.io)).toBe(2);
    expect(await main(['nope'], t.io)).toBe(2);
    expect(t.err).toEqual([
      'engagement-rx check: unknown option --nope; see engagement-rx check --help',
      'engagement-rx: unknown command nope (the commands are check, emulator and help); see engagement-rx --help',
    ]);
    expect(t.out).toEqual([]);
  });
});

describe('dist/cli.js exit status', () => {
  const start = emulatorPerTest();

  it('covers every status docs/cli.md lists', () => {
    expect(documented).toEqual([0, 1, 2]);
  });

  it('0: an embedded check answers', async () => {
    const r = await run(['check', '-s', 'Support']);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Available: skill TestSkill \(23\)/) });
  });

  it('0: --version prints the version of package.json', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('0: the emulator serves the check of the README until SIGINT', async () => {
    const child = spawn(process.execPath, [cli, 'emulator', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stdout = '';
    let url = '';
    let r: Run;
    try {
      url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          const found = /listening on (\S+) /.exec(stdout)?.[1];
          if (found !== undefined) resolve(found);
        });
        child.once('exit', () => reject(new Error(`the emulator exited: ${stdout}`)));
      });
      r = await run(['check', '--domain', url, '--section', 'Support']);
    } finally {
      child.kill('SIGINT');
    }
    expect(r).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Available: skill TestSkill \(23\)/) });
    expect(r.stderr.split('\n')[0]).toBe(`engagement-rx check: account 12345678 on ${url}`);
    expect(await exited).toBe(0);
  });

  it('1: the check fails', async () => {
    const emulator = await start();
    emulator.inject({ kind: 'status', status: 404 });
    const r = await run(['check', '--domain', emulator.url, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
  });

  it('1: the port of the emulator is in use, said in one line', async () => {
    const busy = await start();
    const port = new URL(busy.url).port;
    expect(await run(['emulator', '--port', port])).toEqual({ code: 1, stdout: '', stderr: `engagement-rx emulator: port ${port} is in use (pick another with --port, or --port 0 for a free one)\n` });
  });

  it('2: an unknown option, in one line', async () => {
    expect(await run(['check', '--section=Support', '--bogus'])).toEqual({ code: 2, stdout: '', stderr: 'engagement-rx check: unknown option --bogus; see engagement-rx check --help\n' });
  });

  it('2: an invalid SDE in --attributes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'erx-cli-main-')), 'sdes.json');
    writeFileSync(file, JSON.stringify([{ type: 'ctmrinfo', info: { ctype: 5 } }]));
    const r = await run(['check', '-f', file]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `engagement-rx check: invalid SDE in --attributes file ${file}: [0].info.ctype: expected a string, got a number; see engagement-rx check --help\n` });
  });
});
