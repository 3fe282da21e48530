/**
 * `npm start`: one real check against the embedded emulator, with little
 * to read. It builds `dist/` only when a source is newer than
 * `dist/cli.js` (the build's output is kept and shown only if it fails),
 * then runs `node dist/cli.js check` with the arguments given after
 * `npm start --`. A development entry of this repository (run by tsx), not
 * part of the package.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build reads: when one of these changes, dist/ is rebuilt. */
const SOURCES = ['src', 'package.json', 'tsconfig.json', 'tsup.config.ts'];

/** The latest modification time (ms) of `path`, or of any file under it. */
export function latestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, latestChange(join(path, name))), stat.mtimeMs);
}

/** Whether dist/cli.js under `root` is missing or older than a source of the build. */
export function needsBuild(root: string): boolean {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return true;
  const built = statSync(cli).mtimeMs;
  return SOURCES.map((s) => join(root, s)).some((s) => existsSync(s) && latestChange(s) > built);
}

/** The outcome of a command run with its output kept. */
export interface Quiet {
  readonly code: number;
  /** stdout and stderr, in the order they came. */
  readonly output: string;
}

/** Runs `command` with its output kept rather than shown. */
export function quietly(command: string, args: ReadonlyArray<string>, cwd: string): Promise<Quiet> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let output = '';
    const keep = (chunk: Buffer): void => void (output += chunk.toString('utf8'));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => resolve({ code: 1, output: `${output}${e.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** `npm run build` through the npm that runs this script (npm_execpath), else the one on the PATH. */
function build(root: string): Promise<Quiet> {
  const npm = process.env['npm_execpath'];
  return npm === undefined || npm === '' ? quietly('npm', ['run', 'build'], root) : quietly(process.execPath, [npm, 'run', 'build'], root);
}

/** Builds when needed, then runs the check; resolves with the exit status. */
export async function start(root: string, args: ReadonlyArray<string>): Promise<number> {
  if (needsBuild(root)) {
    const tty = process.stderr.isTTY === true;
    process.stderr.write(`building dist/ (once; about a minute)…${tty ? '' : '\n'}`);
    const built = await build(root);
    if (tty) process.stderr.write('\x1b[2K\r');
    if (built.code !== 0) {
      process.stderr.write(`${built.output}\nthe build failed (exit status ${built.code})\n`);
      return built.code;
    }
  }
  return new Promise((resolve) => {
    const check = spawn(process.execPath, [join(root, 'dist', 'cli.js'), 'check', ...args], { cwd: root, stdio: 'inherit' });
    check.on('close', (code) => resolve(code ?? 1));
  });
}

if (require.main === module) {
  start(join(__dirname, '..', '..'), process.argv.slice(2)).then((code) => {
    if (code === 0) process.stderr.write('next: npx engagement-rx --help, npm run demo, docs/getting-started.md\n');
    process.exitCode = code;
  });
}
