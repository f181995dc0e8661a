import { BadRequestException, Inject, Injectable, Logger, NotFoundException, ConflictException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PiiVault } from '@tianping/common';
import {
  checkInsertions,
  checkJoins,
  heldVersionOf,
  insertEmptyCells,
  PERSONAL_FIELDS,
  personalReach,
  rejoinCells,
  rowLayout,
  settleRepeatedColumns,
  suggestInsertions,
  suggestJoins,
  validateRaw,
  type RawRecord,
  type RowLayout,
  type SourceKind,
} from '@tianping/intake-core';
import { BatchWriter } from '../ingest/batch-writer';
import { maskRaw } from '../ingest/mask-raw.util';
import { makerOfSource } from '../ingest/record-maker.util';
import { HTTP_SOURCE, IngestService } from '../ingest/ingest.service';
import type { IngestCounts } from '../ingest/ingest-counts';
import { QuarantineRepository, type QuarantinedRecord, type QuarantineSelector } from './quarantine.repository';

export interface ReplayResult {
  id: number;
  accepted: boolean;
  reasons?: unknown;
  counts?: IngestCounts;
  /** The joins a replay was refused with: what `reasons` are about, the record itself left as it was. */
  rejoin?: number[];
  /** Likewise the empty cells put in. */
  insertEmpty?: number[];
}

/** How a ragged row's cells are put back in their columns before the corrections: cells joined, or empty ones put in. */
export interface CellRepairs {
  rejoin?: number[];
  insertEmpty?: number[];
}

/** Operators list rejected records, correct them and replay them through the same path as new data. */
@Injectable()
export class QuarantineService {
  private readonly logger = new Logger(QuarantineService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly repository: QuarantineRepository,
    private readonly writer: BatchWriter,
    private readonly vault: PiiVault,
    private readonly ingest: IngestService,
  ) {}

  list(filter: { kind?: string; status?: string; runId?: string; afterId?: number; limit?: number }): Promise<QuarantinedRecord[]> {
    return this.repository.list({ ...filter, limit: Math.min(Math.max(filter.limit ?? 50, 1), 500) });
  }

  /**
   * Counts by kind and status, what the open records are held for, and the loads holding the most of them
   * (`openRuns`: what can be discarded at once), so an operator knows where to start.
   */
  async summary() {
    const [byStatus, reasons, openRuns] = await Promise.all([this.repository.countByStatus(), this.repository.openReasons(20), this.repository.openRuns(10)]);
    return { byStatus, reasons, openRuns };
  }

  /**
   * One record; a ragged CSV row also with its `layout` (which name each cell is kept under, in order), the
   * cells shown masked for the personal value a split may have moved there (`maskedCells`), and, while
   * open, the `suggestedJoins` (cells too many) or `suggestedInsertions` (too few) that would put it back
   * in its columns, read from the masked view.
   */
  async get(
    id: number,
  ): Promise<QuarantinedRecord & { layout?: RowLayout; maskedCells?: string[]; suggestedJoins?: number[]; suggestedInsertions?: number[] }> {
    const found = await this.repository.find(id);
    if (!found) throw new NotFoundException(`no quarantined record ${id}`);
    if (found.kind === 'clues') return found;
    const kind = found.kind as CsvKind;
    const layout = rowLayout(kind, found.rawMasked, found.reasons);
    if (layout === null) return found;
    const shown = { ...found, layout, maskedCells: [...PERSONAL_FIELDS[kind].filter((key) => layout.cells.includes(key)), ...personalReach(kind, layout)] };
    if (found.status !== 'open' || layout.cells.length === layout.columns.length) return shown;
    const [raw, ctx] = [found.rawMasked as RawRecord, { now: new Date(), madeBy: makerOfSource(found.source) }];
    if (layout.cells.length < layout.columns.length) return { ...shown, suggestedInsertions: suggestInsertions(kind, raw, layout, ctx, PERSONAL_FIELDS[kind]) };
    return { ...shown, suggestedJoins: suggestJoins(kind, raw, layout, ctx, PERSONAL_FIELDS[kind]) };
  }

