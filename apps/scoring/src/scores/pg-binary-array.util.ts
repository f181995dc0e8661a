/**
 * One-dimensional PostgreSQL arrays in their binary wire form (what array_recv reads). A Buffer
 * parameter is sent in binary, so `$n::float8[]` arrives without the server parsing a number's text.
 */
export const FLOAT8_OID = 701;
const INT2_OID = 21;
const TEXT_OID = 25;
export const ARRAY_HEADER_BYTES = 20;

/** The header of a one-dimensional array with no NULLs, written at `at`; its elements follow. */
export function writeArrayHeader(buffer: Buffer, elementOid: number, length: number, at = 0): void {
  buffer.writeInt32BE(1, at); // one dimension
  buffer.writeInt32BE(0, at + 4); // no nulls
  buffer.writeInt32BE(elementOid, at + 8);
  buffer.writeInt32BE(length, at + 12);
  buffer.writeInt32BE(1, at + 16); // lower bound
}

export function float8ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + length * 12);
  writeArrayHeader(buffer, FLOAT8_OID, length);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    buffer.writeInt32BE(8, at);
    buffer.writeDoubleBE(values[i], at + 4);
    at += 12;
  }
  return buffer;
}

export function int2ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + length * 6);
  writeArrayHeader(buffer, INT2_OID, length);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    buffer.writeInt32BE(2, at);
    buffer.writeInt16BE(values[i], at + 4);
    at += 6;
  }
  return buffer;
}

export function textArrayBinary(values: readonly string[]): Buffer {
  const encoded = values.map((v) => Buffer.from(v, 'utf8'));
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + encoded.reduce((n, b) => n + 4 + b.length, 0));
  writeArrayHeader(buffer, TEXT_OID, values.length);
  let at = ARRAY_HEADER_BYTES;
  for (const bytes of encoded) {
    buffer.writeInt32BE(bytes.length, at);
    bytes.copy(buffer, at + 4);
    at += 4 + bytes.length;
  }
  return buffer;
}
