/**
 * The outbox stores of the browser entry: memory and Web Storage.
 */
import { memoryOutboxStore, webStorageOutboxStore } from '../../src/report/outbox-store';
import type { StoredOutbox } from '../../src/report/stored-outbox';
import type { WebStorageLike } from '../../src/session/web-storage-store';

const outbox: StoredOutbox = {
  version: 1,
  nextSeq: 2,
  pending: [{ seq: 1, queuedAt: 0, kind: 'attribute', item: { type: 'lead', lead: { leadId: '1' } } }],
  rejected: [],
  dropped: 0,
};

function fakeStorage(): WebStorageLike & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('memoryOutboxStore', () => {
  it('keeps one outbox per account until cleared', () => {
    const store = memoryOutboxStore();
    expect(store.load('a')).toBeUndefined();
    store.save('a', outbox);
    expect(store.load('a')).toBe(outbox);
    expect(store.load('b')).toBeUndefined();
    store.clear('a');
    expect(store.load('a')).toBeUndefined();
  });

  it('each call makes a separate store', () => {
    const a = memoryOutboxStore();
    a.save('x', outbox);
    expect(memoryOutboxStore().load('x')).toBeUndefined();
  });
});

describe('webStorageOutboxStore', () => {
  it('writes JSON under prefix + account id and reads it back', () => {
    const storage = fakeStorage();
    const store = webStorageOutboxStore(storage);
    store.save('12345678', outbox);
    expect([...storage.map.keys()]).toEqual(['engagement-rx:outbox:12345678']);
    expect(JSON.parse(storage.map.get('engagement-rx:outbox:12345678') ?? '')).toEqual(outbox);
    expect(store.load('12345678')).toEqual(outbox);
    store.clear('12345678');
    expect(storage.map.size).toBe(0);
    expect(store.load('12345678')).toBeUndefined();
  });

  it('uses a given prefix', () => {
    const storage = fakeStorage();
    webStorageOutboxStore(storage, { prefix: 'app:' }).save('a', outbox);
    expect([...storage.map.keys()]).toEqual(['app:a']);
  });

  it('returns the raw text when the key does not hold JSON', () => {
    const storage = fakeStorage();
    storage.setItem('engagement-rx:outbox:a', '{not json');
    expect(webStorageOutboxStore(storage).load('a')).toBe('{not json');
  });

  it('rethrows what the storage throws (the client turns it into a warning)', () => {
    const storage: WebStorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = webStorageOutboxStore(storage);
    expect(() => store.load('a')).toThrow('SecurityError');
    expect(() => store.save('a', outbox)).toThrow('QuotaExceededError');
  });

  it('refuses a storage without the three methods, and bad options, with a TypeError', () => {
    expect(() => webStorageOutboxStore({} as WebStorageLike)).toThrow(/must have getItem, setItem and removeItem.*got an object without them/);
    expect(() => webStorageOutboxStore(null as unknown as WebStorageLike)).toThrow(/got null/);
    expect(() => webStorageOutboxStore(fakeStorage(), [] as never)).toThrow(/"options" must be an object, got an array/);
    expect(() => webStorageOutboxStore(fakeStorage(), { prefx: 'a' } as never)).toThrow(/unknown option "options.prefx"/);
    expect(() => webStorageOutboxStore(fakeStorage(), { prefix: 1 } as never)).toThrow(/"options.prefix" must be a string, got a number/);
  });
});
