/**
 * `npm run size`: what engagement-rx adds to a browser application.
 *
 * A small application that imports the client, the orchestrator (when the
 * package exports it) and the SDE builders from `engagement-rx` is bundled
 * the way an application bundler would: esbuild, platform browser, ES
 * module, tree-shaken, minified, resolving the package through its own
 * `exports` map (the `browser` condition picks `dist/browser/index.mjs`) with the
 * `es2015` condition (RxJS's ES2015 build). Figures: raw (bundled, not
 * minified), min, and gzip (level 9) of the minified bundle.
 *
 * Exits 1 when the application is over the budget (12 KB gzip), 2 when the
 * build is missing. Run through `npm run size`, which builds first.
 * Figures are recorded in docs/performance.md ("Browser bundle size").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';
import { BROWSER_CONDITIONS, browserFetchPlugin, esModuleBuildsPlugin } from '../src/browser/bundling';

const root = join(__dirname, '..');
const KB = 1024;
const BUDGET_GZIP = 12 * KB;
const LEGACY_LPCHAT_MIN = 95 * KB; // lpChat.min.js, measured while planning (engineering-notes.md)

interface Figures {
  readonly raw: number;
  readonly min: number;
  readonly gzip: number;
}

const SDE_BUILDERS = [
  'cartAttribute',
  'purchaseAttribute',
  'productViewAttribute',
  'customerInfoAttribute',
  'marketingSourceAttribute',
  'personalInfoAttribute',
  'leadAttribute',
  'serviceActivityAttribute',
  'visitorErrorAttribute',
  'searchedContentAttribute',
] as const;

/** The names `dist/browser/index.mjs` exports (its `export { … }`). */
function exportedNames(file: string): Set<string> {
  const text = readFileSync(file, 'utf8');
  const names = new Set<string>();
  for (const block of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of (block[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name !== undefined && name !== '') names.add(name);
    }
  }
  return names;
}

interface AppParts {
  readonly client: boolean;
  readonly orchestrator: boolean;
  readonly builders: boolean;
}

/**
 * The application's source. It uses what it imports the way a page does;
 * `keep` hands values to the page so the bundler cannot drop them.
 */
function appSource(parts: AppParts): string {
  const imports = ['createEngagementClient'];
  if (parts.orchestrator) imports.push('watchEngagement');
  if (parts.builders) imports.push(...SDE_BUILDERS);
  const lines = [
    `import { ${imports.join(', ')} } from 'engagement-rx';`,
    `const keep = (value) => { (globalThis.__app ??= []).push(value); };`,
    `const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });`,
    `client.events$.subscribe(keep);`,
  ];
  if (parts.builders) {
    lines.push(
      `const attributes = [`,
      `  productViewAttribute({ currency: 'USD', products: [{ product: { name: 'shoe', sku: 'xyz567', price: 77.8 } }] }),`,
      `  cartAttribute({ total: 77.8, currency: 'USD', numItems: 1, products: [{ product: { sku: 'xyz567' }, quantity: 1 }] }),`,
      `].flatMap((r) => (r._tag === 'Right' ? [r.right] : []));`,
      `keep([${SDE_BUILDERS.join(', ')}]);`,
      `client.getEngagement({ consumerSections: ['Support'], engagementAttributes: attributes }).subscribe(keep);`,
    );
  } else {
    lines.push(`client.getEngagement({ consumerSections: ['Support'] }).subscribe(keep);`);
  }
  if (parts.orchestrator) {
    lines.unshift(`import { of } from 'rxjs';`);
    lines.push(`watchEngagement(client, { sections$: of(['Support']) }).subscribe(keep);`);
  }
  return lines.join('\n');
}

