/**
 * The React example of docs/react.md (src/demo/react/) in Chromium (spec/helpers/chromium.ts),
 * driven by playwright-core: bundled from the sources by `buildReactExample`
 * (React's development build, so StrictMode double-subscribes and React's
 * warnings are on), served by the demo server with the emulator (real, port 0), and
 * mounted in `<StrictMode>`. The state reaches Available, hiding the
 * component or unmounting the root leaves no subscription, and the console
 * shows no error and no warning.
 *
 * Chromium missing is a failure, not a skip (see spec/browser/pages.spec.ts).
 */
import { buildReactExample, exampleUrl } from '../../src/demo/react/serve';
import { demoInChromium } from '../helpers/demo-in-chromium';

const WAIT = { timeout: 10_000 };

const rig = demoInChromium({
  name: 'react',
  build: buildReactExample,
  pageError: (e) => `pageerror: ${e.message}`,
  consoleProblem: (m) => (m.type() === 'error' || m.type() === 'warning' ? `${m.type()}: ${m.text()}` : undefined),
});

const subscriptions = (): Promise<number> => rig.page.evaluate(() => (window as unknown as { engagementExample: { subscriptions(): number } }).engagementExample.subscriptions());

async function open(): Promise<void> {
  await rig.page.goto(exampleUrl(rig.demo.url, rig.demo.emulator));
  await rig.page.locator('#engagement[data-status="Available"]').waitFor(WAIT);
}

describe('the React example in Chromium, in <StrictMode>', () => {
  it('shows the live state reaching Available, from a real check', async () => {
    await open();
    expect(await rig.page.locator('#engagement').textContent()).toBe('Available: chat with TestSkill');
    expect(await subscriptions()).toBe(1); // StrictMode subscribed twice; the first was let go
    expect(rig.demo.emulator.stats().createSessionCalls).toBeGreaterThanOrEqual(1);
    expect(rig.problems).toEqual([]);
  });

  it('leaves no subscription once the component is hidden, and subscribes again when it is shown', async () => {
    await open();
    await rig.page.getByRole('button', { name: 'Hide the engagement' }).click();
    await rig.page.locator('#engagement[data-status="hidden"]').waitFor(WAIT);
    expect(await subscriptions()).toBe(0);

    await rig.page.getByRole('button', { name: 'Show the engagement' }).click();
    await rig.page.locator('#engagement[data-status="Available"]').waitFor(WAIT);
    expect(await subscriptions()).toBe(1);
    expect(rig.problems).toEqual([]);
  });

  it('leaves no subscription once the root is unmounted', async () => {
    await open();
    await rig.page.evaluate(() => (window as unknown as { engagementExample: { unmount(): void } }).engagementExample.unmount());
    expect(await rig.page.locator('#engagement').count()).toBe(0);
    expect(await subscriptions()).toBe(0);
    expect(rig.problems).toEqual([]);
  });
});
