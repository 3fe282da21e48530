/**
 * Build-time helpers that turn the sources into a browser build: the page's
 * own `fetch` instead of cross-fetch, the tree-shakable ES module builds of
 * fp-ts and io-ts instead of their CommonJS `lib/`, and RxJS's ES2015 build.
 *
 * Used by tsup.config.ts (`dist/browser.mjs`), the demo page bundle
 * (src/demo/build.ts) and the size check (bench/size.ts). It runs in Node at
 * build time only: nothing reachable from a library entry imports it, and it
 * imports no `node:*` module itself (callers pass absolute paths).
 *
 * @packageDocumentation
 */
import type { Plugin } from 'esbuild';

/**
 * The export conditions a browser bundle of engagement-rx should resolve
 * with, besides the bundler's own (`browser`, `import`, `default`):
 * `es2015` picks RxJS's ES2015 build (`rxjs/dist/esm`) over its default ES5
 * one (about 1.4 KB gzip smaller, and faster).
 *
 * @example
 * ```ts
 * await esbuild.build({ entryPoints: ['app.ts'], bundle: true, platform: 'browser', conditions: [...BROWSER_CONDITIONS] });
 * ```
 * @since 0.1.0
 */
export const BROWSER_CONDITIONS: ReadonlyArray<string> = Object.freeze(['es2015']);

/** `src/…/http/default-fetch` as imported from the sources (with or without extension). */
const DEFAULT_FETCH = /(^|[\\/])http[\\/]default-fetch(\.ts|\.js)?$/;

/**
 * An esbuild plugin that resolves the library's Node default fetch
 * (`src/http/default-fetch.ts`: cross-fetch with keep-alive agents) to the
 * browser one (`src/browser/default-fetch.ts`: `globalThis.fetch`). Only
 * imports made from the library's own sources are redirected.
 *
 * @param replacement absolute path of `src/browser/default-fetch.ts`.
 * @example
 * ```ts
 * import { resolve } from 'node:path';
 * const plugin = browserFetchPlugin(resolve('src/browser/default-fetch.ts'));
 * await esbuild.build({ entryPoints: ['src/index.ts'], bundle: true, plugins: [plugin] });
 * ```
 * @since 0.1.0
 */
export function browserFetchPlugin(replacement: string): Plugin {
  return {
    name: 'engagement-rx-browser-fetch',
    setup(build) {
      build.onResolve({ filter: DEFAULT_FETCH }, (args) => {
        if (args.path.startsWith('.') && !args.importer.includes('node_modules')) return { path: replacement };
        return undefined;
      });
    },
  };
}

const LIB_IMPORT = /^(fp-ts|io-ts)\/lib\/(.+?)(\.js)?$/;

/**
 * An esbuild plugin for bundles that include fp-ts and io-ts: resolves
 * `fp-ts/lib/X` (CommonJS, not tree-shakable, and a second copy next to the
 * `fp-ts/es6/X` that io-ts's ES module build imports) to `fp-ts/es6/X`.
 *
 * @example
 * ```ts
 * await esbuild.build({ entryPoints: ['src/demo/page/main.ts'], bundle: true, plugins: [esModuleBuildsPlugin()] });
 * ```
 * @since 0.1.0
 */
export function esModuleBuildsPlugin(): Plugin {
  return {
    name: 'engagement-rx-es-module-builds',
    setup(build) {
      build.onResolve({ filter: LIB_IMPORT }, async (args) => {
        if (args.pluginData === LIB_IMPORT) return undefined;
        const es6 = args.path.replace(LIB_IMPORT, '$1/es6/$2.js');
        const resolved = await build.resolve(es6, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: LIB_IMPORT });
        return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
      });
    },
  };
}

/**
 * Rewrites, in an emitted ES module that keeps fp-ts and io-ts external,
 * `from 'fp-ts/lib/X'` to `from 'fp-ts/es6/X.js'` (same for io-ts), so the
 * application's bundler gets their tree-shakable ES module builds.
 *
 * @example
 * ```ts
 * rewriteLibImports(`import { left } from "fp-ts/lib/Either";`);
 * // 'import { left } from "fp-ts/es6/Either.js";'
 * ```
 * @since 0.1.0
 */
export function rewriteLibImports(code: string): string {
  return code.replace(/(from\s*["'])(fp-ts|io-ts)\/lib\/([A-Za-z0-9_]+)(?:\.js)?(["'])/g, '$1$2/es6/$3.js$4');
}
