/**
 * Emulator specs: an emulator started by the test itself (with the options it
 * needs) and closed after it, on a fixed clock by default; error-body checks.
 */
import { startEmulator } from '../../src/emulator/server';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/types';

/** The fixed "now" of emulator specs (2023-11-14T22:13:20Z). */
export const NOW = 1_700_000_000_000;

/** Registers an afterEach that closes what the returned `start` started; `start` merges its options over `{ now: () => NOW }`. */
export function emulatorPerTest(): (options?: EmulatorOptions) => Promise<RunningEmulator> {
  let emulator: RunningEmulator | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });
  return async (options = {}) => {
    emulator = await startEmulator({ now: () => NOW, ...options });
    return emulator;
  };
}

/** Checks an error answer (status, JSON content type, LivePerson's error body at NOW) and gives its message. */
export async function errorOf(res: Response, status: number, internalCode: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toEqual({ time: NOW, message: expect.any(String), internalCode });
  return body['message'] as string;
}
