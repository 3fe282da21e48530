/**
 * The import graph of `src/`: which file imports which (relative imports,
 * `import type` and re-exports included), read with the TypeScript
 * compiler's own pre-processor. Used by spec/package/import-graph.spec.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** File (relative to the root, with `/`) → the files it imports. */
export type Graph = ReadonlyMap<string, ReadonlyArray<string>>;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The graph of every `.ts` file under `root/dir`; bare specifiers (packages) are left out. */
export function importGraph(root: string, dir = 'src'): Graph {
  const graph = new Map<string, string[]>();
  const name = (abs: string) => relative(root, abs).split('\\').join('/');
  for (const file of tsFiles(join(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = resolve(dirname(file), fileName);
      const found = [`${base}.ts`, join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && existsSync(c));
      if (found === undefined) throw new Error(`${name(file)} imports ${fileName}, which is not a .ts file of the tree`);
      if (!targets.includes(name(found))) targets.push(name(found));
    }
    graph.set(name(file), targets);
  }
  return graph;
}

/** The strongly connected components of more than one node (or a node importing itself): the cycles. */
export function cycles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** The graph between the units `unitOf` names (a folder, say); edges inside a unit are left out. */
export function collapse(graph: Graph, unitOf: (file: string) => string): Graph {
  const out = new Map<string, string[]>();
  for (const [from, targets] of graph) {
    const a = unitOf(from);
    const list = out.get(a) ?? [];
    out.set(a, list);
    for (const to of targets) {
      const b = unitOf(to);
      if (a !== b && !list.includes(b)) list.push(b);
    }
  }
  return out;
}

/** Every file `start` reaches through its imports, itself included. */
export function closure(graph: Graph, start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length > 0) {
    const f = todo.pop() as string;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(graph.get(f) ?? []));
  }
  return seen;
}
