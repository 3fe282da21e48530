/**
 * `npm start` (src/cli/start.ts): it builds only when a source is newer than
 * dist/cli.js, keeps the build's output to itself, and prints little more
 * than the outcome of one real check against the embedded emulator.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestChange, needsBuild, quietly } from '../../src/cli/start';

const root = join(__dirname, '..', '..');

/** A tree with a source and a built cli.js, every file at time `at` (seconds). */
function tree(at: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'erx-start-'));
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  for (const f of ['src/cli/main.ts', 'package.json', 'dist/cli.js']) {
    writeFileSync(join(dir, f), '');
    utimesSync(join(dir, f), at, at);
  }
  for (const d of ['src/cli', 'src', 'dist']) utimesSync(join(dir, d), at, at);
  return dir;
}

describe('needsBuild', () => {
  it('is false while dist/cli.js is as new as every source', () => {
    expect(needsBuild(tree(1_000_000))).toBe(false);
  });

  it('is true when a source under src/ or package.json changed after the build, or nothing was built', () => {
    const a = tree(1_000_000);
    utimesSync(join(a, 'src', 'cli', 'main.ts'), 1_000_100, 1_000_100);
    expect(latestChange(join(a, 'src'))).toBe(1_000_100_000);
    expect(needsBuild(a)).toBe(true);
    const b = tree(1_000_000);
    utimesSync(join(b, 'package.json'), 1_000_100, 1_000_100);
    expect(needsBuild(b)).toBe(true);
    expect(needsBuild(mkdtempSync(join(tmpdir(), 'erx-start-empty-')))).toBe(true);
  });
});

describe('quietly', () => {
  it('keeps the output of a command and gives its exit status', async () => {
    const r = await quietly(process.execPath, ['-e', 'console.log("out"); console.error("err"); process.exitCode = 3'], root);
    expect(r.code).toBe(3);
    expect(r.output).toContain('out\n');
    expect(r.output).toContain('err\n');
  });
});

describe('npm start', () => {
  it('prints the outcome of a real check in at most 10 lines', async () => {
    // `npm test` builds before running the specs; a stale dist/ would make this spec build it again.
    expect(needsBuild(root) ? 'dist/ is older than the sources: run npm run build first' : 'built').toBe('built');
    const r = await new Promise<{ code: number; lines: string[] }>((resolve) => {
      execFile(process.execPath, ['-r', 'tsx/cjs', join(root, 'src', 'cli', 'start.ts')], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
        const lines = `${stdout}${stderr}`.split('\n').filter((l) => l !== '');
        resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, lines });
      });
    });
    expect(r.code).toBe(0);
    expect(r.lines.length).toBeLessThanOrEqual(10);
    expect(r.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Available: skill TestSkill \(23\)$/), expect.stringMatching(/^engagement-rx check: account 12345678 on the embedded emulator at /)]));
    expect(r.lines.join('\n')).not.toMatch(/tsup|Build success|DTS|ESM|CJS/);
  });
});
