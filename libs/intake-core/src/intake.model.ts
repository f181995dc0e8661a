import { FOLLOW_UP_ORIGIN } from '@tianping/contracts';

/** The shapes intake produces from the two platforms' exports (see shared/contracts/README.md). */

export type SourceKind = 'subjects' | 'cases' | 'officers' | 'clues';
export type CsvSourceKind = Exclude<SourceKind, 'clues'>;

/**
 * Why one field (or the whole row) was refused.
 * `field` is the English contract key, or `_row` / `_json` / `_file` for whole-row problems.
 * `message` is English and never repeats the offending value (it may be personal data).
 */
export interface Reason {
  field: string;
  code: string;
  message: string;
  /** What the field takes (its allowed values, or its bounds), where the check says: for the person correcting it. */
  expected?: { allowed?: readonly string[]; min?: number; max?: number };
  /** A `ragged_row`'s layout: which name each cell is kept under, so it can be put back in its columns. */
  layout?: RowLayout;
}

/**
 * Where a ragged CSV row's cells are kept: names and positions only, never values (they may be personal).
 * `columns`: the name each header position is kept under (null where the row had no cell and no name);
 * `cells`: the name each of the row's cells is kept under, in order; `spaced`: cells whose text began with
 * white space (the space after a splitting comma); `shifts`: per position, the powers of ten a money cell
 * was moved by for its header's unit, when any was.
 */
export interface RowLayout {
  columns: (string | null)[];
  cells: string[];
  spaced: number[];
  shifts?: number[];
}

/** A row keyed by English contract keys; for CSV the trimmed raw cell strings. */
export type RawRecord = Record<string, string | number | boolean | null>;

/** `line`: 1-based data row for CSV (header excluded), physical line for JSON Lines. */
export type Outcome<T> = { ok: true; line: number; record: T; raw: RawRecord } | { ok: false; line: number; reasons: Reason[]; raw: RawRecord | string };

/** The result of validating one raw record, before it is placed at a line. */
export type Validation<T> = { ok: true; record: T } | { ok: false; reasons: Reason[] };

/** Who made a record: a platform's export, or Tianping itself (a joint visit's results, taken in as cases). */
export type RecordMaker = 'platform' | 'tianping';

export interface ParseContext {
  /** 'Not in the future' is judged against this instant, so replays and tests are reproducible. */
  now: Date;
  /** A platform unless said otherwise: only Tianping's own visit results may use Tianping's words (整改复查). */
  madeBy?: RecordMaker;
}

export const DEPARTMENT_CODES = ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];

export const SUBJECT_STATUSES = ['存续', '在业', '迁出', '吊销', '注销'] as const;
export type SubjectStatus = (typeof SUBJECT_STATUSES)[number];

export const CASE_KINDS = ['检查', '处罚'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Platform A's 检查来源, exactly as its contract lists them: all a platform's case may say. */
export const PLATFORM_CASE_ORIGINS = ['双随机', '投诉举报', '专项检查', '线索移送', '其他'] as const;
/** A Tianping visit's case: the platform's origins, and 整改复查 for a re-inspection (`FOLLOW_UP_ORIGIN`), which the platforms have no word for. */
export const TIANPING_CASE_ORIGINS = [...PLATFORM_CASE_ORIGINS, FOLLOW_UP_ORIGIN] as const;
export type CaseOrigin = (typeof TIANPING_CASE_ORIGINS)[number];
/** The origins a case may have, by who made it. */
export const CASE_ORIGINS_BY_MAKER: Readonly<Record<RecordMaker, readonly CaseOrigin[]>> = { platform: PLATFORM_CASE_ORIGINS, tianping: TIANPING_CASE_ORIGINS };

export const INSPECTION_RESULTS = ['未发现问题', '责令整改', '立案查处'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Results that mean an inspection found a violation; every 处罚 is a violation too. */
export const VIOLATION_RESULTS: readonly InspectionResult[] = ['责令整改', '立案查处'];

export const OFFICER_STATUSES = ['在岗', '离岗'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export const CLUE_CHANNELS = ['12345', 'grid', 'city_brain', 'online'] as const;
export type ClueChannel = (typeof CLUE_CHANNELS)[number];

export const CLUE_STATUSES = ['pending', 'handled', 'closed'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];

export interface SubjectRecord {
  creditCode: string;
  name: string;
  /** YYYY-MM-DD */
  establishedOn: string;
  registeredCapitalWan: number | null;
  shareholderSubscribedWan: number | null;
  employees: number | null;
  industryCode: string;
  regionCode: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  status: SubjectStatus;
  abnormalListed: boolean;
  legalRepChanges2y: number;
  /** Personal data. */
  legalRepName: string | null;
  /** Personal data: the apps store it protected and show it masked. */
  legalRepId: string | null;
  updatedAt: Date;
}

export interface CaseRecord {
  caseNo: string;
  creditCode: string;
  department: DepartmentCode;
  kind: CaseKind;
  origin: CaseOrigin;
  /** YYYY-MM-DD */
  date: string;
  items: string[];
  result: InspectionResult | null;
  violation: string | null;
  penaltyYuan: number;
  officerIds: string[];
  updatedAt: Date;
  /** Ground truth for the risk model: 责令整改/立案查处, or any 处罚. */
  violationFound: boolean;
}

export interface OfficerRecord {
  officerId: string;
  /** Personal data. */
  name: string | null;
  department: DepartmentCode;
  /** YYYY-MM-DD */
  certValidUntil: string;
  domains: DepartmentCode[];
  regionCode: string;
  status: OfficerStatus;
}

export interface ClueRecord {
  clueId: string;
  channel: ClueChannel;
  receivedAt: Date;
  /** As given (normalised: blanks removed, upper case), even when invalid. */
  creditCode: string | null;
  creditCodeValid: boolean;
  subjectName: string | null;
  address: string | null;
  category: string;
  department: DepartmentCode;
  verified: boolean | null;
  status: ClueStatus;
  updatedAt: Date;
}

export interface RecordByKind {
  subjects: SubjectRecord;
  cases: CaseRecord;
  officers: OfficerRecord;
  clues: ClueRecord;
}

export type AnyRecord = RecordByKind[SourceKind];
