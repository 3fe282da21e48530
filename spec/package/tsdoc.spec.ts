/**
 * The public surface reads as documentation: every export of every entry has
 * TSDoc and a typedoc `@category`, and the main entry stays small enough for
 * a person to read. Checked with the TypeScript compiler on the entries.
 */
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const ENTRIES = ['src/index.ts', 'src/legacy/index.ts', 'src/monitoring/index.ts', 'src/emulator/index.ts', 'src/node/index.ts', 'src/redis/index.ts'];

interface Export {
  readonly entry: string;
  readonly name: string;
  readonly documented: boolean;
  readonly category: string | undefined;
}

function exportsOf(): Export[] {
  const files = ENTRIES.map((f) => join(root, f));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const out: Export[] = [];
  for (const [i, file] of files.entries()) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${file}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.getDeclarations() ?? [];
      const documented = declarations.some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
      const category = declarations
        .flatMap((d) => ts.getJSDocTags(d))
        .find((t) => t.tagName.text === 'category')
        ?.comment?.toString()
        .trim();
      out.push({ entry: ENTRIES[i] as string, name: exported.getName(), documented, category });
    }
  }
  return out;
}

const surface = exportsOf();

describe('the public surface', () => {
  it('documents every export of every entry with TSDoc', () => {
    expect(surface.filter((e) => !e.documented).map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });

  it('gives every export a typedoc @category', () => {
    expect(surface.filter((e) => e.category === undefined || e.category === '').map((e) => `${e.entry}: ${e.name}`)).toEqual([]);
  });

  it('keeps the main entry at 110 names or fewer, retry internals and legacy types out of it', () => {
    const main = surface.filter((e) => e.entry === 'src/index.ts').map((e) => e.name);
    expect(main.length).toBeLessThanOrEqual(110);
    for (const name of ['withRetry', 'withPolling', 'decideRetry', 'RetryState', 'ChatOverRestAPI', 'createChatApi', 'LegacyChatConfig', 'orchestrateEngagement']) {
      expect(main).not.toContain(name);
    }
    const legacy = surface.filter((e) => e.entry === 'src/legacy/index.ts').map((e) => e.name);
    expect(legacy).toEqual(expect.arrayContaining(['ChatOverRestAPI', 'createChatApi', 'installLegacyGlobals']));
  });
});
