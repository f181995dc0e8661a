import fc from 'fast-check';
import { canonicalJson } from './canonical-json.util';

describe('canonicalJson', () => {
  it('writes sorted keys and no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0.5, y: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":0,"z":0.5}}');
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('is stable through a JSON round trip, so stored text can be rehashed', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, A: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"A":3,"z":2,"é":1}');
  });

  it('writes dates by their JSON form and drops undefined properties', () => {
    expect(canonicalJson({ at: new Date('2024-03-05T00:00:00Z'), gone: undefined })).toBe('{"at":"2024-03-05T00:00:00.000Z"}');
  });

  it('writes a hole in a sparse array as null, as JSON.stringify does, never as invalid JSON', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse: unknown[] = [, 1];
    sparse[3] = 2;
    expect(canonicalJson(sparse)).toBe('[null,1,null,2]');
    expect(canonicalJson({ list: new Array(2) })).toBe(JSON.stringify({ list: new Array(2) }));
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ x: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ x: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cyclic/);
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { k: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });
});
