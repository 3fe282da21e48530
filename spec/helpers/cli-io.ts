/**
 * CLI specs: an `Io` that keeps the lines a command writes (stdout in `out`,
 * stderr in `err`), and settles `stopped` when given one.
 */
import type { Io } from '../../src/cli/io';

export function recordingIo(stopped?: Promise<void>): { readonly out: string[]; readonly err: string[]; readonly io: Io } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l), ...(stopped === undefined ? {} : { stopped }) } };
}
