import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium, missingChromium } from '../../src/demo/chromium';

describe('launchChromium', () => {
  it('fails, saying how to install Chromium, when the browser is missing', async () => {
    await expect(launchChromium({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      'Chromium is not installed at /nonexistent/chromium: the browser tests need it. Install it with `apt-get update && apt-get install -y chromium`',
    );
  });

  it('uses Debian\'s chromium with the quiet flags', () => {
    expect(CHROMIUM_PATH).toBe('/usr/bin/chromium');
    expect([...CHROMIUM_FLAGS]).toEqual(['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']);
    expect(missingChromium(CHROMIUM_PATH)).toContain('.ci/run');
  });
});
