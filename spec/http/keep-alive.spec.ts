/**
 * The keep-alive agents of both Node transports close idle pooled
 * connections before servers do (see src/http/keep-alive.ts), against the
 * emulator over real loopback.
 */
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createDefaultFetch } from '../../src/http/default-fetch';
import { KEEP_ALIVE_AGENT_OPTIONS } from '../../src/http/keep-alive';
import type { FetchLike } from '../../src/http/fetch-like';
import { nodeHttpFetch } from '../../src/node/index';
import { useGatedEmulator } from '../helpers/gated-emulator';

const gated = useGatedEmulator();

afterEach(() => {
  jest.restoreAllMocks();
});

/** One request through `fetch`, body read; resolves with the socket the agent kept for reuse and the server's Keep-Alive hint. */
async function pooledSocketAfterOneRequest(fetch: FetchLike): Promise<{ socket: Socket; serverIdleMs: number }> {
  const kept: Socket[] = [];
  const original = http.Agent.prototype.keepSocketAlive;
  // Observes the agent (and calls its real method): which socket it keeps.
  jest.spyOn(http.Agent.prototype, 'keepSocketAlive').mockImplementation(function (this: http.Agent, socket: Duplex) {
    kept.push(socket as Socket);
    return original.call(this, socket);
  });
  const res = await fetch(`${gated.emulator.url}/api/account/${gated.emulator.accountId}/app/engagement/visitors/?v=1.0`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"appType":"EXTERNAL"}',
  });
  expect(res.status).toBe(200);
  const hint = /timeout=(\d+)/.exec(res.headers.get('keep-alive') ?? '');
  await res.text();
  for (let i = 0; i < 20 && kept.length === 0; i++) await new Promise((r) => setImmediate(r));
  const socket = kept[0];
  if (socket === undefined) throw new Error('no socket was kept alive');
  if (hint === null) throw new Error('the server sent no Keep-Alive timeout');
  return { socket, serverIdleMs: Number(hint[1]) * 1000 };
}

describe.each([
  ['the default fetch (cross-fetch)', () => createDefaultFetch()],
  ['nodeHttpFetch', () => nodeHttpFetch],
])('%s', (_name, make) => {
  it(`keeps the connection, with an idle timeout (${KEEP_ALIVE_AGENT_OPTIONS.timeout} ms) shorter than the server's (Node's 5 s)`, async () => {
    const { socket, serverIdleMs } = await pooledSocketAfterOneRequest(make());
    expect(socket.destroyed).toBe(false);
    expect(socket.timeout).toBe(KEEP_ALIVE_AGENT_OPTIONS.timeout);
    expect(serverIdleMs).toBe(5000);
    expect(socket.timeout).toBeLessThan(serverIdleMs);
  });

  it('closes the idle connection when that timeout fires', async () => {
    const { socket } = await pooledSocketAfterOneRequest(make());
    socket.emit('timeout'); // what the socket's idle timer does after 4 s
    expect(socket.destroyed).toBe(true);
  });
});
