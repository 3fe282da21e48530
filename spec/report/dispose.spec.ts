/**
 * Stopping the reporting pipeline: whatever it is doing (a batching window, a
 * wait for a session, a send, a wait between rounds), `dispose()` leaves no
 * timer and no subscription behind, and what is pending stays in the outbox
 * store. A fake Update Session on a virtual scheduler.
 */
import { createPipeline } from '../../src/report/pipeline';
import { harness, http, lead, spyStore, type Harness } from './harness';

/** Scheduled actions still waiting on the virtual clock. */
const timers = (h: Harness): number => h.scheduler.actions.length;

function pipelineWithOne(h: Harness) {
  const r = createPipeline(h.env);
  r.enqueue([lead(1)]);
  return r;
}

describe('Pipeline.dispose', () => {
  it('during the batching window: the window timer is cancelled, the report stays stored', () => {
    const { store, last } = spyStore();
    const h = harness({ outbox: store });
    const r = pipelineWithOne(h);
    expect(timers(h)).toBe(1);
    r.dispose();
    expect(timers(h)).toBe(0);
    h.scheduler.flush();
    expect(h.calls).toHaveLength(0);
    expect(last().pending.map((e) => e.seq)).toEqual([1]);
    expect(r.state()).toMatchObject({ pending: 1, sending: false });
    expect(r.running()).toBe(false);
  });

  it('during a send: the request is aborted and its items stay pending', () => {
    const { store, last } = spyStore();
    const h = harness({ outbox: store });
    const r = pipelineWithOne(h);
    h.scheduler.flush();
    expect(h.calls).toHaveLength(1);
    const call = h.calls[0]!;
    expect(call.answer.observed).toBe(true);
    r.dispose();
    expect(call.answer.observed).toBe(false);
    expect(last().pending.map((e) => e.seq)).toEqual([1]);
    expect(timers(h)).toBe(0);
  });

  it('between rounds after a failure: the redelivery timer is cancelled', () => {
    const h = harness();
    const r = pipelineWithOne(h);
    h.scheduler.flush();
    h.answer(http(503));
    expect(timers(h)).toBe(1);
    r.dispose();
    expect(timers(h)).toBe(0);
    h.scheduler.flush();
    expect(h.calls).toHaveLength(1);
  });

  it('from inside an event listener (here: on the deferred delivery): nothing is scheduled after it', () => {
    let stop = (): void => undefined;
    const h = harness({ emit: (e) => (e.type === 'reportDeferred' ? stop() : undefined) });
    const r = pipelineWithOne(h);
    stop = () => r.dispose();
    h.scheduler.flush();
    h.answer(http(503));
    expect(timers(h)).toBe(0);
    expect(r.running()).toBe(false);
  });

  it('while waiting for a session: the wait ends', () => {
    const h = harness({}, null);
    const r = pipelineWithOne(h);
    h.scheduler.flush();
    expect(h.session.observed).toBe(true);
    r.dispose();
    expect(h.session.observed).toBe(false);
  });

  it('ignores later reports, and a second dispose', () => {
    const { store, writes } = spyStore();
    const h = harness({ outbox: store });
    const r = pipelineWithOne(h);
    r.dispose();
    const written = writes.length;
    r.enqueue([lead(2)]);
    r.dispose();
    expect(writes).toHaveLength(written);
    expect(timers(h)).toBe(0);
  });
});
