import fc from 'fast-check';
import { LOADING_ACCOUNT_CODE, readServerError, visitorIdFromMessage } from '../../src/codecs/error-body';

describe('readServerError', () => {
  it('reads the documented "Loading account" body', () => {
    const body = { time: 1700000000000, message: 'Loading account: 123, vid: abc', internalCode: 20 };
    expect(readServerError(body)).toStrictEqual(body);
  });

  it('reads the "Illegal Version" body', () => {
    expect(readServerError({ time: 1, message: 'Illegal Version', internalCode: 33 })).toStrictEqual({
      time: 1,
      message: 'Illegal Version',
      internalCode: 33,
    });
  });

  it('keeps whatever part is there and well-typed', () => {
    expect(readServerError({ message: 'm' })).toStrictEqual({ message: 'm' });
    expect(readServerError({ internalCode: 20 })).toStrictEqual({ internalCode: 20 });
    expect(readServerError({ time: 5 })).toStrictEqual({ time: 5 });
    expect(readServerError({ message: '' })).toStrictEqual({ message: '' });
  });

  it('drops ill-typed parts and leaves no undefined keys', () => {
    const read = readServerError({ time: '1700000000000', message: 'Loading account', internalCode: '20' });
    expect(read).toStrictEqual({ message: 'Loading account' });
    expect(Object.keys(read ?? {})).toStrictEqual(['message']);
  });

  it.each<[string, unknown, unknown]>([
    ['a NaN time', { time: Number.NaN, internalCode: 20 }, { internalCode: 20 }],
    ['an infinite time', { time: Number.POSITIVE_INFINITY, internalCode: 20 }, { internalCode: 20 }],
    ['a fractional internalCode', { internalCode: 20.5, message: 'm' }, { message: 'm' }],
    ['a non-string message', { message: { text: 'm' }, internalCode: 20 }, { internalCode: 20 }],
  ])('drops %s', (_label, body, expected) => {
    expect(readServerError(body)).toStrictEqual(expected);
  });

  it('ignores unknown fields', () => {
    expect(readServerError({ internalCode: 20, stack: 'at x', path: '/api' })).toStrictEqual({ internalCode: 20 });
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'Internal Server Error'],
    ['a number', 500],
    ['an array', [{ internalCode: 20 }]],
    ['an empty object', {}],
    ['an object with only ill-typed fields', { time: 'now', message: 5, internalCode: null }],
    ['an object with only unknown fields', { error: 'Not Found' }],
  ])('gives undefined for %s', (_label, body) => {
    expect(readServerError(body)).toBeUndefined();
  });

  it('never throws, whatever the body', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        const read = readServerError(body);
        if (read !== undefined) {
          if (read.time !== undefined) expect(Number.isFinite(read.time)).toBe(true);
          if (read.internalCode !== undefined) expect(Number.isInteger(read.internalCode)).toBe(true);
          if (read.message !== undefined) expect(typeof read.message).toBe('string');
          expect(Object.values(read)).not.toContain(undefined);
        }
      }),
    );
  });
});

describe('LOADING_ACCOUNT_CODE', () => {
  it('is the internalCode of the "Loading account" answer', () => {
    expect(LOADING_ACCOUNT_CODE).toBe(20);
  });
});

describe('visitorIdFromMessage', () => {
  it.each<[string, string]>([
    ['Loading account: 123, vid: abc', 'abc'],
    ['Loading account: 123, vid:abc', 'abc'],
    ['Loading account: 123, vid:   abc', 'abc'],
    ['Loading account: le12345678, vid: M2YzYjYxZGQtYjU0ZC00', 'M2YzYjYxZGQtYjU0ZC00'],
    ['Loading account: 123, vid: abc-DEF_1', 'abc-DEF_1'],
    ['Loading account: 123, vid: abc, sid: def', 'abc'],
    ['Loading account: 123, vid: abc; retry later', 'abc'],
    ['Loading account: 123, vid: abc retry later', 'abc'],
    ['vid: xyz', 'xyz'],
    ['Loading account: 123,vid: abc', 'abc'],
  ])('reads %j as %j', (message, vid) => {
    expect(visitorIdFromMessage(message)).toBe(vid);
  });

  it.each<[string, string | undefined]>([
    ['no message', undefined],
    ['an empty message', ''],
    ['a message without vid', 'Loading account: 123'],
    ['a vid of "null"', 'Loading account: 123, vid: null'],
    ['a vid of "undefined"', 'Loading account: 123, vid: undefined'],
    ['an empty vid', 'Loading account: 123, vid: '],
    ['an empty vid followed by a comma', 'Loading account: 123, vid: , sid: x'],
    ['"vid" inside another word', 'Loading account: 123, avid: abc'],
    ['a different field', 'Loading account: 123, visitorId: abc'],
  ])('gives undefined for %s', (_label, message) => {
    expect(visitorIdFromMessage(message)).toBeUndefined();
  });

  it('finds any token after "vid: "', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), (vid, account) => {
        fc.pre(vid !== 'null' && vid !== 'undefined');
        expect(visitorIdFromMessage(`Loading account: ${account}, vid: ${vid}`)).toBe(vid);
      }),
    );
  });

  it('never gives a value with spaces, commas or semicolons', () => {
    fc.assert(
      fc.property(fc.string(), (message) => {
        const vid = visitorIdFromMessage(message);
        if (vid !== undefined) {
          expect(vid.length).toBeGreaterThan(0);
          expect(vid).not.toMatch(/[\s,;]/);
        }
      }),
    );
  });
});
