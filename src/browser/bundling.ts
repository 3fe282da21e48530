/**
 * Build-time helpers that turn the sources into a browser build: the page's
 * own `fetch` instead of cross-fetch, the tree-shakable ES module builds of
 * fp-ts and io-ts instead of their CommonJS `lib/`, and RxJS's ES2015 build.
 *
 * Used by tsup.config.ts (`dist/browser/`), the demo page bundle
 * (src/demo/build.ts) and the size check (bench/size.ts). It runs in Node at
 * build time only: nothing reachable from a library entry imports it, and it
 * imports no `node:*` module itself (callers pass absolute paths and, for
 * {@link perModulePlugin}, a file-existence test).
 *
 * @packageDocumentation
 */
import type { OnResolveArgs, Plugin } from 'esbuild';

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

/**
 * What {@link perModulePlugin} needs to know about the sources.
 *
 * @example
 * ```ts
 * import { existsSync } from 'node:fs';
 * import { resolve } from 'node:path';
 * const sources: ModuleSources = { fetchReplacement: resolve('src/browser/default-fetch.ts'), exists: existsSync };
 * ```
 * @since 0.1.0
 */
export interface ModuleSources {
  /** Absolute path of `src/browser/default-fetch.ts`, which stands in for `src/http/default-fetch.ts`. */
  readonly fetchReplacement: string;
  /** Whether a file exists (`fs.existsSync`). */
  readonly exists: (file: string) => boolean;
}

function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : file.slice(0, i);
}

/** `a/b/../c/./d` → `a/c/d` (forward slashes). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The relative specifier from `fromDir` to `to` (both absolute, normalized). */
function relative(fromDir: string, to: string): string {
  const a = fromDir.split('/');
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const up = a.slice(i).map(() => '..');
  const rel = [...up, ...b.slice(i)].join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * An esbuild plugin for a per-module ES build of the sources (one `.mjs`
 * per source file, as RxJS and fp-ts ship theirs): every import stays an
 * import, so an application bundler drops whole unused modules
 * (`"sideEffects": false`), which a single-file build cannot offer for
 * module-level codecs. Relative imports get their `.mjs` extension (webpack
 * requires fully specified imports in `.mjs` files), the Node default fetch
 * becomes the browser one, `fp-ts/lib/X` becomes `fp-ts/es6/X.js`, and
 * packages stay external.
 *
 * @example
 * ```ts
 * await esbuild.build({
 *   entryPoints: ['src/index.ts', 'src/client/client.ts', ...],
 *   outdir: 'dist/browser', outbase: 'src', bundle: true, format: 'esm', outExtension: { '.js': '.mjs' },
 *   plugins: [perModulePlugin({ fetchReplacement: resolve('src/browser/default-fetch.ts'), exists: existsSync })],
 * });
 * ```
 * @since 0.1.0
 */
export function perModulePlugin(sources: ModuleSources): Plugin {
  const replacement = normalize(sources.fetchReplacement);
  const targetOf = (args: OnResolveArgs): string | undefined => {
    const base = normalize(`${args.resolveDir}/${args.path}`).replace(/\.(ts|js|mjs)$/, '');
    if (DEFAULT_FETCH.test(base)) return replacement;
    if (sources.exists(`${base}.ts`)) return `${base}.ts`;
    if (sources.exists(`${base}/index.ts`)) return `${base}/index.ts`;
    return undefined;
  };
  return {
    name: 'engagement-rx-per-module',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path.startsWith('.')) {
          const target = targetOf(args);
          if (target === undefined) return { errors: [{ text: `cannot find the source of ${args.path}` }] };
          const specifier = relative(normalize(dirOf(args.importer)), target).replace(/\.ts$/, '.mjs');
          return { path: specifier, external: true };
        }
        if (LIB_IMPORT.test(args.path)) return { path: args.path.replace(LIB_IMPORT, '$1/es6/$2.js'), external: true };
        return { path: args.path, external: true };
      });
    },
  };
}
