/**
 * The React example of docs/react.md (src/demo/react/) in Debian's Chromium,
 * driven by playwright-core: bundled from the sources by `buildReactExample`
 * (React's development build, so StrictMode double-subscribes and React's
 * warnings are on), served by the demo server with the emulator (real, port 0), and
 * mounted in `<StrictMode>`. The state reaches Available, hiding the
 * component or unmounting the root leaves no subscription, and the console
 * shows no error and no warning.
 *
 * Chromium missing is a failure, not a skip (see spec/browser/pages.spec.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../src/demo/chromium';
import { launchTestChromium } from '../helpers/chromium';
import { buildReactExample, exampleUrl } from '../../src/demo/react/serve';
import { startDemo, type RunningDemo } from '../../src/demo/server';

const WAIT = { timeout: 10_000 };

let browser: LaunchedChromium;
let assetsDir: string;
let demo: RunningDemo;
let page: Page;
let messages: string[];

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'engagement-rx-react-'));
  await buildReactExample(assetsDir);
  browser = await launchTestChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (assetsDir !== undefined) rmSync(assetsDir, { recursive: true, force: true });
});

beforeEach(async () => {
  demo = await startDemo({ assetsDir });
  page = await browser.context.newPage();
  messages = [];
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
});

afterEach(async () => {
  await page?.close();
  await demo?.close();
});

const subscriptions = (): Promise<number> => page.evaluate(() => (window as unknown as { engagementExample: { subscriptions(): number } }).engagementExample.subscriptions());

async function open(): Promise<void> {
  await page.goto(exampleUrl(demo.url, demo.emulator));
  await page.locator('#engagement[data-status="Available"]').waitFor(WAIT);
}

describe('the React example in Chromium, in <StrictMode>', () => {
  it('shows the live state reaching Available, from a real check', async () => {
    await open();
    expect(await page.locator('#engagement').textContent()).toBe('Available: chat with TestSkill');
    expect(await subscriptions()).toBe(1); // StrictMode subscribed twice; the first was let go
    expect(demo.emulator.stats().createSessionCalls).toBeGreaterThanOrEqual(1);
    expect(messages).toEqual([]);
  });

  it('leaves no subscription once the component is hidden, and subscribes again when it is shown', async () => {
    await open();
    await page.getByRole('button', { name: 'Hide the engagement' }).click();
    await page.locator('#engagement[data-status="hidden"]').waitFor(WAIT);
    expect(await subscriptions()).toBe(0);

    await page.getByRole('button', { name: 'Show the engagement' }).click();
    await page.locator('#engagement[data-status="Available"]').waitFor(WAIT);
    expect(await subscriptions()).toBe(1);
    expect(messages).toEqual([]);
  });

  it('leaves no subscription once the root is unmounted', async () => {
    await open();
    await page.evaluate(() => (window as unknown as { engagementExample: { unmount(): void } }).engagementExample.unmount());
    expect(await page.locator('#engagement').count()).toBe(0);
    expect(await subscriptions()).toBe(0);
    expect(messages).toEqual([]);
  });
});
