/**
 * The node:http wiring of the emulator: routing, faults, latency, writing
 * answers safely, CORS, lifecycle. Everything it answers is decided by the
 * pure modules next to it.
 *
 * @packageDocumentation
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody, type RequestBody } from './body';
import type { HandlerContext } from './context';
import { handleCreateSession } from './create-session';
import { handleCsds } from './csds';
import { faultReply } from './fault-replies';
import { createFaultQueue } from './faults';
import { createIdSource } from './ids';
import { handleMonitorEngagement } from './monitor-engagement';
import { handleMonitorReport } from './monitor-report';
import { findMonitorVisitor, snapshotMonitorVisitor } from './monitor-state';
import { corsAllows, findSkill, resolveOptions } from './options';
import { InternalCode, errorBody } from './protocol';
import { corsHeaders, errorReply, preflightReply, type Reply } from './reply';
import { matchRoute, operationOf, type Route } from './router';
import { createSleeper } from './sleeper';
import { countCall, countStatus, createState, findVisitor, setSkill, snapshotVisitor, statsOf } from './state';
import type { EmulatorOperation, EmulatorOptions, Fault, RunningEmulator } from './types';
import { handleUpdateSession } from './update-session';

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function originOf(address: AddressInfo): string {
  let host = address.address;
  if (host === '0.0.0.0') host = '127.0.0.1';
  else if (host === '::') host = '::1';
  return address.family === 'IPv6' || host.includes(':') ? `http://[${host}]:${address.port}` : `http://${host}:${address.port}`;
}

/** How one answer is delivered. */
type Delivery =
  | { readonly kind: 'reply'; readonly reply: Reply; readonly slowMs?: number; readonly closeAfter?: boolean }
  | { readonly kind: 'reset' };

