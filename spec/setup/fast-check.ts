/**
 * One seed for every property test of a run, so a failure can be replayed:
 * fast-check prints the seed (and the path) of a failing property, and
 * `FC_SEED=<seed> npm test` runs the same inputs again. Without `FC_SEED`
 * the suite uses a fixed seed, so `npm test` is the same run everywhere.
 */
import fc from 'fast-check';

const fromEnv = process.env['FC_SEED'];
const seed = fromEnv === undefined || fromEnv === '' ? 20_251_203 : Number(fromEnv);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(fromEnv)}`);
fc.configureGlobal({ seed });
