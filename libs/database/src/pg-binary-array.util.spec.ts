import { runInNewContext } from 'node:vm';
import {
  boolNullableArrayBinary,
  float8ArrayBinary,
  float8NullableArrayBinary,
  int2ArrayBinary,
  int4NullableArrayBinary,
  int8ArrayBinary,
  textArrayBinary,
  timestamptzArrayBinary,
  utf8Length,
} from './pg-binary-array.util';

describe('PostgreSQL arrays in binary', () => {
  it('writes a float8 array as one dimension, no nulls, element by element with its length', () => {
    const b = float8ArrayBinary(new Float64Array([1.5, -0.25, 9]), 2);
    expect([b.readInt32BE(0), b.readInt32BE(4), b.readInt32BE(8), b.readInt32BE(12), b.readInt32BE(16)]).toEqual([1, 0, 701, 2, 1]);
    expect(b.length).toBe(20 + 2 * 12);
    expect([b.readInt32BE(20), b.readDoubleBE(24), b.readInt32BE(32), b.readDoubleBE(36)]).toEqual([8, 1.5, 8, -0.25]);
  });

  it('writes bigints exactly up to 2^53', () => {
    const b = int8ArrayBinary([1, 2 ** 53 - 1]);
    expect([b.readInt32BE(8), b.readInt32BE(12), b.readInt32BE(20), b.readBigInt64BE(24), b.readBigInt64BE(36)]).toEqual([20, 2, 8, 1n, 2n ** 53n - 1n]);
  });

  it('writes smallints and UTF-8 text with their byte lengths', () => {
    const s = int2ArrayBinary(new Uint8Array([0, 2]));
    expect([s.readInt32BE(8), s.readInt32BE(12), s.readInt32BE(20), s.readInt16BE(24), s.readInt16BE(30)]).toEqual([21, 2, 2, 0, 2]);
    const t = textArrayBinary(['a', '天平']);
    expect([t.readInt32BE(8), t.readInt32BE(20), t.toString('utf8', 24, 25), t.readInt32BE(25), t.toString('utf8', 29)]).toEqual([25, 1, 'a', 6, '天平']);
  });
});

/** The elements of a one-dimensional binary array, as array_recv would read them: null for NULL, else the element's bytes. */
function elementsOf(array: Buffer, expectedOid: number): (Buffer | null)[] {
  expect([array.readInt32BE(0), array.readInt32BE(8), array.readInt32BE(16)]).toEqual([1, expectedOid, 1]);
  const elements: (Buffer | null)[] = [];
  let at = 20;
  for (let i = 0; i < array.readInt32BE(12); i++) {
    const length = array.readInt32BE(at);
    at += 4;
    elements.push(length < 0 ? null : array.subarray(at, at + length));
    at += Math.max(0, length);
  }
  expect(at).toBe(array.length);
  expect(array.readInt32BE(4)).toBe(elements.includes(null) ? 1 : 0);
  return elements;
}

describe('PostgreSQL arrays in binary, with NULLs', () => {
  const tricky = ['', 'NULL', 'a,b', '{x}', ' lead ', 'say "hi"', 'back\\slash', 'line\nbreak', '天平', '😀', '\uFFFD\uFF01\uFFEE', 'é', 'plain'];

  it('writes any text exactly, in UTF-8, with NULLs marked', () => {
    const values = [...tricky, null, undefined];
    const elements = elementsOf(textArrayBinary(values), 25);
    expect(elements.map((e) => (e === null ? null : e.toString('utf8')))).toEqual([...tricky, null, null]);
  });

  it('counts UTF-8 bytes as Buffer writes them, a lone surrogate included', () => {
    for (const text of [...tricky, '\uD83D', 'a\uDE00b', '\uD83D\uD83D\uDE00', 'x'.repeat(1000)])
      expect([text, utf8Length(text)]).toEqual([text, Buffer.byteLength(text, 'utf8')]);
  });

  it('writes integers, booleans and doubles, with NULLs', () => {
    const ints = elementsOf(int4NullableArrayBinary([0, -1, 2 ** 31 - 1, -(2 ** 31), null]), 23);
    expect(ints.map((e) => e && e.readInt32BE(0))).toEqual([0, -1, 2 ** 31 - 1, -(2 ** 31), null]);
    const bools = elementsOf(boolNullableArrayBinary([true, false, null]), 16);
    expect(bools.map((e) => e && [e.length, e[0]])).toEqual([[1, 1], [1, 0], null]);
    const doubles = elementsOf(float8NullableArrayBinary([113.1336, -0, 1e-300, null]), 701);
    expect(doubles.map((e) => e && e.readDoubleBE(0))).toEqual([113.1336, -0, 1e-300, null]);
  });

  it('writes an instant as microseconds since 2000-01-01 UTC, before that epoch too', () => {
    const instants = [new Date('2000-01-01T00:00:00.001Z'), new Date('2025-04-09T15:37:44+08:00'), new Date('1969-12-31T23:59:59.999Z'), null];
    const elements = elementsOf(timestamptzArrayBinary(instants), 1184);
    expect(elements.map((e) => e && e.readBigInt64BE(0))).toEqual([
      1000n,
      (BigInt(Date.parse('2025-04-09T07:37:44Z')) - 946_684_800_000n) * 1000n,
      -946_684_800_001_000n,
      null,
    ]);
  });

  it('takes a Date made in another realm, as a worker thread or a vm context hands them over', () => {
    const elements = elementsOf(timestamptzArrayBinary([runInNewContext('new Date(Date.UTC(2000, 0, 1, 0, 0, 1))') as Date]), 1184);
    expect(elements[0]!.readBigInt64BE(0)).toBe(1_000_000n);
  });

  it('refuses a value the element type cannot hold instead of writing something else', () => {
    expect(() => int4NullableArrayBinary([1.5])).toThrow(RangeError);
    expect(() => int4NullableArrayBinary([2 ** 31])).toThrow(RangeError);
    expect(() => boolNullableArrayBinary(['t' as unknown as boolean])).toThrow(TypeError);
    expect(() => float8NullableArrayBinary(['1' as unknown as number])).toThrow(TypeError);
    expect(() => timestamptzArrayBinary([new Date(NaN)])).toThrow(TypeError);
    expect(() => timestamptzArrayBinary(['2024-01-01' as unknown as Date])).toThrow(TypeError);
    expect(() => textArrayBinary([42 as unknown as string])).toThrow(TypeError);
  });
});
