import { join } from 'node:path';
import { build, type OnResolveArgs, type OnResolveResult, type Plugin, type PluginBuild } from 'esbuild';
import { BROWSER_CONDITIONS, browserFetchPlugin, esModuleBuildsPlugin, perModulePlugin, rewriteLibImports } from '../../src/browser/bundling';

const root = join(__dirname, '..', '..');
const replacement = join(root, 'src', 'browser', 'default-fetch.ts');

/** The onResolve callback a plugin registers, for direct calls. */
function resolverOf(plugin: Plugin): (args: Partial<OnResolveArgs>) => OnResolveResult | undefined {
  let callback: ((args: OnResolveArgs) => OnResolveResult | undefined) | undefined;
  let filter: RegExp | undefined;
  void plugin.setup({
    onResolve: (options: { filter: RegExp }, cb: (args: OnResolveArgs) => OnResolveResult | undefined) => {
      filter = options.filter;
      callback = cb;
    },
  } as unknown as PluginBuild);
  return (args) => (filter?.test(args.path ?? '') === true ? callback?.(args as OnResolveArgs) : undefined);
}

async function inputsOf(contents: string, plugins: Plugin[]): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: join(root, 'src', 'client'), loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    conditions: [...BROWSER_CONDITIONS],
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  return Object.keys(result.metafile.inputs);
}

describe('browserFetchPlugin', () => {
  const resolve = resolverOf(browserFetchPlugin(replacement));

  it('redirects the sources\' default fetch, with or without an extension', () => {
    expect(resolve({ path: '../http/default-fetch', importer: join(root, 'src/client/client.ts') })).toEqual({ path: replacement });
    expect(resolve({ path: './http/default-fetch.ts', importer: join(root, 'src/index.ts') })).toEqual({ path: replacement });
  });

  it('leaves packages and other modules alone', () => {
    expect(resolve({ path: 'some-package/http/default-fetch', importer: join(root, 'src/index.ts') })).toBeUndefined();
    expect(resolve({ path: '../http/default-fetch', importer: join(root, 'node_modules/x/index.js') })).toBeUndefined();
    expect(resolve({ path: '../http/request', importer: join(root, 'src/client/client.ts') })).toBeUndefined();
  });

  it('keeps cross-fetch out of a browser bundle of the client', async () => {
    const inputs = await inputsOf(`export { createEngagementClient } from './client';`, [browserFetchPlugin(replacement), esModuleBuildsPlugin()]);
    expect(inputs).toContain('src/browser/default-fetch.ts');
    expect(inputs.join('\n')).not.toMatch(/cross-fetch|src\/http\/default-fetch/);
    expect(inputs.some((f) => f.startsWith('node_modules/rxjs/dist/esm/'))).toBe(true);
  });
});

describe('esModuleBuildsPlugin', () => {
  it('bundles fp-ts/lib imports from fp-ts/es6', async () => {
    const inputs = await inputsOf(`import { left } from 'fp-ts/lib/Either'; console.log(left);`, [esModuleBuildsPlugin()]);
    expect(inputs).toContain('node_modules/fp-ts/es6/Either.js');
    expect(inputs.join('\n')).not.toContain('fp-ts/lib/');
  });
});

describe('rewriteLibImports', () => {
  it('points fp-ts and io-ts lib imports at their es6 builds', () => {
    expect(rewriteLibImports(`import { left } from "fp-ts/lib/Either";`)).toBe(`import { left } from "fp-ts/es6/Either.js";`);
    expect(rewriteLibImports(`import { left } from 'fp-ts/lib/Either.js';`)).toBe(`import { left } from 'fp-ts/es6/Either.js';`);
    expect(rewriteLibImports(`import * as t from 'io-ts/lib/index'`)).toBe(`import * as t from 'io-ts/es6/index.js'`);
  });

  it('leaves every other import alone', () => {
    const code = `import * as t from 'io-ts';\nimport { of } from 'rxjs';\nconst s = "fp-ts/lib/Either";`;
    expect(rewriteLibImports(code)).toBe(code);
  });
});

describe('perModulePlugin', () => {
  const files = new Set(['/r/src/client/client.ts', '/r/src/errors.ts', '/r/src/emulator/index.ts', '/r/src/browser/default-fetch.ts']);
  const resolve = resolverOf(perModulePlugin({ fetchReplacement: '/r/src/browser/default-fetch.ts', exists: (f) => files.has(f) }));
  const from = (path: string, importer = '/r/src/client/client.ts') => resolve({ path, importer, resolveDir: importer.slice(0, importer.lastIndexOf('/')), kind: 'import-statement' });

  it('keeps relative imports as imports, fully specified with .mjs', () => {
    expect(from('../errors')).toEqual({ path: '../errors.mjs', external: true });
    expect(from('./client', '/r/src/client/other.ts')).toEqual({ path: './client.mjs', external: true });
    expect(from('./client/client', '/r/src/index.ts')).toEqual({ path: './client/client.mjs', external: true });
    expect(from('../emulator', '/r/src/cli/main.ts')).toEqual({ path: '../emulator/index.mjs', external: true });
  });

  it('points the Node default fetch at the browser one', () => {
    expect(from('../http/default-fetch')).toEqual({ path: '../browser/default-fetch.mjs', external: true });
  });

  it('keeps packages external, fp-ts and io-ts lib imports pointed at es6', () => {
    expect(from('rxjs')).toEqual({ path: 'rxjs', external: true });
    expect(from('io-ts')).toEqual({ path: 'io-ts', external: true });
    expect(from('fp-ts/lib/Either')).toEqual({ path: 'fp-ts/es6/Either.js', external: true });
  });

  it('leaves entry points to esbuild, and refuses a relative import it cannot find', () => {
    expect(resolve({ path: '/r/src/index.ts', kind: 'entry-point', importer: '', resolveDir: '/r' })).toBeUndefined();
    expect(from('./nowhere')).toEqual({ errors: [{ text: 'cannot find the source of ./nowhere' }] });
  });
});
