import fc from 'fast-check';
import { decodeImpression, encodeImpression } from '../../src/attributes/attribute';
import {
  IMPRESSION_EVENT_TYPES,
  NumericId,
  acceptImpression,
  closeImpression,
  displayImpression,
  expandedImpression,
  impressionEvent,
  timeoutImpression,
} from '../../src/attributes/impressions';
import { decodeEngagement } from '../../src/codecs/response';
import { decodeWith } from '../../src/internal/validation';
import type { AvailableEngagement } from '../../src/model';
import { seedAvailable } from '../fixtures/seed';
import { impDisplayExample, impExpandedExample } from './fixtures';
import { expectBuilderAnswer, issuesOf, rightOf } from './helpers';

function available(details: Partial<AvailableEngagement['engagementDetails']> = {}): AvailableEngagement {
  const engagement = rightOf(decodeEngagement(seedAvailable));
  if (engagement.status !== 'Available') throw new Error('the seed engagement is available');
  return { ...engagement, engagementDetails: { ...engagement.engagementDetails, ...details } };
}

const ids = { campaign: 3346848610, engId: 3562981110, revision: 44 };

describe('impression builders from an available engagement', () => {
  it('maps campaignId, engagementId, engagementRevision and contextId', () => {
    expect(rightOf(displayImpression(available()))).toStrictEqual({ type: 'impDisplay', ...ids, eContext: [{ type: 'engagementContext', id: '1' }] });
    expect(rightOf(acceptImpression(available()))).toStrictEqual({ type: 'impAccept', ...ids, eContext: [{ type: 'engagementContext', id: '1' }] });
    expect(rightOf(timeoutImpression(available()))).toStrictEqual({ type: 'impTimeout', ...ids });
    expect(rightOf(closeImpression(available()))).toStrictEqual({ type: 'impClose', ...ids });
  });

  it('gives impExpanded the documented null defaults, and takes its fields', () => {
    expect(rightOf(expandedImpression(available()))).toStrictEqual({ type: 'impExpanded', expanded: null, userInit: null, actionableItems: null, ...ids });
    expect(rightOf(expandedImpression(available(), { expanded: true, userInit: false, actionableItems: [] }))).toStrictEqual({
      type: 'impExpanded',
      expanded: true,
      userInit: false,
      actionableItems: [],
      ...ids,
    });
  });

  it('makes the documented examples from the matching engagement', () => {
    const engagement = available({ campaignId: '3115242510', engagementId: '3115242810', engagementRevision: 537, contextId: '1' });
    expect(rightOf(displayImpression(engagement))).toStrictEqual(impDisplayExample);
    expect(rightOf(expandedImpression(engagement))).toStrictEqual(impExpandedExample);
  });

  it('impressionEvent builds each type', () => {
    for (const type of IMPRESSION_EVENT_TYPES) expect(rightOf(impressionEvent(type, available())).type).toBe(type);
    expect(issuesOf(impressionEvent('impDecline' as never, available()))).toEqual([{ path: 'type', reason: expect.stringContaining('expected one of impDisplay') }]);
  });

  it('refuses ids that are not safe integers, naming the engagement field', () => {
    const huge = available({ campaignId: '99999999999999999999' });
    expect(issuesOf(displayImpression(huge))).toEqual([{ path: 'engagementDetails.campaignId', reason: expect.stringContaining('safe integer') }]);
    expect(issuesOf(closeImpression(available({ engagementId: 'abc' })))).toEqual([
      { path: 'engagementDetails.engagementId', reason: expect.stringContaining('safe integer') },
    ]);
    expect(issuesOf(timeoutImpression(available({ engagementId: '007' })))).toEqual([
      { path: 'engagementDetails.engagementId', reason: expect.stringContaining('safe integer') },
    ]);
    expect(issuesOf(timeoutImpression(available({ engagementRevision: -1 })))).toEqual([
      { path: 'engagementDetails.engagementRevision', reason: expect.stringContaining('safe integer') },
    ]);
  });

  it('needs a contextId for impDisplay and impAccept only', () => {
    const noContext = available({ contextId: '' });
    expect(issuesOf(displayImpression(noContext))).toEqual([{ path: 'engagementDetails.contextId', reason: 'expected a context id (a non-empty string), got an empty string' }]);
    expect(closeImpression(noContext)._tag).toBe('Right');
  });

  it('refuses an engagement that is not available, and never throws', () => {
    const notAvailable = { status: 'NotAvailable', sessionId: 'abc', visitorId: 'xyz', pageId: '1' } as unknown as AvailableEngagement;
    expect(issuesOf(displayImpression(notAvailable))).toEqual([
      { path: 'status', reason: 'expected "Available" (impressions need an available engagement), got a string' },
      { path: 'engagementDetails', reason: 'is missing (expected an object)' },
    ]);
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 2 }), (engagement, fields) => {
        const e = engagement as AvailableEngagement;
        for (const r of [displayImpression(e), acceptImpression(e), timeoutImpression(e), closeImpression(e), expandedImpression(e, fields as never)]) {
          expectBuilderAnswer(r);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses impExpanded fields of the wrong type and fields the engagement sets', () => {
    expect(issuesOf(expandedImpression(available(), { expanded: 'yes' as never, campaign: 1 } as never))).toEqual([
      { path: 'expanded', reason: 'expected a boolean or null, got a string' },
      { path: 'campaign', reason: 'is set by the builder from the engagement; leave it out' },
    ]);
  });

  it('every built event decodes to itself (any safe ids)', () => {
    const id = fc.maxSafeNat().map(String);
    fc.assert(
      fc.property(id, id, fc.maxSafeNat(), fc.string({ minLength: 1 }), fc.constantFrom(...IMPRESSION_EVENT_TYPES), (campaignId, engagementId, engagementRevision, contextId, type) => {
        const event = rightOf(impressionEvent(type, available({ campaignId, engagementId, engagementRevision, contextId })));
        expect(event).toMatchObject({ campaign: Number(campaignId), engId: Number(engagementId), revision: engagementRevision });
        expect(rightOf(decodeImpression(encodeImpression(event)))).toStrictEqual(event);
      }),
    );
  });
});

