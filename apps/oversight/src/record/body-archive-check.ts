import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { archivedEntryIntact, parseArchiveLine, type AuditEntry } from '@tianping/audit-log';
import { columnsMatchBody } from './audit-record.util';
import { readArchiveLines, type FileDigest } from './body-archive-file';
import type { ArchivedRow, BodyArchive } from './body-archive.repository';

/** What `audit verify --archives DIR` found of one archive file. */
export interface ArchiveFileCheck {
  file: string;
  ok: boolean;
  /** Bodies in the file checked against the record's leaf hashes. */
  bodiesChecked: number;
  /** The first thing wrong: missing, unreadable, a SHA-256 other than the record's, or an entry named. */
  problem?: string;
  /** The entry that problem is about, when one is. */
  seq?: number;
}

/** The archived rows of one archive, in seq order, in chunks (from a snapshot of the record). */
export type ArchivedRows = (archive: BodyArchive) => AsyncIterable<ArchivedRow[]>;

async function* flatten(chunks: AsyncIterable<ArchivedRow[]>): AsyncGenerator<ArchivedRow> {
  for await (const chunk of chunks) yield* chunk;
}

/** What is wrong with a line against the row the record holds for its seq, if anything. */
function lineProblem(entry: AuditEntry, row: ArchivedRow): string | undefined {
  if (!archivedEntryIntact(entry)) return `entry ${entry.seq}: the body in the file does not match its own leaf hash`;
  if (entry.leafHash !== row.leafHash || entry.prevHash !== row.prevHash) return `entry ${entry.seq}: the file's leaf hash is not the record's`;
  if (!columnsMatchBody({ ...row, bodyJson: entry.bodyJson })) return `entry ${entry.seq}: kind, subject_ref or recorded_at differs from the archived body`;
  return undefined;
}

/**
 * Checks one archive file against the record: its SHA-256 and size against the signed archive entry's,
 * and line by line against the rows that name it (merged in seq order), each body against its leaf
 * hash. A changed, missing, swapped or cut file is named, with the first entry it fails for.
 */
export async function checkArchiveFile(dir: string, archive: BodyArchive, rowsOf: ArchivedRows): Promise<ArchiveFileCheck> {
  const path = join(dir, archive.fileName);
  const result: ArchiveFileCheck = { file: archive.fileName, ok: false, bodiesChecked: 0 };
  if (!existsSync(path)) return { ...result, problem: `missing from ${dir}` };
  const digest: Partial<FileDigest> = {};
  const rows = flatten(rowsOf(archive))[Symbol.asyncIterator]();
  let row = await rows.next();
  let problem: { text: string; seq?: number } | undefined;
  try {
    for await (const line of readArchiveLines(path, digest)) {
      if (problem) continue; // read on to the end for the file's digest
      const parsed = parseArchiveLine(line);
      if ('problem' in parsed) {
        problem = { text: `line ${result.bodiesChecked + 1}: ${parsed.problem}` };
        continue;
      }
      const { entry } = parsed;
      if (row.done || entry.seq < row.value.seq) {
        problem = { text: `entry ${entry.seq} is in the file but its body is not archived there`, seq: entry.seq };
        continue;
      }
      if (entry.seq > row.value.seq) {
        problem = { text: `entry ${row.value.seq} is archived there but missing from the file`, seq: row.value.seq };
        continue;
      }
      const wrong = lineProblem(entry, row.value);
      if (wrong) problem = { text: wrong, seq: entry.seq };
      else result.bodiesChecked++;
      row = await rows.next();
    }
  } catch (error) {
    return { ...result, problem: `unreadable: ${(error as Error).message}` };
  }
  if (!problem && !row.done) problem = { text: `entry ${row.value.seq} is archived there but missing from the file`, seq: row.value.seq };
  if (digest.sha256 !== archive.sha256 || digest.bytes !== archive.bytes) {
    const sha = `SHA-256 ${digest.sha256?.slice(0, 16)}… (${digest.bytes} bytes) is not the record's ${archive.sha256.slice(0, 16)}… (${archive.bytes} bytes)`;
    problem = problem ? { ...problem, text: `${sha}; ${problem.text}` } : { text: sha };
  }
  if (!problem) return { ...result, ok: true };
  return { ...result, problem: problem.text, ...(problem.seq === undefined ? {} : { seq: problem.seq }) };
}
