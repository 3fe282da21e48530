/**
 * Takes the README's screenshot of the demo (docs/demo.png): starts the
 * demo, opens it in Chromium, reports two SDEs, turns the failure switch on
 * for 2 s, waits for the retries and the recovery, and captures the page.
 * Run after `npm run build`: `npx tsx src/demo/screenshot.ts [out.png]`.
 *
 * @packageDocumentation
 */
import { join } from 'node:path';
import { launchChromium } from './chromium';
import { startDemo } from './server';

const WAIT = { timeout: 20_000 };

/**
 * Captures the demo page into `file` (PNG).
 *
 * @example
 * ```ts
 * await captureDemo('docs/demo.png');
 * ```
 * @since 0.1.0
 */
export async function captureDemo(file: string): Promise<void> {
  const demo = await startDemo();
  const browser = await launchChromium({ viewport: { width: 1200, height: 900 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${demo.url}?retryBaseMs=400&jitter=none&failSeconds=2`);
    await page.locator('#engagement-state[data-status="Available"]').waitFor(WAIT);
    await page.getByRole('button', { name: 'View this product' }).click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.locator('#log li[data-kind="reportDelivered"]').first().waitFor(WAIT);
    await page.getByRole('switch', { name: /Make the emulator fail/ }).click();
    await page.locator('#log li[data-kind="retryScheduled"]').nth(1).waitFor(WAIT);
    await page.locator('#log li[data-kind="succeeded"]').nth(1).waitFor(WAIT);
    await page.locator('#fail-switch[aria-checked="false"]').waitFor(WAIT);
    await page.locator('#log').evaluate((log) => {
      (log as HTMLElement).style.maxHeight = 'none'; // the whole story in one picture
    });
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    await browser.close();
    await demo.close();
  }
}

if (require.main === module) {
  const out = process.argv[2] ?? join(__dirname, '..', '..', 'docs', 'demo.png');
  captureDemo(out).then(
    () => console.log(`screenshot: ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
