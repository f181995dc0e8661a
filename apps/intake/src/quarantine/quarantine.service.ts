import { Inject, Injectable, NotFoundException, ConflictException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PiiVault } from '@tianping/common';
import { settleRepeatedColumns, validateRaw, type RawRecord, type SourceKind } from '@tianping/intake-core';
import { BatchWriter, maskRaw } from '../ingest/batch-writer';
import { IngestService } from '../ingest/ingest.service';
import type { IngestCounts } from '../ingest/ingest-counts';
import { QuarantineRepository, type QuarantinedRecord } from './quarantine.repository';

export interface ReplayResult {
  id: number;
  accepted: boolean;
  reasons?: unknown;
  counts?: IngestCounts;
}

/** Operators list rejected records, correct them and replay them through the same path as new data. */
@Injectable()
export class QuarantineService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: QuarantineRepository,
    private readonly writer: BatchWriter,
    private readonly vault: PiiVault,
    private readonly ingest: IngestService,
  ) {}

  list(filter: { kind?: string; status?: string; afterId?: number; limit?: number }): Promise<QuarantinedRecord[]> {
    return this.repository.list({ ...filter, limit: Math.min(Math.max(filter.limit ?? 50, 1), 500) });
  }

  /** Counts by kind and status, and what the open records are held for, so an operator knows where to start. */
  async summary() {
    const [byStatus, reasons] = await Promise.all([this.repository.countByStatus(), this.repository.openReasons(20)]);
    return { byStatus, reasons };
  }

  async get(id: number): Promise<QuarantinedRecord> {
    const found = await this.repository.find(id);
    if (!found) throw new NotFoundException(`no quarantined record ${id}`);
    return found;
  }

  /**
   * Applies corrections (field → new value, by the contract's English keys) and validates again.
   * Valid: written like any new record and marked replayed. Still invalid, or still the update time of
   * another version held: kept open with new reasons.
   */
  async replay(id: number, corrections: Record<string, unknown> = {}, actor = 'operator'): Promise<ReplayResult> {
    const { result, kind } = await this.replayIn(id, corrections, actor);
    // A replayed subject, like an exported one, links the clues that were waiting for it.
    if (result.counts) await this.ingest.afterSubjects(kind, result.counts);
    return result;
  }

  private async replayIn(id: number, corrections: Record<string, unknown>, actor: string): Promise<{ result: ReplayResult; kind: SourceKind }> {
    return this.dataSource.transaction(async (manager) => {
      const held = await this.repository.sealedRaw(manager, id);
      if (!held) throw new NotFoundException(`no quarantined record ${id}`);
      if (held.status !== 'open') throw new ConflictException(`quarantined record ${id} is already ${held.status}`);
      const kind = held.kind as SourceKind;
      const original = JSON.parse(this.vault.decrypt(held.rawSealed) ?? 'null') as RawRecord | string;
      // A column the export named twice: the correction settles which value is right, else the two must agree.
      const { raw: corrected, conflicts } = settleRepeatedColumns(kind, applyCorrections(original, corrections), Object.keys(corrections));
      const outcome = validateRaw(kind, corrected, { now: new Date() });
      if (!outcome.ok || conflicts.length > 0) {
        return { result: await this.keepHeld(manager, id, kind, corrected, [...conflicts, ...(outcome.ok ? [] : outcome.reasons)]), kind };
      }
      const { counts, heldBack } = await this.writer.writeReplayed(
        manager,
        kind,
        { ok: true, line: 0, record: outcome.record, raw: corrected },
        `replay:${id}`,
      );
      // Still the update time of the version held, with other values: the record stays here, not quarantined twice.
      if (heldBack) return { result: await this.keepHeld(manager, id, kind, corrected, heldBack), kind };
      await this.repository.resolve(manager, id, 'replayed', { by: actor, fields: Object.keys(corrections), counts });
      return { result: { id, accepted: true, counts }, kind };
    });
  }

  /** A correction that still fails, or still conflicts: the corrected record kept open with its new reasons. */
  private async keepHeld(manager: EntityManager, id: number, kind: SourceKind, corrected: RawRecord, reasons: unknown): Promise<ReplayResult> {
    await this.repository.keepCorrected(manager, id, this.vault.encrypt(JSON.stringify(corrected))!, maskRaw(kind, corrected), reasons);
    return { id, accepted: false, reasons };
  }

  async discard(id: number, reason: string, actor = 'operator'): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const held = await this.repository.sealedRaw(manager, id);
      if (!held) throw new NotFoundException(`no quarantined record ${id}`);
      if (held.status !== 'open') throw new ConflictException(`quarantined record ${id} is already ${held.status}`);
      await this.repository.resolve(manager, id, 'discarded', { by: actor, reason });
    });
  }
}

/** A line that was not JSON at all can only be corrected by a whole new object. */
export function applyCorrections(original: RawRecord | string, corrections: Record<string, unknown>): RawRecord {
  const base: RawRecord = typeof original === 'string' ? {} : { ...original };
  for (const [key, value] of Object.entries(corrections)) {
    base[key] = value === undefined ? null : (value as RawRecord[string]);
  }
  return base;
}
