/**
 * Errors used by the retry specs.
 */
import type { EngagementError, HttpError } from '../../src/errors';

export function http(status: number, extra: Partial<Omit<HttpError, 'kind' | 'status'>> = {}): HttpError {
  return { kind: 'http', status, operation: 'createSession', message: `http ${status}`, ...extra };
}

export const loadingAccount: HttpError = http(500, {
  internalCode: 20,
  serverMessage: 'Loading account: 123, vid: abc',
  visitorId: 'abc',
});
export const network: EngagementError = { kind: 'network', operation: 'createSession', cause: 'ECONNRESET', message: 'reset' };
export const timeout: EngagementError = { kind: 'timeout', operation: 'createSession', timeoutMs: 5000, message: 'slow' };
export const decode: EngagementError = { kind: 'decode', operation: 'createSession', status: 200, issues: [], message: 'bad body' };
export const validation: EngagementError = { kind: 'validation', issues: [{ path: 'appType', reason: 'bad' }], message: 'bad input' };
export const discovery: EngagementError = { kind: 'discovery', services: ['msdkgw'], message: 'no host' };
