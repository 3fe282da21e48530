/**
 * `report()` answers every bad item with a validation Left and never throws:
 * proxies whose traps throw, getters that throw, values JSON cannot write,
 * nesting deeper than the decoders read. Nothing is queued, nothing is sent.
 */
import { memoryOutboxStore } from '../../src/report/outbox-store';
import { createEngagementClient, createReporter, type ReportEvent } from '../../src/index';
import { emulatorPerTest } from '../helpers/emulator-per-test';
import { cyclic, deep, throwingProxy, trap } from '../helpers/hostile-values';

const start = emulatorPerTest();

const cases: ReadonlyArray<[string, () => unknown]> = [
  ['a proxy whose traps throw', throwingProxy],
  ['a getter that throws on type', () => Object.defineProperty({}, 'type', { enumerable: true, get: trap })],
  ['a BigInt beside an attribute', () => ({ type: 'cart', total: 1, extra: 5n })],
  ['a cycle', () => cyclic({ type: 'cart', total: 1 })],
  ['an attribute nested 10,000 deep', () => ({ type: 'cart', total: 1, extra: deep(10_000) })],
];

describe.each(cases)('report(%s)', (_label, item) => {
  it('is a validation Left naming the item, with nothing queued or sent', async () => {
    const emulator = await start();
    const client = createEngagementClient({ accountId: emulator.accountId, domain: emulator.url });
    const outbox = memoryOutboxStore();
    const reporter = createReporter(client, { outbox });
    const events: ReportEvent[] = [];
    const sub = reporter.events$.subscribe((e) => events.push(e));
    let r: ReturnType<typeof reporter.report> | undefined;
    expect(() => (r = reporter.report({ type: 'lead', lead: { topic: 'ok' } } as never, item() as never))).not.toThrow();
    expect(r).toEqual({ _tag: 'Left', left: expect.objectContaining({ kind: 'validation' }) });
    if (r?._tag === 'Left') expect(r.left.issues.every((i) => i.path.startsWith('[1]'))).toBe(true);
    sub.unsubscribe();
    expect(outbox.load(emulator.accountId)).toBeUndefined();
    expect(emulator.stats().updateSessionCalls).toBe(0);
  });
});
