/**
 * Redirects are never followed, by any transport: an engagement host that
 * answers 301/302/303/307/308 gets a typed `http` Left naming the status and
 * the target's origin, and the target receives nothing (a 307/308 would
 * otherwise re-POST the Create Session body, personal data included).
 * Real loopback servers on port 0: the engagement host and the target.
 */
import { lastValueFrom } from 'rxjs';
import { createEngagementClient, retryPolicy, type FetchLike } from '../../src/index';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { nodeHttpFetch } from '../../src/node/http-fetch';
import { loopbackHost, type LoopbackAnswer, type LoopbackHost } from '../helpers/loopback-host';

type Host = LoopbackHost;
const host = (answer: () => LoopbackAnswer): Promise<Host> => loopbackHost(answer);
const close = (h: Host): Promise<void> => h.close();

let target: Host;
beforeAll(async () => {
  target = await host(() => ({ status: 200, body: JSON.stringify({ status: 'Available', sessionId: 's', visitorId: 'v' }) }));
});
afterAll(() => close(target));
afterEach(() => target.requests.splice(0));

const transports: ReadonlyArray<[string, () => FetchLike]> = [
  ['the default transport (cross-fetch)', createDefaultFetch],
  ['nodeHttpFetch', () => nodeHttpFetch],
  ['the platform fetch', () => ((url, init) => fetch(url, init)) as FetchLike],
];

describe.each(transports)('%s', (_name, transport) => {
  it.each([301, 302, 303, 307, 308])('answers a %i with an http Left naming the target origin, and sends nothing there', async (status) => {
    const engagement = await host(() => ({ status, headers: { Location: `${target.origin}/steal?x=1` } }));
    try {
      const client = createEngagementClient({ accountId: '12345678', domain: engagement.origin, fetch: transport(), retry: retryPolicy({ maxAttempts: 1 }) });
      const r = await lastValueFrom(client.getEngagement({ consumerSections: ['Support'], engagementAttributes: [{ type: 'personal', personal: { firstname: 'Ada' } }] }));
      expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'http', status, redirectOrigin: target.origin }) });
      if (r._tag === 'Left') {
        expect(r.left.message).toContain(`redirect to ${target.origin}`);
        expect(r.left.message).not.toContain('steal');
      }
      expect(engagement.requests).toHaveLength(1);
      expect(target.requests).toEqual([]);
    } finally {
      await close(engagement);
    }
  });
});

it('is not retried by the default policy (a redirect is not a passing failure)', async () => {
  const engagement = await host(() => ({ status: 302, headers: { Location: `${target.origin}/` } }));
  try {
    const client = createEngagementClient({ accountId: '12345678', domain: engagement.origin, retry: retryPolicy({ maxAttempts: 3, backoff: { kind: 'schedule', delaysMs: [1, 1] } }) });
    const r = await lastValueFrom(client.getEngagement());
    expect(r._tag).toBe('Left');
    expect(engagement.requests).toHaveLength(1);
  } finally {
    await close(engagement);
  }
});

it('refuses the answer of a fetch function that followed a redirect anyway', async () => {
  const engagement = await host(() => ({ status: 307, headers: { Location: `${target.origin}/elsewhere` } }));
  try {
    const following: FetchLike = (url, init) => fetch(url, { ...init, redirect: 'follow' });
    const client = createEngagementClient({ accountId: '12345678', domain: engagement.origin, fetch: following, retry: retryPolicy({ maxAttempts: 1 }) });
    const r = await lastValueFrom(client.getEngagement());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'http', status: 200, redirectOrigin: target.origin }) });
    if (r._tag === 'Left') expect(r.left.message).toContain('redirects are refused');
    expect(client.currentSession()).toBeUndefined();
  } finally {
    await close(engagement);
  }
});

it('says nothing of the target when the Location header is missing or unreadable', async () => {
  const engagement = await host(() => ({ status: 302, headers: { Location: 'http://[bad' } }));
  try {
    const client = createEngagementClient({ accountId: '12345678', domain: engagement.origin, retry: retryPolicy({ maxAttempts: 1 }) });
    const r = await lastValueFrom(client.getEngagement());
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'http', status: 302 }) });
    if (r._tag === 'Left') {
      expect(r.left).not.toHaveProperty('redirectOrigin');
      expect(r.left.message).toBe('createSession answered a redirect; redirects are not followed');
    }
  } finally {
    await close(engagement);
  }
});
