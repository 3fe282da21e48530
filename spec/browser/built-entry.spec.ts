/**
 * The browser build, `dist/browser/` (one ES module per source file, made
 * by `npm run build`, which `npm test` runs first), as an application
 * bundler sees it: picked by the `browser` export condition, free of
 * cross-fetch and Node modules, tree-shaken module by module, and working on
 * nothing but the page's own `fetch`: an esbuild bundle of a small
 * application runs one real check against the emulator, in a separate V8
 * context whose only fetch is a recording one.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { BROWSER_CONDITIONS } from '../../src/browser/bundling';
import { startEmulator } from '../../src/emulator/server';

const root = join(__dirname, '..', '..');
const dir = join(root, 'dist', 'browser');
const entry = join(dir, 'index.mjs');

/** Every file of the browser build, relative to it. */
function files(): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs'));
}

beforeAll(() => {
  if (!existsSync(entry)) throw new Error('dist/browser/index.mjs is missing: run `npm run build` first (`npm test` does).');
});

describe('dist/browser/', () => {
  it('is what the "browser" condition of the exports map gives, for import only', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, Record<string, unknown>> };
    expect(pkg.exports['.']?.['browser']).toEqual({ import: { types: './dist/index.d.mts', default: './dist/browser/index.mjs' } });
    expect(Object.keys(pkg.exports['.'] ?? {})).toEqual(['browser', 'import', 'require']);
  });

  it('imports neither cross-fetch nor Node modules, takes fp-ts from its ES module build, and fully specifies relative imports', () => {
    const all = files();
    expect(all).toContain('client/client.mjs');
    expect(all).toContain('browser/default-fetch.mjs');
    expect(all.filter((f) => /^(emulator|cli|node|demo)\//.test(f) || f === 'http/default-fetch.mjs' || f === 'browser/bundling.mjs')).toEqual([]);
    for (const f of all) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text).not.toMatch(/from\s*['"](cross-fetch|node-fetch|node:)|require\(|getBuiltinModule/);
      expect(text).not.toMatch(/from ['"]fp-ts\/lib\//);
      for (const [, spec] of text.matchAll(/from ['"](\.[^'"]*)['"]/g)) {
        expect(spec).toMatch(/\.mjs$/);
        expect(existsSync(join(dir, f, '..', spec ?? ''))).toBe(true);
      }
    }
    expect(readFileSync(join(dir, 'internal', 'either.mjs'), 'utf8')).toMatch(/from ['"]fp-ts\/es6\/Either\.js['"]/);
  });

  it('runs a real check on the page\'s own fetch once an application bundles it', async () => {
    const bundled = await build({
      stdin: {
        contents: `import { createEngagementClient } from 'engagement-rx';
          globalThis.check = (domain, accountId) => new Promise((resolve) =>
            createEngagementClient({ accountId, domain }).getEngagement({ consumerSections: ['Support'] }).subscribe(resolve));`,
        resolveDir: root,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      conditions: [...BROWSER_CONDITIONS],
      metafile: true,
      logLevel: 'silent',
    });
    const read = Object.keys(bundled.metafile.inputs);
    expect(read).toContain('dist/browser/index.mjs'); // the "browser" condition picked the browser build
    expect(read.join('\n')).not.toMatch(/cross-fetch|dist\/index\.m?js/);
    // The files that put code in the bundle (metafile.inputs also lists files read, then shaken off).
    const bundledFiles = Object.entries(Object.values(bundled.metafile.outputs)[0]?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file);
    expect(bundledFiles).toEqual(expect.arrayContaining(['dist/browser/client/client.mjs', 'dist/browser/browser/default-fetch.mjs']));
    expect(bundledFiles.filter((f) => f.startsWith('dist/browser/legacy/'))).toEqual([]); // unused modules are dropped

    const emulator = await startEmulator();
    try {
      const urls: string[] = [];
      const pageFetch = (url: string, init: RequestInit) => {
        urls.push(url);
        return fetch(url, init);
      };
      const page = createContext({ fetch: pageFetch, AbortController, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, URL, URLSearchParams, console });
      runInContext(bundled.outputFiles[0]?.text ?? '', page);
      const result = (await (page['check'] as (d: string, a: string) => Promise<unknown>)(emulator.url, emulator.accountId)) as {
        _tag: string;
        right?: { status: string };
      };
      expect(result._tag).toBe('Right');
      expect(result.right?.status).toBe('Available');
      expect(urls).toEqual([`${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/?v=1.0`]);
      expect(emulator.stats().createSessionCalls).toBe(1);
    } finally {
      await emulator.close();
    }
  });
});
