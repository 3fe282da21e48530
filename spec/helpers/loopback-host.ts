/**
 * A raw loopback HTTP server (127.0.0.1, port 0) whose every answer a test
 * writes: for servers that misbehave in ways the emulator does not offer.
 * It records each request's method, URL, headers and body.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackRequest {
  readonly method: string;
  readonly url: string;
  /** As Node received them: lower-case names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface LoopbackAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface LoopbackHost {
  readonly origin: string;
  readonly requests: LoopbackRequest[];
  close(): Promise<void>;
}

export async function loopbackHost(answer: (request: LoopbackRequest, index: number) => LoopbackAnswer): Promise<LoopbackHost> {
  const requests: LoopbackRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(request);
      const a = answer(request, requests.length - 1);
      res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
