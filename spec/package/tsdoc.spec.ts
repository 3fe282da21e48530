/**
 * Every public export carries TSDoc with an example: the documentation's
 * backbone is the types. Checked with the TypeScript compiler on the entries.
 */
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const entries = ['src/index.ts', 'src/emulator/index.ts', 'src/node/index.ts'].map((f) => join(root, f));

function undocumented(): string[] {
  const program = ts.createProgram(entries, { strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read ${entry}`);
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.getDeclarations() ?? [];
      const documented = declarations.some((d) => {
        const tags = ts.getJSDocTags(d).map((t) => t.tagName.text);
        const text = ts.getJSDocCommentsAndTags(d).length > 0;
        return text && tags.includes('example');
      });
      if (!documented) missing.push(`${entry.slice(root.length + 1)}: ${exported.getName()}`);
    }
  }
  return missing;
}

describe('the public surface', () => {
  it('documents every export with TSDoc and an @example', () => {
    expect(undocumented()).toEqual([]);
  });
});