  /**
   * Applies corrections (field → new value, by the contract's English keys) and validates again.
   * Valid: written like any new record and marked replayed. Still invalid, or still the update time of
   * another version held: kept open with new reasons. `rejoin` first joins a ragged row's split cells
   * (see rejoinCells), `insertEmpty` puts in the empty cells a short row lost (see insertEmptyCells); still
   * invalid so repaired, the record is left as it was and the reasons returned.
   */
  async replay(id: number, corrections: Record<string, unknown> = {}, actor = 'operator', repairs: CellRepairs = {}): Promise<ReplayResult> {
    const { result, kind } = await this.replayIn(id, corrections, actor, repairs);
    // A replayed subject, like an exported one, links the clues that were waiting for it.
    if (result.counts) await this.ingest.afterSubjects(kind, result.counts);
    return result;
  }

  private async replayIn(
    id: number,
    corrections: Record<string, unknown>,
    actor: string,
    repairs: CellRepairs,
  ): Promise<{ result: ReplayResult; kind: SourceKind }> {
    const [rejoin, insertEmpty] = [repairs.rejoin ?? [], repairs.insertEmpty ?? []];
    if (rejoin.length > 0 && insertEmpty.length > 0) throw new BadRequestException('a row has cells too many or too few: give rejoin or insertEmpty, not both');
    const repaired = rejoin.length > 0 ? { rejoin } : insertEmpty.length > 0 ? { insertEmpty } : null;
    return this.dataSource.transaction(async (manager) => {
      const held = await this.repository.sealedRaw(manager, id);
      if (!held) throw new NotFoundException(`no quarantined record ${id}`);
      if (held.status !== 'open') throw new ConflictException(`quarantined record ${id} is already ${held.status}`);
      const kind = held.kind as SourceKind;
      const original = JSON.parse(this.vault.decrypt(held.rawSealed) ?? 'null') as RawRecord | string;
      // Repaired on the sealed record, so masked personal fields move back with their real values.
      const { raw, reach } = repairCells(kind, original, held.reasons, rejoin, insertEmpty);
      // A column the export named twice: the correction settles which value is right, else the two must agree.
      const { raw: corrected, conflicts } = settleRepeatedColumns(kind, applyCorrections(raw, corrections), Object.keys(corrections));
      // Validated as its maker's again: a platform's row never takes 整改复查, a visit's case does.
      const outcome = validateRaw(kind, corrected, { now: new Date(), madeBy: makerOfSource(held.source) });
      if (!outcome.ok || conflicts.length > 0) {
        const reasons = [...conflicts, ...(outcome.ok ? [] : outcome.reasons)];
        // Repaired and still failing, the record stays as it came, so the repair can be undone or another one tried.
        if (repaired !== null) return { result: { id, accepted: false, reasons, ...repaired }, kind };
        return { result: await this.keepHeld(manager, id, kind, corrected, reasons, reach), kind };
      }
      const { counts, heldBack } = await this.writer.writeReplayed(manager, kind, { ok: true, line: 0, record: outcome.record, raw: corrected }, id);
      // Still the update time of the version held, with other values: the record stays here, not quarantined twice.
      if (heldBack) return { result: await this.keepHeld(manager, id, kind, corrected, heldBack, reach), kind };
      const joinedAt = rejoin.length > 0 ? { rejoined: [...new Set(rejoin)].sort((a, b) => a - b) } : {};
      const insertedAt = insertEmpty.length > 0 ? { emptyInserted: [...insertEmpty].sort((a, b) => a - b) } : {};
      const changes = correctedValues(kind, raw, corrected, Object.keys(corrections), reach);
      await this.repository.resolve(manager, id, 'replayed', { by: actor, fields: Object.keys(corrections), changes, ...joinedAt, ...insertedAt, counts });
      return { result: { id, accepted: true, counts }, kind };
    });
  }

