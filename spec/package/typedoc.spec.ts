/**
 * The API reference (`npm run docs`, typedoc, configured by typedoc.json)
 * covers the whole package: every entry, every guide of docs/ as a
 * document, and every `@category` of the public surface in the navigation
 * order. Whether typedoc builds it without warnings is checked by running
 * it (`.ci/run`; warnings are errors).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as {
  entryPoints: string[];
  projectDocuments: string[];
  categoryOrder: string[];
  navigation: { includeCategories: boolean };
  treatWarningsAsErrors: boolean;
};
const exportsMap = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;

/** Every `@category` named in the TSDoc of the sources. */
function categoriesInSources(dir: string): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) categoriesInSources(path).forEach((c) => found.add(c));
    else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/@category ([^\n*]+)/g)) found.add((m[1] as string).trim());
  }
  return found;
}

describe('the API reference configuration', () => {
  it('documents every entry of the package', () => {
    expect(config.entryPoints).toEqual(['src/index.ts', 'src/legacy/index.ts', 'src/monitoring/index.ts', 'src/emulator/index.ts', 'src/node/index.ts', 'src/redis/index.ts']);
    const names = ['.', './legacy', './monitoring', './emulator', './node', './redis'];
    expect(names.every((n) => n in exportsMap)).toBe(true);
    for (const [file, name] of [['src/index.ts', 'engagement-rx'], ['src/legacy/index.ts', 'engagement-rx/legacy'], ['src/monitoring/index.ts', 'engagement-rx/monitoring'], ['src/emulator/index.ts', 'engagement-rx/emulator'], ['src/node/index.ts', 'engagement-rx/node'], ['src/redis/index.ts', 'engagement-rx/redis']] as const) {
      expect(readFileSync(join(root, file), 'utf8')).toContain(`@module ${name}\n`);
    }
  });

  it('includes every guide of docs/ as a document', () => {
    const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    expect([...config.projectDocuments].sort()).toEqual(guides.sort());
  });

  it('navigates by category, in an order that names every category of the sources', () => {
    expect(config.navigation.includeCategories).toBe(true);
    const missing = [...categoriesInSources(join(root, 'src'))].filter((c) => !config.categoryOrder.includes(c));
    expect(missing).toEqual([]);
    expect(config.treatWarningsAsErrors).toBe(true);
  });
});
