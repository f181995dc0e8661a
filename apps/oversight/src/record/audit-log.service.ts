import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  canonicalJson,
  consistencyProofFrom,
  createEntry,
  inclusionProofFrom,
  makeArchivedReceipt,
  makeReceipt,
  type ArchivedReceipt,
  MerkleTreeBuilder,
  perfectNodeSource,
  type PerfectNode,
  type Receipt,
  type SignedCheckpoint,
  type SubtreeHashSource,
} from '@tianping/audit-log';
import { AuditLogRepository, type EntryFilter, type EntryRow, type NodeRef } from './audit-log.repository';
import { AUDIT_LOG_ORIGIN, recordBody, type EntryDraft } from './audit-record.util';
import { AuditSigningKey } from './audit-signing-key.provider';

export interface AppendResult {
  /** seq of each draft in the order given; null for a draft whose eventKey was already logged. */
  seqs: (number | null)[];
  appended: number;
  checkpoint: SignedCheckpoint | null;
}

export interface ConsistencyAnswer {
  from: SignedCheckpoint;
  to: SignedCheckpoint;
  proof: string[];
}

/**
 * Appends to the record and serves its proofs. Every append runs under the log head's row lock and
 * ends with a signed checkpoint in the same transaction, so no committed entry is ever unanchored.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly repository: AuditLogRepository,
    @Inject(AuditSigningKey) private readonly key: AuditSigningKey,
  ) {}

  /** Logs one entry; other parts of oversight (appeals, personal-data reads) call this. */
  async append(
    kind: string,
    subjectRef: string | null,
    data: EntryDraft['data'],
    options: { eventKey?: string; manager?: EntityManager } = {},
  ): Promise<number | null> {
    const result = await this.appendBatch([{ kind, subjectRef, data, eventKey: options.eventKey }], options.manager);
    return result.seqs[0];
  }

  /** Logs many entries in one transaction (the caller's, when given, so the entry commits with its cause). */
  appendBatch(drafts: EntryDraft[], manager?: EntityManager): Promise<AppendResult> {
    if (manager) return this.appendIn(manager, drafts);
    return this.repository.transaction((m) => this.appendIn(m, drafts));
  }

  private async appendIn(manager: EntityManager, drafts: EntryDraft[]): Promise<AppendResult> {
    const head = await this.repository.lockHead(manager);
    // Checked under the lock: a redelivered message, or a duplicate within the batch, is logged once.
    const known = await this.repository.knownEventKeys(
      manager,
      drafts.flatMap((d) => (d.eventKey ? [d.eventKey] : [])),
    );
    const nodes: PerfectNode[] = [];
    const builder = MerkleTreeBuilder.resume(head.treeSize, head.compactRange, (node) => node.level > 0 && nodes.push(node));
    const at = new Date().toISOString();
    const rows: EntryRow[] = [];
    const keyed: { key: string; seq: number }[] = [];
    const seqs: (number | null)[] = [];
    let previous = head.lastLeafHash === null ? null : { seq: head.treeSize - 1, leafHash: head.lastLeafHash };
    for (const draft of drafts) {
      if (draft.eventKey && known.has(draft.eventKey)) {
        seqs.push(null);
        continue;
      }
      const entry = createEntry(previous, recordBody(draft, at));
      builder.append(entry.leafHash);
      rows.push({ ...entry, kind: draft.kind, subjectRef: draft.subjectRef, recordedAt: at });
      if (draft.eventKey) {
        known.add(draft.eventKey);
        keyed.push({ key: draft.eventKey, seq: entry.seq });
      }
      seqs.push(entry.seq);
      previous = entry;
    }
    if (rows.length === 0) return { seqs, appended: 0, checkpoint: null };
    const checkpoint = this.key.sign({ origin: AUDIT_LOG_ORIGIN, treeSize: builder.size, rootHash: builder.root().toString('hex'), timestamp: at });
    await this.repository.insertEntries(manager, rows);
    await this.repository.insertNodes(manager, nodes);
    await this.repository.insertEventKeys(manager, keyed);
    await this.repository.insertCheckpoint(manager, checkpoint, canonicalJson({ ...checkpoint }));
    await this.repository.updateHead(manager, {
      treeSize: builder.size,
      lastLeafHash: previous?.leafHash ?? null,
      compactRange: builder.compactRange().map((h) => h.toString('hex')),
    });
    return { seqs, appended: rows.length, checkpoint };
  }

  listEntries(filter: Omit<EntryFilter, 'limit'> & { limit?: number }): Promise<EntryRow[]> {
    return this.repository.listEntries({ ...filter, limit: Math.min(Math.max(filter.limit ?? 100, 1), 1000) });
  }

  async entry(seq: number): Promise<EntryRow> {
    const found = await this.repository.entry(seq);
    if (!found) throw new NotFoundException(`no audit entry ${seq}`);
    return found;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint> {
    const found = await this.repository.latestCheckpoint();
    if (!found) throw new NotFoundException('the record has no checkpoint yet');
    return found;
  }

  /**
   * The entry, the latest signed checkpoint and the path between them: verifiable with the public key
   * alone. For an entry whose body was archived, the path proves the leaf hash, and the receipt names
   * the archive file (and the record's entry of it) that holds the body.
   */
  async receipt(seq: number): Promise<Receipt | ArchivedReceipt> {
    const entry = await this.entry(seq);
    const checkpoint = await this.latestCheckpoint();
    if (checkpoint.treeSize <= seq) throw new NotFoundException(`no checkpoint covers audit entry ${seq} yet`);
    const proof = await this.withStoredNodes((source) => inclusionProofFrom(source, seq, checkpoint.treeSize));
    const { prevHash, bodyJson, leafHash } = entry;
    if (bodyJson !== null) return makeReceipt({ seq, prevHash, bodyJson, leafHash }, seq, checkpoint, proof);
    const archive = await this.repository.bodyArchive(entry.bodyArchive as number);
    if (!archive) throw new Error(`audit entry ${seq} names body archive ${entry.bodyArchive}, which the record does not hold`);
    return makeArchivedReceipt({ seq, prevHash, leafHash }, checkpoint, proof, archive);
  }

  /** Proof that the checkpoint at `to` extends the one at `from` (both must be signed checkpoints). */
  async consistency(fromSize: number, toSize: number): Promise<ConsistencyAnswer> {
    const [from, to] = await Promise.all([this.repository.checkpointAt(fromSize), this.repository.checkpointAt(toSize)]);
    if (!from) throw new NotFoundException(`no checkpoint at tree size ${fromSize}`);
    if (!to) throw new NotFoundException(`no checkpoint at tree size ${toSize}`);
    const proof = await this.withStoredNodes((source) => consistencyProofFrom(source, fromSize, toSize));
    return { from, to, proof: proof.map((h) => h.toString('hex')) };
  }

  publicKey() {
    return { algorithm: 'Ed25519', origin: AUDIT_LOG_ORIGIN, keyId: this.key.keyId, publicKeyPem: this.key.publicKeyPem };
  }

  /**
   * Runs a proof twice: first against placeholders to learn which stored nodes it needs, then against
   * those nodes fetched in one query, instead of one round trip per node.
   */
  private async withStoredNodes(prove: (source: SubtreeHashSource) => Promise<Buffer[]>): Promise<Buffer[]> {
    const wanted = new Map<string, NodeRef>();
    const placeholder = Buffer.alloc(32);
    await prove(perfectNodeSource((level, index) => (wanted.set(`${level}/${index}`, { level, index }), placeholder)));
    const hashes = await this.repository.nodeHashes([...wanted.values()]);
    return prove(
      perfectNodeSource((level, index) => {
        const hash = hashes.get(`${level}/${index}`);
        if (!hash) throw new Error(`merkle node ${level}/${index} is missing from the record`);
        return Buffer.from(hash, 'hex');
      }),
    );
  }
}
