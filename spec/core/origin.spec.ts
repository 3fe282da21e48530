import { csdsUrl, isLoopbackHostname, resolveOrigin, visitorUrl } from '../../src/core/origin';

describe('resolveOrigin', () => {
  it.each([
    ['va.v.liveperson.net', 'https://va.v.liveperson.net'],
    ['VA.v.LivePerson.net', 'https://va.v.liveperson.net'],
    ['example.com:8443', 'https://example.com:8443'],
    ['https://sy.v.liveperson.net', 'https://sy.v.liveperson.net'],
    ['https://sy.v.liveperson.net/', 'https://sy.v.liveperson.net'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.3.2.1:80', 'http://127.3.2.1'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s as %s', (input, expected) => {
    expect(resolveOrigin(input)).toEqual({ _tag: 'Right', right: expected });
  });

  it.each([
    ['', 'empty'],
    ['http://example.com', 'loopback'],
    ['http://10.0.0.1:4010', 'loopback'],
    ['http://app.localhost:4010', 'loopback'],
    ['ftp://127.0.0.1', 'http(s)'],
    ['https://example.com/path', 'without path'],
    ['https://example.com?x=1', 'without path'],
    ['https://user:pw@example.com', 'credentials'],
    ['exa mple.com', 'host name'],
    ['-bad-.com', 'host name'],
  ])('refuses %s', (input, reasonPart) => {
    const r = resolveOrigin(input);
    expect(r._tag).toBe('Left');
    if (r._tag === 'Left') expect(r.left).toContain(reasonPart);
  });
});

describe('isLoopbackHostname', () => {
  it('knows loopback names', () => {
    expect(['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '[::1]', '::1'].every(isLoopbackHostname)).toBe(true);
    expect(['128.0.0.1', '10.0.0.1', 'example.com', '::2', 'localhost.example.com', 'a.localhost', 'evil.localhost', '127.0.0.256'].some(isLoopbackHostname)).toBe(false);
  });
});

describe('URLs', () => {
  it('builds the Create Session URL with an empty vid segment on a first call', () => {
    expect(visitorUrl('https://h', '123')).toBe('https://h/api/account/123/app/engagement/visitors/?v=1.0');
  });
  it('puts vid in the path and sid in the query, encoded', () => {
    expect(visitorUrl('https://h', '123', 'v/1', 's&2')).toBe('https://h/api/account/123/app/engagement/visitors/v%2F1?v=1.0&sid=s%262');
  });
  it('builds the CSDS URL', () => {
    expect(csdsUrl('https://api.liveperson.net', '123')).toBe('https://api.liveperson.net/api/account/123/service/baseURI.json?version=1.0');
  });
});
