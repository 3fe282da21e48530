/**
 * The React example of docs/react.md, built and served: `npx tsx
 * src/demo/react/serve.ts` bundles `page.ts` with esbuild (React's
 * development build, as while developing an application; the library as its
 * browser build), serves it with the demo server and the emulator on free
 * loopback ports, and prints the page's address. The browser test
 * (spec/browser/react-example.spec.ts) builds it with {@link buildReactExample}.
 * Node-only; not part of the library's entries.
 *
 * @packageDocumentation
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { pageBundle } from '../build';
import { startDemo } from '../server';

const root = join(__dirname, '..', '..', '..');

/**
 * Builds the example into `outDir`: `app.js` (React's development build, so
 * `<StrictMode>` checks and React's warnings are on) and `index.html`.
 *
 * @example
 * ```ts
 * await buildReactExample('dist/demo/react');
 * ```
 * @since 0.2.0
 */
export async function buildReactExample(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({ ...pageBundle(join(__dirname, 'page.ts'), join(outDir, 'app.js')), define: { 'process.env.NODE_ENV': '"development"' } });
  await copyFile(join(__dirname, 'index.html'), join(outDir, 'index.html'));
}

/** The page's address, naming the emulator it checks. */
export function exampleUrl(pageUrl: string, emulator: { readonly url: string; readonly accountId: string }): string {
  return `${pageUrl}?${new URLSearchParams({ domain: emulator.url, account: emulator.accountId }).toString()}`;
}

if (require.main === module) {
  const outDir = join(root, 'dist', 'demo', 'react'); // dist/demo is left out of the package
  buildReactExample(outDir)
    .then(() => startDemo({ assetsDir: outDir }))
    .then(
      (demo) => {
        console.log(`React example: ${exampleUrl(demo.url, demo.emulator)}`);
        console.log('Ctrl-C stops it.');
        process.once('SIGINT', () => void demo.close().then(() => process.exit(0)));
      },
      (e: unknown) => {
        console.error(e);
        process.exitCode = 1;
      },
    );
}
