/**
 * `npm run size`: what engagement-rx adds to a browser application, against
 * the budgets, beside the legacy SDK it replaces.
 *
 * Each application imports the built package the way an application does
 * (its own input streams are plain `new Observable(...)`, so the RxJS
 * operators an application may choose are not counted):
 * esbuild, platform browser, ES module, tree-shaken, minified, resolving
 * `engagement-rx` through the package's own `exports` map (the `browser`
 * condition picks `dist/browser/index.mjs`) with the `es2015` condition
 * (RxJS's ES2015 build). Real imports only: nothing is replaced by a
 * stand-in. Figures: minified bytes, and gzip (level 9) of the minified
 * bundle; 1 KB = 1024 bytes.
 *
 * The rows and their budgets (gzip):
 * 1. an app that checks (the check core, the default retry, a memory session): 12 KB;
 * 2. + the live state (`watchEngagement`) and the ten SDE builders: 14 KB;
 * 3. + reporting (`createReporter`: the outbox, Update Session): 15 KB;
 * 4. `dist/engagement-rx.legacy.js`, the script pages load instead of
 *    lpChat.min.js: 16 KB gzip and 50 KB minified.
 *
 * Then, for each row, where its bytes go: per package, and engagement-rx's
 * own modules (minified bytes in the bundle, from esbuild's metafile).
 *
 * Exits 1 when a row is over its budget, 2 when the build is missing. Run
 * through `npm run size`, which builds first. Figures are recorded in
 * docs/performance.md ("Browser bundle size").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, version as esbuildVersion, type BuildOptions, type Metafile } from 'esbuild';
import { BROWSER_CONDITIONS } from '../src/browser/bundling';

const root = join(__dirname, '..');
const KB = 1024;

/** lpChat.min.js 3.1.0, the legacy SDK pages load today (chat included), measured the same way (gzip -9 of the file). */
const LPCHAT = { min: 95_482, gzip: 26_169 } as const;

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

interface Figures {
  readonly min: number;
  readonly gzip: number;
}

interface Row {
  readonly label: string;
  readonly budget: { readonly gzip: number; readonly min?: number };
  readonly figures: Figures;
  /** Minified bytes per input file of the bundle (absent for a prebuilt file). */
  readonly inputs?: ReadonlyArray<readonly [string, number]>;
}

/** The applications, each a superset of the one before. `keep` hands values to the page so the bundler cannot drop them. */
function appSource(level: 1 | 2 | 3): string {
  const imports = ['createEngagementClient'];
  if (level >= 2) imports.push('watchEngagement', ...SDE_BUILDERS);
  if (level >= 3) imports.push('createReporter');
  const lines = [
    `import { ${imports.join(', ')} } from 'engagement-rx';`,
    `const keep = (value) => { (globalThis.__app ??= []).push(value); };`,
    `const client = createEngagementClient({ accountId: '12345678', domain: 'va.v.liveperson.net' });`,
    `client.events$.subscribe(keep);`,
    `client.getEngagement({ consumerSections: ['Support'] }).subscribe(keep);`,
  ];
  if (level >= 2) {
    // The application's input streams are made with the Observable every bundle already has, so an
    // RxJS creation function the application may choose (of, BehaviorSubject…) is not counted here.
    lines.unshift(`import { Observable } from 'rxjs';`, `const of = (value) => new Observable((subscriber) => subscriber.next(value));`);
    lines.push(
      `const cart = cartAttribute({ total: 77.8, currency: 'USD', numItems: 1, products: [{ product: { sku: 'xyz567' }, quantity: 1 }] });`,
      `keep([${SDE_BUILDERS.join(', ')}]);`,
      level >= 3 ? `const reporter = createReporter(client);` : `const reporter = undefined;`,
      `watchEngagement(client, { sections$: of(['Support']), attributes$: of(cart._tag === 'Right' ? cart.right : []) }, reporter === undefined ? {} : { reporter }).subscribe(keep);`,
    );
    if (level >= 3) lines.push(`keep(reporter.outbox$); keep(reporter.report);`);
  }
  return lines.join('\n');
}

