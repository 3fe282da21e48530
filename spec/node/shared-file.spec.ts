/**
 * Two processes sharing one store file (one account each, as the docs
 * allow) lose nothing: every read-change-write holds the file's lock. And
 * what a process killed mid-write leaves (temporary copies, its lock) is
 * removed when the next store opens the file. Real child processes running
 * the built package; the real file system.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileOutboxStore } from '../../src/node/file-outbox-store';

jest.setTimeout(60_000);

const NODE_ENTRY = join(__dirname, '..', '..', 'dist', 'node.js');

/** A child that appends 1..N to its account's list, one read-change-write per number. */
const WRITER = `
const { fileOutboxStore } = require(${JSON.stringify(NODE_ENTRY)});
const { FILE, ACCOUNT, N } = process.env;
const store = fileOutboxStore(FILE);
for (let i = 1; i <= Number(N); i++) {
  const list = store.load(ACCOUNT) ?? [];
  list.push(i);
  store.save(ACCOUNT, list);
}
`;

function writer(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', WRITER], { env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('exit', resolve);
  });
}

/** The pid of a process that has exited (so is no longer running). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'engagement-rx-shared-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('two processes writing one file, each its own account, lose none of the 2 x 400 writes', async () => {
  const file = join(dir, 'outbox.json');
  const codes = await Promise.all([writer({ FILE: file, ACCOUNT: 'a1', N: '400' }), writer({ FILE: file, ACCOUNT: 'a2', N: '400' })]);
  expect(codes).toEqual([0, 0]);
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>;
  const all = Array.from({ length: 400 }, (_, i) => i + 1);
  expect(stored['a1']).toEqual(all);
  expect(stored['a2']).toEqual(all);
  expect(existsSync(`${file}.lock`)).toBe(false);
});

describe('leftovers of a process killed mid-write', () => {
  it("removes a dead process's temporary copies and lock when a store opens the file, and keeps a live one's", () => {
    const file = join(dir, 'outbox.json');
    const dead = deadPid();
    const deadTemp = join(dir, `.outbox.json.${dead}.1.abcd1234.tmp`);
    const liveTemp = join(dir, `.outbox.json.${process.pid}.1.abcd1234.tmp`);
    const other = join(dir, `.other.json.${dead}.1.abcd1234.tmp`);
    for (const f of [deadTemp, liveTemp, other]) writeFileSync(f, '{"a1":{"pending":["personal data"]}}');
    writeFileSync(`${file}.lock`, String(dead));
    const store = fileOutboxStore(file);
    expect(existsSync(deadTemp)).toBe(false);
    expect(existsSync(`${file}.lock`)).toBe(false);
    expect(existsSync(liveTemp)).toBe(true);
    expect(existsSync(other)).toBe(true);
    store.save('a1', { pending: [] } as never);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a1: { pending: [] } });
  });

  it("takes over a lock whose process is gone, instead of waiting for it", () => {
    const file = join(dir, 'outbox.json');
    const store = fileOutboxStore(file);
    writeFileSync(`${file}.lock`, String(deadPid()));
    store.save('a1', 1 as never);
    expect(store.load('a1')).toBe(1);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
