/**
 * The fault queue: faults wait per operation and are consumed in the order
 * they were injected, one per call, each for `times` calls.
 *
 * @internal
 */
import type { EmulatorOperation, Fault, FaultOptions } from './types';

const OPERATIONS: ReadonlyArray<EmulatorOperation> = ['createSession', 'updateSession', 'csds', 'monitorEngagement', 'monitorReport'];

interface Entry {
  readonly fault: Fault;
  remaining: number;
}

/** A per-operation FIFO of faults. */
export interface FaultQueue {
  /** Queues a fault after the ones already waiting. Throws a TypeError/RangeError for an invalid fault. */
  push(fault: Fault, options?: FaultOptions): void;
  /** The fault that answers the next call of `operation`, if any; consumes one of its `times`. */
  take(operation: EmulatorOperation): Fault | undefined;
  /** How many calls of `operation` still have a fault waiting (`Infinity` possible). */
  pending(operation: EmulatorOperation): number;
  clear(): void;
}

function checkDelay(delayMs: unknown, kind: string): void {
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) {
    throw new RangeError(`a ${kind} fault needs delayMs, a finite number >= 0`);
  }
}

/** Throws when `fault` is not a fault the emulator can play. */
export function checkFault(fault: Fault): void {
  if (typeof fault !== 'object' || fault === null) throw new TypeError('a fault must be an object with a kind');
  switch (fault.kind) {
    case 'status':
      if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
        throw new RangeError('a status fault needs status, an integer from 200 to 599');
      }
      if (fault.headers !== undefined) {
        if (typeof fault.headers !== 'object' || fault.headers === null) throw new TypeError('fault headers must be an object of strings');
        for (const [name, value] of Object.entries(fault.headers)) {
          if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== 'string' || /[\r\n\0]/.test(value)) {
            throw new TypeError('fault headers must be valid header names with string values without line breaks');
          }
        }
      }
      if (fault.body !== undefined && typeof fault.body !== 'string') {
        let json: string | undefined;
        try {
          json = JSON.stringify(fault.body);
        } catch {
          json = undefined;
        }
        if (json === undefined) throw new TypeError('a status fault body must be a string or a JSON-serializable value');
      }
      return;
    case 'latency':
    case 'slowBody':
      checkDelay(fault.delayMs, fault.kind);
      return;
    case 'loadingAccount':
    case 'reset':
    case 'malformed':
      return;
    default:
      throw new TypeError(`unknown fault kind ${String((fault as { kind?: unknown }).kind)}`);
  }
}

/** A new, empty queue. */
export function createFaultQueue(): FaultQueue {
  const queues = new Map<EmulatorOperation, Entry[]>(OPERATIONS.map((op) => [op, []]));
  const queueOf = (operation: EmulatorOperation): Entry[] => {
    const q = queues.get(operation);
    if (q === undefined) throw new TypeError(`unknown operation ${String(operation)} (expected ${OPERATIONS.join(', ')})`);
    return q;
  };
  return {
    push(fault, options) {
      checkFault(fault);
      const times = options?.times ?? 1;
      if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) {
        throw new RangeError('times must be a positive integer or Infinity');
      }
      queueOf(options?.operation ?? 'createSession').push({ fault: { ...fault }, remaining: times });
    },
    take(operation) {
      const q = queueOf(operation);
      const head = q[0];
      if (head === undefined) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) q.shift();
      return head.fault;
    },
    pending(operation) {
      return queueOf(operation).reduce((sum, e) => sum + e.remaining, 0);
    },
    clear() {
      for (const q of queues.values()) q.length = 0;
    },
  };
}
