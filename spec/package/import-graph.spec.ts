/**
 * The architecture as the imports draw it: no cycle between files or
 * folders, and every import goes down the layers of docs/design.md
 * (foundation → codecs → policy → effects → check core → reporting / live
 * state → adapters → applications). The check core imports nothing of
 * reporting, the live state or the legacy adapters.
 */
import { join } from 'node:path';
import { closure, collapse, cycles, importGraph, type Graph } from '../helpers/import-graph';

const root = join(__dirname, '..', '..');

/** The folder of `src/` a file belongs to (top-level files stand alone). */
const unitOf = (file: string): string => {
  const parts = file.split('/');
  return parts.length > 2 ? `src/${parts[1]}/` : file;
};

/** The layers, lowest first. A unit may import its own layer or lower ones. */
const LAYERS: ReadonlyArray<ReadonlyArray<string>> = [
  ['src/errors.ts', 'src/model.ts', 'src/either.ts', 'src/internal/'],
  ['src/codecs/', 'src/attributes/', 'src/core/', 'src/validate.ts'],
  ['src/retry/', 'src/session/'],
  ['src/http/', 'src/browser/', 'src/backend/'],
  ['src/client/'],
  ['src/report/', 'src/orchestrator/'],
  ['src/legacy/', 'src/node/', 'src/redis/', 'src/emulator/', 'src/monitoring/'],
  ['src/cli/', 'src/demo/', 'src/index.ts'],
];

/** Units of one layer that must not import each other (each is a piece of its own). */
const APART: ReadonlyArray<readonly [string, string]> = [['src/report/', 'src/orchestrator/']];

const layerOf = (unit: string): number => LAYERS.findIndex((layer) => layer.includes(unit));

/** Imports that break the layers: `from → to (why)`. */
function violations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const a = unitOf(from);
    for (const to of targets) {
      const b = unitOf(to);
      if (a === b) continue;
      const [la, lb] = [layerOf(a), layerOf(b)];
      if (la < 0 || lb < 0) out.push(`${from} → ${to} (${la < 0 ? a : b} has no layer: add it to LAYERS and docs/design.md)`);
      else if (lb > la) out.push(`${from} → ${to} (layer ${la} imports layer ${lb})`);
      else if (APART.some(([x, y]) => (a === x && b === y) || (a === y && b === x))) out.push(`${from} → ${to} (${a} and ${b} are separate pieces)`);
    }
  }
  return out;
}

const graph = importGraph(root);

describe('the import graph of src/', () => {
  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(collapse(graph, unitOf))).toEqual([]);
  });

  it('goes down the layers only', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('keeps reporting, the live state and the legacy adapters out of the check core', () => {
    const core = [...closure(graph, 'src/client/client.ts')];
    expect(core.filter((f) => /^src\/(report|orchestrator|legacy|demo|cli|node|emulator)\//.test(f))).toEqual([]);
    expect(core).toContain('src/http/create-session.ts'); // the closure is real
  });
});

describe('the checker itself', () => {
  const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));

  it('finds a cycle between two files, and a file importing itself', () => {
    expect(cycles(g({ 'src/a/x.ts': ['src/a/y.ts'], 'src/a/y.ts': ['src/a/x.ts'], 'src/a/z.ts': [] }))).toEqual([['src/a/x.ts', 'src/a/y.ts']]);
    expect(cycles(g({ 'src/a/x.ts': ['src/a/x.ts'] }))).toEqual([['src/a/x.ts']]);
  });

  it('finds a cycle between folders that no single file pair shows', () => {
    const folders = collapse(g({ 'src/client/a.ts': ['src/report/b.ts'], 'src/report/c.ts': ['src/client/d.ts'], 'src/report/b.ts': [], 'src/client/d.ts': [] }), unitOf);
    expect(cycles(folders)).toEqual([['src/client/', 'src/report/']]);
  });

  it('names an import that goes up, one between separate pieces, and a folder without a layer', () => {
    expect(violations(g({ 'src/client/client.ts': ['src/report/reporter.ts'] }))).toEqual(['src/client/client.ts → src/report/reporter.ts (layer 4 imports layer 5)']);
    expect(violations(g({ 'src/orchestrator/x.ts': ['src/report/y.ts'] }))).toEqual(['src/orchestrator/x.ts → src/report/y.ts (src/orchestrator/ and src/report/ are separate pieces)']);
    expect(violations(g({ 'src/client/x.ts': ['src/plugins/y.ts'] }))[0]).toContain('src/plugins/ has no layer');
  });
});
