import { KeyObject } from 'node:crypto';
import { canonicalJson, JsonValue } from './canonical-json.util';
import { entryText, GENESIS_PREV_HASH } from './audit-entry.util';
import { SignedCheckpoint, verifyCheckpoint } from './checkpoint.util';
import { EMPTY_TREE_ROOT, hashLeafText, isHexHash } from './merkle-hash.util';
import { MerkleTreeBuilder } from './merkle-tree.util';
import { AcceptedEntry, CLASSIFIER_WINDOW, classifyTampering, FirstBad, ReadRow } from './tamper-classifier.util';

/**
 * A row as read back from storage. Give the stored canonical text (bodyJson) or the parsed body;
 * bodyJson null says the body was archived: the stored leafHash is then taken for it.
 */
export interface StoredEntry {
  seq: number;
  prevHash: string;
  bodyJson?: string | Uint8Array | null;
  body?: JsonValue;
  /** Stored leaf hash (hex). Optional, but without it moved or renumbered rows are named less precisely. */
  leafHash?: string;
}

export interface CheckpointFailure {
  treeSize: number;
  reason: string;
}

export interface LogVerification {
  ok: boolean;
  /** Entries accepted in sequence before verification stopped (all of them when ok). */
  entries: number;
  firstBad?: FirstBad;
  /** Signed checkpoints whose root was recomputed and matched. */
  checkpointsVerified: number;
  /** Checkpoints refused for their signature, key or origin (never used as evidence). */
  checkpointFailures: CheckpointFailure[];
  /** Accepted entries past the largest verified checkpoint: chained, but not yet signed for. */
  unanchoredEntries: number;
  /**
   * Accepted entries whose body was archived (bodyJson null): their stored leaf hash is checked by the
   * chain and the signed roots, but no body was recomputed against it.
   */
  bodiesUnchecked: number;
}

export interface VerifyLogOptions {
  /** Refuse checkpoints of any other log. */
  origin?: string;
}

type EntrySource = Iterable<StoredEntry> | AsyncIterable<StoredEntry>;

function bodyText(entry: StoredEntry): string | null {
  if (entry.bodyJson === null) return null;
  if (typeof entry.bodyJson === 'string') return entry.bodyJson;
  if (entry.bodyJson instanceof Uint8Array) return Buffer.from(entry.bodyJson.buffer, entry.bodyJson.byteOffset, entry.bodyJson.byteLength).toString('utf8');
  if (entry.body === undefined) throw new TypeError('verifyLog: an entry has neither bodyJson nor body');
  return canonicalJson(entry.body);
}

/** Recomputes chain and tree in one pass; stops at the first entry that does not fit. */
class LogReplay {
  readonly builder = new MerkleTreeBuilder();
  readonly recent: AcceptedEntry[] = [];
  readonly checkpointsDue: SignedCheckpoint[];
  prevHash = GENESIS_PREV_HASH;
  verified = 0;
  anchoredSize = 0;
  position = 0;
  bodiesUnchecked = 0;

  constructor(checkpoints: SignedCheckpoint[]) {
    this.checkpointsDue = [...checkpoints].sort((a, b) => a.treeSize - b.treeSize);
  }

  get size(): number {
    return this.builder.size;
  }

  /** Returns the row (as read) when it does not extend the log, else undefined. */
  accept(entry: StoredEntry): ReadRow | undefined {
    const position = this.position++;
    const bodyJson = bodyText(entry);
    // Fast path first: no row object is built for an entry that fits.
    if (entry.seq !== this.size || entry.prevHash !== this.prevHash) return toRow(position, entry, bodyJson);
    let leaf: Buffer;
    if (bodyJson === null) {
      // An archived body: its stored leaf hash is what the chain links and the signed roots cover.
      if (!isHexHash(entry.leafHash)) return toRow(position, entry, bodyJson);
      leaf = Buffer.from(entry.leafHash, 'hex');
      this.bodiesUnchecked++;
    } else {
      leaf = hashLeafText(entryText(entry.seq, entry.prevHash, bodyJson));
      if (entry.leafHash !== undefined && entry.leafHash !== leaf.toString('hex')) return toRow(position, entry, bodyJson);
    }
    const leafHex = leaf.toString('hex');
    this.builder.append(leaf);
    this.prevHash = leafHex;
    this.recent.push({ seq: entry.seq, position, leafHash: leafHex });
    if (this.recent.length > CLASSIFIER_WINDOW + 1) this.recent.shift();
    return undefined;
  }

