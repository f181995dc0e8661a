import { validateSync, ValidationError } from 'class-validator';
import { ContractRow, expectedOf, passesScreen, RowClass, RowScreen, screenOf } from './contract-rules.decorator';
import { CaseRow, toCaseRecord } from './dtos/case-row.dto';
import { ClueDto, toClueRecord } from './dtos/clue.dto';
import { OfficerRow, toOfficerRecord } from './dtos/officer-row.dto';
import { SubjectRow, toSubjectRecord } from './dtos/subject-row.dto';
import { contractKeys } from './contract-columns.model';
import { ParseContext, RawRecord, Reason, RecordByKind, SourceKind, Validation } from './intake.model';

interface KindSpec<K extends SourceKind> {
  keys: readonly string[];
  /** The record's identity: stored as a primary key, so it must fit a PostgreSQL btree entry. */
  idKey: string;
  rowClass: RowClass;
  /** CSV cells are text: a replayed record's numbers are read as the text they stand for. */
  cellsAreText: boolean;
  create(): ContractRow;
  toRecord(row: ContractRow): RecordByKind[K];
}

const CLUE_KEYS = [
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
] as const;

const SPECS: { [K in SourceKind]: KindSpec<K> } = {
  subjects: {
    rowClass: SubjectRow,
    keys: contractKeys('subjects'),
    idKey: 'credit_code',
    cellsAreText: true,
    create: () => new SubjectRow(),
    toRecord: (r) => toSubjectRecord(r as SubjectRow),
  },
  cases: {
    rowClass: CaseRow,
    keys: contractKeys('cases'),
    idKey: 'case_no',
    cellsAreText: true,
    create: () => new CaseRow(),
    toRecord: (r) => toCaseRecord(r as CaseRow),
  },
  officers: {
    rowClass: OfficerRow,
    keys: contractKeys('officers'),
    idKey: 'officer_id',
    cellsAreText: true,
    create: () => new OfficerRow(),
    toRecord: (r) => toOfficerRecord(r as OfficerRow),
  },
  clues: {
    rowClass: ClueDto,
    keys: CLUE_KEYS,
    idKey: 'clue_id',
    cellsAreText: false,
    create: () => new ClueDto(),
    toRecord: (r) => toClueRecord(r as ClueDto),
  },
};

// `value: false` keeps cell values (personal data among them) out of the error objects.
const VALIDATE_OPTIONS = { validationError: { target: false, value: false }, forbidUnknownValues: false } as const;

const screens = new Map<RowClass, RowScreen>();
function screenFor(rowClass: RowClass): RowScreen {
  let screen = screens.get(rowClass);
  if (screen === undefined) {
    screen = screenOf(rowClass);
    screens.set(rowClass, screen);
  }
  return screen;
}

function reasonsOf(rowClass: RowClass, row: ContractRow, errors: ValidationError[]): Reason[] {
  const reasons: Reason[] = [];
  for (const error of errors) {
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      const expected = expectedOf(rowClass, error.property, code, row);
      reasons.push({ field: error.property, code, message, ...(expected ? { expected } : {}) });
    }
  }
  return reasons;
}

/**
 * Validates one record keyed by English contract keys: a parsed row, or a quarantined record
 * corrected by hand and replayed. Never throws; every failing field gives its own reason.
 */
export function validateRaw<K extends SourceKind>(kind: K, raw: RawRecord, ctx: ParseContext): Validation<RecordByKind[K]> {
  return validateValues(kind, raw, ctx);
}

/** As validateRaw, for values straight from JSON (which may be nested objects or arrays: a type error). */
export function validateValues<K extends SourceKind>(kind: K, raw: Readonly<Record<string, unknown>>, ctx: ParseContext): Validation<RecordByKind[K]> {
  const spec = SPECS[kind] as unknown as KindSpec<K> | undefined;
  if (spec === undefined) {
    return { ok: false, reasons: [{ field: '_row', code: 'unknown_kind', message: 'unknown source kind' }] };
  }
  try {
    const row = buildRow(spec, raw, ctx);
    const damaged = [...undecodable(raw), ...unstorable(spec, raw)];
    if (damaged.length === 0 && passesScreen(screenFor(spec.rowClass), row)) return { ok: true, record: spec.toRecord(row) };
    const errors = validateSync(row, VALIDATE_OPTIONS);
    if (errors.length > 0 || damaged.length > 0) return { ok: false, reasons: [...damaged, ...reasonsOf(spec.rowClass, row, errors)] };
    return { ok: true, record: spec.toRecord(row) };
  } catch {
    // Defensive: a validator bug must become a rejection, not an exception in the caller.
    return { ok: false, reasons: [{ field: '_row', code: 'internal', message: 'the record could not be validated' }] };
  }
}

