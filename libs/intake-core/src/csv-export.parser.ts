import { CsvError, Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { createChunkDecoder, decodeExport, sniffEncoding } from './encoding.util';
import { CsvOutcome, CsvRowReader } from './csv-row.reader';
import { CsvLineSplitter, MAX_QUOTED_CHARS } from './csv-lines.util';
import { CsvSourceKind, ParseContext } from './intake.model';

// Relaxed so that a malformed row is reported as that row, never as an exception for the whole file.
const BASE_OPTIONS: Options = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_error: true,
  raw: true,
};

const UNCLOSED = 'CSV_QUOTE_NOT_CLOSED';
const UNCLOSED_TOO_LONG = `a quoted field opened on this row is not closed within ${MAX_QUOTED_CHARS} characters, more than any record holds: read as a quote never closed (CSV_QUOTE_NOT_CLOSED)`;

/** With `raw: true` csv-parse hands on_record `{ record, raw }` rather than the cells alone. */
type RawEntry = { record: string[]; raw: string } | string[];
const cellsOf = (entry: RawEntry): string[] => (Array.isArray(entry) ? entry : entry.record);

/** The first line of an unreadable tail, and the rest (which is read again, so one bad quote costs one row). */
function splitFirstLine(text: string): { first: string; rest: string } {
  const m = /\r\n|\n|\r/.exec(text);
  return m === null ? { first: text, rest: '' } : { first: text.slice(0, m.index), rest: text.slice(m.index + m[0].length) };
}

function syntaxReject<K extends CsvSourceKind>(reader: CsvRowReader<K>, err: CsvError | undefined, raw: string): CsvOutcome<K> {
  return reader.reject(raw, 'csv_syntax', `the row is not well-formed CSV (${err?.code ?? 'unknown error'})`);
}

/**
 * Parses a line holding quotes (with the next ones while a quoted field is open) with csv-parse. A quote
 * left open swallows the rest of the input in csv-parse, so its first line is rejected and the rest is
 * returned to be read again: one bad quote costs one row, not the remainder of the file.
 */
function readQuoted<K extends CsvSourceKind>(reader: CsvRowReader<K>, text: string, emit: (o: CsvOutcome<K>) => void): string {
  let rest = '';
  parseSync(text, {
    ...BASE_OPTIONS,
    on_record: (entry: RawEntry) => {
      const outcome = reader.accept(cellsOf(entry));
      if (outcome !== null) emit(outcome);
      return null;
    },
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      if (err?.code === UNCLOSED && raw !== undefined) {
        const split = splitFirstLine(raw);
        emit(syntaxReject(reader, err, split.first));
        rest = split.rest;
      } else {
        emit(syntaxReject(reader, err, raw ?? ''));
      }
      return undefined;
    },
  });
  return rest;
}

/** A splitter wired to the reader; `tail()` is the text to read again after an unclosed quote. */
function pieceReader<K extends CsvSourceKind>(reader: CsvRowReader<K>, emit: (o: CsvOutcome<K>) => void): { splitter: CsvLineSplitter; tail(): string } {
  let tail = '';
  const splitter = new CsvLineSplitter((piece) => {
    if ('plain' in piece) {
      const outcome = reader.accept(piece.plain.split(','));
      if (outcome !== null) emit(outcome);
    } else if ('unclosed' in piece) {
      emit(reader.reject(piece.unclosed, 'csv_syntax', UNCLOSED_TOO_LONG));
    } else {
      // A quoted field left open only ever ends the input, so at most one tail is pending.
      tail = readQuoted(reader, piece.quoted, emit);
    }
  });
  return { splitter, tail: () => tail };
}

/** Reads the rest of an input after an unclosed quote, as often as needed (a loop, so many bad quotes stay safe). */
function readTails<K extends CsvSourceKind>(reader: CsvRowReader<K>, first: string, emit: (o: CsvOutcome<K>) => void): void {
  for (let pending = first; pending !== '';) {
    const pieces = pieceReader(reader, emit);
    pieces.splitter.write(pending);
    pieces.splitter.end();
    pending = pieces.tail();
  }
}

/** Parses a whole Platform A export (subjects, cases or officers): one outcome per data row, in order. */
export function parseCsvExport<K extends CsvSourceKind>(kind: K, input: Buffer | string, ctx: ParseContext): CsvOutcome<K>[] {
  const text = typeof input === 'string' ? input : decodeExport(input).text;
  const reader = new CsvRowReader(kind, ctx);
  const outcomes: CsvOutcome<K>[] = [];
  try {
    readTails(reader, text, (o) => outcomes.push(o));
  } catch (err) {
    // csv-parse should not throw with these options; if it does, what was read is kept and the rest is one rejection.
    outcomes.push(syntaxReject(reader, err instanceof CsvError ? err : undefined, ''));
  }
  return outcomes;
}

const SNIFF_BYTES = 64 * 1024;

/** Decodes a byte stream after sniffing its encoding from the first 64 KiB. */
async function* decodedChunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let head: Buffer[] = [];
  let headBytes = 0;
  let decoder: ReturnType<typeof createChunkDecoder> | null = null;
  const rest = (): string => {
    if (decoder !== null) return decoder.end();
    const whole = Buffer.concat(head);
    return whole.length > 0 ? decodeExport(whole).text : '';
  };
  try {
    for await (const chunk of source) {
      if (typeof chunk === 'string') {
        yield chunk;
        continue;
      }
      if (decoder !== null) {
        yield decoder.write(chunk);
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) continue;
      const prefix = Buffer.concat(head);
      decoder = createChunkDecoder(sniffEncoding(prefix, false));
      head = [];
      yield decoder.write(prefix);
    }
  } catch (error) {
    // The source failed part-way: the bytes it did give are handed on before the failure.
    yield rest();
    throw error;
  }
  const text = rest();
  if (text !== '') yield text;
}

/**
 * Streaming variant for large exports: the same outcomes as parseCsvExport, produced as the bytes
 * arrive (encoding sniffed from the first 64 KiB), so memory stays flat and the consumer sets the pace.
 */
export async function* parseCsvStream<K extends CsvSourceKind>(
  kind: K,
  readable: AsyncIterable<Buffer | string>,
  ctx: ParseContext,
): AsyncGenerator<CsvOutcome<K>> {
  const reader = new CsvRowReader(kind, ctx);
  let ready: CsvOutcome<K>[] = [];
  const emit = (o: CsvOutcome<K>): void => void ready.push(o);
  const pieces = pieceReader(reader, emit);
  try {
    for await (const text of decodedChunks(readable)) {
      pieces.splitter.write(text);
      const batch = ready;
      ready = [];
      yield* batch;
    }
    pieces.splitter.end();
    readTails(reader, pieces.tail(), emit);
  } catch (err) {
    // A failing source (a client gone mid-upload, an I/O error) is not a bad record: what was read whole is
    // handed on, then the failure, so the run can say it ended early. The parser's own error is one rejection.
    if (!(err instanceof CsvError)) {
      yield* ready;
      throw err;
    }
    emit(syntaxReject(reader, err, ''));
  }
  yield* ready;
}
