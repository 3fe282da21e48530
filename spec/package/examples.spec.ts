/**
 * Every `@example` of the public surface compiles: each ```ts block of the
 * TSDoc of every export of every entry is type-checked, as its own module,
 * against the sources (`engagement-rx` and its subpaths resolve to `src/`),
 * under the project's strict settings. An example may import what it uses;
 * names of its entry that it uses without importing are imported for it.
 * What a page or service would supply itself (a `client`, a render
 * function, an input stream) comes from the prelude below, declared once.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { typeCheckSamples } from '../helpers/sample-program';

const root = join(__dirname, '..', '..');

const ENTRIES: ReadonlyArray<readonly [string, string]> = [
  ['src/index.ts', 'engagement-rx'],
  ['src/legacy/index.ts', 'engagement-rx/legacy'],
  ['src/monitoring/index.ts', 'engagement-rx/monitoring'],
  ['src/node/index.ts', 'engagement-rx/node'],
  ['src/redis/index.ts', 'engagement-rx/redis'],
  ['src/emulator/index.ts', 'engagement-rx/emulator'],
];

/** What examples may use without declaring it: the application's own values. */
const PRELUDE = `
import type { Observable } from 'rxjs';
import type { expect as jestExpect } from '@jest/globals';
import type { AvailableEngagement, Engagement, EngagementClient, EngagementState, Reporter, EngagementError } from 'engagement-rx';
import type { RunningEmulator } from 'engagement-rx/emulator';
declare global {
  const client: EngagementClient;
  const reporter: Reporter;
  const engagement: AvailableEngagement;
  const state: EngagementState;
  const error: EngagementError;
  const sections$: Observable<ReadonlyArray<string>>;
  const cart$: Observable<{ total: number; items: ReadonlyArray<unknown> }>;
  const router: { readonly url$: Observable<string> };
  const retryButton: { readonly clicks$: Observable<unknown> };
  function sectionsOf(url: string): ReadonlyArray<string>;
  /** An Available answer, decoded (string ids) or as a legacy callback gets it (ids as sent). */
  function showChatButton(engagement?: AvailableEngagement | { readonly status: 'Available'; readonly engagementDetails: object }): void;
  function hideChatButton(): void;
  function showSpinner(text?: string): void;
  function render(value: unknown): void;
  function renderEngagement(engagement: Engagement): void;
  /** The emulator a test started (\`await startEmulator()\`), in the emulator's examples. */
  const emulator: RunningEmulator;
  /** Jest's \`expect\`: the emulator's examples are test code. */
  const expect: typeof jestExpect;
  /** The page's own view object, which legacy bindings name as their \`context\`. */
  const view: { render(data: unknown): void };
}
export {};
`;

interface Example {
  readonly where: string;
  readonly code: string;
}

/** The ```ts blocks of every export's TSDoc, entry by entry. */
function examples(): Array<Example & { readonly entry: string; readonly names: ReadonlyArray<string> }> {
  const files = ENTRIES.map(([f]) => join(root, f));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const out: Array<Example & { readonly entry: string; readonly names: ReadonlyArray<string> }> = [];
  for (const [i, file] of files.entries()) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${file}`);
    const exported = checker.getExportsOfModule(moduleSymbol);
    const names = exported.map((e) => e.getName());
    const seen = new Set<ts.Node>();
    for (const symbol of exported) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      for (const d of target.getDeclarations() ?? []) {
        for (const node of [d, ...(ts.isVariableDeclaration(d) ? [d.parent.parent] : [])]) {
          for (const tag of ts.getJSDocTags(node)) {
            if (tag.tagName.text !== 'example' || seen.has(tag)) continue;
            seen.add(tag);
            const text = typeof tag.comment === 'string' ? tag.comment : ts.getTextOfJSDocComment(tag.comment) ?? '';
            for (const block of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
              out.push({ entry: ENTRIES[i]?.[1] as string, names, where: `${ENTRIES[i]?.[0]}: ${symbol.getName()}`, code: block[1] as string });
            }
          }
        }
      }
    }
  }
  return out;
}

/** The names an example declares or imports itself. */
function ownNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/\b(?:const|let|var|function|class|type|interface)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1] as string);
  return names;
}

function compile(cases: ReadonlyArray<Example & { readonly entry: string; readonly names: ReadonlyArray<string> }>): string[] {
  const samples = cases.map((c) => {
    const own = ownNames(c.code);
    const used = c.names.filter((n) => !own.has(n) && new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(c.code));
    const header = used.length > 0 ? `import { ${used.join(', ')} } from '${c.entry}';\n` : '';
    return { where: c.where, code: `${header}${c.code}` };
  });
  return typeCheckSamples(samples, { root, prelude: PRELUDE, paths: Object.fromEntries(ENTRIES.map(([file, name]) => [name, [file]])) });
}

const cases = examples();

describe('the examples of the public surface', () => {
  it('are many (every export that teaches has one)', () => {
    expect(cases.length).toBeGreaterThan(60);
  });

  it('all compile against the sources', () => {
    expect(compile(cases)).toEqual([]);
  }, 60_000);

  it('the check itself catches an example that does not compile', () => {
    const broken = { entry: 'engagement-rx', names: ['createEngagementClient'], where: 'a broken example', code: `const c = createEngagementClient({ accountId: 42 });` };
    expect(compile([broken])[0]).toContain('a broken example');
  }, 60_000);
});
