/**
 * engagement-rx/monitoring: LivePerson's Monitoring API (the successor of
 * App Engagement's Create Session for messaging) as a backend of the same
 * client, live state and reporter. An application that never imports it
 * never carries it.
 *
 * @packageDocumentation
 * @module engagement-rx/monitoring
 */
export { monitoringBackend, monitoringRetryPolicy } from '../backend/monitoring';
export type { MonitoringBackendOptions } from '../backend/monitoring';
export type { EngagementBackend } from '../backend/backend';
export type { MonitoringIdentity } from '../codecs/monitoring-request';
export type { ConversationDetails, ConversationEngagement } from '../model';
export type { ConversationState } from '../orchestrator/state';
