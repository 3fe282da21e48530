/**
 * Real-browser tests: Chromium (Debian's when it is installed, else the one
 * inside the `@sparticuz/chromium` devDependency: spec/helpers/chromium.ts),
 * driven by playwright-core, loads the demo page (bundled from the current
 * sources into a temporary directory) and a legacy-style page (on `dist/engagement-rx.legacy.js`,
 * made by `npm run build`, which `npm test` runs first), against a fresh
 * emulator on loopback for each test. Every request crosses origins (page
 * server → emulator), so CORS is exercised as on a real site.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildDemoPage } from '../../src/demo/build';
import { demoInChromium } from '../helpers/demo-in-chromium';

const root = join(__dirname, '..', '..');
const legacyBundle = join(root, 'dist', 'engagement-rx.legacy.js');
const WAIT = { timeout: 10_000 };

const rig = demoInChromium({
  name: 'demo',
  build: buildDemoPage,
  demo: { legacyBundle },
  pageError: (e) => e.message,
  consoleProblem: (m) => (/Content.Security.Policy|Refused to/i.test(m.text()) ? m.text() : undefined),
});

async function waitForStatus(p: Page, value: string, selector = '#engagement-state'): Promise<void> {
  await p.locator(`${selector}[data-status="${value}"]`).waitFor(WAIT);
}

describe('the demo page in Chromium', () => {
  it('shows Available for the first section, with the chat button, from a real cross-origin check', async () => {
    await rig.page.goto(rig.demo.url);
    await waitForStatus(rig.page, 'Available');

    expect(await rig.page.locator('#engagement-status').textContent()).toBe('Available');
    await rig.page.getByRole('button', { name: 'Chat with an agent' }).waitFor({ state: 'visible', ...WAIT });
    expect(await rig.page.locator('#engagement-detail').textContent()).toContain('TestSkill');
    const stats = rig.demo.emulator.stats();
    expect(stats.createSessionCalls).toBe(1);
    expect(stats.preflights).toBeGreaterThanOrEqual(1); // a real CORS preflight from a real browser
    expect(await rig.page.locator('#log li[data-kind="succeeded"]').count()).toBe(1);
    expect(rig.problems).toEqual([]);
  });

  it('shows NotAvailable in the section whose skill is offline, and hides the chat button', async () => {
    await rig.page.goto(rig.demo.url);
    await waitForStatus(rig.page, 'Available');

    await rig.page.getByRole('radio', { name: /^Billing/ }).check();
    await waitForStatus(rig.page, 'NotAvailable');

    expect(await rig.page.locator('#engagement-status').textContent()).toBe('Not available');
    expect(await rig.page.getByRole('button', { name: 'Chat with an agent' }).isHidden()).toBe(true);
    expect(rig.demo.emulator.stats().createSessionCalls).toBe(2);

    // Agents come online: the same section becomes Available.
    await rig.page.getByRole('switch', { name: 'Billing agents online' }).click();
    await waitForStatus(rig.page, 'Available');
    expect(rig.demo.state().skills.find((s) => s.name === 'Billing')?.online).toBe(true);
    expect(rig.problems).toEqual([]);
  });

  it('shows the retries while the emulator fails, then recovers by itself', async () => {
    await rig.page.goto(`${rig.demo.url}?retryBaseMs=100&jitter=none&failSeconds=1`);
    await waitForStatus(rig.page, 'Available');

    const failSwitch = rig.page.getByRole('switch', { name: 'Make the emulator fail for 1 s' });
    await failSwitch.click();
    await rig.page.locator('#log li[data-kind="retryScheduled"]').first().waitFor(WAIT);
    expect(await rig.page.locator('#log li[data-kind="attemptFailed"]').first().textContent()).toContain('HTTP 503');

    // The failure window closes after 1 s; a retry then gets an answer.
    await rig.page.locator('#log li[data-kind="succeeded"]').nth(1).waitFor(WAIT);
    await waitForStatus(rig.page, 'Available');
    await rig.page.locator('#fail-switch[aria-checked="false"]').waitFor(WAIT);

    const retries = Number(await rig.page.locator('#total-retries').textContent());
    expect(retries).toBeGreaterThanOrEqual(1);
    expect(await rig.page.locator('#log li[data-kind="gaveUp"]').count()).toBe(0);
    expect(rig.demo.emulator.stats().byOperation.createSession['503']).toBe(retries);
    expect(rig.demo.emulator.stats().visitorsCreated).toBe(1); // retries reused the visitor
    expect(rig.problems).toEqual([]);
  });

  it('reports the SDEs built by the library with Update Session, and they reach the emulator', async () => {
    await rig.page.goto(rig.demo.url);
    await waitForStatus(rig.page, 'Available');

    const sent = rig.page.waitForRequest((r) => r.method() === 'PUT' && (r.postData() ?? '').includes('"prodView"'), WAIT);
    await rig.page.getByRole('button', { name: 'View this product' }).click();
    await rig.page.getByRole('button', { name: 'Add to cart' }).click();
    const request = await sent;
    const visitorId = decodeURIComponent(new URL(request.url()).pathname.split('/').pop() ?? '');
    await rig.page.locator('#log li[data-kind="reportDelivered"]').first().waitFor(WAIT);
    await rig.page.locator('#outbox', { hasText: 'Outbox: 0 pending' }).waitFor(WAIT);

    const received = rig.demo.emulator.received(visitorId).flatMap((r) => r.engagementAttributes.map((a) => (a as { type: string }).type));
    expect(received).toEqual(['prodView', 'cart']);
    expect(await rig.page.locator('#reported li').allTextContents()).toEqual(['prodView · Trail running shoe', 'cart · 1 × Trail running shoe, USD 89.90']);
    expect(rig.problems).toEqual([]);
  });

  it('switches to the Monitoring API: the same page checks and reports through its routes only', async () => {
    await rig.page.goto(rig.demo.url);
    await waitForStatus(rig.page, 'Available');
    await rig.page.locator('#api-switch').click();
    await rig.page.waitForURL(/api=monitoring/, WAIT);
    await waitForStatus(rig.page, 'Available');
    expect(await rig.page.locator('#subtitle').textContent()).toContain('through the Monitoring API (app installation emulator-app)');

    await rig.page.getByRole('button', { name: 'Add to cart' }).click();
    await rig.page.locator('#outbox', { hasText: '1 delivered' }).waitFor(WAIT);
    const stats = rig.demo.emulator.stats();
    expect(stats).toMatchObject({ createSessionCalls: 1, monitorReportCalls: 1, updateSessionCalls: 0 });
    expect(stats.monitorEngagementCalls).toBeGreaterThanOrEqual(1);
    expect(await rig.page.locator('#api-switch').textContent()).toBe('Use App Engagement');
    expect(rig.problems).toEqual([]);
  });
});

describe('a legacy-style page in Chromium', () => {
  beforeAll(() => {
    if (!existsSync(legacyBundle)) throw new Error('dist/engagement-rx.legacy.js is missing: run `npm run build` first (`npm test` does).');
  });

  it('loads the IIFE bundle and gets its onEngagement with Available', async () => {
    await rig.page.goto(`${rig.demo.origin}/demo/legacy.html`);
    await waitForStatus(rig.page, 'Available', '#legacy-state');

    const log = await rig.page.locator('#legacy-log li').allTextContents();
    expect(log).toEqual(['onInit', 'onEngagement: Available']);
    expect(await rig.page.locator('#legacy-detail').textContent()).toContain('TestSkill');
    expect(await rig.page.evaluate(() => typeof (window as unknown as { lpTag?: { taglets?: { ChatOverRestAPI?: unknown } } }).lpTag?.taglets?.ChatOverRestAPI)).toBe('function');
    expect(rig.demo.emulator.stats().createSessionCalls).toBe(1);
    expect(rig.problems).toEqual([]);
  });
});