  /** A correction that still fails, or still conflicts: the corrected record kept open with its new reasons. */
  private async keepHeld(manager: EntityManager, id: number, kind: SourceKind, corrected: RawRecord, reasons: unknown, reach: string[]): Promise<ReplayResult> {
    const { key, updatedAt } = heldVersionOf(kind, corrected);
    const rawSealed = this.vault.encrypt(JSON.stringify(corrected))!;
    await this.repository.keepCorrected(manager, id, { rawSealed, rawMasked: maskRaw(kind, corrected, reach), reasons, key, updatedAt });
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

  /**
   * Gives up every open record of one load (a test file taken in by mistake, an export refused for one
   * file-level reason) in one transaction; each keeps the reason and the actor, as a single discard does,
   * and the selector it went with.
   */
  async discardAll(given: QuarantineSelector, reason: string, actor = 'operator'): Promise<{ discarded: number } & QuarantineSelector> {
    if ((given.runId === undefined) === (given.source === undefined)) throw new BadRequestException('give either runId or source, not both');
    if (given.source === HTTP_SOURCE) throw new BadRequestException(`every upload over HTTP has the source ${HTTP_SOURCE}: discard one upload by its runId`);
    const selector = given.runId !== undefined ? { runId: given.runId } : { source: given.source };
    const discarded = await this.dataSource.transaction((manager) => this.repository.discardAll(manager, selector, { by: actor, reason, bulk: selector }));
    this.logger.log(`discarded ${discarded} open quarantined records of ${selector.runId ? `run ${selector.runId}` : `source ${selector.source}`}`);
    return { ...selector, discarded };
  }
}

type CsvKind = Exclude<SourceKind, 'clues'>;

/**
 * A ragged row with the cells at `joins` joined to the next, or with an empty cell put in before each cell at
 * `inserts`, and the cells a personal value may sit in (its view keeps them masked, should the repair be
 * wrong or none be made); refused when it has no such cells.
 */
function repairCells(
  kind: SourceKind,
  original: RawRecord | string,
  reasons: unknown,
  joins: number[],
  inserts: number[],
): { raw: RawRecord | string; reach: string[] } {
  const layout = kind === 'clues' ? null : rowLayout(kind, original, reasons);
  if (kind === 'clues' || layout === null) {
    if (joins.length + inserts.length > 0)
      throw new BadRequestException('only a CSV row with more or fewer cells than its header can have its cells joined or put in');
    return { raw: original, reach: [] };
  }
  if (joins.length + inserts.length === 0) return { raw: original, reach: personalReach(kind, layout) };
  const problem = joins.length > 0 ? checkJoins(layout, joins) : checkInsertions(layout, inserts);
  if (problem !== null) throw new BadRequestException(problem);
  const raw = joins.length > 0 ? rejoinCells(original as RawRecord, layout, joins) : insertEmptyCells(original as RawRecord, layout, inserts);
  return { raw, reach: personalReach(kind, layout, joins, inserts) };
}

/**
 * Each corrected field's value before and after, as the operator's view shows values (personal fields masked),
 * so a replayed record says what it was corrected to; `from` is null for a line that was not a record.
 */
export function correctedValues(
  kind: SourceKind,
  before: RawRecord | string,
  after: RawRecord,
  fields: string[],
  reach: string[],
): { field: string; from: unknown; to: unknown }[] {
  const shownBefore = maskRaw(kind, before, reach);
  const shownAfter = maskRaw(kind, after, reach) as RawRecord;
  const valueOf = (view: RawRecord | string, field: string) => (typeof view === 'string' || !Object.hasOwn(view, field) ? null : (view[field] ?? null));
  return fields.map((field) => ({ field, from: valueOf(shownBefore, field), to: valueOf(shownAfter, field) }));
}

/** A line that was not JSON at all can only be corrected by a whole new object. */
export function applyCorrections(original: RawRecord | string, corrections: Record<string, unknown>): RawRecord {
  const base: RawRecord = typeof original === 'string' ? {} : { ...original };
  for (const [key, value] of Object.entries(corrections)) {
    base[key] = value === undefined ? null : (value as RawRecord[string]);
  }
  return base;
}
