/**
 * docs/react.md and the React example agree: the guide shows the hook of
 * src/demo/react/use-observable.ts unchanged, and its React snippets
 * (```tsx) compile, under strict settings, against the sources and React's
 * types. What the hook does in a browser is spec/browser/react-example.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..', '..');
const guide = readFileSync(join(root, 'docs', 'react.md'), 'utf8');
const hook = readFileSync(join(root, 'src', 'demo', 'react', 'use-observable.ts'), 'utf8');

const blocks = (lang: string): string[] => [...guide.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] as string);

/** The diagnostics of `snippets`, each compiled as its own module beside the hook. */
function compile(snippets: ReadonlyArray<string>): string[] {
  const dir = join(root, 'src', 'demo', 'react');
  const virtual = new Map(snippets.map((code, i) => [join(dir, `.guide-${i}.tsx`), code] as const));
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
    types: [],
    esModuleInterop: true,
    baseUrl: root,
    paths: { 'engagement-rx': ['src/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.getSourceFile = (f, v, onError, create) => {
    const text = virtual.get(f);
    return text === undefined ? getSourceFile(f, v, onError, create) : ts.createSourceFile(f, text, v, true, ts.ScriptKind.TSX);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName.split('/').pop() ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('docs/react.md', () => {
  it('shows the hook of the runnable example unchanged', () => {
    expect(blocks('ts')).toContain(hook);
  });

  it('has React snippets, and they all compile against the sources', () => {
    const snippets = blocks('tsx');
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    expect(compile(snippets)).toEqual([]);
  }, 60_000);

  it('the compile check catches a snippet that does not compile', () => {
    const broken = `import { useObservable } from './use-observable';\nexport const x: string = useObservable(42, 0);\n`;
    expect(compile([broken]).length).toBeGreaterThan(0);
  }, 60_000);
});
