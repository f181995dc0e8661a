/**
 * One-dimensional PostgreSQL arrays in their binary wire form (what array_recv reads). A Buffer
 * parameter is sent in binary, so `$n::float8[]` arrives without the server parsing a number's text.
 */
const FLOAT8_OID = 701;
const INT2_OID = 21;
const TEXT_OID = 25;
const HEADER_BYTES = 20;

function header(buffer: Buffer, elementOid: number, length: number): void {
  buffer.writeInt32BE(1, 0); // one dimension
  buffer.writeInt32BE(0, 4); // no nulls
  buffer.writeInt32BE(elementOid, 8);
  buffer.writeInt32BE(length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
}

export function float8ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(HEADER_BYTES + length * 12);
  header(buffer, FLOAT8_OID, length);
  let at = HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    buffer.writeInt32BE(8, at);
    buffer.writeDoubleBE(values[i], at + 4);
    at += 12;
  }
  return buffer;
}

export function int2ArrayBinary(values: ArrayLike<number>, length = values.length): Buffer {
  const buffer = Buffer.allocUnsafe(HEADER_BYTES + length * 6);
  header(buffer, INT2_OID, length);
  let at = HEADER_BYTES;
  for (let i = 0; i < length; i++) {
    buffer.writeInt32BE(2, at);
    buffer.writeInt16BE(values[i], at + 4);
    at += 6;
  }
  return buffer;
}

export function textArrayBinary(values: readonly string[]): Buffer {
  const encoded = values.map((v) => Buffer.from(v, 'utf8'));
  const buffer = Buffer.allocUnsafe(HEADER_BYTES + encoded.reduce((n, b) => n + 4 + b.length, 0));
  header(buffer, TEXT_OID, values.length);
  let at = HEADER_BYTES;
  for (const bytes of encoded) {
    buffer.writeInt32BE(bytes.length, at);
    bytes.copy(buffer, at + 4);
    at += 4 + bytes.length;
  }
  return buffer;
}
