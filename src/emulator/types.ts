/**
 * The public types of the embedded emulator (`engagement-rx/emulator`).
 *
 * @packageDocumentation
 */

/**
 * The operations the emulator serves: App Engagement (`createSession`,
 * `updateSession`), CSDS, and the Monitoring API (`monitorEngagement`,
 * `monitorReport`). Faults are queued per operation.
 *
 * @example
 * ```ts
 * emulator.inject({ kind: 'status', status: 503 }, { operation: 'updateSession' });
 * const op: EmulatorOperation = 'csds';
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export type EmulatorOperation = 'createSession' | 'updateSession' | 'csds' | 'monitorEngagement' | 'monitorReport';

/**
 * A misbehaviour to play instead of (or, for `latency`, before) the normal
 * answer of one call.
 *
 * - `status`: answer this status, with `body` (JSON, or a string sent as is;
 *   a LivePerson error body by default) and extra `headers` (e.g. `Retry-After`);
 * - `loadingAccount`: 500 `{ time, message: "Loading account: {acc}, vid: {vid}", internalCode: 20 }`;
 * - `reset`: destroy the connection without answering;
 * - `malformed`: 200 with a body that is not JSON;
 * - `latency`: answer normally after `delayMs`;
 * - `slowBody`: send the status, the headers and part of the normal body, wait `delayMs`, then the rest.
 *
 * @example
 * ```ts
 * const tooMany: Fault = { kind: 'status', status: 429, headers: { 'Retry-After': '2' } };
 * const slow: Fault = { kind: 'slowBody', delayMs: 5000 };
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | { readonly kind: 'loadingAccount' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'latency'; readonly delayMs: number }
  | { readonly kind: 'slowBody'; readonly delayMs: number };

/**
 * Where and how often a fault plays.
 * @since 0.1.0
 * @category Emulator
 */
export interface FaultOptions {
  /** How many calls of the operation it answers: a positive integer or `Infinity`. Default 1. */
  readonly times?: number;
  /** Default `createSession`. */
  readonly operation?: EmulatorOperation;
}

/**
 * An agent skill. Engagements route to a skill; a skill that is offline makes
 * its engagements answer `NotAvailable`.
 * @since 0.1.0
 * @category Emulator
 */
export interface EmulatorSkill {
  /** A number (as LivePerson's skill ids) or a string. Unique. */
  readonly id: number | string;
  /** Unique; `skillName` in the answer. */
  readonly name: string;
  readonly online: boolean;
}

/**
 * An engagement. `skill` names an {@link EmulatorSkill} by id or by name;
 * every other field defaults to the seed page's example values.
 * @since 0.1.0
 * @category Emulator
 */
export interface EmulatorEngagement {
  readonly skill: number | string;
  /** Default `'3346848610'`. */
  readonly campaignId?: string;
  /** Default `'3562981110'`. */
  readonly engagementId?: string;
  /** Default `'3346847910'`. */
  readonly windowId?: string;
  /** Default `'en-US'`. */
  readonly language?: string;
  /** Default `44`. */
  readonly engagementRevision?: number;
  /** Sent only when set (engagements flagged "authenticated"). */
  readonly connectorId?: string;
}

/**
 * Who is available, for which consumer section. A Create Session call is
 * routed by the first of its `consumerSections` that `engagements` lists;
 * when none matches (or it sent none), by `defaultEngagement` (`null`: then
 * the answer is `NotAvailable`). The engagement's skill decides: online →
 * `Available`, offline → `NotAvailable`.
 *
 * @example
 * ```ts
 * const availability: EmulatorAvailability = {
 *   skills: [{ id: 1, name: 'Pets', online: true }],
 *   engagements: { Pets: { skill: 1 } },
 *   defaultEngagement: null,
 * };
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface EmulatorAvailability {
  readonly skills: ReadonlyArray<EmulatorSkill>;
  /** Keyed by consumer section (exact, case-sensitive match). */
  readonly engagements: Readonly<Record<string, EmulatorEngagement>>;
  readonly defaultEngagement: EmulatorEngagement | null;
}

/**
 * How to start the emulator. Every field is optional; see docs/emulator.md
 * for every default.
 * @since 0.1.0
 * @category Emulator
 */
