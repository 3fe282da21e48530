/**
 * What the legacy adapters report about themselves: log entries (also
 * fired as the legacy `onLog` event) and callbacks that threw. Entries
 * never carry request contents or other personal data.
 *
 * @packageDocumentation
 */

/**
 * The level of a log entry, as the legacy SDK named them. The legacy
 * `onLog` event fires ERROR entries, and INFO/DEBUG ones too in debug mode
 * (`debug: true` or `setDebugMode(true)`).
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyLogLevel = 'ERROR' | 'INFO' | 'DEBUG';

/**
 * What a log entry is about.
 *
 * - `invalidConfig`, `invalidBinding`, `unknownOption`: the configuration;
 * - `initialised`, `initFailed`: the engagement domain (the `onInit` step);
 * - `queued`, `sent`, `dropped`: getEngagement calls;
 * - `invalidRequest`, `unsupported`, `disposed`: calls refused at once;
 * - `requestCleaned`: a getEngagement request sent without the parts the
 *   lenient reading left out (named by path);
 * - `updateFailed`: an `updateSdes` call got no successful answer;
 * - `callbackFailed`: a page callback threw (its exception is on `events$`).
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyLogCode =
  | 'invalidConfig'
  | 'invalidBinding'
  | 'unknownOption'
  | 'initialised'
  | 'initFailed'
  | 'queued'
  | 'sent'
  | 'dropped'
  | 'invalidRequest'
  | 'requestCleaned'
  | 'updateFailed'
  | 'unsupported'
  | 'disposed'
  | 'callbackFailed';

/**
 * The data of the legacy `onLog` event as engagement-rx fires it. ERROR
 * entries also carry the legacy shape `error: { error: message }`.
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.onLog((entry: LegacyLogEntry) => console.debug(`[${entry.level}] ${entry.message}`));
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyLogEntry {
  readonly level: LegacyLogLevel;
  readonly code: LegacyLogCode;
  readonly message: string;
  /** The adapter's clock (its scheduler's), in ms. */
  readonly time: number;
  readonly error?: { readonly error: string };
}

/**
 * Everything a legacy adapter reports on its `events$`:
 *
 * - `log`: every log entry, whatever the debug mode;
 * - `callbackFailed`: a page callback threw; `callback` names it
 *   (`onEngagement`, `getEngagement.success`...) and `error` is what it
 *   threw, for the developer (it is never logged).
 *
 * @example
 * ```ts
 * const chat = new ChatOverRestAPI({ lpNumber: '12345678' });
 * chat.events$.subscribe((e: LegacyEvent) => {
 *   if (e.type === 'callbackFailed') console.error(`${e.callback} threw`, e.error);
 * });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyEvent =
  | { readonly type: 'log'; readonly at: number; readonly entry: LegacyLogEntry }
  | { readonly type: 'callbackFailed'; readonly at: number; readonly callback: string; readonly error: unknown };

/** The name of what a callback threw, never its message (which may hold anything). @internal */
export function thrownName(error: unknown): string {
  const name = typeof error == 'object' && error ? (error as { name?: unknown }).name : 0;
  return typeof name == 'string' && name && name.length <= 60 ? name : typeof error;
}
