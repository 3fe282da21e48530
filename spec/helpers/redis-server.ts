/**
 * Redis servers for the specs: never one the specs did not start. A spec
 * file uses the server named by ENGAGEMENT_RX_REDIS_SOCKET (started by
 * .ci/run, or by jest's globalSetup, spec/setup/redis-global.ts), or starts
 * a private one of its own (a spec that stops and restarts Redis). Each
 * server listens on a unix socket only, keeps nothing on disk, and is
 * stopped by whoever started it. Without redis-server the Redis specs fail
 * with a message saying how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { Redis } from 'ioredis';
import { ioredis, nodeRedis } from '../../src/redis/index';
import type { RedisPort } from '../../src/redis/port';

export const SOCKET_VARIABLE = 'ENGAGEMENT_RX_REDIS_SOCKET';

const INSTALL = 'redis-server is not installed: the Redis specs need it (Debian/Ubuntu: apt-get install -y --no-install-recommends redis-server; macOS: brew install redis). npm test starts a private server on a unix socket by itself.';

/** Throws the install message when there is no redis-server. */
export function requireRedisServer(): void {
  const probe = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (probe.error !== undefined || probe.status !== 0) throw new Error(INSTALL);
}

/** Answers once the server on `socket` answers PING (within `withinMs`). */
export async function pinged(socket: string, withinMs = 10_000): Promise<void> {
  const until = Date.now() + withinMs;
  for (;;) {
    const pong = await new Promise<boolean>((resolve) => {
      const c = connect(socket);
      c.once('error', () => resolve(false));
      c.once('data', (d) => (c.destroy(), resolve(d.toString().startsWith('+PONG'))));
      c.once('connect', () => c.write('PING\r\n'));
    });
    if (pong) return;
    if (Date.now() > until) throw new Error(`the Redis server on ${socket} did not answer PING within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A Redis server this process started. */
export interface PrivateRedis {
  readonly socket: string;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same socket (empty: nothing was kept). */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

/**
 * Starts a private server on a unix socket in a fresh temporary folder.
 * `persistent`: an append-only file written on every command, so what Redis
 * accepted survives a stop and start (as a production Redis configured for
 * durability); otherwise nothing is kept.
 */
export async function startPrivateRedis(options: { readonly persistent?: boolean } = {}): Promise<PrivateRedis> {
  requireRedisServer();
  const dir = mkdtempSync(join(tmpdir(), 'engagement-rx-redis-'));
  const socket = join(dir, 'redis.sock');
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', '0', '--unixsocket', socket, '--unixsocketperm', '700', '--save', '', ...(options.persistent === true ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']), '--dir', dir], { stdio: 'ignore' });
    await pinged(socket);
  };
  const stop = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (c === undefined || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    socket,
    start,
    stop,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The socket of the server shared by the spec files (see the top of this file). */
export function sharedRedisSocket(): string {
  const socket = process.env[SOCKET_VARIABLE];
  if (socket === undefined || socket === '') {
    requireRedisServer();
    throw new Error(`${SOCKET_VARIABLE} is not set: run the specs with npm test or npx jest (jest's globalSetup starts a private Redis server), or set it to the socket of a server you started for them`);
  }
  return socket;
}

/** A key prefix no other spec uses. */
export const uniquePrefix = (): string => `engagement-rx-spec:${randomUUID()}:`;

/** One connected Redis client behind a port. */
export interface Connected {
  readonly port: RedisPort;
  close(): Promise<void>;
}

/** The two client adapters, each connecting to `socket` the way the docs advise (fail fast while Redis is away). */
export const ADAPTERS: ReadonlyArray<readonly [string, (socket: string) => Promise<Connected>]> = [
  [
    'redis (node-redis)',
    async (socket) => {
      const client = createClient({ socket: { path: socket, reconnectStrategy: 50 }, disableOfflineQueue: true });
      client.on('error', () => undefined); // reconnection errors: the stores answer Lefts
      await client.connect();
      return { port: nodeRedis(client), close: () => (client.isOpen ? client.close() : Promise.resolve()) };
    },
  ],
  [
    'ioredis',
    async (socket) => {
      const client = new Redis({ path: socket, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => 50 });
      client.on('error', () => undefined);
      await client.connect();
      return { port: ioredis(client), close: () => client.quit().then(() => undefined, () => client.disconnect()) };
    },
  ],
];

/** Sends one command on a connection of its own and answers the first line of the reply (`+OK`, `:42`, `$-1`…). */
export function rawCommand(socket: string, args: ReadonlyArray<string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect(socket);
    c.once('error', reject);
    c.once('data', (d) => (c.destroy(), resolve(d.toString().split('\r\n')[0] as string)));
    c.once('connect', () => c.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`));
  });
}
