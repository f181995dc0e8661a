import { randomUUID } from 'node:crypto';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeExport, parseClueValue, parseCluesJsonl, type SourceKind } from '@tianping/intake-core';
import { BatchWriter, type AnyOutcome } from './batch-writer';
import { detectExportKind, INGEST_ORDER } from './export-kind.util';
import { ExportParseThread } from './export-parse.thread';
import { addCounts, emptyCounts, type IngestCounts } from './ingest-counts';
import { IngestRepository } from './ingest.repository';
import { ClueRelinker } from './clue-relinker';

export const BATCH_SIZE = 5000;

export interface FileReport {
  file: string;
  kind: SourceKind;
  counts: IngestCounts;
  seconds: number;
}

/** A file a directory load left out, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

const UNKNOWN_EXPORT = 'not a known export: its first line holding a value is no header of subjects, cases or officers, nor JSON';

export interface IngestProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
  records: number;
}

/** Reads exports as the platforms deliver them and writes them in batches; every record is accounted for. */
/** The source every upload over HTTP is recorded with: one upload is told from another by its run id alone. */
export const HTTP_SOURCE = 'http';

@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly writer: BatchWriter,
    private readonly repository: IngestRepository,
    private readonly relinker: ClueRelinker,
  ) {}

  /**
   * Loads every export in a directory, officers and subjects first so clues find their enterprise.
   * A .csv or .jsonl file that is no known export (its header unread) is skipped, and `onSkipped` told why.
   */
  async ingestDirectory(dir: string, onProgress?: (p: IngestProgress) => void, onSkipped?: (file: SkippedFile) => void): Promise<FileReport[]> {
    const files: { path: string; kind: SourceKind; size: number }[] = [];
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const info = await stat(path);
      if (!info.isFile() || !/\.(csv|jsonl|ndjson)$/i.test(name)) continue;
      const kind = await this.sniffKind(path);
      if (kind) files.push({ path, kind, size: info.size });
      else {
        this.logger.warn(`${name}: not a known export, skipped`);
        onSkipped?.({ file: path, reason: UNKNOWN_EXPORT });
      }
    }
    files.sort((a, b) => INGEST_ORDER.indexOf(a.kind) - INGEST_ORDER.indexOf(b.kind) || a.path.localeCompare(b.path));
    const reports: FileReport[] = [];
    const parser = new ExportParseThread();
    try {
      for (const file of files) reports.push(await this.readFile(parser, file.path, file.kind, onProgress));
    } finally {
      await parser.close();
    }
    // Once, after all files: clues read before their subject (here or earlier) find it now.
    if (files.some((f) => f.kind === 'subjects')) await this.relinkClues();
    return reports;
  }

  /** One export file; subjects that arrive this way link the clues that came before them. */
  async ingestFile(path: string, kind?: SourceKind, onProgress?: (p: IngestProgress) => void): Promise<FileReport> {
    const parser = new ExportParseThread();
    const report = await this.readFile(parser, path, kind, onProgress).finally(() => parser.close());
    await this.afterSubjects(report.kind, report.counts);
    return report;
  }

  /** A CSV export posted over HTTP: as a file, new subjects link the clues that came before them. */
  async ingestExport(kind: SourceKind, outcomes: AsyncIterable<AnyOutcome> | Iterable<AnyOutcome>, source: string): Promise<IngestCounts> {
    const { counts, failure } = await this.writeOutcomes(kind, outcomes, source);
    // The subjects kept from an upload cut off part-way link their waiting clues too.
    await this.afterSubjects(kind, counts);
    if (failure !== null) throw failure;
    return counts;
  }

  /**
   * Platform B pushes clues live, often before Platform A's next export holds their enterprise:
   * whenever subjects are added or changed, unlinked clues are tried again (by code, else by name and address).
   */
  async afterSubjects(kind: SourceKind, counts: Pick<IngestCounts, 'inserted' | 'updated'>): Promise<void> {
    if (kind === 'subjects' && counts.inserted + counts.updated > 0) await this.relinkClues();
  }

  private async relinkClues(): Promise<void> {
    const started = performance.now();
    const relinked = await this.relinker.relinkAll();
    this.logger.log(`relinked ${relinked.linked} of ${relinked.examined} unlinked clues in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  private async readFile(parser: ExportParseThread, path: string, kind?: SourceKind, onProgress?: (p: IngestProgress) => void): Promise<FileReport> {
    const fileKind = kind ?? (await this.sniffKind(path));
    if (!fileKind) throw new Error(`${path}: not a known export (no recognised header)`);
    const started = performance.now();
    const total = (await stat(path)).size;
    const read = { bytesRead: 0 };
    const outcomes = parser.parse({ path, kind: fileKind, now: Date.now() }, read) as AsyncIterable<AnyOutcome>;
    const counts = await this.ingestOutcomes(fileKind, outcomes, path, (records) =>
      onProgress?.({ file: path, bytesDone: read.bytesRead, bytesTotal: total, records }),
    );
    return { file: path, kind: fileKind, counts, seconds: (performance.now() - started) / 1000 };
  }

  /** Writes outcomes in batches; while one batch is written, the next is parsed. */
  async ingestOutcomes(
    kind: SourceKind,
    outcomes: AsyncIterable<AnyOutcome> | Iterable<AnyOutcome>,
    source: string,
    onBatch?: (records: number) => void,
  ): Promise<IngestCounts> {
    const { counts, failure } = await this.writeOutcomes(kind, outcomes, source, onBatch);
    if (failure !== null) throw failure;
    return counts;
  }

  /** What was written, and why the input ended early (null when it was read to its end). */
  private async writeOutcomes(
    kind: SourceKind,
    outcomes: AsyncIterable<AnyOutcome> | Iterable<AnyOutcome>,
    source: string,
    onBatch?: (records: number) => void,
  ): Promise<{ counts: IngestCounts; failure: unknown }> {
    const runId = randomUUID();
    await this.repository.startRun(this.dataSource.manager, runId, source);
    const total = emptyCounts();
    let pending: Promise<IngestCounts> | undefined;
    let batch: AnyOutcome[] = [];
    const flush = async () => {
      if (pending) addCounts(total, await pending);
      onBatch?.(total.read);
    };
    let failure: unknown = null;
    try {
      for await (const outcome of outcomes) {
        batch.push(outcome);
        if (batch.length < BATCH_SIZE) continue;
        // Prepared while the batch before is being written.
        const prepared = await this.writer.prepare(kind, batch, source, runId);
        await flush();
        pending = this.writer.write(kind, prepared, source, runId);
        batch = [];
      }
    } catch (error) {
      // The input failed part-way (a client gone mid-upload, a file cut off): every whole record read is
      // kept, as if the export had ended there, and the run says so. A write that failed fails again below.
      failure = error;
    }
    await flush();
    if (batch.length) addCounts(total, await this.writer.write(kind, batch, source, runId));
    onBatch?.(total.read);
    const endedEarly = failure === null ? null : `ended early after ${total.read} records (${(failure as Error).message ?? failure}); send the rest again`;
    await this.repository.finishRun(this.dataSource.manager, runId, { kind, ...total }, endedEarly);
    return { counts: total, failure };
  }

  /** Clues pushed over NATS or posted over HTTP: one object, an array of them, or JSON Lines text. */
  async ingestClues(payload: unknown, source: string): Promise<IngestCounts> {
    const ctx = { now: new Date() };
    const whole = typeof payload === 'string' ? parseWholeJson(payload) : payload;
    const outcomes =
      whole === NOT_JSON
        ? parseCluesJsonl(payload as string, ctx)
        : Array.isArray(whole)
          ? whole.map((value, i) => parseClueValue(value, i + 1, ctx))
          : [parseClueValue(whole, 1, ctx)];
    return this.ingestOutcomes('clues', outcomes, source);
  }

  private async sniffKind(path: string): Promise<SourceKind | null> {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const head = buffer.subarray(0, bytesRead);
      // Cut at the last newline so a multi-byte character split by the sample cannot mislead the decoder.
      const lastNewline = head.lastIndexOf(0x0a);
      return detectExportKind(decodeExport(lastNewline > 0 ? head.subarray(0, lastNewline) : head).text);
    } finally {
      await handle.close();
    }
  }
}

const NOT_JSON = Symbol('not JSON');

/** A text that is one JSON value (an object or an array); JSON Lines with several lines is not. */
function parseWholeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
