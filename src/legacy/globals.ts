/**
 * `installLegacyGlobals`: defines `lpTag.taglets.ChatOverRestAPI` on a
 * page's `window`, so page code written for `lpChat.min.js` runs unchanged
 * on engagement-rx.
 *
 * @packageDocumentation
 */
import { ChatOverRestAPI, type LegacyChatConfig } from './chat-over-rest-api';
import { isLegacyEventName } from './event-names';

/**
 * Options applied to every instance the installed constructor creates: the
 * page's own configuration wins, except that `on*` bindings of both are
 * kept (the defaults' first). Typical uses: `engagementDomain` (point the
 * page at the emulator or a test host), `csds`, `retry`, `fetch`,
 * `scheduler`, `onLog`.
 *
 * @since 0.1.0
 * @category Legacy adapters
 */
export type LegacyDefaults = Partial<LegacyChatConfig>;

/**
 * The constructor `installLegacyGlobals` defines: a {@link ChatOverRestAPI}
 * with the defaults applied.
 *
 * @example
 * ```ts
 * const Chat: LegacyChatConstructor = installLegacyGlobals(window);
 * const chat = new Chat({ lpNumber: '12345678' });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export interface LegacyChatConstructor {
  new (config: LegacyChatConfig): ChatOverRestAPI;
  readonly prototype: ChatOverRestAPI;
}

type Bag = Record<string, unknown>;

const isHolder = (u: unknown): u is Bag => (typeof u == 'object' && u !== null) || typeof u == 'function';

/**
 * Merges defaults under a page's configuration: the page's values win;
 * bindings of the same event are both kept, the defaults' first.
 *
 * @internal
 */
export function mergeLegacyConfig(defaults: Bag, config: unknown): unknown {
  if (typeof config != 'object' || config === null) return config;
  const out: Bag = { ...defaults };
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) out[key] = isLegacyEventName(key) && out[key] !== undefined ? ([] as unknown[]).concat(out[key], value) : value;
  }
  return out;
}

/**
 * Defines `lpTag.taglets.ChatOverRestAPI` on `target` (a page's `window`):
 * creates `lpTag` and `lpTag.taglets` when missing, keeps every other
 * member of an existing `lpTag`, and replaces only `ChatOverRestAPI`.
 * `defaults` apply to every instance (see {@link LegacyDefaults}). Answers
 * the constructor it installed.
 *
 * @example
 * ```ts
 * import { installLegacyGlobals } from 'engagement-rx/legacy';
 *
 * // Point unchanged page code at a local emulator, before the page script runs:
 * installLegacyGlobals(window, { engagementDomain: 'http://127.0.0.1:4010' });
 * // The page script, as written for lpChat.min.js, then talks to the emulator:
 * // var chat = new lpTag.taglets.ChatOverRestAPI({ lpNumber: '12345678', onInit: ... });
 * ```
 * @since 0.1.0
 * @category Legacy adapters
 */
export function installLegacyGlobals(target: object, defaults?: LegacyDefaults): LegacyChatConstructor {
  const root = target as Bag;
  const lpTag = isHolder(root['lpTag']) ? root['lpTag'] : (root['lpTag'] = {});
  const taglets = isHolder(lpTag['taglets']) ? lpTag['taglets'] : (lpTag['taglets'] = {});
  const snapshot: Bag = typeof defaults == 'object' && defaults ? { ...defaults } : {};
  let installed: LegacyChatConstructor = ChatOverRestAPI;
  if (Object.keys(snapshot).length > 0) {
    installed = class extends ChatOverRestAPI {
      constructor(config: LegacyChatConfig) {
        super(mergeLegacyConfig(snapshot, config) as LegacyChatConfig);
      }
    };
    Object.defineProperty(installed, 'name', { value: 'ChatOverRestAPI' });
  }
  return (taglets['ChatOverRestAPI'] = installed);
}
