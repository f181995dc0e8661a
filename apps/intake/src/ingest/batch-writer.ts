import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PiiVault } from '@tianping/common';
import { IntakeSubjects, type ChangeBatch } from '@tianping/contracts';
import { intakeRecords } from '@tianping/observability';
import { eventChunks } from '@tianping/messaging';
import {
  heldVersionOf,
  recordFingerprint,
  type CaseRecord,
  type ClueRecord,
  type OfficerRecord,
  type Outcome,
  type RawRecord,
  type Reason,
  type SourceKind,
  type SubjectRecord,
} from '@tianping/intake-core';
import { CorrectionsRepository } from '../corrections/corrections.repository';
import { CorrectionSet } from '../corrections/record-corrections.util';
import { emptyCounts, type IngestCounts } from './ingest-counts';
import { LinkerCache } from './linker-cache';
import { maskRaw, raggedReach } from './mask-raw.util';
import { IngestRepository, type QuarantineRow, type StoredVersions } from './ingest.repository';
import { CASES_TABLE, CLUES_TABLE, OFFICERS_TABLE, SAME_TIME_CONFLICT, SUBJECTS_TABLE, type Row, type TableSpec, type UpsertOutcome } from './record-tables';
import * as rows from './record-rows.mapper';

type AnyRecord = SubjectRecord | CaseRecord | OfficerRecord | ClueRecord;
/** A parse outcome; `fingerprint` is the accepted record's, when the parsing thread took it already. */
export type AnyOutcome = Outcome<AnyRecord> & { fingerprint?: string };
type AcceptedOutcome = Extract<AnyOutcome, { ok: true }>;

/** A batch ready for its transaction (see BatchWriter.prepare). */
export interface PreparedBatch {
  kind: SourceKind;
  source: string;
  /** The load (intake.ingest_runs) the batch belongs to; null for a replay. */
  runId: string | null;
  read: number;
  accepted: AnyRecord[];
  /** Index for index with `accepted`: where each came from, and as it came, to quarantine it if it conflicts. */
  lines: number[];
  raws: RawRecord[];
  rejected: QuarantineRow[];
  /** Index for index with `accepted`: table rows, or for clues their fingerprints. */
  rows: Row[] | string[];
}
/** Records per change event; fewer when long texts (names, addresses) would pass NATS's max_payload. */
const EVENT_CHUNK = 500;
/** Records prepared between two turns of the event loop: a few milliseconds of work. */
const PREPARE_SLICE = 250;

