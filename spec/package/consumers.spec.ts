/**
 * The published package as TypeScript consumers see it: `npm pack` of the
 * built package (dist/, made by `npm run build`, which `npm test` runs first),
 * unpacked into the `node_modules` of temporary consumer projects next to
 * links to this repository's fp-ts, io-ts, rxjs and @types/node (no network),
 * then one `tsc` per resolution mode on a consumer file that imports the main
 * entry and `/node`, `/redis` (with both Redis clients), `/emulator`, `/legacy`, `/monitoring`.
 *
 * Each `// @ts-expect-error` below holds only while the declarations resolve:
 * where `Either` (or a whole entry) fails to resolve it becomes `any`, the
 * assignment compiles, and tsc reports the unused directive (TS2578).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** The packages the consumers link from this repository (the peers, the optional Redis clients, and Node's types for `/node`, `/redis` and `/emulator`). */
const LINKED = ['fp-ts', 'io-ts', 'rxjs', 'cross-fetch', '@types/node', 'redis', 'ioredis'];

/** One consumer project: its package.json `type` and its compiler options. */
interface Mode {
  readonly name: string;
  readonly type: 'module' | 'commonjs';
  readonly compilerOptions: Readonly<Record<string, string | boolean>>;
}

const MODES: ReadonlyArray<Mode> = [
  { name: 'esm-nodenext', type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  // The declarations themselves checked too (TypeScript's own lib files aside: they are not ours, and slow).
  { name: 'esm-nodenext-lib-check', type: 'module', compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false, skipDefaultLibCheck: true } },
  { name: 'bundler', type: 'module', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
  { name: 'cjs-node16', type: 'commonjs', compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
  { name: 'node10', type: 'commonjs', compilerOptions: { module: 'commonjs', moduleResolution: 'node10' } },
];

/** The consumer: every entry, and one place per entry where only a resolved type gives an error. */
const CONSUMER = `
import { cartAttribute, createEngagementClient } from 'engagement-rx';
import { fileSessionStore } from 'engagement-rx/node';
import { startEmulator } from 'engagement-rx/emulator';
import { createChatApi } from 'engagement-rx/legacy';
import { monitoringBackend } from 'engagement-rx/monitoring';
import { redisSessionStore, type RedisPort } from 'engagement-rx/redis';

export const viaPort = (port: RedisPort) => redisSessionStore(port);
// @ts-expect-error a session store is not a string
export const notText: string = viaPort({ evalSha: () => Promise.resolve(null), eval: () => Promise.resolve(null) });

// @ts-expect-error a builder answers an Either, not a number
export const bad: number = cartAttribute({ total: 10, numItems: 1 });
export const tag: 'Left' | 'Right' = cartAttribute({ total: 10, numItems: 1 })._tag;

const client = createEngagementClient({ accountId: '12345678', domain: 'lo.example', session: fileSessionStore('visitor.json') });
client.getEngagement({ consumerSections: ['Support'] }).subscribe((result) => {
  // @ts-expect-error a check answers an Either, not a string
  const text: string = result;
  return text;
});

export async function emulated(): Promise<string> {
  const emulator = await startEmulator();
  // @ts-expect-error the emulator's url is a string
  const port: number = emulator.url;
  await emulator.close();
  return String(port);
}

const monitored = createEngagementClient({ accountId: '12345678', domain: 'lo.example', backend: monitoringBackend({ appInstallationId: 'app-1' }) });
monitored.getEngagement({}).subscribe((result) => {
  // @ts-expect-error a Monitoring check answers an Either too
  const answer: boolean = result;
  return answer;
});

const chat = createChatApi({ accountId: '12345678' });
chat.client.getEngagement({}).subscribe((result) => {
  // @ts-expect-error the legacy adapter's client answers an Either too
  const count: number = result;
  return count;
});
`;

/**
 * The real Redis clients through the adapters: added for every mode but the
 * one that checks declarations, as ioredis's own declarations do not pass
 * that check (they import an untyped package).
 */
const REDIS_CLIENTS = `
import { ioredis, nodeRedis } from 'engagement-rx/redis';
import { createClient } from 'redis';
import { Redis } from 'ioredis';

export const viaNodeRedis = redisSessionStore(nodeRedis(createClient({ disableOfflineQueue: true })));
export const viaIoredis = redisSessionStore(ioredis(new Redis({ lazyConnect: true, enableOfflineQueue: false })));
// @ts-expect-error a node-redis client is not a port by itself
export const notAPort = redisSessionStore(createClient());
`;

/** A consumer's tsc output ('' when it type-checks), by mode. */
const outputs = new Map<string, string>();
let dir: string;
let packed: { readonly files: ReadonlyArray<string> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'engagement-rx-consumers-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: root, timeout: 60_000 });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (info === undefined) throw new Error('npm pack printed no package');
  packed = { files: info.files.map((f) => f.path) };
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'engagement-rx'), { recursive: true });
  mkdirSync(join(modules, '@types'));
  await run('tar', ['-xzf', join(dir, info.filename), '-C', join(modules, 'engagement-rx'), '--strip-components=1']);
  for (const name of LINKED) symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir');
  await Promise.all(
    MODES.map(async (mode) => {
      const project = join(dir, mode.name);
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: `consumer-${mode.name}`, private: true, type: mode.type }));
      const compilerOptions = { target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], ...mode.compilerOptions };
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
      writeFileSync(join(project, 'consumer.ts'), mode.compilerOptions['skipLibCheck'] === false ? CONSUMER : `${CONSUMER}${REDIS_CLIENTS}`);
      const result = await run(process.execPath, [tsc, '-p', project, '--pretty', 'false'], { cwd: project, timeout: 120_000 }).catch(
        (e: { stdout?: string; stderr?: string; message: string }) => ({ stdout: e.stdout ?? e.message, stderr: e.stderr ?? '' }),
      );
      outputs.set(mode.name, `${result.stdout}${result.stderr}`.trim());
    }),
  );
}, 240_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package in TypeScript consumers', () => {
  it.each(MODES.map((m) => m.name))('type-checks under %s, every entry and Either resolved', (name) => {
    expect(outputs.get(name)).toBe('');
  });

  it('ships the licence and the declarations, and no source maps', () => {
    expect(packed.files).toEqual(expect.arrayContaining(['LICENSE', 'package.json', 'dist/index.d.mts', 'dist/index.d.ts', 'dist/engagement-rx.legacy.js']));
    expect(packed.files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('spells fp-ts and io-ts deep imports with their .js extension in the ES module declarations', () => {
    const unresolvable = packed.files
      .filter((f) => f.endsWith('.d.mts') || f.endsWith('.mjs'))
      .flatMap((f) => [...readFileSync(join(dir, 'node_modules', 'engagement-rx', f), 'utf8').matchAll(/["']((?:fp-ts|io-ts)\/lib\/[^"']*)["']/g)].map((m) => `${f}: ${m[1]}`))
      .filter((hit) => !hit.endsWith('.js'));
    expect(unresolvable).toEqual([]);
  });

  it('keeps the legacy script in a bundle that imports it, and still drops an unused import of the main entry', async () => {
    const bundle = async (contents: string): Promise<string> => {
      const result = await build({ stdin: { contents, resolveDir: join(dir, 'bundler') }, bundle: true, write: false, platform: 'browser', format: 'esm', minify: true, logLevel: 'silent' });
      return result.outputFiles[0]?.text ?? '';
    };
    const script = readFileSync(join(dir, 'node_modules', 'engagement-rx', 'dist', 'engagement-rx.legacy.js'), 'utf8');
    expect((await bundle(`import 'engagement-rx/legacy.js';`)).length).toBeGreaterThan(script.length * 0.9);
    expect((await bundle(`import 'engagement-rx'; import 'engagement-rx/legacy';`)).length).toBeLessThan(100);
  });
});
