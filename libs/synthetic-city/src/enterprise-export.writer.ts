import type { Prng } from '@tianping/common';
import { formatDay } from './calendar.util';
import { inspectionRecord, olderCaseFields, penaltyRecord, defectiveCase, type CaseRecord } from './case-row.util';
import { complaintClue, defectiveClue, strayClue, type ClueIdMinter, type ClueObject, type ClueRecord } from './clue-line.util';
import type { RecordKind } from './city-options.model';
import { EnterpriseFactory } from './enterprise.factory';
import type { Enterprise } from './enterprise.model';
import type { Appearance, ExportBatch, RowSink } from './export-batch.writer';
import { CASE, SUBJECT } from './headers.data';
import type { OfficerRoster } from './officer-roster.util';
import { sigmoid } from './propensity.model';
import { defectiveSubject, olderSubjectFields, subjectFields } from './subject-row.util';
import { simulateEnterprise, type Inspection } from './violation-process.util';

export interface CityContext {
  endDay: number;
  windowStartDay: number;
  /** Cases and clues before this day went out in the first export, later ones in the second. */
  cutoffDay: number;
  badShare: number;
  repeatShare: number;
  roster: OfficerRoster;
  caseSerials: Map<string, number>;
  clueIds: ClueIdMinter;
}

type Batches = Record<RecordKind, ExportBatch>;

interface Version {
  payload: string[] | string;
  stamp: string;
}

/** Where the repeated appearances of a record go, given the file of its newest version. */
interface Routing {
  staleFile: (newestFile: number, prng: Prng) => number;
  updateFiles: (newestFile: number, prng: Prng) => { older: number; newest: number };
}

const SUBJECT_ROUTING: Routing = {
  // The GB18030 file is an older export that arrives late: its older versions must not win.
  staleFile: (newest, prng) => (newest === 0 && prng.bernoulli(0.7) ? 1 : newest),
  // subjects-3 is an incremental export carrying the newest versions.
  updateFiles: (_newest, prng) => ({ older: prng.int(0, 1), newest: 2 }),
};

const TWO_EXPORTS: Routing = {
  staleFile: (newest, prng) => (newest === 0 && prng.bernoulli(0.5) ? 1 : newest),
  updateFiles: (newest, prng) => ({ older: prng.int(0, newest), newest }),
};

export interface TruthRows {
  enterprise: string;
  inspections: string;
  clues: string;
}

/**
 * Places one enterprise's subject row, cases and clues in the batches and returns its truth rows.
 * Its re-inspections (整改复查) and their cases draw from `reInspectionPrng` alone, are interleaved
 * among the other rows by that stream, and are numbered in a series of their own
 * (`FS-SAMR-2025-FC000001`), so that adding them changes no other row.
 */
export function placeEnterprise(e: Enterprise, batches: Batches, context: CityContext, prng: Prng, reInspectionPrng: Prng): TruthRows {
  placeSubject(e, batches.subjects, context, prng);
  const history = simulateEnterprise(e, context.windowStartDay, context.endDay, context.roster, prng, reInspectionPrng);
  const caseNos = new Map<Inspection, string>();
  let inspections = '';
  for (const inspection of history.inspections) inspections += placeInspection(e, inspection, batches.cases, caseNos, '', context, prng);
  for (const inspection of history.reInspections)
    inspections += placeInspection(e, inspection, batches.cases.interleaved, caseNos, RE_INSPECTION_SERIES, context, reInspectionPrng);
  let clues = '';
  for (const complaint of history.complaints)
    clues += placeClue(complaintClue(e, complaint, context.clueIds, context.endDay, prng), batches.clues, context, prng);
  if (prng.bernoulli(0.015))
    clues += placeClue(strayClue(context.clueIds, prng.int(context.windowStartDay, context.endDay - 1), context.endDay, prng), batches.clues, context, prng);
  const latent = EnterpriseFactory.latentAtEnd(e, context.endDay);
  const enterprise = `${e.creditCode},${e.observableLogit.toFixed(6)},${e.unobservedEffect.toFixed(6)},${latent.toFixed(6)},${sigmoid(latent)},${history.propensityAtEnd},${e.sharedAddressCount}\n`;
  return { enterprise, inspections, clues };
}

function placeSubject(e: Enterprise, batch: ExportBatch, context: CityContext, prng: Prng): void {
  const fields = subjectFields(e, prng);
  const roll = prng.next();
  const file = roll < 0.88 ? 0 : roll < 0.96 ? 1 : 2;
  const newest = { payload: fields, stamp: fields[SUBJECT['更新时间']] };
  const older = (): Version | null => {
    const olderFields = olderSubjectFields(e, fields, prng);
    return olderFields && { payload: olderFields, stamp: olderFields[SUBJECT['更新时间']] };
  };
  place(batch, e.creditCode, newest, file, older, () => defectiveSubject(fields, prng), SUBJECT_ROUTING, context, prng);
}

