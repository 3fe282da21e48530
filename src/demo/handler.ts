/**
 * The demo server's request listener:
 *
 * - `GET /` → redirect to `/demo/`;
 * - `GET /demo/` (and `index.html`, `legacy.html`, `styles.css`, `app.js`,
 *   `engagement-rx.legacy.js`): the page and its files;
 * - `GET /demo/config.js`: where the emulator is, for the legacy-style page
 *   (`window.demoConfig`, `window.engagementRxDefaults`);
 * - `GET /demo/state`: {@link DemoState};
 * - `POST /demo/control` (`Content-Type: application/json`): a
 *   {@link DemoCommand}; answers the new state, or 400 with the problems.
 *
 * No CORS: only the demo's own pages may drive it.
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLeft, type Either } from '../internal/either';
import type { DemoAsset } from './assets';
import { parseDemoCommand, type DemoCommand } from './control';
import type { DemoState } from './state';

/**
 * What the listener needs.
 * @since 0.1.0
 */
export interface DemoContext {
  readonly assets: ReadonlyMap<string, DemoAsset>;
  state(): DemoState;
  /** Applies a command; a Left is a problem with the command (answered 400). */
  apply(command: DemoCommand): Either<string, void>;
}

/** The largest control body accepted. */
const MAX_BODY = 4096;

const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': type, 'Content-Length': payload.length, ...extra });
  res.end(payload);
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);
}

/**
 * The Content-Security-Policy of a page: scripts and styles from the demo
 * server only (the legacy-style page also runs inline scripts, as such
 * pages do), requests to the demo server and the emulator only.
 *
 * @example
 * ```ts
 * contentSecurityPolicy('http://127.0.0.1:40123', false);
 * // "default-src 'self'; connect-src 'self' http://127.0.0.1:40123; …"
 * ```
 * @since 0.1.0
 */
export function contentSecurityPolicy(emulatorUrl: string, inlineScripts: boolean): string {
  return [
    "default-src 'self'",
    `connect-src 'self' ${emulatorUrl}`,
    `script-src 'self'${inlineScripts ? " 'unsafe-inline'" : ''}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * `config.js`: a script that tells a legacy-style page where the emulator
 * is, without inline configuration.
 *
 * @example
 * ```ts
 * configScript({ url: 'http://127.0.0.1:40123', accountId: '12345678' });
 * // 'window.demoConfig = {…};\nwindow.engagementRxDefaults = { engagementDomain: … };\n'
 * ```
 * @since 0.1.0
 */
export function configScript(emulator: { readonly url: string; readonly accountId: string }): string {
  // JSON with `<` escaped is a safe JavaScript literal anywhere in a page.
  const literal = (u: unknown): string => JSON.stringify(u).replace(/</g, '\\u003c');
  return (
    `window.demoConfig = ${literal({ emulatorUrl: emulator.url, accountId: emulator.accountId })};\n` +
    `window.engagementRxDefaults = { engagementDomain: ${literal(emulator.url)} };\n`
  );
}

async function readSmallBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function control(ctx: DemoContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    req.resume();
    sendJson(res, 415, { problems: ['expected Content-Type: application/json'] });
    return;
  }
  const text = await readSmallBody(req);
  if (text === undefined) {
    sendJson(res, 413, { problems: [`the body is larger than ${MAX_BODY} bytes`] }, { Connection: 'close' });
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    sendJson(res, 400, { problems: ['the body is not JSON'] });
    return;
  }
  const command = parseDemoCommand(parsed);
  if (isLeft(command)) {
    sendJson(res, 400, { problems: command.left });
    return;
  }
  const applied = ctx.apply(command.right);
  if (isLeft(applied)) {
    sendJson(res, 400, { problems: [applied.left] });
    return;
  }
  sendJson(res, 200, ctx.state());
}

async function asset(ctx: DemoContext, name: string, res: ServerResponse): Promise<void> {
  const found = ctx.assets.get(name);
  if (found === undefined) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(found.file);
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', `${found.missing}\n`);
    return;
  }
  const extra: Record<string, string> = {};
  if (found.type.startsWith('text/html')) extra['Content-Security-Policy'] = contentSecurityPolicy(ctx.state().emulator.url, name === 'legacy.html');
  send(res, 200, found.type, body, extra);
}

/**
 * The request listener of the demo server.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const server = createServer(createDemoHandler(ctx)).listen(0, '127.0.0.1');
 * ```
 * @since 0.1.0
 */
export function createDemoHandler(ctx: DemoContext): (req: IncomingMessage, res: ServerResponse) => void {
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
    if (path === '/demo/control') {
      if (method !== 'POST') {
        req.resume();
        sendJson(res, 405, { problems: ['use POST'] }, { Allow: 'POST' });
        return;
      }
      await control(ctx, req, res);
      return;
    }
    req.resume();
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    if (path === '/' || path === '/demo') {
      send(res, 302, 'text/plain; charset=utf-8', 'See /demo/\n', { Location: '/demo/' });
      return;
    }
    if (path === '/demo/state') {
      sendJson(res, 200, ctx.state());
      return;
    }
    if (path === '/demo/config.js') {
      send(res, 200, 'text/javascript; charset=utf-8', configScript(ctx.state().emulator));
      return;
    }
    if (path.startsWith('/demo/')) {
      await asset(ctx, path.slice('/demo/'.length), res);
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
  };
  return (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    route(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { problems: ['internal error'] });
      else res.destroy();
    });
  };
}
