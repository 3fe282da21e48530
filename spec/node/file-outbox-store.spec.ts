/**
 * The JSON-file outbox store, on its own (real files in a temporary folder)
 * and under two real clients against the emulator: a restart loses nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { VirtualTimeScheduler, lastValueFrom } from 'rxjs';
import { createEngagementClient, createReporter, memorySessionStore, type ReportEvent } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { fileOutboxStore } from '../../src/node/index';
import type { OutboxState } from '../../src/report/outbox-state';
import type { StoredOutbox } from '../../src/report/stored-outbox';
import { countingFetch, settle } from '../report/driver';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-rx-file-outbox-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const outbox: StoredOutbox = {
  version: 1,
  nextSeq: 2,
  pending: [{ seq: 1, queuedAt: 0, kind: 'attribute', item: { type: 'personal', personal: { firstname: 'Jane' } } }],
  rejected: [],
  dropped: 0,
};
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('fileOutboxStore', () => {
  it('round-trips an outbox per account and removes the entry on clear', () => {
    const file = path.join(dir, 'nested', 'outbox.json');
    const store = fileOutboxStore(file);
    expect(store.load('123')).toBeUndefined();
    store.save('123', outbox);
    store.save('456', { ...outbox, pending: [] });
    expect(store.load('123')).toEqual(outbox);
    expect(readJson(file)).toEqual({ '123': outbox, '456': { ...outbox, pending: [] } });
    store.clear('123');
    expect(readJson(file)).toEqual({ '456': { ...outbox, pending: [] } });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Jane');
    store.clear('999'); // nothing to clear: no write, no error
  });

  it('creates the file readable by its owner only (0o600) unless told otherwise', () => {
    if (process.platform === 'win32') return;
    const file = path.join(dir, 'outbox.json');
    fileOutboxStore(file).save('1', outbox);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600 & ~process.umask());
    const other = path.join(dir, 'other.json');
    fileOutboxStore(other, { mode: 0o640 }).save('1', outbox);
    expect(fs.statSync(other).mode & 0o777).toBe(0o640 & ~process.umask());
  });

  it('reads an empty file as no outbox, and a file that is not a JSON object as its raw text', () => {
    const file = path.join(dir, 'outbox.json');
    fs.writeFileSync(file, '  \n');
    expect(fileOutboxStore(file).load('1')).toBeUndefined();
    fs.writeFileSync(file, '[1,2]');
    expect(fileOutboxStore(file).load('1')).toBe('[1,2]');
    fs.writeFileSync(file, '{oops');
    expect(fileOutboxStore(file).load('1')).toBe('{oops');
    fileOutboxStore(file).save('1', outbox); // replaces what it cannot read
    expect(readJson(file)).toEqual({ '1': outbox });
  });

  it('treats __proto__ as an ordinary account id', () => {
    const file = path.join(dir, 'outbox.json');
    const store = fileOutboxStore(file);
    store.save('__proto__', outbox);
    expect(store.load('__proto__')).toEqual(outbox);
    expect(store.load('constructor')).toBeUndefined();
  });

  it('leaves no temporary file behind, and rethrows I/O failures', () => {
    const folderInTheWay = path.join(dir, 'outbox.json');
    fs.mkdirSync(folderInTheWay);
    const store = fileOutboxStore(folderInTheWay);
    expect(() => store.save('1', outbox)).toThrow();
    expect(() => store.load('1')).toThrow();
    expect(fs.readdirSync(dir)).toEqual(['outbox.json']);
  });

  it('refuses a bad path or bad options with a TypeError', () => {
    expect(() => fileOutboxStore('')).toThrow(/non-empty file path, got an empty string/);
    expect(() => fileOutboxStore(undefined as never)).toThrow(/got nothing/);
    expect(() => fileOutboxStore('x', { mode: 0o1000 })).toThrow(/permission bits/);
    expect(() => fileOutboxStore('x', { mod: 1 } as never)).toThrow(/unknown option "options.mod"/);
    expect(() => fileOutboxStore('x', 5 as never)).toThrow(/must be an object, got the number 5/);
  });
});

describe('fileOutboxStore under a client', () => {
  let emulator: RunningEmulator;
  beforeEach(async () => {
    emulator = await startEmulator();
  });
  afterEach(() => emulator.close());

  it('a restarted process delivers what the previous one left in the file', async () => {
    const file = path.join(dir, 'outbox.json');
    const session = memorySessionStore();

    // Process 1: the server refuses every Update Session for now; the reports wait in the file.
    const s1 = new VirtualTimeScheduler();
    const h1 = countingFetch();
    const first = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler: s1, fetch: h1.fetch, session });
    const firstReporter = createReporter(first, { outbox: fileOutboxStore(file) });
    const events: ReportEvent[] = [];
    firstReporter.events$.subscribe((e) => events.push(e));
    const r = await lastValueFrom(first.getEngagement());
    if (r._tag !== 'Right') throw new Error('no session');
    emulator.inject({ kind: 'status', status: 503 }, { operation: 'updateSession', times: Infinity });
    firstReporter.report({ type: 'lead', lead: { leadId: '1' } }, { type: 'impClose', campaign: 1, engId: 2, revision: 3 });
    await settle(s1, h1, () => events.some((e) => e.type === 'reportDeferred'));
    expect((readJson(file) as Record<string, StoredOutbox>)[emulator.accountId]?.pending).toHaveLength(2);
    emulator.clearFaults();

    // Process 2, same file.
    const s2 = new VirtualTimeScheduler();
    const h2 = countingFetch();
    const second = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, scheduler: s2, fetch: h2.fetch, session });
    let state: OutboxState | undefined;
    createReporter(second, { outbox: fileOutboxStore(file) }).outbox$.subscribe((s) => (state = s));
    expect(state?.pending).toBe(2);
    await settle(s2, h2, () => state?.pending === 0 && !state.sending);
    expect(emulator.received(r.right.visitorId)).toEqual([
      expect.objectContaining({ engagementAttributes: [{ type: 'lead', lead: { leadId: '1' } }], impAttributes: [{ type: 'impClose', campaign: 1, engId: 2, revision: 3 }] }),
    ]);
    expect(readJson(file)).toEqual({}); // delivered: removed from the file
  });
});
