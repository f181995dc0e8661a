import { CopyOutReader, type CopyColumns } from './pg-copy-out-reader.util';

/** A binary COPY stream as PostgreSQL sends it: header (with an optional extension), rows, trailer. */
function stream(rows: (Buffer | null)[][], extension = Buffer.alloc(0)): Buffer {
  const parts = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), int32(0), int32(extension.length), extension];
  for (const row of rows) {
    parts.push(int16(row.length));
    for (const field of row) parts.push(field === null ? int32(-1) : Buffer.concat([int32(field.length), field]));
  }
  parts.push(int16(-1));
  return Buffer.concat(parts);
}
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
function float8(x: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(x);
  return b;
}
const text = (s: string) => Buffer.from(s, 'utf8');
const KINDS = ['text', 'int4', 'float8', 'bool'] as const;
const ROWS = [
  [text('91440300MA5DXXXX1A'), int32(-20_000), float8(1.5), Buffer.from([1])],
  [null, null, null, null],
  [text('天平'), int32(2 ** 31 - 1), float8(-0.25), Buffer.from([0])],
];

function readAll(data: Buffer, pieces: number[], batchSize = 2): CopyColumns[] {
  const reader = new CopyOutReader(KINDS, batchSize);
  const batches: CopyColumns[] = [];
  let at = 0;
  for (const cut of [...pieces, data.length]) {
    batches.push(...reader.push(data.subarray(at, cut)));
    at = cut;
  }
  const last = reader.finish();
  return last ? [...batches, last] : batches;
}

describe('reading a binary COPY stream in batches', () => {
  const data = stream(ROWS);

  it('reads every kind of field, NULLs as NaN or null, into batches of the size asked', () => {
    const [first, second] = readAll(data, []);
    expect(first.rows).toBe(2);
    expect(first.texts[0]).toEqual(['91440300MA5DXXXX1A', null]);
    expect(Array.from(first.numbers[1])).toEqual([-20_000, NaN]);
    expect(Array.from(first.numbers[2])).toEqual([1.5, NaN]);
    expect(Array.from(first.numbers[3])).toEqual([1, NaN]);
    expect(second.rows).toBe(1);
    expect(second.texts[0]).toEqual(['天平']);
    expect(Array.from(second.numbers[1])).toEqual([2 ** 31 - 1]);
    expect(Array.from(second.numbers[2])).toEqual([-0.25]);
    expect(Array.from(second.numbers[3])).toEqual([0]);
  });

  it('reads the same whatever the pieces the stream comes in, down to single bytes', () => {
    const whole = readAll(data, [], 10);
    for (let cut = 1; cut < data.length; cut++) expect(readAll(data, [cut], 10)).toEqual(whole);
    expect(
      readAll(
        data,
        Array.from({ length: data.length - 1 }, (_, i) => i + 1),
        10,
      ),
    ).toEqual(whole);
  });

  it('skips a header extension', () => {
    expect(readAll(stream(ROWS, Buffer.from('ext')), [])).toEqual(readAll(data, []));
  });

  it('refuses a stream that is not what the columns say', () => {
    expect(() => readAll(Buffer.from('id,name\n1,x\n'), [])).toThrow('not a binary COPY stream');
    expect(() => readAll(stream([[text('a'), int32(1)]]), [])).toThrow('a COPY row of 2 fields, expected 4');
    expect(() => readAll(stream([[text('a'), float8(1), float8(1), Buffer.from([1])]]), [])).toThrow('a int4 field of 8 bytes');
  });

  it('refuses a stream cut short or with bytes after its trailer', () => {
    const reader = new CopyOutReader(KINDS, 10);
    reader.push(data.subarray(0, data.length - 5));
    expect(() => reader.finish()).toThrow('ended without its trailer');
    expect(() => new CopyOutReader(KINDS, 10).push(Buffer.concat([data, Buffer.from([0])]))).toThrow('bytes after the COPY trailer');
  });
});
