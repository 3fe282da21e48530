import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium, missingChromium } from '../../src/demo/chromium';
import { chooseChromium, chromiumExecutable } from '../helpers/chromium';

describe('launchChromium', () => {
  it('fails, saying how to install Chromium, when the browser is missing', async () => {
    await expect(launchChromium({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium is not installed at /nonexistent/chromium. Install it with `apt-get update && apt-get install -y chromium`',
    );
  });

  it('uses Debian\'s chromium with the quiet flags', () => {
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect([...CHROMIUM_FLAGS]).toEqual(['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);
    expect(missingChromium(CHROMIUM_PATH)).toContain('ENGAGEMENT_RX_CHROMIUM unset');
  });
});

describe('the browser the tests drive (spec/helpers/chromium.ts)', () => {
  it('is Debian\'s when it is installed, else the npm one; ENGAGEMENT_RX_CHROMIUM forces either', () => {
    expect([chooseChromium(undefined, true), chooseChromium(undefined, false), chooseChromium('', false)]).toEqual(['system', 'bundled', 'bundled']);
    expect([chooseChromium('bundled', true), chooseChromium('system', false)]).toEqual(['bundled', 'system']);
    expect(() => chooseChromium('firefox', true)).toThrow("ENGAGEMENT_RX_CHROMIUM must be 'system' or 'bundled' (or unset), not 'firefox'");
  });

  it('launches the npm package\'s Chromium (the fallback where Debian\'s is missing) and renders a page with it', async () => {
    const executablePath = await chromiumExecutable('bundled');
    expect(executablePath).not.toBe(CHROMIUM_PATH);
    const browser = await launchChromium({ executablePath });
    try {
      const page = await browser.context.newPage();
      await page.setContent('<p id="out"></p><script>document.getElementById("out").textContent = String(6 * 7);</script>');
      expect(await page.locator('#out').textContent()).toBe('42');
    } finally {
      await browser.close();
    }
  }, 60_000);
});
