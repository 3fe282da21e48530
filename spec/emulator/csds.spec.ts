import { emulatorPerTest, errorOf } from '../helpers/emulator-per-test';

const start = emulatorPerTest();

describe('CSDS, every service', () => {
  it('lists msdkgw, smt and conversationVep with the emulator origin as baseURI', async () => {
    const e = await start();
    expect(e.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      baseURIs: [
        { service: 'msdkgw', account: '12345678', baseURI: e.url },
        { service: 'smt', account: '12345678', baseURI: e.url },
        { service: 'conversationVep', account: '12345678', baseURI: e.url },
      ],
    });
    expect(e.stats()).toMatchObject({ csdsCalls: 1, byOperation: { csds: { '200': 1 } } });
  });

  it('lists only the services of csdsServices (smt fallback, none listed)', async () => {
    const smtOnly = await start({ csdsServices: ['smt'] });
    const res = await fetch(`${smtOnly.url}/api/account/12345678/service/baseURI.json?version=1.0`);
    expect(await res.json()).toEqual({ baseURIs: [{ service: 'smt', account: '12345678', baseURI: smtOnly.url }] });
    await smtOnly.close();

    const none = await start({ csdsServices: [] });
    const empty = await fetch(`${none.url}/api/account/12345678/service/baseURI.json?version=1.0`);
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ baseURIs: [] });
  });

  it('serves every configured account with its own id', async () => {
    const e = await start({ accountId: 'main', accounts: ['other_1'] });
    const res = await fetch(`${e.url}/api/account/other_1/service/baseURI.json?version=1.0`);
    const body = (await res.json()) as { baseURIs: Array<{ account: string }> };
    expect(body.baseURIs.map((b) => b.account)).toEqual(['other_1', 'other_1', 'other_1']);
    expect(e.accounts).toEqual(['main', 'other_1']);
  });

  it('answers 404 with the error body for an unknown account', async () => {
    const e = await start();
    expect(await errorOf(await fetch(`${e.url}/api/account/99999/service/baseURI.json?version=1.0`), 404, 18)).toBe('Account not found');
    await errorOf(await fetch(`${e.url}/api/account/99999/service/smt/baseURI.json?version=1.0`), 404, 18);
  });

  it('answers 400/33 without version=1.0', async () => {
    const e = await start();
    await errorOf(await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json`), 400, 33);
    await errorOf(await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=2.0`), 400, 33);
  });
});

describe('CSDS, one service', () => {
  it('answers { service, account, baseURI }', async () => {
    const e = await start();
    const res = await fetch(`${e.url}/api/account/${e.accountId}/service/msdkgw/baseURI.json?version=1.0`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ service: 'msdkgw', account: '12345678', baseURI: e.url });
  });

  it('answers 404 for a service not listed (names are case-sensitive)', async () => {
    const e = await start({ csdsServices: ['smt'] });
    await errorOf(await fetch(`${e.url}/api/account/${e.accountId}/service/msdkgw/baseURI.json?version=1.0`), 404, 0);
    await errorOf(await fetch(`${e.url}/api/account/${e.accountId}/service/SMT/baseURI.json?version=1.0`), 404, 0);
    expect(e.stats().byOperation.csds).toEqual({ '404': 2 });
  });
});

describe('CSDS as JSONP (a page loading it with <script>, as lpChat.min.js did)', () => {
  it('answers a script calling cb with the same JSON body', async () => {
    const e = await start();
    const res = await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0&cb=lpCb123_4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const text = await res.text();
    const called: unknown[] = [];
    new Function('lpCb123_4', text)((body: unknown) => called.push(body));
    expect(called).toEqual([{ baseURIs: expect.arrayContaining([{ service: 'smt', account: e.accountId, baseURI: e.url }]) }]);
    expect(e.stats()).toMatchObject({ csdsCalls: 1 });
  });

  it('keeps the status and error body of a refused lookup, wrapped the same way', async () => {
    const e = await start();
    const res = await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=2.0&cb=page.cb`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^page\.cb\(\{"time":\d+,"message":"Illegal Version: version must be 1\.0","internalCode":\d+\}\);$/);
  });

  it('refuses a cb that is not a JavaScript identifier, as JSON, naming cb', async () => {
    const e = await start();
    for (const cb of ['alert(1)//', '1abc', 'a..b', 'x'.repeat(101), '']) {
      const res = await fetch(`${e.url}/api/account/${e.accountId}/service/baseURI.json?version=1.0&cb=${encodeURIComponent(cb)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json');
      expect(((await res.json()) as { message: string }).message).toMatch(/^cb must be a JavaScript identifier/);
    }
  });
});