/**
 * Fields holding U+FFFD: bytes that were not valid text in the export's encoding. Their true value
 * is unknown, so the record is quarantined rather than stored altered.
 */
function undecodable(raw: Readonly<Record<string, unknown>>): Reason[] {
  const reasons: Reason[] = [];
  for (const [field, value] of Object.entries(raw)) {
    if (typeof value === 'string' && value.includes('\uFFFD')) {
      reasons.push({ field, code: 'invalid_encoding', message: "holds bytes that are not valid text in the export's encoding (UTF-8 or GB18030)" });
    }
  }
  return reasons;
}

/** A NUL, or half of a surrogate pair (JSON's \\ud800 escape): not text, so PostgreSQL cannot hold it. */
// eslint-disable-next-line no-control-regex -- the NUL is exactly what is looked for
const NOT_TEXT_ALL = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const NOT_TEXT = new RegExp(NOT_TEXT_ALL.source);

/** Text with every NUL and lone surrogate shown as U+FFFD: for views (jsonb), never for the record itself. */
export function storableText(text: string): string {
  return text.replace(NOT_TEXT_ALL, '\uFFFD');
}

/** An identifier longer than this is no identifier: at 4 bytes a character it still fits a btree entry (2704 bytes). */
export const MAX_ID_LENGTH = 256;
/** Any other text: far beyond a name, an address or a description; keeps one record's event within a NATS message. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Contract fields the database cannot hold as they are: characters that are not text, or a length
 * no identifier or description has. Written, they would fail the whole batch (or be stored altered);
 * they are this record's problem, so it is quarantined with the reason.
 */
function unstorable<K extends SourceKind>(spec: KindSpec<K>, raw: Readonly<Record<string, unknown>>): Reason[] {
  const reasons: Reason[] = [];
  for (const field of spec.keys) {
    const value = Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : undefined;
    if (typeof value !== 'string') continue;
    if (NOT_TEXT.test(value)) {
      reasons.push({ field, code: 'invalid_character', message: 'holds a NUL character or half a surrogate pair, which is not text and cannot be stored' });
    }
    const max = field === spec.idKey ? MAX_ID_LENGTH : MAX_TEXT_LENGTH;
    if (value.trim().length > max) reasons.push({ field, code: 'too_long', message: `is longer than ${max} characters` });
  }
  return reasons;
}

function buildRow<K extends SourceKind>(spec: KindSpec<K>, raw: Readonly<Record<string, unknown>>, ctx: ParseContext): ContractRow {
  const row = spec.create() as ContractRow & Record<string, unknown>;
  row.now = ctx.now;
  row.madeBy = ctx.madeBy ?? 'platform';
  for (const key of spec.keys) {
    const value = Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
    row[key] = spec.cellsAreText && value !== null && value !== undefined && typeof value !== 'string' ? String(value) : value;
  }
  return row;
}

/** validateSync alone, without the screen: lets a spec hold the screen and class-validator to the same verdict. */
export function classValidatorReasons(kind: SourceKind, raw: Readonly<Record<string, unknown>>, ctx: ParseContext): Reason[] {
  const spec = SPECS[kind] as unknown as KindSpec<SourceKind>;
  const row = buildRow(spec, raw, ctx);
  return reasonsOf(spec.rowClass, row, validateSync(row, VALIDATE_OPTIONS));
}

export function keysOf(kind: SourceKind): readonly string[] {
  return SPECS[kind].keys;
}

/** The field holding a kind's natural key (credit_code, case_no, officer_id, clue_id). */
export function idKeyOf(kind: SourceKind): string {
  return SPECS[kind].idKey;
}
