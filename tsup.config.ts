import { defineConfig, type Options } from 'tsup';

/**
 * fp-ts and io-ts ship no `exports` map, so a bare `fp-ts/lib/Either` import
 * fails in real Node ESM (ERR_MODULE_NOT_FOUND). The ESM build adds the `.js`
 * extension to their deep imports; Node then loads the CommonJS file and
 * exposes its named exports. `spec/package/built-entries.spec.ts` proves it.
 */
const explicitExtensions = {
  name: 'explicit-extensions-for-fp-ts-and-io-ts',
  renderChunk(code: string) {
    return { code: code.replace(/(from\s*["'])((?:fp-ts|io-ts)\/lib\/[A-Za-z0-9_]+)(["'])/g, '$1$2.js$3') };
  },
};

const external = ['rxjs', 'fp-ts', 'io-ts', 'cross-fetch'];

const common: Options = {
  entry: { index: 'src/index.ts', emulator: 'src/emulator/index.ts' },
  target: 'es2020',
  sourcemap: true,
  splitting: false,
  treeshake: true,
  external,
};

export default defineConfig([
  { ...common, format: ['cjs'], dts: true },
  { ...common, format: ['esm'], dts: true, plugins: [explicitExtensions] },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['cjs'],
    target: 'es2020',
    platform: 'node',
    sourcemap: false,
    external,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
