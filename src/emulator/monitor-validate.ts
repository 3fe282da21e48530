/**
 * Validation of Monitoring API bodies (engagement and report), as the
 * emulated server does it. Pure. Messages name fields and kinds of values,
 * never the values themselves.
 *
 * @internal
 */
import type { Attribute } from './attributes';
import { isPlainObject } from './protocol';
import { checkAppDetails, checkAttributes, checkStrings, kindOf, type Checked } from './validate';

/** An engagement body the emulator accepted (every field optional). */
export interface MonitorEngagementBody {
  readonly entryPoints?: ReadonlyArray<string>;
  readonly engagementAttributes?: ReadonlyArray<Attribute>;
}

/** A report body the emulator accepted. */
export interface MonitorReportBody {
  readonly pageId?: string;
  readonly entryPoints?: ReadonlyArray<string>;
  readonly engagementAttributes: ReadonlyArray<Attribute>;
}

function checkIdentities(u: unknown, problems: string[]): void {
  if (u === undefined || u === null) return;
  if (!Array.isArray(u)) {
    problems.push(`identities: expected an array of identity objects, got ${kindOf(u)}`);
    return;
  }
  u.forEach((item: unknown, i) => {
    if (!isPlainObject(item)) {
      problems.push(`identities[${i}]: expected an identity object, got ${kindOf(item)}`);
      return;
    }
    for (const key of ['iss', 'acr', 'sub'] as const) {
      const v = item[key];
      if (v !== undefined && v !== null && typeof v !== 'string') problems.push(`identities[${i}].${key}: expected a string, got ${kindOf(v)}`);
    }
  });
}

/** The checks both bodies share: an object, identities, entryPoints. */
function checkCommon(body: unknown, problems: string[]): { readonly body: Record<string, unknown>; readonly entryPoints: string[] | undefined } | undefined {
  if (!isPlainObject(body)) {
    problems.push(`expected a JSON object, got ${kindOf(body)}`);
    return undefined;
  }
  checkIdentities(body['identities'], problems);
  return { body, entryPoints: checkStrings(body['entryPoints'], 'entryPoints', problems) };
}

/** Validates a parsed engagement body. */
export function checkMonitorEngagementBody(body: unknown): Checked<MonitorEngagementBody> {
  const problems: string[] = [];
  const common = checkCommon(body, problems);
  if (common === undefined) return { ok: false, problems };
  checkAppDetails(common.body['clientProperties'], problems, 'clientProperties');
  const engagementAttributes = checkAttributes(common.body['engagementAttributes'], 'engagementAttributes', 'sde', problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(common.entryPoints === undefined ? {} : { entryPoints: common.entryPoints }),
      ...(engagementAttributes === undefined ? {} : { engagementAttributes }),
    },
  };
}

/** Validates a parsed report body: `engagementAttributes` required, impression events allowed. */
export function checkMonitorReportBody(body: unknown): Checked<MonitorReportBody> {
  const problems: string[] = [];
  const common = checkCommon(body, problems);
  if (common === undefined) return { ok: false, problems };
  const pageId = common.body['pageId'];
  if (pageId !== undefined && pageId !== null && (typeof pageId !== 'string' || pageId.length === 0)) {
    problems.push(`pageId: expected a non-empty string, got ${kindOf(pageId)}`);
  }
  const raw = common.body['engagementAttributes'];
  if (raw === undefined || raw === null) problems.push('engagementAttributes: required, an array of attribute objects');
  const engagementAttributes = checkAttributes(raw, 'engagementAttributes', 'any', problems);
  if (problems.length > 0 || engagementAttributes === undefined) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(typeof pageId === 'string' ? { pageId } : {}),
      ...(common.entryPoints === undefined ? {} : { entryPoints: common.entryPoints }),
      engagementAttributes,
    },
  };
}
