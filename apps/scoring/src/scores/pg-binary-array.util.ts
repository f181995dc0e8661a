/**
 * One-dimensional PostgreSQL arrays in their binary wire form (what array_recv reads). A Buffer
 * parameter is sent in binary, so `$n::float8[]` arrives without the server parsing a number's text.
 */
const FLOAT8_OID = 701;
const INT2_OID = 21;
const INT8_OID = 20;
const TEXT_OID = 25;
const ARRAY_HEADER_BYTES = 20;

/** A DataView of exactly a Buffer's bytes (a small Buffer shares a larger pool): its setters are what the optimising compiler inlines. */
export function viewOf(buffer: Buffer): DataView {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** The header of a one-dimensional array with no NULLs, written at `at`; its elements follow. */
function writeArrayHeader(view: DataView, elementOid: number, length: number, at = 0): void {
  view.setInt32(at, 1); // one dimension
  view.setInt32(at + 4, 0); // no nulls
  view.setInt32(at + 8, elementOid);
  view.setInt32(at + 12, length);
  view.setInt32(at + 16, 1); // lower bound
}

/** A whole number (exact up to 2^53) as a big-endian bigint at `at`. */
export function setInt64(view: DataView, at: number, value: number): void {
  view.setInt32(at, Math.floor(value / 0x1_0000_0000));
  view.setUint32(at + 4, value >>> 0);
}

/** Bytes of a float8[] of `length` elements: the header, then each element's length and value. */
export const float8ArrayBytes = (length: number) => ARRAY_HEADER_BYTES + length * 12;

/** The float8[] of `values[from .. from + length)`, none NULL, written at `at`; returns where it ends. */
export function writeFloat8Array(view: DataView, at: number, values: ArrayLike<number>, from: number, length: number): number {
  writeArrayHeader(view, FLOAT8_OID, length, at);
  let p = at + ARRAY_HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    view.setInt32(p, 8);
    view.setFloat64(p + 4, values[from + i]);
    p += 12;
  }
  return p;
}

export function float8ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(float8ArrayBytes(length));
  writeFloat8Array(viewOf(buffer), 0, values, 0, length);
  return buffer;
}

export function int2ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + length * 6);
  const view = viewOf(buffer);
  writeArrayHeader(view, INT2_OID, length);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    view.setInt32(at, 2);
    view.setInt16(at + 4, values[i]);
    at += 6;
  }
  return buffer;
}

/** A bigint[] of whole numbers given as numbers (exact up to 2^53). */
export function int8ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + length * 12);
  const view = viewOf(buffer);
  writeArrayHeader(view, INT8_OID, length);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    view.setInt32(at, 8);
    setInt64(view, at + 4, values[i]);
    at += 12;
  }
  return buffer;
}

export function textArrayBinary(values: readonly string[]): Buffer {
  const encoded = values.map((v) => Buffer.from(v, 'utf8'));
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + encoded.reduce((n, b) => n + 4 + b.length, 0));
  writeArrayHeader(viewOf(buffer), TEXT_OID, values.length);
  let at = ARRAY_HEADER_BYTES;
  for (const bytes of encoded) {
    buffer.writeInt32BE(bytes.length, at);
    bytes.copy(buffer, at + 4);
    at += 4 + bytes.length;
  }
  return buffer;
}
