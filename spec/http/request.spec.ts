/**
 * httpRequest$, the one HTTP exchange every call is made of, against the
 * emulator over real loopback: the reader, the timeout on an injected
 * scheduler, abort on unsubscribe, and the abort-controller factory.
 */
import { VirtualTimeScheduler, asyncScheduler, firstValueFrom, lastValueFrom } from 'rxjs';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { withAbortControllerFactory, type AbortHandle } from '../../src/http/fetch-like';
import { lightAbortController } from '../../src/http/light-abort';
import { httpRequest$, type HttpEnv, type HttpRequestSpec } from '../../src/http/request';
import type { EngagementError } from '../../src/errors';
import { left, right } from '../../src/internal/either';
import { useGatedEmulator } from '../helpers/gated-emulator';

const gated = useGatedEmulator();

/** An abort-controller factory that records every controller it makes and every abort. */
function recordingControllers() {
  const made: AbortHandle[] = [];
  let aborts = 0;
  const factory = (): AbortHandle => {
    const inner = lightAbortController();
    const handle: AbortHandle = {
      signal: inner.signal,
      abort: () => {
        aborts += 1;
        inner.abort();
      },
    };
    made.push(handle);
    return handle;
  };
  return { factory, made, aborts: () => aborts };
}

/** The default fetch, carrying `factory` as its abort-controller factory (what engagement-rx's own transports do). */
function fetchWith(factory: () => AbortHandle) {
  const base = createDefaultFetch();
  return withAbortControllerFactory((url, init) => base(url, init), factory);
}

function env(overrides: Partial<HttpEnv> = {}): HttpEnv {
  return { fetch: createDefaultFetch(), timeoutMs: 10_000, scheduler: asyncScheduler, ...overrides };
}

const createSession = (): HttpRequestSpec => ({
  operation: 'createSession',
  method: 'POST',
  url: `${gated.emulator.url}/api/account/${gated.emulator.accountId}/app/engagement/visitors/?v=1.0`,
  headers: { 'Content-Type': 'application/json' },
  body: '{"appType":"EXTERNAL"}',
});

describe('httpRequest$', () => {
  it('answers the reply as it is without a reader: status, text, headers', async () => {
    const r = await lastValueFrom(httpRequest$(env(), createSession()));
    expect(r._tag).toBe('Right');
    if (r._tag !== 'Right') return;
    expect(r.right.status).toBe(200);
    expect(JSON.parse(r.right.text)).toMatchObject({ status: 'Available' });
    expect(r.right.header('content-type')).toMatch(/application\/json/);
  });

  it('answers what the reader makes of the reply, in the same step', async () => {
    const r = await lastValueFrom(httpRequest$(env(), createSession(), (reply) => right<EngagementError, string>(`${reply.status}:${reply.text.length > 0}`)));
    expect(r).toEqual(right('200:true'));
  });

  it('reports a reader that throws as an error notification (a programming error), not a Left', async () => {
    const bug = new Error('reader bug');
    await expect(
      lastValueFrom(
        httpRequest$(env(), createSession(), () => {
          throw bug;
        }),
      ),
    ).rejects.toBe(bug);
  });

  it('uses the abort-controller factory the fetch carries, one controller per subscription, and never aborts a finished exchange', async () => {
    const controllers = recordingControllers();
    const exchange$ = httpRequest$(env({ fetch: fetchWith(controllers.factory) }), createSession());
    await lastValueFrom(exchange$);
    await lastValueFrom(exchange$);
    expect(controllers.made).toHaveLength(2);
    expect(controllers.aborts()).toBe(0);
  });

  it('times out on the injected scheduler: a timeout Left, and the request aborted', async () => {
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const controllers = recordingControllers();
    const scheduler = new VirtualTimeScheduler();
    const result = firstValueFrom(httpRequest$(env({ fetch: fetchWith(controllers.factory), scheduler, timeoutMs: 2500 }), createSession()));
    await gated.sleeper.waiting();
    scheduler.flush();
    expect(await result).toEqual(left({ kind: 'timeout', operation: 'createSession', timeoutMs: 2500, message: 'createSession took longer than 2500 ms and was aborted' }));
    expect(controllers.aborts()).toBe(1);
    expect(controllers.made[0]?.signal.aborted).toBe(true);
  });

  it('aborts on unsubscribe and emits nothing', async () => {
    gated.emulator.inject({ kind: 'latency', delayMs: 60_000 });
    const controllers = recordingControllers();
    const seen: unknown[] = [];
    const sub = httpRequest$(env({ fetch: fetchWith(controllers.factory) }), createSession()).subscribe((v) => seen.push(v));
    await gated.sleeper.waiting();
    sub.unsubscribe();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(controllers.aborts()).toBe(1);
    expect(seen).toEqual([]);
  });

  it('answers a network Left when fetch throws synchronously', async () => {
    const throwing = () => {
      throw Object.assign(new Error('no'), { code: 'EBADTHING' });
    };
    const r = await lastValueFrom(httpRequest$(env({ fetch: throwing }), createSession()));
    expect(r).toEqual(left({ kind: 'network', operation: 'createSession', cause: 'EBADTHING', message: 'createSession request failed before an answer (EBADTHING)' }));
  });
});