export interface EmulatorOptions {
  /** Default `'127.0.0.1'`. A non-loopback host is refused unless `allowExternal`. */
  readonly host?: string;
  /** Allow binding to a non-loopback host. Default `false`. */
  readonly allowExternal?: boolean;
  /** Default 0: any free port. */
  readonly port?: number;
  /** The default account. Default `'12345678'`. Must match `^[a-zA-Z0-9_]{1,20}$`. */
  readonly accountId?: string;
  /** More accounts served besides `accountId`. */
  readonly accounts?: ReadonlyArray<string>;
  /**
   * The Monitoring API app installation id every account accepts; any other
   * answers 404 (internalCode 18). Default `'emulator-app'`. Must match `^[A-Za-z0-9_-]{1,64}$`.
   */
  readonly appInstallationId?: string;
  /** Skills and engagements; each field given replaces that field of {@link defaultAvailability}. */
  readonly availability?: Partial<EmulatorAvailability>;
  /** `engagementDetails.validForSeconds`. Default 900. */
  readonly validForSeconds?: number;
  /** The first N Create Session calls of each account answer the 500 "Loading account". Default 0. */
  readonly loadingAccountCalls?: number;
  /** Added before every answer, in ms. Default 0. */
  readonly latencyMs?: number;
  /** Fraction (0..1) of Update Session calls that answer 503, decided by `random`. Default 0. */
  readonly updateSessionFailureRate?: number;
  /** Largest accepted request body, in bytes. Default 65536. */
  readonly maxBodyBytes?: number;
  /**
   * Which page origins get CORS access (the `Origin` echoed in
   * `Access-Control-Allow-Origin`): `'loopback'` (default: pages served
   * from `localhost`, `127.0.0.0/8` or `[::1]`), `'any'`, or a list of
   * exact origins such as `['https://app.example']`. Other origins get no
   * `Access-Control-Allow-Origin`, so a browser keeps their pages out.
   */
  readonly corsOrigins?: 'loopback' | 'any' | ReadonlyArray<string>;
  /** Services the CSDS lookup lists. Default `['msdkgw', 'smt', 'conversationVep']`. */
  readonly csdsServices?: ReadonlyArray<string>;
  /** Send `campaignId`/`engagementId`/`windowId` as JSON numbers instead of strings. Default `false`. */
  readonly numericEngagementIds?: boolean;
  /** Random source in [0, 1): the random part of ids, `updateSessionFailureRate`. Default `Math.random`. */
  readonly random?: () => number;
  /** How the emulator waits (latency, slow bodies). Default: a `setTimeout` sleep cancelled by `close()`. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Clock in epoch ms (`time` of error bodies, `at` of records). Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * What one Update Session call delivered.
 *
 * @example
 * ```ts
 * const [first] = emulator.received(engagement.visitorId);
 * expect(first?.impAttributes[0]).toMatchObject({ type: 'impDisplay' });
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface ReceivedUpdate {
  readonly sessionId: string;
  readonly pageId: string;
  /** Whether `pageId` is one this session's Create Session calls returned. */
  readonly pageKnown: boolean;
  readonly engagementAttributes: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly impAttributes: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** `now()` when it was received. */
  readonly at: number;
}

/**
 * What one Create Session call carried and got.
 *
 * @example
 * ```ts
 * const call: ReceivedCreate | undefined = emulator.visitor(engagement.visitorId)?.sessions[0]?.creates[0];
 * console.log(call?.consumerSections, call?.status);
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface ReceivedCreate {
  readonly pageId: string;
  readonly appType: string;
  readonly appDetails?: Readonly<Record<string, unknown>>;
  readonly consumerSections?: ReadonlyArray<string>;
  readonly engagementAttributes?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  readonly status: 'Available' | 'NotAvailable';
  /** The section that chose the engagement; absent when the default one (or none) was used. */
  readonly matchedSection?: string;
  readonly at: number;
}

/**
 * One session of a visitor.
 *
 * @example
 * ```ts
 * const session: SessionSnapshot | undefined = emulator.visitor(engagement.visitorId)?.sessions[0];
 * console.log(session?.pageIds.length);
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface SessionSnapshot {
  readonly sessionId: string;
  readonly createdAt: number;
  /** Every pageId a Create Session call of this session returned, oldest first. */
  readonly pageIds: ReadonlyArray<string>;
  readonly creates: ReadonlyArray<ReceivedCreate>;
  /**
   * The session's engagement attributes after LivePerson's update semantics:
   * `personal`, `ctmrinfo`, `mrktInfo` merge (fields of their objects are
   * merged one level deep), `cart` is replaced, the other types are appended.
   */
  readonly attributes: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Every impression event of this session, in order. */
  readonly impressions: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/**
 * A visitor as the emulator knows it. A deep copy: changing it changes nothing.
 *
 * @example
 * ```ts
 * const visitor = emulator.visitor(engagement.visitorId);
 * expect(visitor?.sessions).toHaveLength(1);
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface VisitorSnapshot {
  readonly accountId: string;
  readonly visitorId: string;
  /** `created` when the emulator made the id up, `adopted` when a call named an unknown, well-formed id. */
  readonly origin: 'created' | 'adopted';
  readonly createdAt: number;
  /** Create Session calls that used this visitor (including "Loading account" answers). */
  readonly createSessionCalls: number;
  readonly sessions: ReadonlyArray<SessionSnapshot>;
}

