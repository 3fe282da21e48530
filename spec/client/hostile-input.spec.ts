/**
 * Nothing a caller passes makes a check throw or end in an error
 * notification: every expected input failure is one `validation` Left,
 * with zero requests sent. Against the emulator (real loopback HTTP).
 */
import { lastValueFrom, materialize, toArray } from 'rxjs';
import { createEngagementClient, retryPolicy } from '../../src/index';
import { emulatorPerTest } from '../helpers/emulator-per-test';
import { cyclic, deep, throwingProxy, trap } from '../helpers/hostile-values';

const start = emulatorPerTest();

const cases: ReadonlyArray<[string, () => unknown, string]> = [
  ['a BigInt in appDetails', () => ({ appDetails: { build: 10n } }), 'appDetails'],
  ['a cycle in appDetails', () => ({ appDetails: { extra: cyclic() } }), 'appDetails'],
  ['a throwing toJSON in appDetails', () => ({ appDetails: { extra: { toJSON: trap } } }), 'appDetails'],
  ['appDetails nested 10,000 deep', () => ({ appDetails: { extra: deep(10_000) } }), 'appDetails'],
  ['a BigInt in an attribute', () => ({ engagementAttributes: [{ type: 'cart', total: 1, extra: 5n }] }), 'engagementAttributes'],
  ['an attribute nested 10,000 deep', () => ({ engagementAttributes: [{ type: 'cart', extra: deep(10_000) }] }), 'engagementAttributes'],
  ['a throwing proxy as the request', throwingProxy, '(request)'],
  ['a throwing proxy as appDetails', () => ({ appDetails: throwingProxy() }), 'appDetails.appVersion'],
  ['a getter that throws', () => Object.defineProperty({}, 'consumerSections', { enumerable: true, get: trap }), 'consumerSections'],
];

describe.each(cases)('%s', (_label, request, path) => {
  it('is one validation Left naming the field, with no error notification and no request sent', async () => {
    const emulator = await start();
    const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url, retry: retryPolicy({ maxAttempts: 1 }) });
    const notifications = await lastValueFrom(client.getEngagement(request() as never).pipe(materialize(), toArray()));
    expect(notifications.map((n) => n.kind)).toEqual(['N', 'C']);
    const r = notifications[0]?.value;
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation' }) });
    if (r?._tag === 'Left' && r.left.kind === 'validation') expect(r.left.issues.map((i) => i.path)).toContain(path);
    expect(emulator.stats().requests).toBe(0);
  });
});
