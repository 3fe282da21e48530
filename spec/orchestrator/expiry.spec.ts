import fc from 'fast-check';
import { RENEW_LEAD_FRACTION, RENEW_LEAD_MAX_MS, expiryTimes, renewLeadMs } from '../../src/orchestrator/expiry';

describe('renewLeadMs', () => {
  it('is 30 s for the usual 900 s, and 10 % of shorter validities', () => {
    expect(renewLeadMs(900_000)).toBe(30_000);
    expect(renewLeadMs(300_000)).toBe(30_000);
    expect(renewLeadMs(120_000)).toBe(12_000);
    expect(renewLeadMs(60_000)).toBe(6_000);
    expect(renewLeadMs(10_000)).toBe(1_000);
    expect(renewLeadMs(5)).toBe(0);
  });

  it('takes a fixed lead, clamped to the validity', () => {
    expect(renewLeadMs(60_000, 15_000)).toBe(15_000);
    expect(renewLeadMs(60_000, 90_000)).toBe(60_000);
    expect(renewLeadMs(60_000, -1)).toBe(0);
  });

  it('reads a zero, negative or non-finite validity as 0', () => {
    expect(renewLeadMs(0)).toBe(0);
    expect(renewLeadMs(-5_000)).toBe(0);
    expect(renewLeadMs(Number.NaN)).toBe(0);
  });

  it('never exceeds 30 s nor 10 % of the validity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_400_000 }), (validForMs) => {
        const lead = renewLeadMs(validForMs);
        return lead >= 0 && lead <= RENEW_LEAD_MAX_MS && lead <= validForMs * RENEW_LEAD_FRACTION;
      }),
    );
  });
});

describe('expiryTimes', () => {
  it('counts the validity from when the attempt was sent', () => {
    expect(expiryTimes(1_000, 900)).toEqual({ renewAt: 871_000, expiresAt: 901_000 });
    expect(expiryTimes(0, 10)).toEqual({ renewAt: 9_000, expiresAt: 10_000 });
    expect(expiryTimes(0, 60, 20_000)).toEqual({ renewAt: 40_000, expiresAt: 60_000 });
  });

  it('makes a zero or negative validity due at once', () => {
    expect(expiryTimes(500, 0)).toEqual({ renewAt: 500, expiresAt: 500 });
    expect(expiryTimes(500, -3)).toEqual({ renewAt: 500, expiresAt: 500 });
  });

  it('always renews before or when it expires, and after it was sent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 86_400 }), (sentAt, seconds) => {
        const { renewAt, expiresAt } = expiryTimes(sentAt, seconds);
        return sentAt <= renewAt && renewAt <= expiresAt && expiresAt === sentAt + seconds * 1000;
      }),
    );
  });
});