/** esbuild options for `source` bundled the way an application bundler does it. */
function appOptions(source: string, extra: BuildOptions = {}): BuildOptions & { write: false; metafile: true } {
  return {
    stdin: { contents: source, resolveDir: root, sourcefile: 'app.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    conditions: [...BROWSER_CONDITIONS],
    treeShaking: true,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    ...extra,
    write: false,
    metafile: true,
  };
}

function inputsOf(metafile: Metafile): Array<readonly [string, number]> {
  const output = Object.values(metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .map(([file, input]) => [file, input.bytesInOutput] as const)
    .filter(([, bytes]) => bytes > 0);
}

async function bundle(source: string, extra: BuildOptions = {}): Promise<{ figures: Figures; inputs: Array<readonly [string, number]> }> {
  const result = await build(appOptions(source, extra));
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { figures: { min: code.length, gzip: gzipSync(code, { level: 9 }).length }, inputs: inputsOf(result.metafile) };
}

const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} KB`;
const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`;
const pct = (part: number, whole: number): string => `${Math.round((part / whole) * 100)} %`;

function table(head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const line = (cells: ReadonlyArray<string>): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The package (or engagement-rx module) an input file belongs to. */
function ownerOf(file: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (m !== null) return m[1] as string;
  return file.startsWith('dist/') ? 'engagement-rx' : file;
}

function withinBudget(row: Row): boolean {
  return row.figures.gzip <= row.budget.gzip && (row.budget.min === undefined || row.figures.min <= row.budget.min);
}

function budgetText(row: Row): string {
  const gzip = `${kb(row.budget.gzip)} gzip`;
  return row.budget.min === undefined ? gzip : `${gzip}, ${kb(row.budget.min)} min`;
}

async function main(): Promise<number> {
  const browserEntry = join(root, 'dist', 'browser', 'index.mjs');
  const legacyFile = join(root, 'dist', 'engagement-rx.legacy.js');
  if (!existsSync(browserEntry) || !existsSync(legacyFile)) {
    console.error('dist/ is missing: run `npm run build` first (`npm run size` does).');
    return 2;
  }

  const labels = ['1. an app that checks (core, default retry, memory session)', '2. + the live state and the ten SDE builders', '3. + reporting (outbox, Update Session)'];
  const budgets = [12 * KB, 14 * KB, 15 * KB];
  const rows: Row[] = [];
  for (const level of [1, 2, 3] as const) {
    const { figures, inputs } = await bundle(appSource(level));
    rows.push({ label: labels[level - 1] as string, budget: { gzip: budgets[level - 1] as number }, figures, inputs });
  }
  const legacy = readFileSync(legacyFile);
  rows.push({ label: '4. dist/engagement-rx.legacy.js (drop-in for lpChat.min.js, self-contained)', budget: { gzip: 16 * KB, min: 50 * KB }, figures: { min: legacy.length, gzip: gzipSync(legacy, { level: 9 }).length } });

  console.log(`engagement-rx browser bundle size — esbuild ${esbuildVersion}, platform browser, ESM, tree-shaken, minified, gzip -9`);
  console.log(`package entry: dist/browser/index.mjs (exports condition "browser"); extra conditions: ${BROWSER_CONDITIONS.join(', ')}; 1 KB = 1024 bytes`);
  console.log('');
  console.log('## The budgets');
  console.log('');
  console.log(
    table(
      ['bundle', 'min', 'gzip', 'budget', 'vs budget (gzip)', 'vs lpChat.min.js (gzip / min)', ''],
      [
        ...rows.map((r) => [
          r.label,
          bytes(r.figures.min),
          bytes(r.figures.gzip),
          budgetText(r),
          `${r.figures.gzip - r.budget.gzip >= 0 ? '+' : '−'}${bytes(Math.abs(r.figures.gzip - r.budget.gzip))}`,
          `${pct(r.figures.gzip, LPCHAT.gzip)} / ${pct(r.figures.min, LPCHAT.min)}`,
          withinBudget(r) ? 'OK' : 'OVER',
        ]),
        ['lpChat.min.js 3.1.0 (the legacy SDK, chat included)', bytes(LPCHAT.min), bytes(LPCHAT.gzip), '', '', '100 % / 100 %', ''],
      ],
    ),
  );
  console.log('');

  // Where the bytes go: per package (minified bytes each contributes), then engagement-rx's own modules.
  for (const [i, row] of rows.entries()) {
    if (row.inputs === undefined) continue;
    const byOwner = new Map<string, number>();
    for (const [file, n] of row.inputs) byOwner.set(ownerOf(file), (byOwner.get(ownerOf(file)) ?? 0) + n);
    console.log(`## Row ${i + 1}: where the ${bytes(row.figures.min)} (min) go`);
    console.log('');
    console.log(table(['package', 'min', 'share'], [...byOwner.entries()].sort((a, b) => b[1] - a[1]).map(([owner, n]) => [owner, bytes(n), pct(n, row.figures.min)])));
    console.log('');
    const ownModules = row.inputs.filter(([file]) => file.startsWith('dist/browser/')).sort((a, b) => b[1] - a[1]);
    const shown = ownModules.slice(0, 30);
    const rest = ownModules.slice(30).reduce((n, [, b]) => n + b, 0);
    console.log(
      table(
        ['engagement-rx module (dist/browser/)', 'min'],
        [...shown.map(([file, n]) => [file.replace('dist/browser/', ''), bytes(n)]), ...(rest > 0 ? [[`${ownModules.length - shown.length} more modules`, bytes(rest)]] : [])],
      ),
    );
    console.log('');
  }

  const over = rows.filter((r) => !withinBudget(r));
  if (over.length > 0) {
    console.log(`FAIL: ${over.length} of ${rows.length} bundles over budget: ${over.map((r) => r.label.split(' ')[0]).join(', ')}`);
    return 1;
  }
  console.log(`OK: all ${rows.length} bundles within budget.`);
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
