import { float8ArrayBinary, int2ArrayBinary, int8ArrayBinary, textArrayBinary } from './pg-binary-array.util';

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