/** Writes one batch of parse outcomes in one transaction: accepted rows, quarantine and events. */
@Injectable()
export class BatchWriter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: IngestRepository,
    private readonly vault: PiiVault,
    private readonly linkers: LinkerCache,
    private readonly corrections: CorrectionsRepository,
  ) {}

  /** Writes a batch in one transaction; a batch prepared beforehand skips the work already done. */
  async write(kind: SourceKind, batch: AnyOutcome[] | PreparedBatch, source: string, runId: string | null = null): Promise<IngestCounts> {
    const prepared = Array.isArray(batch) ? this.prepareSlice(kind, batch, source, runId) : batch;
    const counts = await this.dataSource.transaction((manager) => this.writePrepared(manager, prepared));
    countCommitted(kind, counts);
    return counts;
  }

  async writeIn(manager: EntityManager, kind: SourceKind, outcomes: AnyOutcome[], source: string, runId: string | null = null): Promise<IngestCounts> {
    return this.writePrepared(manager, this.prepareSlice(kind, outcomes, source, runId));
  }

  /**
   * What a batch needs that no database does: rejected records sealed and masked, accepted ones sealed and
   * fingerprinted. Done apart from the transaction, so that a file's next batch is prepared while this one is
   * written, and a slice at a time, so that the batch being written gets its answers meanwhile.
   */
  async prepare(kind: SourceKind, outcomes: AnyOutcome[], source: string, runId: string | null = null): Promise<PreparedBatch> {
    const slices: PreparedBatch[] = [];
    for (let start = 0; start < outcomes.length; start += PREPARE_SLICE) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      slices.push(this.prepareSlice(kind, outcomes.slice(start, start + PREPARE_SLICE), source, runId));
    }
    return {
      kind,
      source,
      runId,
      read: outcomes.length,
      accepted: slices.flatMap((s) => s.accepted),
      lines: slices.flatMap((s) => s.lines),
      raws: slices.flatMap((s) => s.raws),
      rejected: slices.flatMap((s) => s.rejected),
      rows: slices.flatMap((s): (Row | string)[] => s.rows) as Row[] | string[],
    };
  }

  private prepareSlice(kind: SourceKind, outcomes: AnyOutcome[], source: string, runId: string | null): PreparedBatch {
    const accepted: AnyRecord[] = [];
    const lines: number[] = [];
    const raws: RawRecord[] = [];
    const fingerprints: string[] = [];
    const rejected: QuarantineRow[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) {
        accepted.push(outcome.record);
        lines.push(outcome.line);
        raws.push(outcome.raw);
        fingerprints.push(outcome.fingerprint ?? recordFingerprint(kind, outcome.record));
      } else rejected.push(this.quarantineRow(kind, { source, runId }, outcome.line, outcome.raw, outcome.reasons));
    }
    return { kind, source, runId, read: outcomes.length, accepted, lines, raws, rejected, rows: this.recordRows(kind, accepted, fingerprints) };
  }

  /**
   * A record corrected in quarantine, written like any other (superseding the older open copies of it, but
   * not itself); one that conflicts again with the version held is not quarantined a second time: its reasons
   * come back for the record already held (null when written).
   */
  async writeReplayed(
    manager: EntityManager,
    kind: SourceKind,
    outcome: AcceptedOutcome,
    quarantineId: number,
  ): Promise<{ counts: IngestCounts; heldBack: Reason[] | null }> {
    const { counts, conflicts } = await this.writeRecords(manager, this.prepareSlice(kind, [outcome], `replay:${quarantineId}`, null), quarantineId);
    return { counts, heldBack: conflicts.length > 0 ? [SAME_TIME_CONFLICT] : null };
  }

  /** A record that conflicts with the version held is quarantined with the batch's rejected ones, and counted as they are. */
  private async writePrepared(manager: EntityManager, batch: PreparedBatch): Promise<IngestCounts> {
    const { counts, conflicts } = await this.writeRecords(manager, batch);
    if (conflicts.length === 0) return counts;
    const held = conflicts.map((i) => this.quarantineRow(batch.kind, batch, batch.lines[i], batch.raws[i], [SAME_TIME_CONFLICT]));
    const fresh = await this.repository.quarantine(manager, held);
    counts.quarantined += fresh;
    counts.quarantinedAgain += held.length - fresh;
    return counts;
  }

  /** Counts every record but those conflicting with the version held: their indexes come back, for the caller to deal with. */
  private async writeRecords(
    manager: EntityManager,
    batch: PreparedBatch,
    replayOf: number | null = null,
  ): Promise<{ counts: IngestCounts; conflicts: number[] }> {
    const counts = emptyCounts();
    counts.read = batch.read;
    const fresh = await this.repository.quarantine(manager, batch.rejected);
    counts.quarantined = fresh;
    counts.quarantinedAgain = batch.rejected.length - fresh;
    const conflicts: number[] = [];
    if (batch.accepted.length > 0) {
      const outcomes = await this.writeAccepted(manager, batch);
      for (const [i, result] of outcomes.entries()) {
        if (result === 'conflict') conflicts.push(i);
        else counts[result]++;
      }
      counts.superseded = await this.repository.supersede(manager, { ...storedVersions(batch, outcomes), replayOf });
    }
    return { counts, conflicts };
  }

  /** Table rows of accepted records, personal data sealed; clues get theirs once linked, so only their fingerprints here. */
  private recordRows(kind: SourceKind, records: AnyRecord[], fingerprints: string[]): Row[] | string[] {
    switch (kind) {
      case 'subjects':
        return (records as SubjectRecord[]).map((r, i) => rows.subjectRow(r, this.vault, fingerprints[i]));
      case 'cases':
        return (records as CaseRecord[]).map((r, i) => rows.caseRow(r, fingerprints[i]));
      case 'officers':
        return (records as OfficerRecord[]).map((r, i) => rows.officerRow(r, this.vault, fingerprints[i]));
      case 'clues':
        return fingerprints;
      default:
        throw new Error(`unknown source kind: ${kind as string}`);
    }
  }

  private async writeAccepted(manager: EntityManager, batch: PreparedBatch): Promise<UpsertOutcome[]> {
    const records = batch.accepted;
    switch (batch.kind) {
      case 'subjects':
        return this.upsertAndPublish(
          manager,
          SUBJECTS_TABLE,
          batch.rows as Row[],
          (records as SubjectRecord[]).map(rows.subjectChange),
          IntakeSubjects.subjectsUpserted,
        );
      case 'cases': {
        const list = records as CaseRecord[];
        // Corrections decided on appeal hold for every later version of a record.
        const corrections = await this.corrections.appliedFor(
          manager,
          'case',
          list.map((r) => r.caseNo),
        );
        const tableRows = (batch.rows as Row[]).map((row) => corrections.caseRow(row));
        return this.upsertAndPublish(
          manager,
          CASES_TABLE,
          tableRows,
          list.map((r) => corrections.caseChange(rows.caseChange(r))),
          IntakeSubjects.casesUpserted,
        );
      }
      case 'officers':
        return this.upsertAndPublish(
          manager,
          OFFICERS_TABLE,
          batch.rows as Row[],
          (records as OfficerRecord[]).map(rows.officerChange),
          IntakeSubjects.officersUpserted,
        );
      case 'clues': {
        const list = records as ClueRecord[];
        const fingerprints = batch.rows as string[];
        const corrections = await this.corrections.appliedFor(
          manager,
          'clue',
          list.map((r) => r.clueId),
        );
        const links = await this.linkClues(manager, list, corrections);
        const tableRows = list.map((r, i) => corrections.clueRow(rows.clueRow(r, links[i], fingerprints[i])));
        const changes = list.map((r, i) => corrections.clueChange(rows.clueChange(r, links[i])));
        return this.upsertAndPublish(manager, CLUES_TABLE, tableRows, changes, IntakeSubjects.cluesUpserted);
      }
      default:
        throw new Error(`unknown source kind: ${batch.kind as string}`);
    }
  }

  private async upsertAndPublish<C>(manager: EntityManager, spec: TableSpec, tableRows: Row[], changes: C[], subject: string): Promise<UpsertOutcome[]> {
    const outcomes = await this.repository.upsert(manager, spec, tableRows);
    const changed = changes.filter((_, i) => outcomes[i] === 'inserted' || outcomes[i] === 'updated');
    for (const records of eventChunks(changed, EVENT_CHUNK)) {
      const batch: ChangeBatch<C> = { batchId: randomUUID(), records };
      await this.repository.enqueue(manager, subject, batch);
    }
    return outcomes;
  }

  /**
   * Links clues to subjects by credit code, else by unambiguous name and address (ClueLinker decides),
   * never to an enterprise an appeal unlinked the clue from.
   */
  async linkClues(manager: EntityManager, clues: ClueRecord[], corrections: CorrectionSet = CorrectionSet.EMPTY): Promise<rows.ClueLink[]> {
    const linker = await this.linkers.current(manager);
    return clues.map((clue) => linker.link(clue, corrections.excludedFor(clue.clueId)));
  }

  quarantineRow(kind: SourceKind, origin: { source: string; runId: string | null }, line: number, raw: RawRecord | string, reasons: unknown): QuarantineRow {
    const canonical = typeof raw === 'string' ? raw : JSON.stringify(raw, Object.keys(raw).sort());
    const held = heldVersionOf(kind, raw);
    return {
      kind,
      source: origin.source,
      runId: origin.runId,
      recordKey: held.key,
      heldUpdatedAt: held.updatedAt,
      line,
      rawSealed: this.vault.encrypt(JSON.stringify(raw)) ?? '',
      rawMasked: maskRaw(kind, raw, raggedReach(kind, raw, reasons)),
      rawHash: this.vault.keyedHash(`${kind}\n${canonical}`)!,
      reasons,
    };
  }
}

