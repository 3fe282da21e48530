/**
 * Validation of what `report` accepts. Pure.
 */
import { MAX_ITEMS_PER_REPORT, decodeReportItems, isImpressionType, typesOf } from '../../src/report/report-items';

describe('decodeReportItems', () => {
  it('sends impression types to the impression codec and everything else to the attribute codec', () => {
    const r = decodeReportItems([
      { type: 'cart', total: 1, numItems: 1 },
      { type: 'impDisplay', campaign: '3346848610', engId: 3562981110, revision: 44 },
    ]);
    expect(r).toEqual({
      _tag: 'Right',
      right: [
        { kind: 'attribute', item: { type: 'cart', total: 1, numItems: 1 } },
        { kind: 'impression', item: { type: 'impDisplay', campaign: 3346848610, engId: 3562981110, revision: 44 } },
      ],
    });
  });

  it('refuses the whole report when one item is invalid, naming index and field, never the value', () => {
    const r = decodeReportItems([
      { type: 'lead', lead: { topic: 'ok' } },
      { type: 'ctmrinfo', info: { balance: 'secret-balance' } },
      { type: 'impClose', campaign: -1, engId: 2, revision: 3 },
      null,
      { type: 'customerInfo' },
    ]);
    expect(r._tag).toBe('Left');
    if (r._tag !== 'Left') return;
    expect(r.left.kind).toBe('validation');
    expect(r.left.issues.map((i) => i.path)).toEqual(['[1].info.balance', '[2].campaign', '[3]', '[4].type']);
    expect(r.left.message).not.toContain('secret-balance');
    expect(r.left.issues.find((i) => i.path === '[4].type')?.reason).toContain('ctmrinfo');
  });

  it('takes a snapshot: changing the object after the report changes nothing queued', () => {
    const personal = { type: 'personal', personal: { firstname: 'A', contacts: [{ email: 'a@b.c' }] }, extra: { deep: [1] } };
    const r = decodeReportItems([personal]);
    personal.personal.firstname = 'B';
    personal.personal.contacts[0]!.email = 'changed';
    personal.extra.deep.push(2);
    expect(r._tag === 'Right' && r.right[0]?.item).toEqual({ type: 'personal', personal: { firstname: 'A', contacts: [{ email: 'a@b.c' }] }, extra: { deep: [1] } });
  });

  it('refuses an item that cannot be written as JSON', () => {
    const r = decodeReportItems([{ type: 'lead', lead: {}, extra: BigInt(1) }]);
    expect(r._tag === 'Left' && r.left.issues).toEqual([{ path: '[0]', reason: expect.stringContaining('JSON') }]);
  });

  it('refuses what is not an array, and more than the most items one report takes', () => {
    expect(decodeReportItems('cart')._tag).toBe('Left');
    const many = Array.from({ length: MAX_ITEMS_PER_REPORT + 1 }, () => ({ type: 'lead', lead: {} }));
    expect(decodeReportItems(many)).toMatchObject({ _tag: 'Left', left: { issues: [{ path: '(value)', reason: expect.stringContaining(String(MAX_ITEMS_PER_REPORT)) }] } });
  });

  it('accepts an empty report', () => {
    expect(decodeReportItems([])).toEqual({ _tag: 'Right', right: [] });
  });

  it('isImpressionType knows the five impression types only', () => {
    expect(['impDisplay', 'impAccept', 'impExpanded', 'impTimeout', 'impClose'].every(isImpressionType)).toBe(true);
    expect([undefined, 'cart', 'impdisplay', 1].some(isImpressionType)).toBe(false);
  });

  it('typesOf lists the distinct known types in first-seen order, nothing else', () => {
    expect(typesOf([{ type: 'lead', lead: {} }, { type: 'impClose' }, { type: 'cart' }, { type: 'lead' }, { type: 'secret' }, null, 'cart', [{ type: 'cart' }]])).toEqual(['lead', 'impClose', 'cart']);
  });
});
