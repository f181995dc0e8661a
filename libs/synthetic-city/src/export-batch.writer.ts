import type { Prng } from '@tianping/common';
import { emptyExpected, type CityFile, type Expected, type RecordKind } from './city-options.model';
import { FileSink, type ExportEncoding } from './file-sink.util';
import { EXTRA_HEADERS } from './headers.data';

/** One row waiting to be written, with what counting needs to know about it. */
export interface Appearance {
  /** The record's key (credit code, case number, officer id, clue id); null for invalid rows. */
  key: string | null;
  /** Which version of the record this row carries: 0 is the newest. Identical version ⇒ identical row. */
  version: number;
  /** 更新时间 / updated_at of that version, in a spelling that sorts chronologically ('' when not versioned). */
  stamp: string;
  /** CSV: fields in contract order; JSON Lines: the finished line. */
  payload: string[] | string;
}

/** Where rows of one kind go: one of the kind's files, by index. */
export interface RowSink {
  readonly fileCount: number;
  add(fileIndex: number, appearance: Appearance): void;
}

export interface ExportFileSpec {
  path: string;
  encoding: ExportEncoding;
  /** Windows-era exports end lines with CRLF. */
  crlf?: boolean;
}

interface OpenFile {
  spec: ExportFileSpec;
  sink: FileSink;
  /** Contract column index for each written column, or -1 for the extra unknown column. */
  columns: number[];
  extraValue: string;
  rows: number;
  pending: Appearance[];
  /** Rows added through `interleaved`: placed among the shuffled others by a stream of their own. */
  interleaved: Appearance[];
}

/**
 * The files of one kind of record. Rows are buffered per chunk, shuffled inside the chunk, counted in
 * the order an intake will read them (file by file, row by row), then written. Every appearance of one
 * record lives in the same chunk, so counting needs no memory beyond the chunk.
 */
export class ExportBatch implements RowSink {
  readonly expected: Expected = emptyExpected();
  /**
   * Rows that `flush` scatters among the others with its second stream, leaving the others' order, and
   * the first stream, as they would be without them.
   */
  readonly interleaved: RowSink;
  private readonly files: OpenFile[];

  constructor(
    readonly kind: RecordKind,
    outDir: string,
    specs: readonly ExportFileSpec[],
    headers: readonly string[] | null,
    prng: Prng,
  ) {
    this.files = specs.map((spec) => {
      const sink = new FileSink(`${outDir}/${spec.path}`, spec.encoding);
      let columns: number[] = [];
      let extraValue = '';
      if (headers) {
        columns = prng.shuffle(headers.map((_, i) => i));
        if (prng.bernoulli(0.5)) {
          columns.splice(prng.int(0, columns.length), 0, -1);
          extraValue = prng.pick(['', '', '市执法平台', '系统导出']);
        }
      }
      return { spec, sink, columns, extraValue, rows: 0, pending: [], interleaved: [] };
    });
    this.interleaved = { fileCount: this.files.length, add: (fileIndex, appearance) => this.files[fileIndex].interleaved.push(appearance) };
    if (headers) {
      for (const file of this.files) {
        const extraHeader = prng.pick(EXTRA_HEADERS);
        const line = file.columns.map((c) => (c < 0 ? extraHeader : headers[c])).join(',');
        void file.sink.write(line + (file.spec.crlf ? '\r\n' : '\n'));
      }
    }
  }

  get fileCount(): number {
    return this.files.length;
  }

  add(fileIndex: number, appearance: Appearance): void {
    this.files[fileIndex].pending.push(appearance);
  }

  /** Shuffles, counts and writes everything buffered since the last flush. */
  async flush(prng: Prng, interleavePrng: Prng = prng): Promise<void> {
    const accepted = new Map<string, { version: number; stamp: string }>();
    for (const file of this.files) {
      const rows = prng.shuffle(file.pending);
      for (const row of file.interleaved) rows.splice(interleavePrng.int(0, rows.length), 0, row);
      file.pending = [];
      file.interleaved = [];
      const eol = file.spec.crlf ? '\r\n' : '\n';
      let text = '';
      for (const row of rows) {
        this.count(row, accepted);
        text += (typeof row.payload === 'string' ? row.payload : this.csvLine(file, row.payload)) + eol;
      }
      file.rows += rows.length;
      await file.sink.write(text);
    }
  }

  async close(): Promise<CityFile[]> {
    for (const file of this.files) await file.sink.close();
    return this.files.map((file) => ({ path: file.spec.path, kind: this.kind, encoding: file.spec.encoding, rows: file.rows }));
  }

  private count(row: Appearance, accepted: Map<string, { version: number; stamp: string }>): void {
    const expected = this.expected;
    expected.rows++;
    if (row.key === null) {
      expected.invalid++;
      return;
    }
    expected.valid++;
    const current = accepted.get(row.key);
    if (!current) {
      expected.distinct++;
      accepted.set(row.key, { version: row.version, stamp: row.stamp });
    } else if (current.version === row.version) {
      expected.duplicates++;
    } else if (row.stamp > current.stamp) {
      expected.newerVersions++;
      accepted.set(row.key, { version: row.version, stamp: row.stamp });
    } else {
      expected.staleVersions++;
    }
  }

  private csvLine(file: OpenFile, fields: readonly string[]): string {
    let line = '';
    for (let i = 0; i < file.columns.length; i++) {
      const c = file.columns[i];
      if (i > 0) line += ',';
      line += c < 0 ? file.extraValue : csvField(fields[c]);
    }
    return line;
  }
}

/** Quotes only when needed; the generator's vocabulary has no commas, but defects might one day. */
function csvField(value: string): string {
  if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) return value;
  return `"${value.replace(/"/g, '""')}"`;
}
