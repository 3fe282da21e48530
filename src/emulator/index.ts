/**
 * `engagement-rx/emulator`: an embedded, Node-only imitation of LivePerson's
 * App Engagement API (Create Session, Update Session) and CSDS domain
 * lookup, so the library, its demo and its tests run with no account and no
 * network. See docs/emulator.md.
 *
 * @packageDocumentation
 * @module engagement-rx/emulator
 */
export { startEmulator } from './server';
export { defaultAvailability, isLoopbackHost } from './options';
export { manualSleeper } from './manual-sleeper';
export type { ManualSleeper } from './manual-sleeper';
export type {
  EmulatorAvailability,
  EmulatorEngagement,
  EmulatorOperation,
  EmulatorOptions,
  EmulatorSkill,
  EmulatorStats,
  Fault,
  FaultOptions,
  MonitorSessionSnapshot,
  MonitorVisitorSnapshot,
  ReceivedCreate,
  ReceivedReport,
  ReceivedUpdate,
  RunningEmulator,
  SessionSnapshot,
  VisitorSnapshot,
} from './types';
