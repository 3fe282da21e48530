/**
 * The demo server over real loopback HTTP: its control API (failures,
 * skills) as the page uses it, its files, and its refusals.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoTimers } from '../../src/demo/failure-switch';
import { startDemo, type RunningDemo } from '../../src/demo/server';
import type { DemoState } from '../../src/demo/state';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function call(url: string, method: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const control = (demo: RunningDemo, command: unknown) => call(`${demo.origin}/demo/control`, 'POST', JSON.stringify(command), { 'Content-Type': 'application/json' });

/** A Create Session call, as the page's client makes it. */
const createSession = (demo: RunningDemo, section: string) =>
  call(`${demo.emulator.url}/api/account/${demo.emulator.accountId}/app/engagement/visitors/?v=1.0`, 'POST', JSON.stringify({ appType: 'EXTERNAL', consumerSections: [section] }), {
    'Content-Type': 'application/json',
  });

function manualTimers(): DemoTimers & { advance(ms: number): void } {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t !== handle);
    },
    now: () => now,
    advance(ms) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      due.forEach((t) => t.fn());
    },
  };
}

let assetsDir: string;
let demo: RunningDemo;
let timers: ReturnType<typeof manualTimers>;

beforeAll(() => {
  assetsDir = mkdtempSync(join(tmpdir(), 'engagement-rx-demo-spec-'));
  writeFileSync(join(assetsDir, 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(assetsDir, 'app.js'), 'console.log("app")');
});
afterAll(() => rmSync(assetsDir, { recursive: true, force: true }));

beforeEach(async () => {
  timers = manualTimers();
  demo = await startDemo({ assetsDir, legacyBundle: join(assetsDir, 'absent.js'), timers });
});
afterEach(() => demo.close());

describe('GET /demo/state', () => {
  it('says where the emulator is, which sections route to which skill, and that nothing fails', async () => {
    const res = await call(`${demo.origin}/demo/state`, 'GET');
    expect(res.status).toBe(200);
    const state = JSON.parse(res.body) as DemoState;
    expect(state.emulator).toEqual({ url: demo.emulator.url, accountId: '12345678', appInstallationId: 'emulator-app' });
    expect(state.sections).toEqual([
      { name: 'Support', skill: 'TestSkill', online: true },
      { name: 'Sales', skill: 'TestSkill', online: true },
      { name: 'Billing', skill: 'Billing', online: false },
    ]);
    expect(state.failure).toEqual({ active: false });
    expect(state.faults).toEqual(['unavailable', 'loadingAccount', 'reset']);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('POST /demo/control', () => {
  it('{ fail: seconds } makes Create Session answer 503 for that long, then recover', async () => {
    const res = await control(demo, { fail: 8 });
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as DemoState).failure).toEqual({ active: true, fault: 'unavailable', remainingMs: 8000 });

    expect((await createSession(demo, 'Support')).status).toBe(503);
    expect((await createSession(demo, 'Support')).status).toBe(503);
    timers.advance(8000);
    expect((await createSession(demo, 'Support')).status).toBe(200);
    expect(demo.state().failure).toEqual({ active: false });
  });

  it('{ fail: 0 } ends a failure at once', async () => {
    await control(demo, { fail: 8, fault: 'loadingAccount' });
    const failing = await createSession(demo, 'Support');
    expect(failing.status).toBe(500);
    expect(JSON.parse(failing.body)).toMatchObject({ internalCode: 20 });
    expect(JSON.parse((await control(demo, { fail: 0 })).body)).toMatchObject({ failure: { active: false } });
    expect((await createSession(demo, 'Support')).status).toBe(200);
  });

  it('{ failNext: n, fault: "reset" } drops the next n calls, then answers', async () => {
    await control(demo, { failNext: 1, fault: 'reset' });
    await expect(createSession(demo, 'Support')).rejects.toThrow();
    expect(demo.state().failure).toEqual({ active: false });
    expect((await createSession(demo, 'Support')).status).toBe(200);
    expect(demo.emulator.stats().resets).toBe(1);
  });

  it('{ skill, online } turns the offline section on and off', async () => {
    const before = JSON.parse((await createSession(demo, 'Billing')).body) as { status: string };
    expect(before.status).toBe('NotAvailable');

    const res = await control(demo, { skill: 'Billing', online: true });
    expect((JSON.parse(res.body) as DemoState).sections.find((s) => s.name === 'Billing')).toEqual({ name: 'Billing', skill: 'Billing', online: true });
    expect((JSON.parse((await createSession(demo, 'Billing')).body) as { status: string }).status).toBe('Available');

    await control(demo, { skill: 42, online: false }); // by id
    expect((JSON.parse((await createSession(demo, 'Billing')).body) as { status: string }).status).toBe('NotAvailable');
  });

  it('answers 400 with the problems for a bad command or an unknown skill, and changes nothing', async () => {
    const bad = await control(demo, { fail: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ problems: ['fail: expected a number of seconds from 0 to 600, got a number'] });

    const unknown = await control(demo, { skill: 'Nobody', online: true });
    expect(unknown.status).toBe(400);
    expect((JSON.parse(unknown.body) as { problems: string[] }).problems[0]).toMatch(/^skill: no skill "Nobody"/);

    const notJson = await call(`${demo.origin}/demo/control`, 'POST', '{', { 'Content-Type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(demo.state().failure).toEqual({ active: false });
    expect(demo.emulator.stats().faultsServed).toBe(0);
  });

  it('refuses what a cross-site form could send (no JSON content type), other methods and large bodies', async () => {
    const form = await call(`${demo.origin}/demo/control`, 'POST', 'fail=8', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect(demo.state().failure).toEqual({ active: false });

    const get = await call(`${demo.origin}/demo/control`, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');

    const large = await call(`${demo.origin}/demo/control`, 'POST', JSON.stringify({ fail: 1, pad: 'x'.repeat(5000) }), { 'Content-Type': 'application/json' });
    expect(large.status).toBe(413);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the page files', () => {
  it('redirects / to /demo/ and serves the page with its content security policy', async () => {
    const root = await call(`${demo.origin}/`, 'GET');
    expect(root.status).toBe(302);
    expect(root.headers['location']).toBe('/demo/');

    const page = await call(demo.url, 'GET');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>demo</title>');
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ${demo.emulator.url}`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");

    const app = await call(`${demo.origin}/demo/app.js`, 'GET');
    expect(app.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(app.body).toBe('console.log("app")');
  });

  it('serves config.js for legacy-style pages', async () => {
    const res = await call(`${demo.origin}/demo/config.js`, 'GET');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`window.engagementRxDefaults = { engagementDomain: ${JSON.stringify(demo.emulator.url)} };`);
    expect(res.body).toContain('"accountId":"12345678"');
  });

  it('says how to build a missing file, and serves nothing outside its list', async () => {
    const legacy = await call(`${demo.origin}/demo/engagement-rx.legacy.js`, 'GET');
    expect(legacy.status).toBe(404);
    expect(legacy.body).toContain('npm run build');
    const css = await call(`${demo.origin}/demo/styles.css`, 'GET');
    expect(css.status).toBe(404);
    expect(css.body).toContain('npm run build:demo');
    for (const path of ['/demo/../package.json', '/demo/%2e%2e/package.json', '/demo/state.json', '/package.json']) {
      expect((await call(`${demo.origin}${path}`, 'GET')).status).toBe(404);
    }
  });
});

describe('startDemo', () => {
  it('refuses a non-loopback host', async () => {
    await expect(startDemo({ host: '0.0.0.0' })).rejects.toThrow('startDemo: 0.0.0.0 is not a loopback host');
  });

  it('closes both servers, once', async () => {
    const other = await startDemo({ assetsDir });
    const first = other.close();
    expect(other.close()).toBe(first);
    await first;
    await expect(call(`${other.origin}/demo/state`, 'GET')).rejects.toThrow();
    await expect(createSession(other, 'Support')).rejects.toThrow();
  });
});
