/**
 * Every code sample of the README and the guides (docs/*.md) is code that
 * works. Each ```ts, ```typescript, ```js or ```javascript block is one of:
 * - checked (no marker): type-checked, as its own module, against the
 *   *built* package (`engagement-rx` and its subpaths resolve to the
 *   declarations in dist/, made by `npm run build`, which `npm test` runs
 *   first). JavaScript blocks are checked as JavaScript (`checkJs`). What
 *   the application would supply itself (a `client`, a render function, a
 *   cart stream) comes from the prelude below; names of the package must be
 *   imported, as a reader copying the block would;
 * - `runnable` (```ts runnable): type-checked too, then run in a Node
 *   process against the built package (a sample that checks starts the
 *   embedded emulator itself); it must exit with code 0 and nothing on stderr within the time
 *   guard, so a sample that leaves the emulator open fails;
 * - `fragment` (```ts fragment): a shape shown on purpose that is not a
 *   program (a type written out in short); counted, not compiled.
 * All blocks go into one TypeScript program, so the check stays fast.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { typeCheckSamples } from '../helpers/sample-program';

const root = join(__dirname, '..', '..');

/** Where `engagement-rx` and its subpaths resolve: the built declarations. */
const BUILT: Readonly<Record<string, ReadonlyArray<string>>> = {
  'engagement-rx': ['dist/index.d.ts'],
  'engagement-rx/legacy': ['dist/legacy.d.ts'],
  'engagement-rx/monitoring': ['dist/monitoring.d.ts'],
  'engagement-rx/node': ['dist/node.d.ts'],
  'engagement-rx/redis': ['dist/redis.d.ts'],
  'engagement-rx/emulator': ['dist/emulator.d.ts'],
};

/** What samples may use without declaring it: the application's own values and test globals. */
const PRELUDE = `
import type { Observable } from 'rxjs';
import type { expect as jestExpect, beforeEach as jestBeforeEach, afterEach as jestAfterEach } from '@jest/globals';
import type { AvailableEngagement, EngagementClient, Reporter, cartAttribute } from 'engagement-rx';
import type { ChatOverRestAPI } from 'engagement-rx/legacy';
import type { RunningEmulator } from 'engagement-rx/emulator';
declare global {
  /** A client and a reporter the page made earlier. */
  const client: EngagementClient;
  const reporter: Reporter;
  /** An Available engagement of an earlier check. */
  const engagement: AvailableEngagement;
  /** The application's cart, as an Observable, and its mapping to a cart attribute. */
  const cart$: Observable<{ readonly total: number; readonly items: ReadonlyArray<unknown> }>;
  function toCartAttribute(cart: { readonly total: number; readonly items: ReadonlyArray<unknown> }): ReturnType<typeof cartAttribute>;
  /** The page's own rendering. */
  function render(...values: unknown[]): void;
  function showChatButton(engagement?: unknown): void;
  function hideChatButton(): void;
  function showOfflineMessage(): void;
  /** An Angular-like router and store. */
  const router: { readonly events: Observable<unknown> };
  class NavigationEnd { readonly urlAfterRedirects: string; }
  const store: { select<T>(selector: (state: unknown) => T): Observable<T> };
  function selectCart(state: unknown): { readonly total: number; readonly items: ReadonlyArray<unknown> };
  /** A key-value backend of the application's own. */
  const myBackend: { get(key: string): Promise<unknown>; set(key: string, value: unknown): Promise<void>; delete(key: string): Promise<void> };
  /** The account number a legacy page had in its configuration. */
  const site: string;
  /** The globals the legacy script (engagement-rx/legacy.js) installs. */
  const lpTag: { readonly taglets: { readonly ChatOverRestAPI: typeof ChatOverRestAPI } };
  /** A ChatOverRestAPI the legacy page made earlier. */
  const chat: ChatOverRestAPI;
  /** In the emulator's test samples: the emulator a test started, a visitor id, and Jest. */
  const emulator: RunningEmulator;
  const vid: string;
  const expect: typeof jestExpect;
  const beforeEach: typeof jestBeforeEach;
  const afterEach: typeof jestAfterEach;
}
export {};
`;

type Kind = 'checked' | 'runnable' | 'fragment';

interface Block {
  readonly where: string;
  readonly code: string;
  readonly js: boolean;
  readonly kind: Kind;
}

const FENCE = /^```(ts|typescript|js|javascript)(?:[ \t]+([^\n]*))?\n([\s\S]*?)^```/gm;

/** The code blocks of one markdown text, with their kind from the info string. */
function blocksOf(file: string, markdown: string): Block[] {
  const out: Block[] = [];
  for (const m of markdown.matchAll(FENCE)) {
    const words = (m[2] ?? '').trim().split(/\s+/).filter(Boolean);
    const unknown = words.filter((w) => w !== 'runnable' && w !== 'fragment');
    if (unknown.length > 0 || words.length > 1) throw new Error(`${file}: a code block's info string may add one of runnable, fragment; got "${m[2]}"`);
    const line = markdown.slice(0, m.index).split('\n').length;
    out.push({ where: `${file}:${line}`, code: m[3] as string, js: m[1] === 'js' || m[1] === 'javascript', kind: (words[0] as Kind | undefined) ?? 'checked' });
  }
  return out;
}