/** Cases that come of re-inspections are numbered in their own series (复查, FC). */
const RE_INSPECTION_SERIES = 'FC';

function placeInspection(
  e: Enterprise,
  inspection: Inspection,
  batch: RowSink,
  caseNos: Map<Inspection, string>,
  series: string,
  context: CityContext,
  prng: Prng,
): string {
  const caseNo = nextCaseNo(context, inspection.department, inspection.day, series);
  caseNos.set(inspection, caseNo);
  placeCase(inspectionRecord(caseNo, e.creditCode, inspection, context.endDay, prng), batch, context, prng);
  if (inspection.penalty) {
    const penaltyNo = nextCaseNo(context, inspection.department, inspection.penalty.day, series);
    placeCase(penaltyRecord(penaltyNo, e.creditCode, inspection, context.endDay, prng), batch, context, prng);
  }
  const follows = inspection.follows ? (caseNos.get(inspection.follows) ?? '') : '';
  return `${caseNo},${e.creditCode},${formatDay(inspection.day)},${inspection.department},${inspection.origin},${inspection.probabilityFound},${inspection.found ? 1 : 0},${follows}\n`;
}

function placeCase(record: CaseRecord, batch: RowSink, context: CityContext, prng: Prng): void {
  const newest = { payload: record.fields, stamp: record.fields[CASE['更新时间']] };
  const older = (): Version => {
    const fields = olderCaseFields(record, prng);
    return { payload: fields, stamp: fields[CASE['更新时间']] };
  };
  const file = record.day < context.cutoffDay ? 0 : 1;
  place(batch, record.caseNo, newest, file, older, () => defectiveCase(record, prng), TWO_EXPORTS, context, prng);
}

const CLUE_KEYS: (keyof ClueObject)[] = [
  'clue_id',
  'channel',
  'received_at',
  'credit_code',
  'subject_name',
  'address',
  'category',
  'department',
  'verified',
  'status',
  'updated_at',
];

function clueLine(clue: ClueObject): string {
  return JSON.stringify(clue, CLUE_KEYS);
}

function placeClue(record: ClueRecord, batch: ExportBatch, context: CityContext, prng: Prng): string {
  const line = clueLine(record.newest);
  const newest = { payload: line, stamp: record.newest.updated_at };
  const pending = record.pending;
  const older = pending && ((): Version => ({ payload: clueLine(pending), stamp: pending.updated_at }));
  const file = record.newest.received_at < formatDay(context.cutoffDay) ? 0 : 1;
  place(batch, record.newest.clue_id, newest, file, older, () => defectiveClue(line, record.newest, prng), TWO_EXPORTS, context, prng);
  const genuine = record.genuine === null ? '' : record.genuine ? '1' : '0';
  return `${record.newest.clue_id},${record.creditCode},${record.link},${genuine}\n`;
}

/** The newest version once, plus (rarely) an exact repeat or another version, plus (rarely) a broken copy. */
function place(
  batch: RowSink,
  key: string,
  newest: Version,
  newestFile: number,
  older: (() => Version | null) | null,
  defect: () => string[] | string,
  routing: Routing,
  context: CityContext,
  prng: Prng,
): void {
  const add = (file: number, version: number, v: Version): void => batch.add(file, { key, version, stamp: v.stamp, payload: v.payload } satisfies Appearance);
  if (prng.bernoulli(context.repeatShare)) {
    const roll = prng.next();
    const olderVersion = roll >= 0.5 && older ? older() : null;
    if (!olderVersion) {
      add(newestFile, 0, newest);
      add(prng.int(0, batch.fileCount - 1), 0, newest);
    } else if (roll < 0.75) {
      add(newestFile, 0, newest);
      add(routing.staleFile(newestFile, prng), 1, olderVersion);
    } else {
      const files = routing.updateFiles(newestFile, prng);
      add(files.older, 1, olderVersion);
      add(files.newest, 0, newest);
    }
  } else {
    add(newestFile, 0, newest);
  }
  if (prng.bernoulli(context.badShare)) batch.add(prng.int(0, batch.fileCount - 1), { key: null, version: 0, stamp: '', payload: defect() });
}

function nextCaseNo(context: CityContext, department: string, day: number, series: string): string {
  const year = formatDay(day).slice(0, 4);
  const stem = `${department}-${year}-${series}`;
  const serial = (context.caseSerials.get(stem) ?? 0) + 1;
  context.caseSerials.set(stem, serial);
  return `FS-${stem}${String(serial).padStart(6, '0')}`;
}
