import type { Config } from 'jest';

/**
 * ts-jest runs transpile-only here (tsconfig has `isolatedModules`), so `npm test`
 * runs `tsc --noEmit` first: a type error in a spec fails the run.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/spec'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 20000,
  // One fast-check seed per run (FC_SEED overrides it): a failing property can be replayed.
  setupFiles: ['<rootDir>/spec/setup/fast-check.ts'],
  // A private Redis server for the Redis specs, unless ENGAGEMENT_RX_REDIS_SOCKET names one (.ci/run starts it).
  globalSetup: '<rootDir>/spec/setup/redis-global.ts',
  globalTeardown: '<rootDir>/spec/setup/redis-global-teardown.ts',
};

export default config;
