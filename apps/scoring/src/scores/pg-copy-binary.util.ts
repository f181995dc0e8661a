import { ARRAY_HEADER_BYTES, FLOAT8_OID, writeArrayHeader } from './pg-binary-array.util';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Days from 1970-01-01 (our day numbers) to 2000-01-01 (PostgreSQL's date epoch). */
const PG_EPOCH_DAY = 10_957;

/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`): the server stores
 * each field's bytes as they come, parsing no text. A field is its length then its bytes (-1: NULL).
 */
export class CopyBinaryWriter {
  private buffer: Buffer;
  private at = 0;

  constructor(expectedBytes = 1 << 16) {
    this.buffer = Buffer.allocUnsafe(Math.max(64, expectedBytes));
    this.bytes(SIGNATURE);
    this.int32(0); // flags
    this.int32(0); // no header extension
  }

  /** Starts a row of `fields` fields taking at most `maxBytes` bytes in all: the field writers then check no room. */
  row(fields: number, maxBytes: number): this {
    this.room(2 + maxBytes);
    this.buffer.writeInt16BE(fields, this.at);
    this.at += 2;
    return this;
  }

  /** A bigint given as a number (exact up to 2^53). */
  int8(value: number): this {
    this.field(8);
    this.buffer.writeInt32BE(Math.floor(value / 0x1_0000_0000), this.at);
    this.buffer.writeUInt32BE(value >>> 0, this.at + 4);
    this.at += 8;
    return this;
  }

  int2(value: number): this {
    this.field(2);
    this.buffer.writeInt16BE(value, this.at);
    this.at += 2;
    return this;
  }

  float8(value: number): this {
    this.field(8);
    this.buffer.writeDoubleBE(value, this.at);
    this.at += 8;
    return this;
  }

  /** A date given as days since 1970-01-01. */
  date(dayNumber: number): this {
    this.field(4);
    this.buffer.writeInt32BE(dayNumber - PG_EPOCH_DAY, this.at);
    this.at += 4;
    return this;
  }

  /** text, varchar or json: UTF-8 bytes (up to three per UTF-16 unit, which the row's maxBytes must allow). */
  text(value: string): this {
    const length = this.buffer.write(value, this.at + 4, 'utf8');
    this.buffer.writeInt32BE(length, this.at);
    this.at += 4 + length;
    return this;
  }

  /** A one-dimensional float8[] of `values[from .. from + length)`, none NULL. */
  float8Array(values: ArrayLike<number>, from: number, length: number): this {
    this.field(ARRAY_HEADER_BYTES + length * 12);
    writeArrayHeader(this.buffer, FLOAT8_OID, length, this.at);
    this.at += ARRAY_HEADER_BYTES;
    for (let i = 0; i < length; i++) {
      this.buffer.writeInt32BE(8, this.at);
      this.buffer.writeDoubleBE(values[from + i], this.at + 4);
      this.at += 12;
    }
    return this;
  }

  /** The rows written, with the trailer: what the COPY stream is sent. */
  finish(): Buffer {
    this.room(2);
    this.buffer.writeInt16BE(-1, this.at);
    this.at += 2;
    return this.buffer.subarray(0, this.at);
  }

  /** A field's length; its bytes follow. */
  private field(length: number): void {
    this.buffer.writeInt32BE(length, this.at);
    this.at += 4;
  }

  private int32(value: number): void {
    this.room(4);
    this.buffer.writeInt32BE(value, this.at);
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
  }
}
