/**
 * The Monitoring API's engagement answer: decoding (failures name the field)
 * and the Engagement it becomes (200 keeps the ids sent, 201 takes the new
 * ones; a conversation wins over offers; every offer is kept).
 */
import { decodeMonitoringResponse, engagementFromMonitoring } from '../../src/codecs/monitoring-response';

const expose = { status: 'expose', campaignId: 1, engagementId: 2, engagementRevision: 3, contextId: 4 };
const decoded = (body: unknown) => {
  const r = decodeMonitoringResponse(body);
  if (r._tag === 'Left') throw new Error(JSON.stringify(r.left));
  return r.right;
};

describe('decodeMonitoringResponse', () => {
  it('normalizes ids to strings and keeps unknown fields', () => {
    expect(decoded({ pageId: 7, sessionId: 's', visitorId: 'v', extra: true, engagementDetails: [{ ...expose, windowId: 5, language: 'en-US' }] })).toEqual({
      pageId: '7',
      sessionId: 's',
      visitorId: 'v',
      extra: true,
      engagementDetails: [{ status: 'expose', campaignId: '1', engagementId: '2', engagementRevision: 3, contextId: '4', windowId: '5', language: 'en-US' }],
    });
  });

  it('names each field that does not fit, at its own path', () => {
    expect(decodeMonitoringResponse({ sessionId: 's', engagementDetails: [{ status: 'conversation', campaignId: 1 }, 'x', { status: 9 }] })).toEqual({
      _tag: 'Left',
      left: [
        { path: 'pageId', reason: expect.stringContaining('is missing') },
        { path: 'engagementDetails[0].engagementId', reason: expect.stringContaining('is missing') },
        { path: 'engagementDetails[0].conversationId', reason: expect.stringContaining('is missing') },
        { path: 'engagementDetails[1]', reason: expect.any(String) },
        { path: 'engagementDetails[2].status', reason: expect.any(String) },
      ],
    });
  });
});

describe('engagementFromMonitoring', () => {
  const ids = { pageId: 'p', sessionId: 's-new', visitorId: 'v-new' };

  it('takes the answer ids on a 201 and keeps the ids sent on a 200', () => {
    expect(engagementFromMonitoring(decoded(ids), 201, { vid: 'v-old', sid: 's-old' })).toEqual({ _tag: 'Right', right: { status: 'NotAvailable', pageId: 'p', sessionId: 's-new', visitorId: 'v-new' } });
    expect(engagementFromMonitoring(decoded(ids), 200, { vid: 'v-old', sid: 's-old' })).toEqual({ _tag: 'Right', right: { status: 'NotAvailable', pageId: 'p', sessionId: 's-old', visitorId: 'v-old' } });
    expect(engagementFromMonitoring(decoded(ids), 200, {})).toMatchObject({ right: { sessionId: 's-new', visitorId: 'v-new' } });
  });

  it('refuses an answer that leaves the session unknown, naming the missing ids', () => {
    expect(engagementFromMonitoring(decoded({ pageId: 'p' }), 201, { vid: 'v', sid: 's' })).toEqual({
      _tag: 'Left',
      left: [
        { path: 'visitorId', reason: 'required in a 201 answer without a vid sent' },
        { path: 'sessionId', reason: 'required in a 201 answer without a sid sent' },
      ],
    });
  });

  it('reads "interaction" as a conversation, and lets a conversation win over offers', () => {
    const body = decoded({ ...ids, engagementDetails: [expose, { status: 'interaction', campaignId: 8, engagementId: 9, conversationId: 'c' }] });
    expect(engagementFromMonitoring(body, 201, {})).toEqual({
      _tag: 'Right',
      right: { status: 'Conversation', ...ids, conversation: { conversationId: 'c', campaignId: '8', engagementId: '9' } },
    });
  });

  it('keeps every offer in order, skips details of other statuses, and is NotAvailable with none', () => {
    const body = decoded({ ...ids, engagementDetails: [{ status: 'paused' }, expose, { ...expose, engagementId: 20 }] });
    const r = engagementFromMonitoring(body, 201, {});
    expect(r._tag === 'Right' && r.right.status === 'Available' && r.right.offers?.map((o) => o.engagementId)).toEqual(['2', '20']);
    expect(engagementFromMonitoring(decoded({ ...ids, engagementDetails: [{ status: 'paused' }] }), 201, {})).toMatchObject({ right: { status: 'NotAvailable' } });
  });
});
