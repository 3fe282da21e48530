/**
 * `startDemo`: the emulator plus a small page server on loopback. The page
 * (src/demo/page/) talks to the emulator directly, across origins, as a
 * real page talks to LivePerson; it drives the emulator through the demo
 * server's control API. Node-only; not part of the library's entries.
 *
 * @packageDocumentation
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { startEmulator } from '../emulator/server';
import { defaultAvailability, isLoopbackHost } from '../emulator/options';
import type { EmulatorAvailability, EmulatorOptions, RunningEmulator } from '../emulator/types';
import { left, right, type Either } from '../internal/either';
import { demoAssets } from './assets';
import type { DemoCommand } from './control';
import { createFailureSwitch, realTimers, type DemoTimers, type FailureSwitch } from './failure-switch';
import { createDemoHandler } from './handler';
import { demoState, findDemoSkill, type DemoSkill, type DemoState } from './state';

/**
 * Options of {@link startDemo}; all optional.
 * @since 0.1.0
 */
export interface DemoOptions {
  /** Where both servers listen: a loopback host only. Default `127.0.0.1`. */
  readonly host?: string;
  /** The page server's port. Default `0` (a free port). */
  readonly port?: number;
  /** Options of the emulator (its `host` is the demo's). */
  readonly emulator?: Omit<EmulatorOptions, 'host' | 'allowExternal'>;
  /** The built page. Default `dist/demo` of this package. */
  readonly assetsDir?: string;
  /** The legacy IIFE bundle. Default `dist/engagement-rx.legacy.js` of this package. */
  readonly legacyBundle?: string;
  /** Timers of the failure switch. Default: the real ones. */
  readonly timers?: DemoTimers;
}

/**
 * A running demo.
 *
 * @example
 * ```ts
 * const demo = await startDemo();
 * console.log(`open ${demo.url}`);
 * await demo.close();
 * ```
 * @since 0.1.0
 */
export interface RunningDemo {
  /** The page: `http://127.0.0.1:PORT/demo/`. */
  readonly url: string;
  /** The page server's origin. */
  readonly origin: string;
  readonly emulator: RunningEmulator;
  readonly failures: FailureSwitch;
  state(): DemoState;
  /** Applies a control command, as `POST /demo/control` does. */
  apply(command: DemoCommand): Either<string, void>;
  /** Stops both servers (idempotent). */
  close(): Promise<void>;
}

const packageRoot = join(__dirname, '..', '..');

/**
 * Starts the emulator and the demo page server.
 *
 * @example
 * ```ts
 * import { startDemo } from './src/demo/server';
 *
 * const demo = await startDemo({ port: 4321 });
 * // open demo.url in a browser; the page shows the engagement state
 * demo.apply({ kind: 'failFor', seconds: 8, fault: 'unavailable' });
 * ```
 * @since 0.1.0
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`startDemo: ${host} is not a loopback host`);
  const availability: EmulatorAvailability = { ...defaultAvailability, ...(options.emulator?.availability ?? {}) };
  const emulator = await startEmulator({ ...options.emulator, host });
  const failures = createFailureSwitch(emulator, options.timers ?? realTimers);
  let skills: DemoSkill[] = availability.skills.map((s) => ({ id: s.id, name: s.name, online: s.online }));

  const state = (): DemoState => demoState(emulator, availability, skills, failures.status());
  const apply = (command: DemoCommand): Either<string, void> => {
    switch (command.kind) {
      case 'failFor':
        failures.failFor(command.seconds, command.fault);
        return right(undefined);
      case 'failNext':
        failures.failNext(command.calls, command.fault);
        return right(undefined);
      case 'skill': {
        const skill = findDemoSkill(skills, command.skill);
        if (skill === undefined) return left(`skill: no skill ${JSON.stringify(command.skill)} (expected one of ${skills.map((s) => s.name).join(', ')})`);
        emulator.setSkillOnline(skill.id, command.online);
        skills = skills.map((s) => (s === skill ? { ...s, online: command.online } : s));
        return right(undefined);
      }
    }
  };

  const assets = demoAssets({
    assetsDir: options.assetsDir ?? join(packageRoot, 'dist', 'demo'),
    legacyBundle: options.legacyBundle ?? join(packageRoot, 'dist', 'engagement-rx.legacy.js'),
  });
  const server = createServer(createDemoHandler({ assets, state, apply }));
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await emulator.close();
    throw new Error(`startDemo: cannot listen on ${host}:${options.port ?? 0}: ${(e as Error).message}`);
  }
  server.on('error', () => undefined);

  const address = server.address() as AddressInfo;
  const origin = address.family === 'IPv6' ? `http://[${address.address}]:${address.port}` : `http://${address.address}:${address.port}`;
  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/demo/`,
    origin,
    emulator,
    failures,
    state,
    apply,
    close() {
      closed ??= (async () => {
        failures.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
          for (const socket of sockets) socket.destroy();
        });
        await emulator.close();
      })();
      return closed;
    },
  };
}
