import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { drainCap, readBody } from '../../src/emulator/body';

function fakeRequest(headers: Record<string, string> = {}): PassThrough & { headers: Record<string, string> } {
  return Object.assign(new PassThrough(), { headers });
}

const asRequest = (s: PassThrough): IncomingMessage => s as unknown as IncomingMessage;

describe('readBody', () => {
  it('reads a body up to the limit as UTF-8 text', async () => {
    const req = fakeRequest();
    const result = readBody(asRequest(req), 10);
    req.write(Buffer.from('héllo', 'utf8').subarray(0, 2));
    req.end(Buffer.from('héllo', 'utf8').subarray(2));
    await expect(result).resolves.toEqual({ kind: 'text', text: 'héllo' });
  });

  it('keeps nothing past the limit but reads to the end', async () => {
    const req = fakeRequest();
    const result = readBody(asRequest(req), 4);
    req.write('abc');
    req.write('def');
    req.end('ghi');
    await expect(result).resolves.toEqual({ kind: 'tooLarge', drop: false });
    expect(req.readableEnded).toBe(true);
  });

  it('gives up at once when Content-Length exceeds the drain cap', async () => {
    const req = fakeRequest({ 'content-length': String(drainCap(4) + 1) });
    await expect(readBody(asRequest(req), 4)).resolves.toEqual({ kind: 'tooLarge', drop: true });
  });

  it('gives up when the bytes sent exceed the drain cap', async () => {
    const req = fakeRequest();
    const result = readBody(asRequest(req), 4);
    req.write(Buffer.alloc(drainCap(4) + 1));
    await expect(result).resolves.toEqual({ kind: 'tooLarge', drop: true });
  });

  it('reports a request that closes before its end as aborted', async () => {
    const req = fakeRequest();
    const result = readBody(asRequest(req), 100);
    req.write('{"app');
    req.destroy();
    await expect(result).resolves.toEqual({ kind: 'aborted' });
  });

  it('drains at least 1 MiB', () => {
    expect(drainCap(1)).toBe(1024 * 1024);
    expect(drainCap(1024 * 1024)).toBe(16 * 1024 * 1024);
  });
});
