import { entryLeafHash, type AuditEntry } from './audit-entry.util';
import { isHexHash } from './merkle-hash.util';

/**
 * One line of a body archive file (JSON Lines, gzip-compressed): the entry's seq, chain link and leaf
 * hash, then its body spliced in as the exact stored text, so what was hashed is what comes back:
 *
 *   {"seq":12,"prev":"<64 hex>","leaf":"<64 hex>","body":{"at":…}}
 *
 * Any JSON reader can read a line; parseArchiveLine recovers the body's bytes without re-serialising.
 */
export function archiveLine(entry: AuditEntry): string {
  return `{"seq":${entry.seq},"prev":"${entry.prevHash}","leaf":"${entry.leafHash}","body":${entry.bodyJson}}`;
}

const LINE_HEAD = /^\{"seq":(0|[1-9][0-9]{0,15}),"prev":"([0-9a-f]{64})","leaf":"([0-9a-f]{64})","body":/;

/** The entry a line holds, or a reason it is not a line of an archive file. */
export function parseArchiveLine(line: string): { entry: AuditEntry } | { problem: string } {
  const head = LINE_HEAD.exec(line);
  if (!head || !line.endsWith('}')) return { problem: 'not a line of a body archive' };
  const seq = Number(head[1]);
  if (!Number.isSafeInteger(seq)) return { problem: 'seq out of range' };
  return { entry: { seq, prevHash: head[2], leafHash: head[3], bodyJson: line.slice(head[0].length, -1) } };
}

/** The line's body, seq and prev hash give its leaf hash exactly as the record computes it. */
export function archivedEntryIntact(entry: AuditEntry): boolean {
  return isHexHash(entry.leafHash) && entryLeafHash(entry.seq, entry.prevHash, entry.bodyJson) === entry.leafHash;
}

/** audit-bodies-<first seq>-<last seq>.jsonl.gz, zero-padded so a directory listing sorts by seq. */
export function archiveFileName(firstSeq: number, lastSeq: number): string {
  const pad = (n: number) => String(n).padStart(12, '0');
  return `audit-bodies-${pad(firstSeq)}-${pad(lastSeq)}.jsonl.gz`;
}