describe('impression codecs', () => {
  it('reads ids given as strings of digits as numbers', () => {
    expect(rightOf(decodeImpression({ type: 'impClose', campaign: '3115242510', engId: '3115242810', revision: '537' }))).toStrictEqual({
      type: 'impClose',
      campaign: 3115242510,
      engId: 3115242810,
      revision: 537,
    });
    expect(rightOf(decodeWith(NumericId, String(Number.MAX_SAFE_INTEGER)))).toBe(Number.MAX_SAFE_INTEGER);
    expect(decodeWith(NumericId, String(Number.MAX_SAFE_INTEGER + 1))._tag).toBe('Left');
  });

  it('requires campaign, engId and revision', () => {
    expect(issuesOf(decodeImpression({ type: 'impTimeout' })).map((i) => i.path)).toEqual(['campaign', 'engId', 'revision']);
  });

  it('checks eContext entries', () => {
    const bad = { ...impDisplayExample, eContext: [{ type: 'pageContext', id: '1' }, { type: 'engagementContext' }, { type: 'engagementContext', id: 7 }] };
    const result = decodeImpression(bad);
    expect(issuesOf(result)).toEqual([
      { path: 'eContext[0].type', reason: 'expected "engagementContext", got a string' },
      { path: 'eContext[1].id', reason: 'is missing (expected a context id (a non-empty string))' },
    ]);
    expect(rightOf(decodeImpression({ ...impDisplayExample, eContext: [{ type: 'engagementContext', id: 7 }] }))).toMatchObject({
      eContext: [{ type: 'engagementContext', id: '7' }],
    });
  });

  it('keeps null in impExpanded and refuses a non-boolean expanded', () => {
    expect(rightOf(decodeImpression(impExpandedExample))).toStrictEqual(impExpandedExample);
    expect(issuesOf(decodeImpression({ ...impExpandedExample, userInit: 1 }))).toEqual([{ path: 'userInit', reason: 'expected a boolean or null, got a number' }]);
  });
});
