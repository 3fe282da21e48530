/**
 * Chromium driven by playwright-core, as the browser tests (spec/browser/,
 * which pick the executable in spec/helpers/chromium.ts) and the screenshot
 * script (Debian's `/usr/bin/chromium`) use it: headless, no sandbox, no
 * background traffic, a fresh profile each launch.
 * Node-only; playwright-core is a devDependency.
 *
 * @packageDocumentation
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Where Debian's `chromium` package installs the browser.
 *
 * @example
 * ```ts
 * existsSync(CHROMIUM_PATH);
 * ```
 * @since 0.1.0
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * The flags every launch passes: no GPU, no QUIC, and nothing that talks to
 * the network by itself (first-run, background networking, component
 * updates, sync).
 *
 * @example
 * ```ts
 * CHROMIUM_FLAGS.includes('--disable-sync'); // true
 * ```
 * @since 0.1.0
 */
export const CHROMIUM_FLAGS: ReadonlyArray<string> = Object.freeze([
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/**
 * The message given when Chromium is missing at `path`.
 *
 * @example
 * ```ts
 * throw new Error(missingChromium(CHROMIUM_PATH));
 * ```
 * @since 0.1.0
 */
export function missingChromium(path: string): string {
  return (
    `Chromium is not installed at ${path}. Install it with \`apt-get update && apt-get install -y chromium\`, ` +
    'or leave ENGAGEMENT_RX_CHROMIUM unset: the browser tests then drive the Chromium of the @sparticuz/chromium devDependency.'
  );
}

/**
 * A launched browser: one persistent context on a fresh profile directory.
 *
 * @example
 * ```ts
 * const browser = await launchChromium();
 * const page = await browser.context.newPage();
 * await browser.close(); // also removes the profile
 * ```
 * @since 0.1.0
 */
export interface LaunchedChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium headless, without sandbox, with {@link CHROMIUM_FLAGS}
 * and a fresh `--user-data-dir` (removed by `close`). Rejects with
 * {@link missingChromium} when the browser is not installed.
 * `executablePath` defaults to {@link CHROMIUM_PATH}.
 *
 * @example
 * ```ts
 * const { context, close } = await launchChromium({ viewport: { width: 1200, height: 900 } });
 * ```
 * @since 0.1.0
 */
export async function launchChromium(
  options: { readonly viewport?: { readonly width: number; readonly height: number }; readonly executablePath?: string } = {},
): Promise<LaunchedChromium> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new Error(missingChromium(executablePath));
  const profile = mkdtempSync(join(tmpdir(), 'engagement-rx-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      chromiumSandbox: false,
      args: [...CHROMIUM_FLAGS],
      viewport: options.viewport === undefined ? { width: 1200, height: 900 } : { ...options.viewport },
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
