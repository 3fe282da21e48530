/**
 * Update Session over real loopback HTTP against the emulator.
 */
import { VirtualTimeScheduler, asyncScheduler, lastValueFrom } from 'rxjs';
import { createEngagementClient } from '../../src/index';
import type { HttpEnv } from '../../src/http/request';
import { updateSession$ } from '../../src/http/update-session';

const updateSessionBody = (body: { pageId: string; engagementAttributes?: ReadonlyArray<unknown> }): string => JSON.stringify(body);
import { useGatedEmulator } from '../helpers/gated-emulator';
import { advanceBy } from '../helpers/virtual-clock';
import { countingFetch } from '../report/driver';

const gated = useGatedEmulator();

/** A visitor and session created by a real getEngagement. */
async function session(): Promise<{ vid: string; sid: string; pageId: string }> {
  const r = await lastValueFrom(createEngagementClient({ accountId: gated.emulator.accountId, domain: gated.emulator.url }).getEngagement());
  if (r._tag !== 'Right') throw new Error('no session');
  return { vid: r.right.visitorId, sid: r.right.sessionId, pageId: r.right.pageId };
}

function env(overrides: Partial<HttpEnv> = {}): HttpEnv & { http: ReturnType<typeof countingFetch> } {
  const http = countingFetch();
  return { fetch: http.fetch, timeoutMs: 10_000, scheduler: asyncScheduler, ...overrides, http };
}

describe('updateSession$', () => {
  it('PUTs to the visitor URL with sid in the query; the emulator records the update', async () => {
    const s = await session();
    const e = env();
    const body = updateSessionBody({ pageId: s.pageId, engagementAttributes: [{ type: 'cart', total: 5, numItems: 1 }] });
    const r = await lastValueFrom(updateSession$(e, { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, body));
    expect(r._tag).toBe('Right');
    expect(e.http.sent).toEqual([
      {
        method: 'PUT',
        url: `${gated.emulator.url}/api/account/${gated.emulator.accountId}/app/engagement/visitors/${s.vid}?v=1.0&sid=${s.sid}`,
        headers: expect.objectContaining({ 'Content-Type': 'application/json', Accept: 'application/json' }),
        body,
      },
    ]);
    expect(gated.emulator.received(s.vid)).toEqual([
      { sessionId: s.sid, pageId: s.pageId, pageKnown: true, engagementAttributes: [{ type: 'cart', total: 5, numItems: 1 }], impAttributes: [], at: expect.any(Number) },
    ]);
  });

  it('sends POST with X-HTTP-Method-Override: PUT when asked; the server reads it as Update Session', async () => {
    const s = await session();
    const e = env();
    const before = gated.emulator.stats();
    const r = await lastValueFrom(
      updateSession$(e, { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, updateSessionBody({ pageId: s.pageId }), 'POST_OVERRIDE'),
    );
    expect(r._tag).toBe('Right');
    expect(e.http.sent[0]).toMatchObject({ method: 'POST', headers: { 'X-HTTP-Method-Override': 'PUT' } });
    expect(gated.emulator.stats()).toMatchObject({ updateSessionCalls: 1, createSessionCalls: before.createSessionCalls });
    expect(gated.emulator.received(s.vid)).toHaveLength(1);
  });

  it('answers a refusal with an http Left of operation updateSession', async () => {
    const s = await session();
    const r = await lastValueFrom(updateSession$(env(), { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: 'S999nosuch' }, updateSessionBody({ pageId: s.pageId })));
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', operation: 'updateSession', status: 404, internalCode: 39 });
  });

  it('keeps Retry-After of a 429', async () => {
    const s = await session();
    gated.emulator.inject({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } }, { operation: 'updateSession' });
    const r = await lastValueFrom(updateSession$(env(), { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, updateSessionBody({ pageId: s.pageId })));
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'http', status: 429, retryAfter: '2' });
  });

  it('answers a reset connection with a network Left', async () => {
    const s = await session();
    gated.emulator.inject({ kind: 'reset' }, { operation: 'updateSession' });
    const r = await lastValueFrom(updateSession$(env(), { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, updateSessionBody({ pageId: s.pageId })));
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'network', operation: 'updateSession' });
  });

  it('times out on the scheduler and aborts the request', async () => {
    const s = await session();
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 }, { operation: 'updateSession' });
    const scheduler = new VirtualTimeScheduler();
    const result = lastValueFrom(
      updateSession$(env({ scheduler, timeoutMs: 3000 }), { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, updateSessionBody({ pageId: s.pageId })),
    );
    await gated.sleeper.waiting();
    advanceBy(scheduler, 3000);
    const r = await result;
    expect(r._tag === 'Left' && r.left).toMatchObject({ kind: 'timeout', operation: 'updateSession', timeoutMs: 3000 });
  });

  it('sends one request per subscription', async () => {
    const s = await session();
    const e = env();
    const call$ = updateSession$(e, { origin: gated.emulator.url, accountId: gated.emulator.accountId, vid: s.vid, sid: s.sid }, updateSessionBody({ pageId: s.pageId }));
    await lastValueFrom(call$);
    await lastValueFrom(call$);
    expect(e.http.sent).toHaveLength(2);
    expect(gated.emulator.received(s.vid)).toHaveLength(2);
  });
});
