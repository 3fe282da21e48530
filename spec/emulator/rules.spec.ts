import { decideAvailability } from '../../src/emulator/rules';
import type { ResolvedEngagement } from '../../src/emulator/options';

const engagement = (skillKey: string, engagementId: string): ResolvedEngagement => ({
  skillKey,
  campaignId: '1',
  engagementId,
  windowId: '2',
  language: 'en-US',
  engagementRevision: 1,
});

const engagements = new Map([
  ['Support', engagement('23', 'support')],
  ['Billing', engagement('42', 'billing')],
]);
const online = new Map([
  ['23', true],
  ['42', false],
]);
const base = { engagements, defaultEngagement: engagement('23', 'default'), skillOnline: (k: string) => online.get(k) === true };

describe('decideAvailability', () => {
  it('routes by the first listed section that has an engagement', () => {
    const d = decideAvailability({ ...base, sections: ['English', 'Support', 'Billing'] });
    expect(d).toEqual({ status: 'Available', engagement: engagements.get('Support'), matchedSection: 'Support' });
  });

  it('answers NotAvailable for a section whose skill is offline, without falling through', () => {
    const d = decideAvailability({ ...base, sections: ['Billing', 'Support'] });
    expect(d).toEqual({ status: 'NotAvailable', reason: 'skillOffline', matchedSection: 'Billing' });
  });

  it('uses the default engagement when no section matches or none is sent', () => {
    for (const sections of [undefined, [], ['Other'], ['support']]) {
      const d = decideAvailability({ ...base, sections });
      expect(d.status).toBe('Available');
      expect(d.status === 'Available' && d.engagement.engagementId).toBe('default');
      expect(d.matchedSection).toBeUndefined();
    }
  });

  it('answers NotAvailable when there is no default engagement', () => {
    expect(decideAvailability({ ...base, defaultEngagement: undefined, sections: ['Other'] })).toEqual({ status: 'NotAvailable', reason: 'noEngagement' });
  });
});