const MARKDOWN = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const blocks = MARKDOWN.flatMap((f) => blocksOf(f, readFileSync(join(root, f), 'utf8')));
const ofKind = (kind: Kind) => blocks.filter((b) => b.kind === kind);
const compiled = blocks.filter((b) => b.kind !== 'fragment');

const check = (samples: ReadonlyArray<Block>) => typeCheckSamples(samples, { root, prelude: PRELUDE, paths: BUILT });

interface Outcome {
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a block as an ES module of the package folder (so `engagement-rx` resolves to it), within `timeoutMs`. */
function run(block: Block, name: string, timeoutMs: number): Promise<Outcome> {
  const folder = join(root, '.tmp', 'docs-samples');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.mjs`);
  const js = ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  writeFileSync(file, js);
  return new Promise((resolve) => {
    execFile(process.execPath, [file], { cwd: root, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      rmSync(file, { force: true });
      const timedOut = error !== null && error.killed === true;
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, timedOut, stdout, stderr });
    });
  });
}

/** What is wrong with an outcome: empty when the sample exited cleanly. */
function failures(where: string, o: Outcome): string[] {
  if (o.timedOut) return [`${where}: did not exit within the time guard (is something left open?)`];
  return [...(o.code === 0 ? [] : [`${where}: exited with code ${o.code}`]), ...(o.stderr.trim() === '' ? [] : [`${where}: wrote to stderr: ${o.stderr.trim()}`])];
}

describe('the code samples of the README and the guides', () => {
  beforeAll(() => {
    expect(existsSync(join(root, 'dist', 'index.d.ts'))).toBe(true); // npm run build first
  });

  it(`are found and marked: ${compiled.length} checked (${ofKind('runnable').length} of them runnable), ${ofKind('fragment').length} fragments`, () => {
    expect(compiled.length).toBeGreaterThan(25);
    expect(ofKind('runnable').length).toBeGreaterThanOrEqual(3);
    expect(ofKind('fragment').length).toBeLessThanOrEqual(5);
  });

  it(`all ${compiled.length} checked blocks compile against the built package`, () => {
    expect(check(compiled)).toEqual([]);
  }, 60_000);

  it.each(ofKind('runnable').map((b, i) => [b.where, b, i] as const))('%s runs (against the embedded emulator when it uses one) and exits', async (where, block, i) => {
    const outcome = await run(block, `sample-${i}`, 15_000);
    expect(failures(where, outcome)).toEqual([]);
    expect(outcome.stdout.trim()).not.toBe('');
  }, 30_000);

  describe('the check itself', () => {
    it('reads the marker of each block', () => {
      const md = ['```ts', 'a;', '```', '```ts runnable', 'b;', '```', '```js fragment', 'c', '```', '```sh', 'npm test', '```', ''].join('\n');
      expect(blocksOf('x.md', md).map((b) => [b.where, b.kind, b.js, b.code])).toEqual([
        ['x.md:1', 'checked', false, 'a;\n'],
        ['x.md:4', 'runnable', false, 'b;\n'],
        ['x.md:7', 'fragment', true, 'c\n'],
      ]);
      expect(() => blocksOf('x.md', '```ts runs\nx\n```\n')).toThrow('x.md');
    });

    it('catches a block that does not compile, and a JavaScript block that misuses the package', () => {
      const problems = check([
        { where: 'broken.md:1', code: "import { createEngagementClient } from 'engagement-rx';\ncreateEngagementClient({ accountId: 42 });", js: false, kind: 'checked' },
        { where: 'broken.md:9', code: "import { describeError } from 'engagement-rx';\ndescribeError();", js: true, kind: 'checked' },
      ]);
      expect(problems).toEqual([expect.stringContaining('broken.md:1 (sample line 2)'), expect.stringContaining('broken.md:9 (sample line 2)')]);
    }, 60_000);

    it('fails a runnable block that never exits, or that fails', async () => {
      const hanging = await run({ where: 'hang.md:1', code: 'setInterval(() => undefined, 1000);', js: false, kind: 'runnable' }, 'hanging', 1_000);
      expect(failures('hang.md:1', hanging)).toEqual(['hang.md:1: did not exit within the time guard (is something left open?)']);
      const failing = await run({ where: 'fail.md:1', code: "console.warn('no agent'); process.exitCode = 3;", js: false, kind: 'runnable' }, 'failing', 10_000);
      expect(failures('fail.md:1', failing)).toEqual(['fail.md:1: exited with code 3', 'fail.md:1: wrote to stderr: no agent']);
    }, 30_000);
  });
});
