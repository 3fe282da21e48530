/**
 * Real-browser tests: Chromium (Debian's when it is installed, else the one
 * inside the `@sparticuz/chromium` devDependency: spec/helpers/chromium.ts),
 * driven by playwright-core, loads the demo page (bundled from the current
 * sources into a temporary directory) and a legacy-style page (on `dist/engagement-rx.legacy.js`,
 * made by `npm run build`, which `npm test` runs first), against a fresh
 * emulator on loopback for each test. Every request crosses origins (page
 * server → emulator), so CORS is exercised as on a real site.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildDemoPage } from '../../src/demo/build';
import type { LaunchedChromium } from '../../src/demo/chromium';
import { startDemo, type RunningDemo } from '../../src/demo/server';
import { launchTestChromium } from '../helpers/chromium';

const root = join(__dirname, '..', '..');
const legacyBundle = join(root, 'dist', 'engagement-rx.legacy.js');
const WAIT = { timeout: 10_000 };

let browser: LaunchedChromium;
let assetsDir: string;
let demo: RunningDemo;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  assetsDir = mkdtempSync(join(tmpdir(), 'engagement-rx-demo-'));
  await buildDemoPage(assetsDir);
  browser = await launchTestChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (assetsDir !== undefined) rmSync(assetsDir, { recursive: true, force: true });
});

beforeEach(async () => {
  demo = await startDemo({ assetsDir, legacyBundle });
  page = await browser.context.newPage();
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) pageErrors.push(m.text());
  });
});

afterEach(async () => {
  await page?.close();
  await demo?.close();
});

async function waitForStatus(p: Page, value: string, selector = '#engagement-state'): Promise<void> {
  await p.locator(`${selector}[data-status="${value}"]`).waitFor(WAIT);
}

describe('the demo page in Chromium', () => {
  it('shows Available for the first section, with the chat button, from a real cross-origin check', async () => {
    await page.goto(demo.url);
    await waitForStatus(page, 'Available');

    expect(await page.locator('#engagement-status').textContent()).toBe('Available');
    await page.getByRole('button', { name: 'Chat with an agent' }).waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('#engagement-detail').textContent()).toContain('TestSkill');
    const stats = demo.emulator.stats();
    expect(stats.createSessionCalls).toBe(1);
    expect(stats.preflights).toBeGreaterThanOrEqual(1); // a real CORS preflight from a real browser
    expect(await page.locator('#log li[data-kind="succeeded"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('shows NotAvailable in the section whose skill is offline, and hides the chat button', async () => {
    await page.goto(demo.url);
    await waitForStatus(page, 'Available');

    await page.getByRole('radio', { name: /^Billing/ }).check();
    await waitForStatus(page, 'NotAvailable');

    expect(await page.locator('#engagement-status').textContent()).toBe('Not available');
    expect(await page.getByRole('button', { name: 'Chat with an agent' }).isHidden()).toBe(true);
    expect(demo.emulator.stats().createSessionCalls).toBe(2);

    // Agents come online: the same section becomes Available.
    await page.getByRole('switch', { name: 'Billing agents online' }).click();
    await waitForStatus(page, 'Available');
    expect(demo.state().skills.find((s) => s.name === 'Billing')?.online).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('shows the retries while the emulator fails, then recovers by itself', async () => {
    await page.goto(`${demo.url}?retryBaseMs=100&jitter=none&failSeconds=1`);
    await waitForStatus(page, 'Available');

    const failSwitch = page.getByRole('switch', { name: 'Make the emulator fail for 1 s' });
    await failSwitch.click();
    await page.locator('#log li[data-kind="retryScheduled"]').first().waitFor(WAIT);
    expect(await page.locator('#log li[data-kind="attemptFailed"]').first().textContent()).toContain('HTTP 503');

    // The failure window closes after 1 s; a retry then gets an answer.
    await page.locator('#log li[data-kind="succeeded"]').nth(1).waitFor(WAIT);
    await waitForStatus(page, 'Available');
    await page.locator('#fail-switch[aria-checked="false"]').waitFor(WAIT);

    const retries = Number(await page.locator('#total-retries').textContent());
    expect(retries).toBeGreaterThanOrEqual(1);
    expect(await page.locator('#log li[data-kind="gaveUp"]').count()).toBe(0);
    expect(demo.emulator.stats().byOperation.createSession['503']).toBe(retries);
    expect(demo.emulator.stats().visitorsCreated).toBe(1); // retries reused the visitor
    expect(pageErrors).toEqual([]);
  });

  it('reports the SDEs built by the library with Update Session, and they reach the emulator', async () => {
    await page.goto(demo.url);
    await waitForStatus(page, 'Available');

    const sent = page.waitForRequest((r) => r.method() === 'PUT' && (r.postData() ?? '').includes('"prodView"'), WAIT);
    await page.getByRole('button', { name: 'View this product' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const request = await sent;
    const visitorId = decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? '');
    await page.locator('#log li[data-kind="reportDelivered"]').first().waitFor(WAIT);
    await page.locator('#outbox', { hasText: 'Outbox: 0 pending' }).waitFor(WAIT);

    const received = demo.emulator.received(visitorId).flatMap((r) => r.engagementAttributes.map((a) => (a as { type: string }).type));
    expect(received).toEqual(['prodView', 'cart']);
    expect(await page.locator('#reported li').allTextContents()).toEqual(['prodView · Trail running shoe', 'cart · 1 × Trail running shoe, USD 89.90']);
    expect(pageErrors).toEqual([]);
  });
});

describe('a legacy-style page in Chromium', () => {
  beforeAll(() => {
    if (!existsSync(legacyBundle)) throw new Error('dist/engagement-rx.legacy.js is missing: run `npm run build` first (`npm test` does).');
  });

  it('loads the IIFE bundle and gets its onEngagement with Available', async () => {
    await page.goto(`${demo.origin}/demo/legacy.html`);
    await waitForStatus(page, 'Available', '#legacy-state');

    const log = await page.locator('#legacy-log li').allTextContents();
    expect(log).toEqual(['onInit', 'onEngagement: Available']);
    expect(await page.locator('#legacy-detail').textContent()).toContain('TestSkill');
    expect(await page.evaluate(() => typeof (window as unknown as { lpTag?: { taglets?: { ChatOverRestAPI?: unknown } } }).lpTag?.taglets?.ChatOverRestAPI)).toBe('function');
    expect(demo.emulator.stats().createSessionCalls).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
