/**
 * The Chromium every browser test drives: Debian's (`/usr/bin/chromium`)
 * when it is installed, else the headless Chromium shipped inside the
 * `@sparticuz/chromium` devDependency, so `npm ci && npm test` needs no
 * system package. The npm one is unpacked on first use into a folder of the
 * temporary directory named after its version, whole or not at all: test
 * files run in parallel, and none may launch a half-written browser.
 *
 * `ENGAGEMENT_RX_CHROMIUM=bundled` forces the npm one (to check it on a
 * machine that has Debian's), `ENGAGEMENT_RX_CHROMIUM=system` forces
 * Debian's (a missing one is then an error that says how to install it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_PATH, launchChromium, type LaunchedChromium } from '../../src/demo/chromium';

/** The environment variable that picks the browser. */
export const CHROMIUM_CHOICE_VARIABLE = 'ENGAGEMENT_RX_CHROMIUM';

/** Debian's browser, or the one inside the npm package. */
export type ChromiumChoice = 'system' | 'bundled';

/**
 * Which browser to drive, given the variable's value and whether Debian's
 * is installed. An unknown value is an error naming the variable.
 */
export function chooseChromium(value: string | undefined, systemInstalled: boolean): ChromiumChoice {
  if (value === undefined || value === '') return systemInstalled ? 'system' : 'bundled';
  if (value === 'system' || value === 'bundled') return value;
  throw new Error(`${CHROMIUM_CHOICE_VARIABLE} must be 'system' or 'bundled' (or unset), not '${value}'`);
}

/** The executable of the chosen browser (unpacking the npm one when it is chosen). */
export async function chromiumExecutable(value: string | undefined = process.env[CHROMIUM_CHOICE_VARIABLE]): Promise<string> {
  return chooseChromium(value, existsSync(CHROMIUM_PATH)) === 'system' ? CHROMIUM_PATH : bundledChromium();
}

/**
 * The npm package's browser, unpacked once. The package unpacks into the
 * temporary directory itself, so a child process does it with `TMPDIR` set to
 * a fresh folder, which is then renamed into place in one step; when another
 * test file got there first, its copy is used and this one dropped.
 */
async function bundledChromium(): Promise<string> {
  const entry = require.resolve('@sparticuz/chromium');
  const { version } = JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), `engagement-rx-chromium-${version}`);
  const executable = join(dir, 'chromium');
  if (existsSync(executable)) return executable;
  const staging = mkdtempSync(join(tmpdir(), 'engagement-rx-chromium-unpacking-'));
  try {
    const unpack = `require(${JSON.stringify(entry)}).executablePath().then((p) => process.stdout.write(p))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', unpack], { env: { ...process.env, TMPDIR: staging }, timeout: 120_000 });
    if (stdout !== join(staging, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}, not into ${staging}`);
    try {
      renameSync(staging, dir);
    } catch (e) {
      if (!existsSync(executable)) throw e;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return executable;
}

/** Launches the chosen browser with the launch options of `src/demo/chromium.ts`. */
export async function launchTestChromium(options: { readonly viewport?: { readonly width: number; readonly height: number } } = {}): Promise<LaunchedChromium> {
  return launchChromium({ ...options, executablePath: await chromiumExecutable() });
}