/** esbuild options for `source` bundled the way an application bundler does it (not minified). */
function appOptions(source: string): BuildOptions & { write: false } {
  return {
    stdin: { contents: source, resolveDir: root, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: [...BROWSER_CONDITIONS],
    treeShaking: true,
    legalComments: 'none',
    logLevel: 'silent',
  };
}

async function bundle(source: string, extra: BuildOptions = {}): Promise<Figures> {
  const common: BuildOptions = { ...appOptions(source), ...extra };
  const raw = await build({ ...common, minify: false });
  const min = await build({ ...common, minify: true });
  const rawText = raw.outputFiles?.[0]?.contents ?? new Uint8Array();
  const minText = min.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { raw: rawText.length, min: minText.length, gzip: gzipSync(minText, { level: 9 }).length };
}

/** esbuild options for a minified bundle of `source` built from the sources (same transformations as dist/browser/). */
function fromSources(source: string, plugins: NonNullable<BuildOptions['plugins']>): BuildOptions & { write: false } {
  return {
    ...appOptions(source),
    minify: true,
    alias: { 'engagement-rx': join(root, 'src', 'index.ts') },
    plugins: [...plugins, browserFetchPlugin(join(root, 'src', 'browser', 'default-fetch.ts')), esModuleBuildsPlugin()],
  };
}

/** Minified bytes per `src/` folder in a bundle of the application built from the sources (same transformations as dist/browser/). */
async function sourceFolders(source: string): Promise<Map<string, number>> {
  const result = await build({ ...fromSources(source, []), metafile: true });
  const folders = new Map<string, number>();
  for (const [file, input] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
    if (!file.startsWith('src/')) continue;
    const parts = file.split('/');
    const folder = parts.length > 2 ? `src/${parts[1]}/` : file;
    folders.set(folder, (folders.get(folder) ?? 0) + input.bytesInOutput);
  }
  return folders;
}

/** Stand-ins for modules, to measure what leaving them out of the client would save. */
const STAND_INS: Record<string, string> = {
  // Reporting as an opt-in import: the client keeps report/reportFrom/outbox$ members that do nothing.
  reporting: [
    `import { of, Subscription } from 'rxjs';`,
    `export const withCarried = (request) => request;`,
    `const none = { report: () => ({ _tag: 'Right', right: undefined }), reportFrom: () => new Subscription(), outbox$: of(undefined), carried: () => [], sessionReset: () => undefined };`,
    `export const createReporting = () => none;`,
    `export const refusedReporting = () => none;`,
  ].join('\n'),
  // The orchestrator as an opt-in import: no client.engagement$.
  orchestrator: `export const watchEngagement = () => { throw new Error('left out'); };`,
};

/** A bundle of `source` from the sources, with the named modules replaced by their stand-ins. */
async function sourceBundle(source: string, standIns: ReadonlyArray<'reporting' | 'orchestrator'>): Promise<Figures> {
  const files: Record<string, string> = { reporting: 'src/report/reporting.ts', orchestrator: 'src/orchestrator/engagement-stream.ts' };
  const standInPlugin: NonNullable<BuildOptions['plugins']>[number] = {
    name: 'stand-ins',
    setup(b) {
      for (const name of standIns) {
        const file = join(root, files[name] as string);
        b.onLoad({ filter: new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) }, () => ({ contents: STAND_INS[name], loader: 'js' }));
      }
    },
  };
  const result = await build(fromSources(source, [standInPlugin]));
  const min = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { raw: min.length, min: min.length, gzip: gzipSync(min, { level: 9 }).length };
}

async function shapeFigures(fullSource: string, checksOnlySource: string): Promise<Array<[string, Figures]>> {
  return [
    ['the application, as the library is (from the sources)', await sourceBundle(fullSource, [])],
    ['the application, with reporting an opt-in import (not a client member)', await sourceBundle(fullSource, ['reporting'])],
    ['checks only (client, events$; no reporting, no orchestrator, no builders)', await sourceBundle(checksOnlySource, ['reporting', 'orchestrator'])],
  ];
}

