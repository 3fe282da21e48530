import fc from 'fast-check';
import { matchRoute, operationOf, splitTarget } from '../../src/emulator/router';

describe('matchRoute', () => {
  it('finds both CSDS forms', () => {
    const all = matchRoute('GET', '/api/account/123/service/baseURI.json?version=1.0', undefined);
    expect(all).toMatchObject({ kind: 'csds', accountId: '123', service: undefined });
    expect(all.kind === 'csds' && all.query.get('version')).toBe('1.0');
    expect(matchRoute('GET', '/api/account/123/service/smt/baseURI.json?version=1.0', undefined)).toMatchObject({ kind: 'csds', service: 'smt' });
  });

  it('finds Create Session with and without a vid', () => {
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/?v=1.0', undefined)).toMatchObject({ kind: 'createSession', visitorId: '' });
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors?v=1.0', undefined)).toMatchObject({ kind: 'createSession', visitorId: '' });
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/abc?v=1.0&sid=x', undefined)).toMatchObject({ kind: 'createSession', visitorId: 'abc' });
  });

  it('finds Update Session by PUT or by POST with the override header', () => {
    expect(matchRoute('PUT', '/api/account/1/app/engagement/visitors/abc', undefined).kind).toBe('updateSession');
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/abc', 'put').kind).toBe('updateSession');
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/abc', 'POST').kind).toBe('createSession');
    expect(matchRoute('PUT', '/api/account/1/app/engagement/visitors/abc', 'DELETE').kind).toBe('updateSession');
  });

  it('marks an undecodable vid as null', () => {
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/%E0%A4%A', undefined)).toMatchObject({ visitorId: null });
  });

  it('answers 405 routes with their Allow list', () => {
    expect(matchRoute('GET', '/api/account/1/app/engagement/visitors/abc', undefined)).toEqual({ kind: 'methodNotAllowed', allow: 'POST, PUT, OPTIONS' });
    expect(matchRoute('POST', '/api/account/1/app/engagement/visitors/abc', 'DELETE')).toEqual({ kind: 'methodNotAllowed', allow: 'POST, PUT, OPTIONS' });
    expect(matchRoute('POST', '/api/account/1/service/baseURI.json', undefined)).toEqual({ kind: 'methodNotAllowed', allow: 'GET, OPTIONS' });
  });

  it('answers OPTIONS as a preflight anywhere', () => {
    expect(matchRoute('OPTIONS', '/whatever', undefined)).toEqual({ kind: 'preflight' });
  });

  it.each(['/', '/api/account/1', '/api/account/1/app/engagement/visitors/a/b', '/api/account/1/service/x/y/baseURI.json', '/api/account/1/service//baseURI.json', 'nonsense', '*'])(
    '%s is not found',
    (target) => {
      expect(matchRoute('GET', target, undefined)).toEqual({ kind: 'notFound' });
    },
  );

  it('accepts absolute-form targets', () => {
    expect(matchRoute('GET', 'http://x/api/account/1/service/baseURI.json?version=1.0', undefined).kind).toBe('csds');
  });

  it('never throws, whatever the method, target and header', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (m, t, o) => {
        const route = matchRoute(m ?? undefined, t ?? undefined, o ?? undefined);
        expect(['preflight', 'csds', 'createSession', 'updateSession', 'methodNotAllowed', 'notFound']).toContain(route.kind);
        expect(operationOf(route) === undefined || route.kind === operationOf(route)).toBe(true);
      }),
    );
  });
});

describe('splitTarget', () => {
  it('drops the fragment and splits the query', () => {
    const s = splitTarget('/a?b=1#frag');
    expect(s?.path).toBe('/a');
    expect(s?.query.get('b')).toBe('1');
  });
});
