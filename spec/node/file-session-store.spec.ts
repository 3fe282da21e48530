/**
 * The JSON-file session store, on its own (real files in a temporary folder)
 * and under a real client against the emulator (a real node:http server on
 * 127.0.0.1, port 0).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, type ClientEvent, type SessionStore } from '../../src/index';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { fileSessionStore } from '../../src/node/index';
import type { VisitorSession } from '../../src/session/visitor-session';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engagement-rx-file-store-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const session: VisitorSession = { visitorId: 'V1', sessionId: 'S1', pageId: 'P1', confirmedAt: 5 };
const other: VisitorSession = { visitorId: 'V2', sessionId: 'S2', pageId: 'P2', confirmedAt: 6 };

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('fileSessionStore', () => {
  it('round-trips a session and forgets it on clear', () => {
    const file = path.join(dir, 'sessions.json');
    const store = fileSessionStore(file);
    expect(store.load('123')).toBeUndefined();
    store.save('123', session);
    expect(store.load('123')).toEqual(session);
    expect(readJson(file)).toEqual({ '123': session });
    store.clear('123');
    expect(store.load('123')).toBeUndefined();
    expect(readJson(file)).toEqual({});
  });

  it('keeps two accounts in one file, each cleared on its own', () => {
    const file = path.join(dir, 'sessions.json');
    const store = fileSessionStore(file);
    store.save('111', session);
    store.save('222', other);
    expect(readJson(file)).toEqual({ '111': session, '222': other });
    store.save('111', { ...session, pageId: 'P9' });
    expect(readJson(file)).toEqual({ '111': { ...session, pageId: 'P9' }, '222': other });
    store.clear('111');
    expect(readJson(file)).toEqual({ '222': other });
    expect(store.load('222')).toEqual(other);
  });

  it('treats account ids such as __proto__ and constructor as ordinary keys', () => {
    const file = path.join(dir, 'sessions.json');
    const store = fileSessionStore(file);
    expect(store.load('constructor')).toBeUndefined();
    store.save('__proto__', session);
    expect(store.load('__proto__')).toEqual(session);
    expect(store.load('constructor')).toBeUndefined();
    expect(Object.keys(readJson(file) as object)).toEqual(['__proto__']);
  });

  it('writes the session ids only, nothing else the object carries', () => {
    const file = path.join(dir, 'sessions.json');
    fileSessionStore(file).save('123', { ...session, email: 'jane@example.com' } as VisitorSession);
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/jane/);
    expect(readJson(file)).toEqual({ '123': session });
  });

  it('reads no session from a missing file, and clear does not create one', () => {
    const file = path.join(dir, 'absent.json');
    const store = fileSessionStore(file);
    expect(store.load('123')).toBeUndefined();
    store.clear('123');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('creates missing folders on the first save', () => {
    const file = path.join(dir, 'a', 'b', 'sessions.json');
    const store = fileSessionStore(file);
    expect(store.load('123')).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'a'))).toBe(false);
    store.save('123', session);
    expect(readJson(file)).toEqual({ '123': session });
  });

  it('writes atomically: a new file renamed over the old one, no temporary file left', () => {
    const file = path.join(dir, 'sessions.json');
    const store = fileSessionStore(file);
    store.save('111', session);
    const before = fs.readFileSync(file, 'utf8');
    // A hard link to the current file keeps seeing the old contents when the file is replaced, not rewritten in place.
    fs.linkSync(file, path.join(dir, 'old-link'));
    store.save('222', other);
    store.clear('111');
    expect(fs.readFileSync(path.join(dir, 'old-link'), 'utf8')).toBe(before);
    expect(readJson(file)).toEqual({ '222': other });
    expect(fs.readdirSync(dir).sort()).toEqual(['old-link', 'sessions.json']);
  });

  it('sees the writes of another store on the same file at the next load', () => {
    const file = path.join(dir, 'sessions.json');
    const a = fileSessionStore(file);
    const b = fileSessionStore(file);
    a.save('111', session);
    expect(b.load('111')).toEqual(session);
    b.save('222', other);
    expect(a.load('222')).toEqual(other);
    expect(a.load('111')).toEqual(session);
  });

  it('resolves a relative path when the store is created', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    let store: SessionStore;
    try {
      store = fileSessionStore('relative.json');
    } finally {
      process.chdir(cwd);
    }
    store.save('123', session);
    expect(readJson(path.join(dir, 'relative.json'))).toEqual({ '123': session });
  });

  it('creates the file with mode 0o600 by default, or the configured mode', () => {
    if (process.platform === 'win32') return; // no POSIX permission bits
    const umask = process.umask();
    fileSessionStore(path.join(dir, 'default.json')).save('123', session);
    fileSessionStore(path.join(dir, 'shared.json'), { mode: 0o640 }).save('123', session);
    expect(fs.statSync(path.join(dir, 'default.json')).mode & 0o777).toBe(0o600 & ~umask);
    expect(fs.statSync(path.join(dir, 'shared.json')).mode & 0o777).toBe(0o640 & ~umask);
  });

  describe('a file holding garbage', () => {
    const write = (text: string): string => {
      const file = path.join(dir, 'sessions.json');
      fs.writeFileSync(file, text);
      return file;
    };

    it.each([['{"123": {"visitorId": '], ['[1, 2]'], ['null'], ['"a string"']])('returns the raw text of %j (never a valid session), without throwing', (text) => {
      const store = fileSessionStore(write(text));
      expect(store.load('123')).toBe(text);
      expect(store.load('999')).toBe(text);
    });

    it('returns a garbage entry as it is, for the client to refuse', () => {
      const store = fileSessionStore(write(JSON.stringify({ '123': { visitorId: 42 }, '222': other })));
      expect(store.load('123')).toEqual({ visitorId: 42 });
      expect(store.load('222')).toEqual(other);
    });

    it('reads an empty file as no sessions', () => {
      const store = fileSessionStore(write('  \n'));
      expect(store.load('123')).toBeUndefined();
      store.save('123', session);
      expect(store.load('123')).toEqual(session);
    });

    it('replaces a file that is not a JSON object on save, and leaves it alone on clear', () => {
      const file = write('not json');
      const store = fileSessionStore(file);
      store.clear('123');
      expect(fs.readFileSync(file, 'utf8')).toBe('not json');
      store.save('123', session);
      expect(readJson(file)).toEqual({ '123': session });
    });

    it("keeps the other accounts' entries, even unreadable ones, on save", () => {
      const file = write(JSON.stringify({ '222': 'garbage' }));
      fileSessionStore(file).save('123', session);
      expect(readJson(file)).toEqual({ '222': 'garbage', '123': session });
    });
  });

  it('rethrows an I/O failure and leaves no temporary file', () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    expect(() => fileSessionStore(path.join(blocker, 'sessions.json')).save('123', session)).toThrow(/ENOTDIR|EEXIST/);
    // The target is a folder: the read fails before anything is written.
    const folder = path.join(dir, 'folder.json');
    fs.mkdirSync(folder);
    const store = fileSessionStore(folder);
    expect(() => store.save('123', session)).toThrow(/EISDIR/);
    expect(() => store.load('123')).toThrow(/EISDIR/);
    expect(fs.readdirSync(dir).sort()).toEqual(['folder.json', 'not-a-folder']);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('refuses a path that is not a non-empty string with a TypeError naming the parameter', () => {
    for (const bad of [undefined, null, '', 42, {}]) {
      expect(() => fileSessionStore(bad as string)).toThrow(TypeError);
      expect(() => fileSessionStore(bad as string)).toThrow(/parameter "path" must be a non-empty file path/);
    }
  });

  it('refuses invalid options with a TypeError naming the option', () => {
    const file = path.join(dir, 'sessions.json');
    expect(() => fileSessionStore(file, 0o600 as never)).toThrow(/parameter "options" must be an object, got the number 384/);
    expect(() => fileSessionStore(file, { mode: 0o1000 })).toThrow(/"options\.mode" must be permission bits between 0 and 0o777/);
    expect(() => fileSessionStore(file, { mode: 1.5 })).toThrow(TypeError);
    expect(() => fileSessionStore(file, { mdoe: 0o600 } as never)).toThrow(/unknown option "options\.mdoe"/);
  });
});

describe('fileSessionStore under a client', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator({ accounts: ['222'] });
  });

  afterEach(async () => {
    await emulator.close();
  });

  /** A client whose events are recorded from its creation on. */
  function client(store: SessionStore, accountId = emulator.accountId) {
    const c = createEngagementClient({ accountId, domain: emulator.url, session: store });
    const events: ClientEvent[] = [];
    c.events$.subscribe((e) => events.push(e));
    return { c, events, warnings: () => events.flatMap((e) => (e.type === 'warning' ? [e.code] : [])) };
  }

  it('continues the same visitor in a second client on the same file (a process restart)', async () => {
    const file = path.join(dir, 'state', 'sessions.json');
    const first = client(fileSessionStore(file));
    const a = await lastValueFrom(first.c.getEngagement());
    if (a._tag !== 'Right') throw new Error('expected a Right');

    const second = client(fileSessionStore(file));
    expect(second.c.currentSession()).toMatchObject({ visitorId: a.right.visitorId, sessionId: a.right.sessionId });
    const b = await lastValueFrom(second.c.getEngagement());
    if (b._tag !== 'Right') throw new Error('expected a Right');
    expect([b.right.visitorId, b.right.sessionId]).toEqual([a.right.visitorId, a.right.sessionId]);
    expect(emulator.stats()).toMatchObject({ visitorsCreated: 1, sessionsCreated: 1 });
    expect(fs.readdirSync(path.dirname(file))).toEqual(['sessions.json']);
  });

  it('keeps the visitors of two accounts in one file', async () => {
    const file = path.join(dir, 'sessions.json');
    const one = client(fileSessionStore(file));
    const two = client(fileSessionStore(file), '222');
    const a = await lastValueFrom(one.c.getEngagement());
    const b = await lastValueFrom(two.c.getEngagement());
    if (a._tag !== 'Right' || b._tag !== 'Right') throw new Error('expected two Rights');
    expect(readJson(file)).toEqual({
      [emulator.accountId]: expect.objectContaining({ visitorId: a.right.visitorId }),
      '222': expect.objectContaining({ visitorId: b.right.visitorId }),
    });
    one.c.resetSession();
    expect(Object.keys(readJson(file) as object)).toEqual(['222']);
  });

  it('ignores a file holding garbage: the check starts a new visitor and rewrites the file', async () => {
    const file = path.join(dir, 'sessions.json');
    fs.writeFileSync(file, 'garbage, not JSON');
    const { c } = client(fileSessionStore(file));
    expect(c.currentSession()).toBeUndefined();
    const r = await lastValueFrom(c.getEngagement());
    if (r._tag !== 'Right') throw new Error('expected a Right');
    expect(readJson(file)).toEqual({ [emulator.accountId]: expect.objectContaining({ visitorId: r.right.visitorId, sessionId: r.right.sessionId }) });
  });

  it.each([
    ['a file that is not JSON', () => 'garbage, not JSON'],
    ['an entry that is not a session', () => JSON.stringify({ [emulator.accountId]: { visitorId: 42 } })],
  ])('reports %s as a sessionStoreUnreadable warning on events$', async (_, contents) => {
    const file = path.join(dir, 'sessions.json');
    fs.writeFileSync(file, contents());
    const { c, warnings } = client(fileSessionStore(file));
    await lastValueFrom(c.getEngagement());
    expect(warnings()).toEqual(['sessionStoreUnreadable']);
  });

  it('still succeeds when the file cannot be written, with a sessionStoreWriteFailed warning', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const { c, warnings } = client(fileSessionStore(path.join(blocker, 'sessions.json')));
    const r = await lastValueFrom(c.getEngagement());
    expect(r._tag).toBe('Right');
    // the path cannot be read either (ENOTDIR): the client says so once at start-up
    expect(warnings()).toEqual(['sessionStoreUnreadable', 'sessionStoreWriteFailed']);
    expect(c.currentSession()).toMatchObject({ visitorId: r._tag === 'Right' ? r.right.visitorId : '' });
  });
});