function fileFigures(file: string): Figures {
  const bytes = readFileSync(file);
  return { raw: bytes.length, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const signed = (bytes: number): string => `${bytes >= 0 ? '+' : '−'}${kb(Math.abs(bytes))}`;

function row(cells: ReadonlyArray<string>): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return [row(head), row(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');
}

async function main(): Promise<number> {
  const browserEntry = join(root, 'dist', 'browser', 'index.mjs');
  if (!existsSync(browserEntry)) {
    console.error('dist/browser/index.mjs is missing: run `npm run build` first (`npm run size` does).');
    return 2;
  }
  const names = exportedNames(browserEntry);
  const hasOrchestrator = names.has('watchEngagement');

  console.log(`engagement-rx browser bundle size — esbuild ${esbuildVersion}, platform browser, ESM, tree-shaken, minified, gzip -9`);
  console.log(`package entry: dist/browser/index.mjs (exports condition "browser"); extra conditions: ${BROWSER_CONDITIONS.join(', ')}; 1 KB = 1024 bytes`);
  console.log('');

  // Step by step: what each import adds.
  const steps: Array<{ label: string; parts: AppParts }> = [{ label: 'the client (createEngagementClient: checks, events$, reporting)', parts: { client: true, orchestrator: false, builders: false } }];
  if (hasOrchestrator) steps.push({ label: '+ the orchestrator (watchEngagement)', parts: { client: true, orchestrator: true, builders: false } });
  steps.push({ label: `+ the SDE builders (${SDE_BUILDERS.length} builders)`, parts: { client: true, orchestrator: hasOrchestrator, builders: true } });
  const stepFigures: Figures[] = [];
  for (const step of steps) stepFigures.push(await bundle(appSource(step.parts)));
  const app = stepFigures[stepFigures.length - 1] as Figures;
  const fullSource = appSource(steps[steps.length - 1]?.parts as AppParts);

  console.log('## The application, part by part (each row adds to the one above)');
  console.log('');
  console.log(
    table(
      ['part', 'raw', 'min', 'gzip', 'gzip total'],
      steps.map((s, i) => {
        const f = stepFigures[i] as Figures;
        const prev = i === 0 ? { raw: 0, min: 0, gzip: 0 } : (stepFigures[i - 1] as Figures);
        return [s.label, kb(f.raw - prev.raw), kb(f.min - prev.min), kb(f.gzip - prev.gzip), kb(f.gzip)];
      }),
    ),
  );
  if (!hasOrchestrator) console.log('\n(the orchestrator is not exported by this build yet: it is not counted)');
  console.log('');

  // By package: the cost of each dependency is the total minus the bundle without it.
  const deps = ['rxjs', 'io-ts', 'fp-ts', 'tslib'];
  const own = await bundle(fullSource, { external: deps });
  const byPackage: Array<[string, Figures]> = [['engagement-rx itself (every dependency left out)', own]];
  for (const dep of deps) {
    const without = await bundle(fullSource, { external: [dep] });
    byPackage.push([`${dep} (total minus a bundle without it)`, { raw: app.raw - without.raw, min: app.min - without.min, gzip: app.gzip - without.gzip }]);
  }
  console.log('## By package');
  console.log('');
  console.log(table(['package', 'raw', 'min', 'gzip'], byPackage.map(([label, f]) => [label, kb(f.raw), kb(f.min), kb(f.gzip)])));
  console.log('');

  // Where engagement-rx's own bytes come from: the same application bundled from the sources.
  const folders = await sourceFolders(fullSource);
  const ownMin = [...folders.values()].reduce((a, b) => a + b, 0);
  console.log('## engagement-rx by source folder (minified bytes, from a bundle of the sources)');
  console.log('');
  console.log(
    table(
      ['folder', 'min', 'share'],
      [...folders.entries()].sort((a, b) => b[1] - a[1]).map(([folder, bytes]) => [folder, kb(bytes), `${((bytes / ownMin) * 100).toFixed(0)} %`]),
    ),
  );
  console.log('');

  // What a change of the library's shape would save (prototypes: modules replaced by stand-ins).
  const shapes = await shapeFigures(fullSource, appSource({ client: true, orchestrator: false, builders: false }));
  console.log('## What a change of shape would save (bundles of the sources, some modules replaced by empty stand-ins)');
  console.log('');
  console.log(
    table(
      ['shape', 'min', 'gzip', 'vs the budget'],
      shapes.map(([label, f]) => [label, kb(f.min), kb(f.gzip), signed(f.gzip - BUDGET_GZIP)]),
    ),
  );
  console.log('');

  // What the choices of the browser build save.
  const nodeEntry = await bundle(fullSource, { alias: { 'engagement-rx': join(root, 'dist', 'index.mjs') } });
  const esm5 = await bundle(fullSource, { conditions: [] });
  const comparisons: Array<[string, Figures, string]> = [
    ['the application (browser build, rxjs es2015)', app, ''],
    ['same, through the Node/`import` entry (cross-fetch browser ponyfill, fp-ts CommonJS)', nodeEntry, signed(nodeEntry.gzip - app.gzip)],
    ['same, with RxJS\'s default (ES5) build', esm5, signed(esm5.gzip - app.gzip)],
  ];
  const legacyBundle = join(root, 'dist', 'engagement-rx.legacy.js');
  if (existsSync(legacyBundle)) {
    const legacy = fileFigures(legacyBundle);
    comparisons.push(['dist/engagement-rx.legacy.js (drop-in for lpChat, self-contained)', legacy, signed(legacy.gzip - app.gzip)]);
  }
  console.log('## Choices and comparisons');
  console.log('');
  console.log(
    table(
      ['bundle', 'raw', 'min', 'gzip', 'gzip vs the application'],
      [...comparisons.map(([label, f, delta]) => [label, kb(f.raw), kb(f.min), kb(f.gzip), delta]), ['legacy lpChat.min.js (planning figure)', '—', `about ${kb(LEGACY_LPCHAT_MIN)}`, '—', '']],
    ),
  );
  console.log('');

  const over = app.gzip - BUDGET_GZIP;
  if (over > 0) {
    console.log(`FAIL: the application is ${kb(app.gzip)} gzip, over the ${kb(BUDGET_GZIP)} budget by ${kb(over)}.`);
    return 1;
  }
  console.log(`OK: the application is ${kb(app.gzip)} gzip, within the ${kb(BUDGET_GZIP)} budget (${kb(-over)} to spare).`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  },
);
