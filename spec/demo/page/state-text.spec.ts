import type { AvailableEngagement } from '../../../src/model';
import { stateDetail, stateLabel } from '../../../src/demo/page/state-text';

const engagement: AvailableEngagement = {
  status: 'Available',
  sessionId: 'S1',
  visitorId: 'V1',
  pageId: 'P1',
  engagementDetails: {
    campaignId: '1',
    engagementId: '3562981110',
    contextId: '1',
    windowId: '2',
    language: 'en-US',
    engagementRevision: 44,
    validForSeconds: 900,
    skillName: 'TestSkill',
  },
};

describe('stateLabel and stateDetail', () => {
  it('word every state', () => {
    expect(stateLabel({ status: 'Idle' })).toBe('Idle');
    expect(stateLabel({ status: 'Checking', section: 'Support' })).toBe('Checking…');
    expect(stateLabel({ status: 'NotAvailable', section: 'Support' })).toBe('Not available');
    expect(stateDetail({ status: 'Checking', section: 'Billing' })).toBe('Asking whether an agent can take a chat in Billing…');
    expect(stateDetail({ status: 'NotAvailable', section: 'Billing' })).toBe('No agent can take a chat in Billing right now.');
    expect(stateDetail({ status: 'Failed', message: 'createSession answered 400' })).toBe('The check failed: createSession answered 400');
    expect(stateDetail({ status: 'Expired' })).toContain('expired');
    expect(stateLabel({ status: 'Paused' })).toBe('Paused');
  });

  it('names the skill, the engagement and how long it is valid', () => {
    expect(stateLabel({ status: 'Available', engagement })).toBe('Available');
    expect(stateDetail({ status: 'Available', engagement })).toBe('An agent can chat with TestSkill (engagement 3562981110, valid for 15 min).');
  });
});
