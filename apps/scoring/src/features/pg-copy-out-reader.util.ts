import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { viewOf } from '@tianping/database';
import { COPY_SIGNATURE } from '../scores/pg-copy-binary.util';

/** How a column of `COPY … TO STDOUT (FORMAT binary)` is read: its SQL type, cast so in the query. */
export type CopyColumnKind = 'text' | 'int4' | 'float8' | 'bool';

/**
 * One batch of rows read column by column, each column exactly `rows` long. Numbers and booleans go
 * in a Float64Array each, with NaN for NULL (booleans as 1 and 0); text in a string array, with null
 * for NULL.
 */
export interface CopyColumns {
  rows: number;
  numbers: Float64Array[];
  texts: (string | null)[][];
}

const HEADER_BYTES = COPY_SIGNATURE.length + 8;

/**
 * Reads PostgreSQL's binary COPY stream (the server sends it in pieces that split rows anywhere) into
 * batches of `batchSize` rows, columns in the given kinds and order. `numbers[j]` and `texts[j]` are
 * filled for column j by its kind; the other is left empty. Throws on a stream that is not what the
 * kinds say, rather than reading it as something else.
 */
export class CopyOutReader {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  private ended = false;
  private batch: CopyColumns;

  constructor(
    private readonly kinds: readonly CopyColumnKind[],
    private readonly batchSize: number,
  ) {
    this.batch = this.newBatch();
  }

  /** Takes the next piece of the stream; returns the batches it completed. */
  push(piece: Buffer): CopyColumns[] {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, piece]) : piece;
    const full: CopyColumns[] = [];
    let at = 0;
    if (!this.headerRead) {
      const seen = Math.min(data.length, COPY_SIGNATURE.length);
      if (!data.subarray(0, seen).equals(COPY_SIGNATURE.subarray(0, seen))) throw new Error('not a binary COPY stream');
      if (data.length < HEADER_BYTES) return this.keep(data, 0, full);
      const extension = data.readInt32BE(COPY_SIGNATURE.length + 4);
      if (data.length < HEADER_BYTES + extension) return this.keep(data, 0, full);
      at = HEADER_BYTES + extension;
      this.headerRead = true;
    }
    const view = viewOf(data);
    while (at + 2 <= data.length) {
      const fields = view.getInt16(at);
      if (fields === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (fields !== this.kinds.length) throw new Error(`a COPY row of ${fields} fields, expected ${this.kinds.length}`);
      const end = this.readRow(data, view, at + 2);
      if (end < 0) break;
      at = end;
      if (this.batch.rows === this.batchSize) {
        full.push(this.batch);
        this.batch = this.newBatch();
      }
    }
    return this.keep(data, at, full);
  }

  /** The last, partial batch (its columns cut to its rows), once the stream has ended with its trailer. */
  finish(): CopyColumns | null {
    if (!this.ended) throw new Error('the COPY stream ended without its trailer');
    if (this.pending.length > 0) throw new Error('bytes after the COPY trailer');
    const { rows, numbers, texts } = this.batch;
    if (rows === 0) return null;
    return { rows, numbers: numbers.map((c) => c.subarray(0, rows)), texts: texts.map((c) => c.slice(0, rows)) };
  }

  private keep(data: Buffer, from: number, full: CopyColumns[]): CopyColumns[] {
    // Copied: the piece's memory is the stream's and may be reused.
    this.pending = from < data.length ? Buffer.from(data.subarray(from)) : Buffer.alloc(0);
    if (this.ended && this.pending.length > 0) throw new Error('bytes after the COPY trailer');
    return full;
  }

  /** Reads the row whose fields start at `at` and returns where it ends, or -1 (nothing counted) if it is not all here yet. */
  private readRow(data: Buffer, view: DataView, at: number): number {
    const i = this.batch.rows;
    let p = at;
    for (let j = 0; j < this.kinds.length; j++) {
      if (p + 4 > data.length) return -1;
      const length = view.getInt32(p);
      p += 4;
      if (p + Math.max(0, length) > data.length) return -1;
      const kind = this.kinds[j];
      if (kind === 'text') {
        this.batch.texts[j][i] = length < 0 ? null : data.toString('utf8', p, p + length);
      } else {
        this.batch.numbers[j][i] = length < 0 ? NaN : readNumber(kind, view, p, length);
      }
      p += Math.max(0, length);
    }
    this.batch.rows++;
    return p;
  }

  private newBatch(): CopyColumns {
    return {
      rows: 0,
      numbers: this.kinds.map((k) => (k === 'text' ? new Float64Array(0) : new Float64Array(this.batchSize))),
      texts: this.kinds.map((k) => (k === 'text' ? new Array<string | null>(this.batchSize) : [])),
    };
  }
}

function readNumber(kind: Exclude<CopyColumnKind, 'text'>, view: DataView, at: number, length: number): number {
  const expected = kind === 'int4' ? 4 : kind === 'float8' ? 8 : 1;
  if (length !== expected) throw new Error(`a ${kind} field of ${length} bytes`);
  if (kind === 'int4') return view.getInt32(at);
  if (kind === 'float8') return view.getFloat64(at);
  return view.getUint8(at) === 0 ? 0 : 1;
}

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on the client and yields its rows in batches. Up to
 * `ahead` batches are read before the caller takes them, so the server goes on while the caller works;
 * beyond that the stream pauses and the server waits. A caller that stops early has the statement
 * cancelled (through `cancel`, on another connection) and its end awaited, so the client is usable again.
 */
export async function* copyOutBatches(
  client: ClientBase,
  copySql: string,
  kinds: readonly CopyColumnKind[],
  batchSize: number,
  cancel: () => Promise<unknown>,
  ahead = 2,
): AsyncGenerator<CopyColumns> {
  const reader = new CopyOutReader(kinds, batchSize);
  const stream = client.query(copyTo(copySql));
  const ready: CopyColumns[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  stream.on('data', (piece: Buffer) => {
    if (failure) return; // discarding what remains until the cancelled statement ends
    try {
      ready.push(...reader.push(piece));
    } catch (error) {
      failure = error as Error;
    }
    if (ready.length >= ahead && !failure) stream.pause();
    notify();
  });
  stream.on('end', () => {
    try {
      const last = reader.finish();
      if (last) ready.push(last);
    } catch (error) {
      failure ??= error as Error;
    }
    ended = true;
    notify();
  });
  stream.on('error', (error: Error) => {
    failure ??= error;
    ended = true;
    notify();
  });
  try {
    for (;;) {
      const batch = ready.shift();
      if (batch) {
        if (ready.length < ahead) stream.resume();
        yield batch;
      } else if (failure) {
        throw failure;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    if (!ended) {
      failure ??= new Error('the COPY was stopped before its end');
      // Should the cancel not get through, the rest of the stream is read and dropped: slower, still an end.
      await cancel().catch(() => undefined);
      stream.resume();
      while (!ended) await new Promise<void>((resolve) => (wake = resolve));
    }
  }
}
