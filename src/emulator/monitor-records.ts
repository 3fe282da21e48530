/**
 * The records of Monitoring API visitors and sessions the emulator keeps
 * (changed only by monitor-state.ts).
 *
 * @internal
 */
import type { ReceivedReport } from './types';

/** One Monitoring API session. */
export interface MonitorSessionRecord {
  readonly sessionId: string;
  readonly createdAt: number;
  checks: number;
  readonly pageIds: string[];
  readonly reports: ReceivedReport[];
  /** Bumped by each `expose` detail; the detail's `contextId`. */
  contexts: number;
}

/** One Monitoring API visitor. */
export interface MonitorVisitorRecord {
  readonly accountId: string;
  readonly visitorId: string;
  readonly createdAt: number;
  conversation: boolean;
  readonly sessions: Map<string, MonitorSessionRecord>;
}
