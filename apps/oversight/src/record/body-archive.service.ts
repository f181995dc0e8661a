import { Injectable } from '@nestjs/common';
import { archivedEntryIntact, archiveFileName, archiveLine, parseArchiveLine } from '@tianping/audit-log';
import { AuditLogService } from './audit-log.service';
import { readArchiveLines, writeArchiveFile, type FileDigest } from './body-archive-file';
import { BodyArchiveRepository, type BodyArchive, type ScoreBodyRow } from './body-archive.repository';

/** Rows read, and rows set to NULL, per statement: memory stays flat however long the range. */
const CHUNK = 5000;

export type ArchivePhase = 'write' | 'check' | 'mark';
export type ArchiveProgress = (phase: ArchivePhase, done: number, total: number) => void;

export type ArchiveResult = { archived: 0 } | (BodyArchive & { archived: number; file: string; entrySeq: number });

/** The seqs of the file's lines, CHUNK at a time: what each UPDATE sets to NULL, every one of them. */
type Span = number[];

/**
 * Moves the bodies of old score entries out of the record into one gzip file of JSON lines, keeping
 * seq, chain link and leaf hash in the row: the Merkle tree, checkpoints and receipts still verify.
 *
 * Archives follow one another in seq order: a run takes the score entries after the last archive, up to
 * the first one recorded at or after the cut-off, except each enterprise's latest score and any score a person
 * still has to act on (its current score, a colour awaiting confirmation, an appeal not closed), which keep their
 * bodies. Those a run left and no one holds any more (the appeal closed, a newer score came) go first into the
 * next run's file, whose range then starts at the earliest of them. The file is written, flushed, read back and every line's
 * leaf hash recomputed before anything in the database changes; then one transaction notes the archive,
 * sets those bodies to NULL (the append-only guard allows exactly that) and logs the archive as an entry
 * of its own, signed like any other. A refusal at any step leaves the record as it was.
 */
@Injectable()
export class BodyArchiveService {
  constructor(
    private readonly repository: BodyArchiveRepository,
    private readonly log: AuditLogService,
  ) {}

  async archive(recordedBefore: Date, dir: string, onProgress?: ArchiveProgress): Promise<ArchiveResult> {
    await this.repository.analyze();
    const previous = await this.repository.last();
    const after = previous?.lastSeq ?? -1;
    const below = await this.repository.treeSize();
    const [leftBehind] = await this.repository.leftBehind(-1, after, recordedBefore, 1);
    const [next] = await this.repository.scoreBodies(after, below, recordedBefore, 1);
    const first = leftBehind ?? (next?.due ? next : undefined);
    if (!first) return { archived: 0 };
    const estimate = await this.repository.countDue(after, below, recordedBefore);

    const written = { count: 0, lastSeq: first.seq };
    const lines = this.lines(after, below, recordedBefore, written, (n) => onProgress?.('write', n, estimate));
    const fileName = () => archiveFileName(first.seq, written.lastSeq);
    const path = await writeArchiveFile(dir, lines, fileName);

    const digest: Partial<FileDigest> = {};
    const spans = await this.check(path, first.seq, written, digest, onProgress);
    const archive: BodyArchive = {
      firstSeq: first.seq,
      lastSeq: written.lastSeq,
      entries: written.count,
      fileName: fileName(),
      sha256: digest.sha256 as string,
      bytes: digest.bytes as number,
      recordedBefore: recordedBefore.toISOString(),
    };
    const entrySeq = await this.commit(archive, previous, spans, onProgress).catch(async (error: Error) => {
      // The file is deleted by no one but the operator: a commit that failed only on its way back may have held.
      const recorded = (await this.repository.all()).some((a) => a.fileName === archive.fileName);
      throw new Error(
        `${error.message} (${path} ${recorded ? 'was recorded nonetheless: keep it' : 'was not recorded: nothing was archived, and it may be deleted'})`,
        {
          cause: error,
        },
      );
    });
    return { archived: archive.entries, file: path, entrySeq, ...archive };
  }