/** The versions the batch's records are now stored as: written, or found identical to the one held. */
function storedVersions(batch: PreparedBatch, outcomes: UpsertOutcome[]): Omit<StoredVersions, 'replayOf'> {
  const newest = new Map<string, Date | null>();
  outcomes.forEach((outcome, i) => {
    if (outcome !== 'inserted' && outcome !== 'updated' && outcome !== 'duplicate') return;
    const { key, updatedAt } = rows.storedKeyOf(batch.kind, batch.accepted[i]);
    const seen = newest.get(key);
    if (seen === undefined || (seen !== null && updatedAt !== null && updatedAt > seen)) newest.set(key, updatedAt);
  });
  // Each key once, so the statement joins without grouping (half its time at 5,000 rows).
  return { kind: batch.kind, keys: [...newest.keys()], updatedAts: [...newest.values()], source: batch.source, runId: batch.runId };
}

/** Adds a committed batch's outcomes to the metrics (tianping_intake_records_total). */
function countCommitted(kind: SourceKind, counts: IngestCounts): void {
  // Copies superseded are no records read: they were counted when they were quarantined.
  const { read: _read, superseded: _superseded, quarantinedAgain, ...rest } = counts;
  for (const [outcome, n] of Object.entries({ ...rest, quarantined_again: quarantinedAgain })) if (n > 0) intakeRecords.inc({ kind, outcome }, n);
}