  /** Checks every checkpoint whose size has been reached; a wrong root names the unanchored range. */
  checkRoots(): FirstBad | undefined {
    while (this.checkpointsDue.length > 0 && this.checkpointsDue[0].treeSize === this.size) {
      const checkpoint = this.checkpointsDue.shift() as SignedCheckpoint;
      const root = this.size === 0 ? EMPTY_TREE_ROOT : this.builder.root();
      if (root.toString('hex') !== checkpoint.rootHash) {
        return {
          seq: this.anchoredSize,
          problem: 'changed',
          throughSeq: this.size - 1,
          detail: `recomputed root at tree size ${this.size} differs from the signed checkpoint: entries ${this.anchoredSize}..${this.size - 1} were rewritten consistently`,
        };
      }
      this.verified++;
      this.anchoredSize = this.size;
    }
    return undefined;
  }

  /** After the last row: a checkpoint beyond the end means rows were cut off the tail. */
  truncation(): FirstBad | undefined {
    const beyond = this.checkpointsDue.find((c) => c.treeSize > this.size);
    if (!beyond) return undefined;
    return {
      seq: this.size,
      problem: 'deleted',
      throughSeq: beyond.treeSize - 1,
      detail: `log ends at ${this.size} entries but a signed checkpoint covers ${beyond.treeSize}`,
    };
  }
}

function acceptedCheckpoints(checkpoints: readonly SignedCheckpoint[], publicKeyPem: string | KeyObject, options: VerifyLogOptions) {
  const good: SignedCheckpoint[] = [];
  const failures: CheckpointFailure[] = [];
  for (const checkpoint of checkpoints) {
    const result = verifyCheckpoint(checkpoint, publicKeyPem);
    if (!result.ok) failures.push({ treeSize: checkpoint?.treeSize, reason: result.reason ?? 'invalid' });
    else if (options.origin !== undefined && checkpoint.origin !== options.origin)
      failures.push({ treeSize: checkpoint.treeSize, reason: 'checkpoint of another log' });
    else good.push(checkpoint);
  }
  return { good, failures };
}

/**
 * Replays the whole log in the order given (read it ORDER BY seq): rebuilds the hash chain and the
 * Merkle tree, checks each signed checkpoint's root at its size, and names the first tampered entry.
 */
export async function verifyLog(
  entries: EntrySource,
  checkpoints: readonly SignedCheckpoint[],
  publicKeyPem: string | KeyObject,
  options: VerifyLogOptions = {},
): Promise<LogVerification> {
  const { good, failures } = acceptedCheckpoints(checkpoints, publicKeyPem, options);
  const replay = new LogReplay(good);
  const firstBad = Symbol.iterator in entries ? replaySync(replay, entries) : await replayAsync(replay, entries);
  return {
    ok: firstBad === undefined && failures.length === 0,
    entries: replay.size,
    ...(firstBad ? { firstBad } : {}),
    checkpointsVerified: replay.verified,
    checkpointFailures: failures,
    unanchoredEntries: replay.size - replay.anchoredSize,
    bodiesUnchecked: replay.bodiesUnchecked,
  };
}

// Two drivers share LogReplay: a plain loop keeps a million in-memory rows free of promise overhead.
function replaySync(replay: LogReplay, entries: Iterable<StoredEntry>): FirstBad | undefined {
  const rootProblem = replay.checkRoots();
  if (rootProblem) return rootProblem;
  const iterator = entries[Symbol.iterator]();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const bad = replay.accept(next.value);
    if (bad) {
      const ahead: ReadRow[] = [bad];
      while (ahead.length <= CLASSIFIER_WINDOW) {
        const more = iterator.next();
        if (more.done) break;
        ahead.push(readAhead(replay, more.value));
      }
      iterator.return?.();
      return classifyTampering({ seq: replay.size, prevHash: replay.prevHash }, replay.recent, ahead);
    }
    const rootProblem = replay.checkRoots();
    if (rootProblem) return rootProblem;
  }
  return replay.truncation();
}

async function replayAsync(replay: LogReplay, entries: AsyncIterable<StoredEntry>): Promise<FirstBad | undefined> {
  const rootProblem = replay.checkRoots();
  if (rootProblem) return rootProblem;
  const iterator = entries[Symbol.asyncIterator]();
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const bad = replay.accept(next.value);
    if (bad) {
      const ahead: ReadRow[] = [bad];
      while (ahead.length <= CLASSIFIER_WINDOW) {
        const more = await iterator.next();
        if (more.done) break;
        ahead.push(readAhead(replay, more.value));
      }
      await iterator.return?.();
      return classifyTampering({ seq: replay.size, prevHash: replay.prevHash }, replay.recent, ahead);
    }
    const rootProblem = replay.checkRoots();
    if (rootProblem) return rootProblem;
  }
  return replay.truncation();
}

function toRow(position: number, entry: StoredEntry, bodyJson: string | null): ReadRow {
  return { position, seq: entry.seq, prevHash: entry.prevHash, bodyJson, leafHash: entry.leafHash };
}

function readAhead(replay: LogReplay, entry: StoredEntry): ReadRow {
  return toRow(replay.position++, entry, bodyText(entry));
}