  /** The bodies earlier runs left, then the due score entries after the last archive, as file lines, in chunks; stops at the first not due. */
  private async *lines(after: number, below: number, recordedBefore: Date, written: { count: number; lastSeq: number }, onChunk: (n: number) => void) {
    const take = (rows: ScoreBodyRow[]) => {
      written.count += rows.length;
      written.lastSeq = rows[rows.length - 1].seq;
      onChunk(written.count);
      return rows.map((r) => archiveLine(r) + '\n').join('');
    };
    for (let cursor = -1; ;) {
      const rows = await this.repository.leftBehind(cursor, after, recordedBefore, CHUNK);
      if (rows.length > 0) yield take(rows);
      if (rows.length < CHUNK) break;
      cursor = rows[rows.length - 1].seq;
    }
    for (let cursor = after; ;) {
      const rows = await this.repository.scoreBodies(cursor, below, recordedBefore, CHUNK);
      const due = rows.findIndex((r) => !r.due);
      const taken = due === -1 ? rows : rows.slice(0, due);
      if (taken.length > 0) yield take(taken);
      if (due !== -1 || rows.length < CHUNK) return;
      cursor = rows[rows.length - 1].seq;
    }
  }

  /** Reads the file back: every line whole, in seq order, its leaf hash recomputed from its body; the count as written. */
  private async check(
    path: string,
    firstSeq: number,
    written: { count: number; lastSeq: number },
    digest: Partial<FileDigest>,
    onProgress?: ArchiveProgress,
  ): Promise<Span[]> {
    const spans: Span[] = [];
    let count = 0;
    let lastSeq = -1;
    for await (const line of readArchiveLines(path, digest)) {
      const parsed = parseArchiveLine(line);
      if ('problem' in parsed) throw new Error(`${path}: line ${count + 1} reads back wrong (${parsed.problem}); nothing was archived`);
      const { entry } = parsed;
      if (!archivedEntryIntact(entry)) throw new Error(`${path}: entry ${entry.seq} does not match its leaf hash when read back; nothing was archived`);
      if (entry.seq <= lastSeq || (count === 0 && entry.seq !== firstSeq)) throw new Error(`${path}: entry ${entry.seq} is out of order; nothing was archived`);
      if (count % CHUNK === 0) spans.push([]);
      spans[spans.length - 1].push(entry.seq);
      lastSeq = entry.seq;
      count++;
      if (count % CHUNK === 0) onProgress?.('check', count, written.count);
    }
    if (count !== written.count || lastSeq !== written.lastSeq) {
      throw new Error(
        `${path} reads back ${count} entries through ${lastSeq}, not the ${written.count} through ${written.lastSeq} written; nothing was archived`,
      );
    }
    onProgress?.('check', count, written.count);
    return spans;
  }

  /** One transaction: the archive noted, its bodies set to NULL, and an entry of its own appended and signed. */
  private commit(archive: BodyArchive, previous: BodyArchive | null, spans: Span[], onProgress?: ArchiveProgress): Promise<number> {
    return this.repository.transaction(async (manager) => {
      await this.repository.lock(manager);
      const now = await this.repository.last(manager);
      if ((now?.firstSeq ?? null) !== (previous?.firstSeq ?? null)) {
        throw new Error(`another archive run recorded ${now?.fileName} meanwhile`);
      }
      await this.repository.insert(manager, archive);
      let marked = 0;
      for (const span of spans) {
        const n = await this.repository.markArchived(manager, archive.firstSeq, span);
        if (n !== span.length) {
          throw new Error(
            `${n} score entries in ${span[0]}..${span[span.length - 1]} against ${span.length} lines in the file (a score appealed or made current meanwhile keeps its body: run again)`,
          );
        }
        marked += n;
        onProgress?.('mark', marked, archive.entries);
      }
      const { fileName: file, ...facts } = archive;
      const seq = await this.log.append('archive', file, { file, ...facts }, { manager });
      return seq as number;
    });
  }
}