/**
 * Counters since start. A copy.
 *
 * @example
 * ```ts
 * expect(emulator.stats().visitorsCreated).toBe(1); // no visitor storm
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface EmulatorStats {
  /** Every request, preflights and unknown routes included. */
  readonly requests: number;
  readonly csdsCalls: number;
  readonly createSessionCalls: number;
  readonly updateSessionCalls: number;
  /** Monitoring API engagement calls. */
  readonly monitorEngagementCalls: number;
  /** Monitoring API report calls. */
  readonly monitorReportCalls: number;
  readonly preflights: number;
  /** Visitors whose id the emulator made up: one per Create Session call without a vid. */
  readonly visitorsCreated: number;
  /** Unknown, well-formed vids taken over as new visitors. */
  readonly visitorsAdopted: number;
  readonly sessionsCreated: number;
  readonly faultsServed: number;
  /** Connections destroyed by a `reset` fault. */
  readonly resets: number;
  /** Requests the client gave up on before the emulator answered. */
  readonly aborted: number;
  /** Malformed HTTP the server refused before routing (`clientError`). */
  readonly clientErrors: number;
  /** Answers by status code, e.g. `{ '200': 3, '503': 1 }`. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** Answers by operation and status code. */
  readonly byOperation: Readonly<Record<EmulatorOperation, Readonly<Record<string, number>>>>;
}

/**
 * A started emulator.
 *
 * @example
 * ```ts
 * const emulator = await startEmulator();
 * try {
 *   const res = await fetch(`${emulator.url}/api/account/${emulator.accountId}/service/baseURI.json?version=1.0`);
 * } finally {
 *   await emulator.close();
 * }
 * ```
 * @since 0.1.0
 * @category Emulator
 */
export interface RunningEmulator {
  /** `'http://127.0.0.1:PORT'`: an origin, no trailing slash. */
  readonly url: string;
  /** The default account. */
  readonly accountId: string;
  /** Every account served, the default first. */
  readonly accounts: ReadonlyArray<string>;
  /** The Monitoring API app installation id the emulator accepts. */
  readonly appInstallationId: string;
  /** Closes the server and destroys open (keep-alive) connections; resolves once fully closed. */
  close(): Promise<void>;
  stats(): EmulatorStats;
  /** Queues `fault` for the next `times` calls (default 1) of `operation` (default `createSession`). */
  inject(fault: Fault, options?: FaultOptions): void;
  /** Drops every queued fault. */
  clearFaults(): void;
  /** Turns a skill (by id or name) on or off. Throws for an unknown skill. */
  setSkillOnline(skill: number | string, online: boolean): void;
  /**
   * What the Update Session calls of this visitor delivered, in order. Looks in
   * `accountId` when given, else in the default account, then in the others.
   */
  received(visitorId: string, accountId?: string): ReadonlyArray<ReceivedUpdate>;
  /** The visitor, or `undefined`. Same look-up as {@link RunningEmulator.received}. */
  visitor(visitorId: string, accountId?: string): VisitorSnapshot | undefined;
  /**
   * Marks a Monitoring API visitor as having (or no longer having) an active
   * conversation: its engagement checks then answer a detail with status
   * `conversation`. Throws a RangeError for an unknown Monitoring visitor.
   */
  setConversation(visitorId: string, active: boolean, accountId?: string): void;
  /** A Monitoring API visitor (its sessions and what its reports delivered), or `undefined`. Same look-up as {@link RunningEmulator.received}. */
  monitorVisitor(visitorId: string, accountId?: string): MonitorVisitorSnapshot | undefined;
}

/**
 * One Monitoring API report call as the emulator received it.
 *
 * @since 0.2.0
 * @category Emulator
 */
export interface ReceivedReport {
  readonly pageId: string;
  /** Whether the emulator made the page id up (none was sent). */
  readonly pageIdGenerated: boolean;
  readonly entryPoints?: ReadonlyArray<string>;
  /** As sent: engagement attributes and impression events. */
  readonly engagementAttributes: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** `now()` when it was received. */
  readonly at: number;
}

/**
 * One Monitoring API session of a visitor.
 *
 * @since 0.2.0
 * @category Emulator
 */
export interface MonitorSessionSnapshot {
  readonly sessionId: string;
  readonly createdAt: number;
  /** Engagement calls answered in this session. */
  readonly checks: number;
  /** Page ids of the engagement calls, oldest first. */
  readonly pageIds: ReadonlyArray<string>;
  readonly reports: ReadonlyArray<ReceivedReport>;
}

/**
 * A copy of a Monitoring API visitor (kept apart from App Engagement visitors).
 *
 * @since 0.2.0
 * @category Emulator
 */
export interface MonitorVisitorSnapshot {
  readonly accountId: string;
  readonly visitorId: string;
  readonly createdAt: number;
  /** Whether `setConversation` marked the visitor as in a conversation. */
  readonly conversation: boolean;
  readonly sessions: ReadonlyArray<MonitorSessionSnapshot>;
}
