/**
 * A page server for Chromium tests of the legacy bundle: a real node:http
 * server on 127.0.0.1 (port 0) that serves `dist/engagement-rx.legacy.js`
 * (made by `npm run build`) at `/legacy.js` and the pages a test registers,
 * so the page and the emulator are on different origins, as on a real site.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { LaunchedChromium } from '../../src/demo/chromium';
import { launchTestChromium } from './chromium';

export const LEGACY_BUNDLE = join(__dirname, '..', '..', 'dist', 'engagement-rx.legacy.js');

export interface LegacyPageServer {
  /** The server's origin, `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Serves `html` at `path` (replacing what was there). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

/**
 * A page that loads the legacy bundle with `defaults` (the one line), then
 * runs `script`; `body` and `before` (a script run first) set the page up.
 */
export function legacyPageHtml(defaults: Record<string, unknown>, script: string, page: { readonly body?: string; readonly before?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>legacy page</title></head><body>${page.body ?? ''}
${page.before === undefined ? '' : `<script>${page.before}</script>`}
<script>window.engagementRxDefaults = ${JSON.stringify(defaults)};</script>
<script src="/legacy.js"></script>
<script>${script}</script>
</body></html>`;
}

export async function startLegacyPageServer(): Promise<LegacyPageServer> {
  if (!existsSync(LEGACY_BUNDLE)) throw new Error('dist/engagement-rx.legacy.js is missing: run `npm run build` first (`npm test` does).');
  const bundle = readFileSync(LEGACY_BUNDLE);
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/legacy.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      return;
    }
    const html = pages.get(path);
    if (html === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What {@link useLegacyPagesInChromium} gives each test: a fresh page and page server. */
export interface LegacyBrowser {
  readonly page: Page;
  readonly server: LegacyPageServer;
}

/**
 * Registers the hooks of a describe block that drives legacy pages in
 * Chromium: one browser for the block, a fresh page server and page for each
 * test. Read `page` and `server` inside the tests.
 */
export function useLegacyPagesInChromium(): LegacyBrowser {
  let browser: LaunchedChromium | undefined;
  let server: LegacyPageServer | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchTestChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    server = await startLegacyPageServer();
    page = await (browser as LaunchedChromium).context.newPage();
  });
  afterEach(async () => {
    await page?.close();
    await server?.close();
  });
  return {
    get page() {
      return page as Page;
    },
    get server() {
      return server as LegacyPageServer;
    },
  };
}