/**
 * Starts an emulator of LivePerson's App Engagement API (Create Session,
 * Update Session), of the Monitoring API (engagement, report) and of the
 * CSDS domain lookup on a loopback port.
 * Rejects with an Error listing every problem when an option is invalid,
 * or when the host is not a loopback address and `allowExternal` is not set.
 *
 * @example
 * ```ts
 * import { startEmulator } from 'engagement-rx/emulator';
 *
 * const emulator = await startEmulator({ loadingAccountCalls: 1 });
 * const res = await fetch(`${emulator.url}/api/account/${emulator.accountId}/app/engagement/visitors/?v=1.0`, {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ appType: 'EXTERNAL', consumerSections: ['Support'] }),
 * });
 * console.log(res.status); // 500: "Loading account: 12345678, vid: V1..."
 * await emulator.close();
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export async function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  if (!resolved.ok) throw new Error(`startEmulator: invalid options: ${resolved.problems.join('; ')}`);
  const opts = resolved.value;
  const state = createState(opts.accounts, opts.skills);
  const faults = createFaultQueue();
  const sleeper = createSleeper(opts.sleep);
  const sockets = new Set<Socket>();
  const resetByUs = new WeakSet<ServerResponse>();
  let closing = false;
  let ctx: HandlerContext | undefined;

  const write = async (req: IncomingMessage, res: ServerResponse, delivery: Delivery, operation: EmulatorOperation | undefined): Promise<void> => {
    if (res.destroyed || res.headersSent) return;
    if (delivery.kind === 'reset') {
      state.counters.resets += 1;
      resetByUs.add(res);
      req.socket.destroy();
      return;
    }
    const { reply, slowMs, closeAfter } = delivery;
    const body = Buffer.from(reply.body, 'utf8');
    const headers: Record<string, string | number> = {
      ...corsHeaders(headerValue(req.headers.origin), (origin) => corsAllows(opts.corsOrigins, origin)),
      'Cache-Control': 'no-store',
      ...reply.headers,
      ...(closeAfter === true ? { Connection: 'close' } : {}),
    };
    if (reply.status !== 204 && reply.status !== 304) headers['Content-Length'] = body.length;
    countStatus(state, reply.status, operation);
    res.writeHead(reply.status, headers);
    if (slowMs === undefined) {
      res.end(body);
      return;
    }
    const cut = Math.floor(body.length / 2);
    if (cut > 0) res.write(body.subarray(0, cut));
    else res.flushHeaders();
    await sleeper.sleep(slowMs);
    if (!res.destroyed && !res.writableEnded) res.end(body.subarray(cut));
  };

  const deliveryFor = async (route: Route, operation: EmulatorOperation | undefined, body: RequestBody, c: HandlerContext): Promise<Delivery> => {
    const fault: Fault | undefined = operation === undefined ? undefined : faults.take(operation);
    if (fault !== undefined) state.counters.faultsServed += 1;
    let delay = opts.latencyMs;
    if (fault?.kind === 'latency') delay += fault.delayMs;
    if (delay > 0) await sleeper.sleep(delay);
    if (fault?.kind === 'reset') return { kind: 'reset' };
    if (fault?.kind === 'status' || fault?.kind === 'malformed' || fault?.kind === 'loadingAccount') {
      return { kind: 'reply', reply: faultReply(c, fault, route) };
    }
    const reply = normalReply(route, body, c);
    return fault?.kind === 'slowBody' ? { kind: 'reply', reply, slowMs: fault.delayMs } : { kind: 'reply', reply };
  };

  const normalReply = (route: Route, body: RequestBody, c: HandlerContext): Reply => {
    const now = opts.now();
    switch (route.kind) {
      case 'preflight':
        return preflightReply();
      case 'notFound':
        return errorReply(404, now, 'Not found', InternalCode.none);
      case 'methodNotAllowed':
        return errorReply(405, now, 'Method not allowed', InternalCode.none, { Allow: route.allow });
      case 'csds':
        return handleCsds(c, route.accountId, route.service, route.query);
      case 'createSession':
        return handleCreateSession(c, route.accountId, route.visitorId, route.query, body);
      case 'updateSession':
        return handleUpdateSession(c, route.accountId, route.visitorId, route.query, body);
      case 'monitorEngagement':
        return handleMonitorEngagement(c, route.accountId, route.appInstallationId, route.query, body);
      case 'monitorReport':
        return handleMonitorReport(c, route.accountId, route.appInstallationId, route.query, body);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    state.counters.requests += 1;
    const c = ctx;
    if (c === undefined) throw new Error('emulator not started');
    const route = matchRoute(req.method, req.url, headerValue(req.headers['x-http-method-override']));
    const operation = operationOf(route);
    if (operation !== undefined) countCall(state, operation);
    if (route.kind === 'preflight') state.counters.preflights += 1;
    const read = await readBody(req, opts.maxBodyBytes);
    if (read.kind === 'aborted') return;
    const delivery = await deliveryFor(route, operation, read, c);
    if (closing) return;
    // A body too large to drain leaves unread bytes on the connection: it cannot be reused.
    const closeAfter = read.kind === 'tooLarge' && read.drop;
    await write(req, res, delivery.kind === 'reply' && closeAfter ? { ...delivery, closeAfter } : delivery, operation);
  };

  const server = createServer({ noDelay: true }, (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    res.on('close', () => {
      if (!res.writableFinished && !closing && !resetByUs.has(res)) {
        state.counters.aborted += 1;
      }
    });
    handle(req, res).catch(() => {
      try {
        if (closing || res.destroyed) return;
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const reply = errorReply(500, opts.now(), 'Internal error', InternalCode.internal);
        void write(req, res, { kind: 'reply', reply }, operationOf(matchRoute(req.method, req.url, undefined))).catch(() => res.destroy());
      } catch {
        res.destroy();
      }
    });
  });

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (closing) socket.destroy();
  });

  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    state.counters.clientErrors += 1;
    try {
      if (err.code === 'ECONNRESET' || !socket.writable || socket.destroyed) {
        socket.destroy();
        return;
      }
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify(errorBody(opts.now(), status === 431 ? 'Request header fields too large' : 'Bad request', InternalCode.none));
      countStatus(state, status, undefined);
      socket.end(
        `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `Access-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`,
      );
    } catch {
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void => reject(new Error(`startEmulator: cannot listen on ${opts.host}:${opts.port}: ${err.message}`));
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
  server.on('error', () => undefined);

  const url = originOf(server.address() as AddressInfo);
  ctx = { state, options: opts, ids: createIdSource(opts.random), origin: url };

  let closed: Promise<void> | undefined;
  return {
    url,
    accountId: opts.accountId,
    accounts: [...opts.accounts],
    appInstallationId: opts.appInstallationId,
    close() {
      if (closed !== undefined) return closed;
      closing = true;
      sleeper.cancelAll();
      closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
    stats: () => statsOf(state),
    inject: (fault, faultOptions) => faults.push(fault, faultOptions),
    clearFaults: () => faults.clear(),
    setSkillOnline(skill, online) {
      if (typeof online !== 'boolean') throw new TypeError('setSkillOnline: online must be a boolean');
      const found = findSkill(state.skills, skill);
      if (found === undefined) throw new RangeError(`setSkillOnline: unknown skill ${String(skill)}`);
      setSkill(state, found.key, online);
    },
    received(visitorId, accountId) {
      const visitor = findVisitor(state, visitorId, accountId);
      return visitor === undefined ? [] : structuredClone(visitor.received);
    },
    visitor(visitorId, accountId) {
      const visitor = findVisitor(state, visitorId, accountId);
      return visitor === undefined ? undefined : snapshotVisitor(visitor);
    },
    setConversation(visitorId, active, accountId) {
      if (typeof active !== 'boolean') throw new TypeError('setConversation: active must be a boolean');
      const visitor = findMonitorVisitor(state, visitorId, accountId);
      if (visitor === undefined) throw new RangeError('setConversation: unknown Monitoring API visitor');
      visitor.conversation = active;
    },
    monitorVisitor(visitorId, accountId) {
      const visitor = findMonitorVisitor(state, visitorId, accountId);
      return visitor === undefined ? undefined : snapshotMonitorVisitor(visitor);
    },
  };
}
