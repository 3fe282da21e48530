import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { browserFetchPlugin, perModulePlugin, rewriteLibImports } from './src/browser/bundling';

const external = ['rxjs', 'fp-ts', 'io-ts', 'cross-fetch', 'redis', 'ioredis'];

const common: Options = {
  entry: { index: 'src/index.ts', legacy: 'src/legacy/index.ts', monitoring: 'src/monitoring/index.ts', emulator: 'src/emulator/index.ts', node: 'src/node/index.ts', redis: 'src/redis/index.ts' },
  target: 'es2020',
  // No source maps: the builds are not minified (a stack trace reads as the source does), and the
  // maps were more than half of the unpacked package.
  sourcemap: false,
  splitting: false,
  treeshake: true,
  external,
};

export default defineConfig([
  { ...common, format: ['cjs'], dts: true },
  { ...common, format: ['esm'], dts: true },
  {
    // The browser build (package.json exports, "browser" condition): one ES module per source
    // file, so application bundlers drop unused modules; the page's own fetch instead of
    // cross-fetch; fp-ts's ES module build (src/browser/bundling.ts).
    entry: [
      'src/**/*.ts',
      '!src/{emulator,cli,node,redis,demo}/**',
      '!src/browser/bundling.ts',
      '!src/http/default-fetch.ts',
      '!src/legacy/iife-entry.ts',
    ],
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2020',
    sourcemap: false,
    splitting: false,
    treeshake: false,
    external,
    outExtension: () => ({ js: '.mjs' }),
    esbuildPlugins: [perModulePlugin({ fetchReplacement: resolve('src/browser/default-fetch.ts'), exists: existsSync })],
    plugins: [{ name: 'es-module-builds-of-fp-ts-and-io-ts', renderChunk: (code: string) => ({ code: rewriteLibImports(code) }) }],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    target: 'es2020',
    platform: 'node',
    sourcemap: false,
    external,
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The legacy browser bundle: a page includes it instead of lpChat.min.js
    // (docs/legacy.md). Self-contained (rxjs, fp-ts, io-ts inside); the default
    // fetch is the browser build's (the page's own fetch, no cross-fetch). On load it installs
    // lpTag.taglets.ChatOverRestAPI with window.engagementRxDefaults.
    entry: { 'engagement-rx.legacy': 'src/legacy/iife-entry.ts' },
    format: ['iife'],
    globalName: 'engagementRx',
    platform: 'browser',
    target: 'es2018',
    minify: true,
    sourcemap: false,
    splitting: false,
    treeshake: true,
    noExternal: [/.*/],
    outExtension: () => ({ js: '.js' }),
    esbuildOptions(options) {
      options.conditions = ['es2015']; // rxjs's ES2015 build: smaller than its ES5 one
    },
    esbuildPlugins: [
      browserFetchPlugin(resolve('src/browser/default-fetch.ts')),
      {
        // fp-ts/lib is CommonJS (not tree-shaken); fp-ts/es6 is the same API as ES modules.
        name: 'fp-ts-lib-to-es6',
        setup(build) {
          build.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
            build.resolve(args.path.replace('fp-ts/lib/', 'fp-ts/es6/'), { kind: args.kind, resolveDir: args.resolveDir }),
          );
        },
      },
    ],
  },
]);
