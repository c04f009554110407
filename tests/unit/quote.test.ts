import { describe, expect, test } from 'vitest';
import { cut, QUOTE_LENGTH, quote } from '../../src/gan/quote.ts';
import { fastest } from './fastest.ts';

describe('quoting input in a message (src/gan/quote.ts)', () => {
  test('short values read as JSON, strings in quotes so that "" and " " differ', () => {
    expect(quote('banana')).toBe('"banana"');
    expect(quote('')).toBe('""');
    expect(quote(' ')).toBe('" "');
    expect(quote(1e300)).toBe('1e+300');
    expect(quote(Number.NaN)).toBe('NaN');
    expect(quote(null)).toBe('null');
    expect(quote(undefined)).toBe('nothing');
    expect(quote([1, 'a', { b: [true] }])).toBe('[1,"a",{"b":[true]}]');
    expect(quote({})).toBe('{}');
  });

  test('long values are cut to QUOTE_LENGTH characters and end in "…"', () => {
    expect(QUOTE_LENGTH).toBe(40);
    expect(quote('x'.repeat(41))).toBe(`"${'x'.repeat(39)}…`);
    expect(quote(Array.from({ length: 100 }, (_, i) => i))).toBe(`${'[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,1'}…`);
    expect(cut('y'.repeat(40))).toBe('y'.repeat(40));
    expect(cut('y'.repeat(41))).toBe(`${'y'.repeat(40)}…`);
    // Never half a surrogate pair: an emoji at the cut goes whole.
    expect(cut(`${'y'.repeat(39)}😀z`)).toBe(`${'y'.repeat(39)}…`);
  });

  test('a value is walked only as far as it is shown: 50 MB, 200,000 deep, a billion slots, a cycle', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cases: [unknown, string][] = [
      // As JSON.parse makes it: 'x'.repeat builds a rope that the first read would copy whole.
      [JSON.parse(`"${'x'.repeat(50e6)}"`), `"${'x'.repeat(39)}…`],
      [deep, `${'['.repeat(40)}…`],
      [new Array(1e9), `[${'nothing,'.repeat(4)}nothing…`],
      [cyclic, '{"a":1,"self":{"a":1,"self":{"a":1,"self…'],
    ];
    for (const [value, shown] of cases) {
      expect(quote(value)).toBe(shown);
      expect(fastest(() => quote(value))).toBeLessThan(5);
    }
    // An object's keys are listed whole before the first is read (for...in), at about the cost of building it.
    expect(quote(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])))).toBe(
      '{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5"…',
    );
  });
});
