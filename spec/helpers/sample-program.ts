/**
 * One TypeScript program for many code samples (TSDoc examples, the code
 * blocks of the guides): each sample is a module of its own, held in memory
 * next to a prelude of what the application would supply itself, and
 * type-checked under the project's strict settings. `engagement-rx` and its
 * subpaths resolve to what `paths` names (the sources, or the built
 * declarations).
 */
import { join } from 'node:path';
import ts from 'typescript';

/** A sample to check: where it comes from, its text, and whether it is JavaScript. */
export interface SampleSource {
  readonly where: string;
  readonly code: string;
  readonly js?: boolean;
}

export interface SampleProgramOptions {
  /** The repository root: the samples are placed in a folder below it. */
  readonly root: string;
  /** Module names and the files they resolve to (`engagement-rx` → `src/index.ts`). */
  readonly paths: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Global declarations the samples may use without declaring them. */
  readonly prelude: string;
}

/** The problems of every sample, each as `where (sample line N): message`; empty when all compile. */
export function typeCheckSamples(samples: ReadonlyArray<SampleSource>, { root, paths, prelude }: SampleProgramOptions): string[] {
  const folder = join(root, '.samples');
  const virtual = new Map<string, string>();
  virtual.set(join(folder, 'prelude.ts'), prelude);
  const indexOf = new Map<string, number>();
  samples.forEach((s, i) => {
    const file = join(folder, `sample-${i}.${s.js ? 'js' : 'ts'}`);
    indexOf.set(file, i);
    virtual.set(file, `${s.code}\nexport {};\n`);
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    esModuleInterop: true,
    allowJs: true,
    checkJs: true,
    baseUrl: root,
    paths: Object.fromEntries(Object.entries(paths).map(([k, v]) => [k, [...v]])),
    noUnusedLocals: false,
    allowUnreachableCode: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, v, onError, create) => {
    const text = virtual.get(f);
    return text === undefined ? getSourceFile(f, v, onError, create) : ts.createSourceFile(f, text, v, true);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems: string[] = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '';
    const i = indexOf.get(file);
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (i === undefined) {
      if (file.startsWith(folder) || file === '') problems.push(`prelude: ${message}`);
      continue;
    }
    const line = d.file !== undefined && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    problems.push(`${samples[i]?.where} (sample line ${line}): ${message}`);
  }
  return problems;
}
