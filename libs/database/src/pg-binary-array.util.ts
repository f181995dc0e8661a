import { isDate } from 'node:util/types';

/**
 * One-dimensional PostgreSQL arrays in their binary wire form (what array_recv reads). A Buffer
 * parameter is sent in binary, so `$n::float8[]` arrives without the server parsing a number's text.
 * The element type must be the one the parameter is cast to: array_recv refuses any other.
 */
const BOOL_OID = 16;
const FLOAT8_OID = 701;
const INT2_OID = 21;
const INT4_OID = 23;
const INT8_OID = 20;
const TEXT_OID = 25;
const TIMESTAMPTZ_OID = 1184;
const ARRAY_HEADER_BYTES = 20;
/** An element's length word saying NULL. */
const NULL_LENGTH = -1;
/** Milliseconds from 1970-01-01 to 2000-01-01, PostgreSQL's timestamp epoch. */
const PG_EPOCH_MS = 946_684_800_000;

/** A DataView of exactly a Buffer's bytes (a small Buffer shares a larger pool): its setters are what the optimising compiler inlines. */
export function viewOf(buffer: Buffer): DataView {
  return new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
}

/** The header of a one-dimensional array, written at `at`; its elements follow. */
function writeArrayHeader(view: DataView, elementOid: number, length: number, at = 0, hasNulls = false): void {
  view.setInt32(at, 1); // one dimension
  view.setInt32(at + 4, hasNulls ? 1 : 0);
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

/** An element of an array that may hold NULLs: null and undefined both stand for NULL. */
export type Nullable<T> = T | null | undefined;

/** A text[] in UTF-8, NULLs allowed. Each length is counted first, so the whole array is one allocation. */
export function textArrayBinary(values: readonly Nullable<string>[]): Buffer {
  const lengths = new Int32Array(values.length);
  let bytes = ARRAY_HEADER_BYTES + 4 * values.length;
  let hasNulls = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      lengths[i] = NULL_LENGTH;
      hasNulls = true;
      continue;
    }
    if (typeof value !== 'string') throw new TypeError(`text array element ${i} is a ${typeof value}, not a string`);
    lengths[i] = utf8Length(value);
    bytes += lengths[i];
  }
  const buffer = Buffer.allocUnsafe(bytes);
  const view = viewOf(buffer);
  writeArrayHeader(view, TEXT_OID, values.length, 0, hasNulls);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < values.length; i++) {
    const length = lengths[i];
    view.setInt32(at, length);
    at += 4;
    if (length === NULL_LENGTH) continue;
    if (buffer.write(values[i]!, at, length, 'utf8') !== length) throw new Error(`text array element ${i} did not encode to ${length} bytes`);
    at += length;
  }
  return buffer;
}

/**
 * Bytes of a string in UTF-8 as Buffer writes it: a lone surrogate becomes U+FFFD (three bytes), as
 * the pg driver's text parameters do too. Counted here, it spares a call into the runtime per element.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // the pair's four bytes, over its two units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** How a fixed-width element type is written: its bytes, and a check of the JS value, since a view's setter would coerce anything. */
interface FixedWidthElement<T> {
  oid: number;
  bytes: number;
  write(view: DataView, at: number, value: T, index: number): void;
}

const INT4: FixedWidthElement<number> = {
  oid: INT4_OID,
  bytes: 4,
  write(view, at, value, index) {
    if (!Number.isInteger(value) || value < -0x8000_0000 || value > 0x7fff_ffff)
      throw new RangeError(`integer array element ${index} is not a 32-bit integer: ${value}`);
    view.setInt32(at, value);
  },
};

const BOOL: FixedWidthElement<boolean> = {
  oid: BOOL_OID,
  bytes: 1,
  write(view, at, value, index) {
    if (typeof value !== 'boolean') throw new TypeError(`boolean array element ${index} is a ${typeof value}`);
    view.setUint8(at, value ? 1 : 0);
  },
};

const FLOAT8: FixedWidthElement<number> = {
  oid: FLOAT8_OID,
  bytes: 8,
  write(view, at, value, index) {
    if (typeof value !== 'number') throw new TypeError(`float8 array element ${index} is a ${typeof value}`);
    view.setFloat64(at, value);
  },
};

/** A timestamptz is microseconds since 2000-01-01 UTC: a Date's instant, whatever the process's time zone. */
const TIMESTAMPTZ: FixedWidthElement<Date> = {
  oid: TIMESTAMPTZ_OID,
  bytes: 8,
  write(view, at, value, index) {
    // Not `instanceof`: a Date made in another realm (a vm context, as under jest) is a Date too.
    const ms = isDate(value) ? value.getTime() : NaN;
    if (!Number.isFinite(ms)) throw new TypeError(`timestamptz array element ${index} is not a valid Date`);
    setInt64(view, at, (ms - PG_EPOCH_MS) * 1000);
  },
};

function fixedWidthArrayBinary<T>(element: FixedWidthElement<T>, values: readonly Nullable<T>[]): Buffer {
  let present = 0;
  for (const value of values) if (value !== null && value !== undefined) present++;
  const buffer = Buffer.allocUnsafe(ARRAY_HEADER_BYTES + 4 * values.length + element.bytes * present);
  const view = viewOf(buffer);
  writeArrayHeader(view, element.oid, values.length, 0, present < values.length);
  let at = ARRAY_HEADER_BYTES;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      view.setInt32(at, NULL_LENGTH);
      at += 4;
      continue;
    }
    view.setInt32(at, element.bytes);
    element.write(view, at + 4, value, i);
    at += 4 + element.bytes;
  }
  return buffer;
}

/** An integer[] (int4), NULLs allowed. */
export const int4NullableArrayBinary = (values: readonly Nullable<number>[]) => fixedWidthArrayBinary(INT4, values);
/** A boolean[], NULLs allowed. */
export const boolNullableArrayBinary = (values: readonly Nullable<boolean>[]) => fixedWidthArrayBinary(BOOL, values);
/** A double precision[] (float8), NULLs allowed. */
export const float8NullableArrayBinary = (values: readonly Nullable<number>[]) => fixedWidthArrayBinary(FLOAT8, values);
/** A timestamptz[] of Dates, NULLs allowed: the instants exactly, to the millisecond a Date holds. */
export const timestamptzArrayBinary = (values: readonly Nullable<Date>[]) => fixedWidthArrayBinary(TIMESTAMPTZ, values);
