/**
 * `npm run build:demo` (part of `npm run build`): bundles the demo page
 * (src/demo/page/main.ts) with esbuild the way an application would bundle
 * engagement-rx for browsers (the page's own fetch, RxJS's ES2015 build,
 * fp-ts/io-ts ES modules), and copies its HTML and CSS, into `dist/demo/`.
 *
 * @packageDocumentation
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BROWSER_CONDITIONS, browserFetchPlugin, esModuleBuildsPlugin } from '../browser/bundling';

const root = join(__dirname, '..', '..');
const pageDir = join(__dirname, 'page');

/** The files copied as they are. */
const STATIC_FILES = ['index.html', 'legacy.html', 'styles.css'] as const;

/**
 * What {@link buildDemoPage} made.
 * @since 0.1.0
 */
export interface BuiltDemoPage {
  /** Size of `app.js`. */
  readonly bytes: number;
  /** Every file bundled into `app.js`, relative to the working directory. */
  readonly inputs: ReadonlyArray<string>;
}

/**
 * The esbuild options of a page that uses engagement-rx from its sources,
 * bundled as an application would bundle the package for browsers: one ES
 * module, the page's own fetch, RxJS's ES2015 build, fp-ts/io-ts ES modules.
 *
 * @example
 * ```ts
 * await build({ ...pageBundle('src/demo/page/main.ts', 'dist/demo/app.js'), minify: true });
 * ```
 * @since 0.2.0
 */
export function pageBundle(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: [...BROWSER_CONDITIONS],
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [browserFetchPlugin(join(root, 'src', 'browser', 'default-fetch.ts')), esModuleBuildsPlugin()],
  };
}

/**
 * Builds the demo page into `outDir` (`app.js`, `index.html`,
 * `legacy.html`, `styles.css`).
 *
 * @example
 * ```ts
 * const { bytes } = await buildDemoPage('dist/demo');
 * ```
 * @since 0.1.0
 */
export async function buildDemoPage(outDir: string, options: { readonly minify?: boolean } = {}): Promise<BuiltDemoPage> {
  await mkdir(outDir, { recursive: true });
  const result = await build({ ...pageBundle(join(pageDir, 'main.ts'), join(outDir, 'app.js')), minify: options.minify ?? true, metafile: true });
  await Promise.all(STATIC_FILES.map((f) => copyFile(join(pageDir, f), join(outDir, f))));
  const output = Object.values(result.metafile.outputs)[0];
  return { bytes: output?.bytes ?? 0, inputs: Object.keys(output?.inputs ?? {}) };
}

if (require.main === module) {
  const out = join(root, 'dist', 'demo');
  buildDemoPage(out).then(
    ({ bytes }) => console.log(`demo page: dist/demo/app.js ${(bytes / 1024).toFixed(1)} KB`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
