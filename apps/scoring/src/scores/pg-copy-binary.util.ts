import { float8ArrayBytes, setInt64, viewOf, writeFloat8Array } from '@tianping/database';

/** What every binary COPY stream begins with. */
export const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Days from 1970-01-01 (our day numbers) to 2000-01-01 (PostgreSQL's date epoch). */
const PG_EPOCH_DAY = 10_957;

/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`): the server stores
 * each field's bytes as they come, parsing no text. A field is its length then its bytes (-1: NULL).
 */
export class CopyBinaryWriter {
  private buffer: Buffer;
  /** The same bytes as `buffer`, written through. */
  private view: DataView;
  private at = 0;

  constructor(expectedBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(Math.max(64, expectedBytes));
    this.view = viewOf(this.buffer);
    this.bytes(COPY_SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // no header extension
  }

  /** Starts a row of `fields` fields taking at most `maxBytes` bytes in all: the field writers then check no room. */
  row(fields: number, maxBytes: number): this {
    this.room(2 + maxBytes);
    this.view.setInt16(this.at, fields);
    this.at += 2;
    return this;
  }

  /** A bigint given as a number (exact up to 2^53). */
  int8(value: number): this {
    this.field(8);
    setInt64(this.view, this.at, value);
    this.at += 8;
    return this;
  }

  int2(value: number): this {
    this.field(2);
    this.view.setInt16(this.at, value);
    this.at += 2;
    return this;
  }

  float8(value: number): this {
    this.field(8);
    this.view.setFloat64(this.at, value);
    this.at += 8;
    return this;
  }

  /** A date given as days since 1970-01-01. */
  date(dayNumber: number): this {
    this.field(4);
    this.view.setInt32(this.at, dayNumber - PG_EPOCH_DAY);
    this.at += 4;
    return this;
  }

  /** text, varchar or json: UTF-8 bytes (up to three per UTF-16 unit, which the row's maxBytes must allow). */
  text(value: string): this {
    const length = this.buffer.write(value, this.at + 4, 'utf8');
    this.view.setInt32(this.at, length);
    this.at += 4 + length;
    return this;
  }

  /** A one-dimensional float8[] of `values[from .. from + length)`, none NULL. */
  float8Array(values: ArrayLike<number>, from: number, length: number): this {
    this.field(float8ArrayBytes(length));
    this.at = writeFloat8Array(this.view, this.at, values, from, length);
    return this;
  }

  /** The rows written, with the trailer: what the COPY stream is sent. */
  finish(): Buffer {
    this.room(2);
    this.view.setInt16(this.at, -1);
    this.at += 2;
    return this.buffer.subarray(0, this.at);
  }

  /** A field's length; its bytes follow. */
  private field(length: number): void {
    this.view.setInt32(this.at, length);
    this.at += 4;
  }

  private int32(value: number): void {
    this.room(4);
    this.view.setInt32(this.at, value);
    this.at += 4;
  }

  private bytes(value: Buffer): void {
    this.room(value.length);
    value.copy(this.buffer, this.at);
    this.at += value.length;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(grown, 0, 0, this.at);
    this.buffer = grown;
    this.view = viewOf(grown);
  }
}
