/**
 * The link between a wire type and its codec, proven at compile time: a field
 * table is typed by the type (`Fields<A>`), so each `@ts-expect-error` line
 * below must fail to compile (`tsc` checks every spec; an expected error that
 * goes away fails the type check). The runtime tests check the tables that
 * do compile.
 */
import type { CartAttribute, CartFields } from '../../src/attributes/cart';
import { IMPRESSION_TYPES } from '../../src/codecs/engagement-attributes';
import { member, type Members } from '../../src/attributes/dispatch';
import { ImpAcceptCodec, ImpCloseCodec, ImpDisplayCodec, ImpExpandedCodec, ImpTimeoutCodec } from '../../src/attributes/impression-events';
import type { ImpExpandedFields, ImpressionEvent } from '../../src/attributes/impressions';
import { ProductsCodec } from '../../src/attributes/products';
import { record, required, type Fields } from '../../src/attributes/record';
import { AnyValue, Count, FiniteDouble, Flag, FlagOrNull, Text, literal } from '../../src/attributes/scalars';
import { decodeWith } from '../../src/internal/validation';
import { rightOf } from './helpers';

interface Sample {
  readonly id: number;
  readonly label?: string;
}

/** Tables that match their type, and tables that must not compile. */
export function tables(): ReadonlyArray<unknown> {
  return [
    record<Sample>({ id: required(Count), label: Text }),
    // a codec of a narrower type fits a wider field
    record<Sample>({ id: required(Count), label: literal('only') }),

    // @ts-expect-error a field missing from the table
    record<Sample>({ id: required(Count) }),
    // @ts-expect-error an extra field
    record<Sample>({ id: required(Count), label: Text, extra: Text }),
    // @ts-expect-error a mandatory field whose codec's output does not fit the type's field
    record<Sample>({ id: required(Text), label: Text }),
    // @ts-expect-error an optional field whose codec's output does not fit the type's field
    record<Sample>({ id: required(Count), label: FiniteDouble }),
    // @ts-expect-error a mandatory field given as optional
    record<Sample>({ id: Count, label: Text }),
    // @ts-expect-error an optional field given as mandatory
    record<Sample>({ id: required(Count), label: required(Text) }),

    // the attributes' own types
    // @ts-expect-error a cart's table without numItems
    ((fields: Fields<CartFields>) => fields)({ total: required(FiniteDouble), currency: Text, products: ProductsCodec }),
    // @ts-expect-error the type literal of a member is its type's
    member<CartAttribute>('purchase', { total: required(FiniteDouble), currency: Text, numItems: required(Count) }),
    // @ts-expect-error any value does not fit impExpanded's `expanded` (a boolean or null)
    ((fields: Fields<ImpExpandedFields>) => fields)({ expanded: AnyValue, userInit: FlagOrNull, actionableItems: AnyValue }),
    ((fields: Fields<ImpExpandedFields>) => fields)({ expanded: Flag, userInit: FlagOrNull, actionableItems: AnyValue }),

    // the members of a family: one codec per type, in order
    ((members: Members<ImpressionEvent, typeof IMPRESSION_TYPES>) => members)([ImpDisplayCodec, ImpAcceptCodec, ImpExpandedCodec, ImpTimeoutCodec, ImpCloseCodec]),
    // @ts-expect-error a member left out
    ((members: Members<ImpressionEvent, typeof IMPRESSION_TYPES>) => members)([ImpDisplayCodec, ImpAcceptCodec, ImpExpandedCodec, ImpTimeoutCodec]),
    // @ts-expect-error two members swapped
    ((members: Members<ImpressionEvent, typeof IMPRESSION_TYPES>) => members)([ImpAcceptCodec, ImpDisplayCodec, ImpExpandedCodec, ImpTimeoutCodec, ImpCloseCodec]),
  ];
}

describe('field tables typed by their wire type', () => {
  it('build working codecs from the tables that compile', () => {
    const Sample = record<Sample>({ id: required(Count), label: Text });
    expect(rightOf(decodeWith(Sample, { id: 1, label: 'x' }))).toStrictEqual({ id: 1, label: 'x' });
    expect(tables()).toHaveLength(15);
  });
});
