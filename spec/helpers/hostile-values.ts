/**
 * Values no decoder should choke on: objects nested past any limit, cycles,
 * proxies whose every trap throws. Shared by the specs of the client, the
 * reporter, checkEngagement and the emulator.
 */

/** A trap, getter or `toJSON` that throws. */
export const trap = (): never => {
  throw new Error('trap');
};

/** A proxy whose every reading trap throws. */
export const throwingProxy = (): unknown => new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap });

/** `{ v: { v: … 'leaf' } }`, `levels` objects deep. */
export function deep(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = { v };
  return v;
}

/** An object that holds itself, with `fields` beside the cycle. */
export function cyclic(fields: Record<string, unknown> = { a: 1 }): unknown {
  const o: Record<string, unknown> = { ...fields };
  o['self'] = o;
  return o;
}
