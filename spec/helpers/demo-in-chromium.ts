/**
 * The set-up every browser spec of a demo page shares: the page's assets
 * bundled once into a temporary folder, one Chromium for the file
 * (spec/helpers/chromium.ts), and for each test a fresh demo server with its
 * emulator and a fresh page whose console problems are collected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { LaunchedChromium } from '../../src/demo/chromium';
import { startDemo, type DemoOptions, type RunningDemo } from '../../src/demo/server';
import { launchTestChromium } from './chromium';

export interface DemoInChromiumSetup {
  /** Names the temporary assets folder. */
  readonly name: string;
  /** Bundles the page's assets into `assetsDir`. */
  build(assetsDir: string): Promise<unknown>;
  /** Demo server options besides `assetsDir`. */
  readonly demo?: Omit<DemoOptions, 'assetsDir'>;
  /** What an uncaught page error adds to `problems`. */
  pageError(error: Error): string;
  /** What a console message adds to `problems` (`undefined`: nothing). */
  consoleProblem(message: ConsoleMessage): string | undefined;
}

/** The current test's demo, page and console problems (read them inside tests and hooks). */
export interface DemoInChromium {
  readonly browser: LaunchedChromium;
  readonly demo: RunningDemo;
  readonly page: Page;
  readonly problems: string[];
}

/** Registers the hooks and answers a view of the current test's demo and page. */
export function demoInChromium(setup: DemoInChromiumSetup): DemoInChromium {
  let assetsDir: string | undefined;
  let browser: LaunchedChromium | undefined;
  let demo: RunningDemo | undefined;
  let page: Page | undefined;
  let problems: string[] = [];

  beforeAll(async () => {
    assetsDir = mkdtempSync(join(tmpdir(), `engagement-rx-${setup.name}-`));
    await setup.build(assetsDir);
    browser = await launchTestChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (assetsDir !== undefined) rmSync(assetsDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    demo = await startDemo({ ...setup.demo, assetsDir: assetsDir as string });
    page = await (browser as LaunchedChromium).context.newPage();
    const seen: string[] = (problems = []);
    page.on('pageerror', (e) => seen.push(setup.pageError(e)));
    page.on('console', (m) => {
      const problem = setup.consoleProblem(m);
      if (problem !== undefined) seen.push(problem);
    });
  });

  afterEach(async () => {
    await page?.close();
    await demo?.close();
  });

  const started = <A>(value: A | undefined, what: string): A => {
    if (value === undefined) throw new Error(`no ${what}: read it inside a test or a hook`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get demo() {
      return started(demo, 'demo');
    },
    get page() {
      return started(page, 'page');
    },
    get problems() {
      return problems;
    },
  };
}
