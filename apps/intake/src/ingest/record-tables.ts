import {
  arrayLiteral,
  boolNullableArrayBinary,
  float8NullableArrayBinary,
  int4NullableArrayBinary,
  textArrayBinary,
  timestamptzArrayBinary,
  type LiteralElement,
  type Nullable,
} from '@tianping/database';

/**
 * How each source kind is stored: its table, key and columns with their Postgres types.
 * One description drives the bulk upsert for all four kinds.
 */
export interface ColumnSpec {
  name: string;
  /** Array type used to pass the column through unnest(); `text[]` columns travel ';'-joined. */
  type: 'text' | 'date' | 'timestamptz' | 'numeric' | 'integer' | 'boolean' | 'double precision' | 'text[]';
}

export interface TableSpec {
  table: string;
  key: string;
  /** Versioned tables keep the newest updated_at; others keep the latest export. */
  versioned: boolean;
  columns: ColumnSpec[];
}

const col = (name: string, type: ColumnSpec['type']): ColumnSpec => ({ name, type });

export const SUBJECTS_TABLE: TableSpec = {
  table: 'intake.subjects',
  key: 'credit_code',
  versioned: true,
  columns: [
    col('credit_code', 'text'),
    col('name', 'text'),
    col('name_key', 'text'),
    col('established_on', 'date'),
    col('registered_capital_wan', 'numeric'),
    col('shareholder_subscribed_wan', 'numeric'),
    col('employees', 'integer'),
    col('industry_code', 'text'),
    col('region_code', 'text'),
    col('address', 'text'),
    col('address_key', 'text'),
    col('lng', 'double precision'),
    col('lat', 'double precision'),
    col('status', 'text'),
    col('abnormal_listed', 'boolean'),
    col('legal_rep_changes_2y', 'integer'),
    col('legal_rep_name_sealed', 'text'),
    col('legal_rep_id_sealed', 'text'),
    col('legal_rep_id_hash', 'text'),
    col('legal_rep_id_masked', 'text'),
    col('updated_at', 'timestamptz'),
    col('fingerprint', 'text'),
  ],
};

export const CASES_TABLE: TableSpec = {
  table: 'intake.cases',
  key: 'case_no',
  versioned: true,
  columns: [
    col('case_no', 'text'),
    col('credit_code', 'text'),
    col('department', 'text'),
    col('kind', 'text'),
    col('origin', 'text'),
    col('date', 'date'),
    col('items', 'text[]'),
    col('result', 'text'),
    col('violation', 'text'),
    col('violation_found', 'boolean'),
    col('penalty_yuan', 'numeric'),
    col('officer_ids', 'text[]'),
    col('updated_at', 'timestamptz'),
    col('fingerprint', 'text'),
  ],
};

export const OFFICERS_TABLE: TableSpec = {
  table: 'intake.officers',
  key: 'officer_id',
  versioned: false,
  columns: [
    col('officer_id', 'text'),
    col('name_sealed', 'text'),
    col('name_masked', 'text'),
    col('department', 'text'),
    col('cert_valid_until', 'date'),
    col('domains', 'text[]'),
    col('region_code', 'text'),
    col('status', 'text'),
    col('fingerprint', 'text'),
  ],
};

export const CLUES_TABLE: TableSpec = {
  table: 'intake.clues',
  key: 'clue_id',
  versioned: true,
  columns: [
    col('clue_id', 'text'),
    col('channel', 'text'),
    col('received_at', 'timestamptz'),
    col('credit_code_given', 'text'),
    col('credit_code_valid', 'boolean'),
    col('subject_name', 'text'),
    col('address', 'text'),
    col('category', 'text'),
    col('department', 'text'),
    col('verified', 'boolean'),
    col('status', 'text'),
    col('updated_at', 'timestamptz'),
    col('fingerprint', 'text'),
    col('linked_credit_code', 'text'),
    col('link_method', 'text'),
    col('link_candidates', 'integer'),
  ],
};

export type Row = Record<string, string | number | boolean | Date | string[] | null>;
/**
 * `conflict`: a version with the same update time as the one stored but other values. The stored one is
 * kept, and the newcomer quarantined (SAME_TIME_CONFLICT): which of the two is right, only its source knows.
 */
export type UpsertOutcome = 'inserted' | 'updated' | 'duplicate' | 'stale' | 'conflict';
/**
 * `raced`: the row was not written, and the version that kept it out is not the one the statement's snapshot
 * held (another transaction inserted or changed it meanwhile): judged by reading it again (judgedAgainst).
 */
export type UpsertVerdict = UpsertOutcome | 'raced';

/** How the upsert statement spells each verdict: one letter per row, in the rows' order. */
export const VERDICT_LETTERS: Readonly<Record<string, UpsertVerdict>> = {
  i: 'inserted',
  u: 'updated',
  d: 'duplicate',
  s: 'stale',
  c: 'conflict',
  r: 'raced',
};

/** The reason a same-time, different version is held in quarantine, in the form of a validation reason. */
export const SAME_TIME_CONFLICT = {
  field: 'updated_at',
  code: 'conflict',
  message:
    'another version of this record with the same update time and different values is already held, and is kept; correct the update time to the one that is right and replay this version, or discard it',
} as const;

/** The stored version a row was not written over, as committed when read again. */
export interface StoredVersion {
  fingerprint: string;
  updatedAt: Date | null;
}

/**
 * What a row that was not written met: the same version (duplicate), another with the same update time
 * (conflict, on versioned tables), or a newer one (stale).
 */
export function judgedAgainst(spec: TableSpec, row: Row, stored: StoredVersion | undefined): UpsertOutcome {
  if (stored?.fingerprint === row.fingerprint) return 'duplicate';
  if (spec.versioned && stored && sameInstant(stored.updatedAt, row.updated_at)) return 'conflict';
  return 'stale';
}

function sameInstant(a: Date | null, b: Row[string]): boolean {
  return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
}

/**
 * One set-based statement: insert new keys, update older versions, and say what happened to each row.
 * Inserted or updated is read from the written row itself (xmax is 0 only for a fresh insert), not from
 * the statement's snapshot, which misses a row another transaction committed meanwhile.
 * The verdicts come back as one text, a letter per row in the order given (VERDICT_LETTERS): reading a
 * 5,000-row result cost the client about ten times as much CPU as reading one string.
 * A versioned row is written only over an older version: one with the same update time is kept, and the
 * row is a duplicate (same fingerprint) or a conflict (not).
 */
export function upsertSql(spec: TableSpec): string {
  const names = spec.columns.map((c) => c.name);
  const params = spec.columns.map((c, i) => `$${i + 1}::${c.type === 'text[]' ? 'text' : c.type}[]`);
  const select = spec.columns.map((c) => (c.type === 'text[]' ? `string_to_array(i.${c.name}, ';')` : `i.${c.name}`));
  const newer = spec.versioned ? `cur.updated_at < EXCLUDED.updated_at` : `cur.fingerprint <> EXCLUDED.fingerprint`;
  const updates = names.filter((n) => n !== spec.key).map((n) => `${n} = EXCLUDED.${n}`);
  // Looked up by the key array, so the existing rows come by index however large the table grows.
  const keyParam = names.indexOf(spec.key) + 1;
  // Not written over a version the snapshot held as older: another transaction wrote one meanwhile ('r').
  const kept = spec.versioned ? `WHEN e.updated_at = i.updated_at THEN 'c' WHEN e.updated_at > i.updated_at THEN 's' ELSE 'r'` : `ELSE 'u'`;
  return `WITH i AS (SELECT * FROM unnest(${params.join(', ')}) WITH ORDINALITY AS t(${names.join(', ')}, ord)),
    e AS (SELECT cur.${spec.key} AS key, cur.fingerprint${spec.versioned ? ', cur.updated_at' : ''} FROM ${spec.table} cur WHERE cur.${spec.key} = ANY($${keyParam})),
    a AS (
      INSERT INTO ${spec.table} AS cur (${names.join(', ')}) SELECT ${select.join(', ')} FROM i
      ON CONFLICT (${spec.key}) DO UPDATE SET ${updates.join(', ')}, changed_at = now() WHERE ${newer}
      RETURNING cur.${spec.key} AS key, (cur.xmax = 0) AS fresh
    )
    SELECT string_agg(
      CASE WHEN a.fresh THEN 'i'
           WHEN a.key IS NOT NULL THEN 'u'
           WHEN e.key IS NULL THEN 'r'
           WHEN e.fingerprint = i.fingerprint THEN 'd'
           ${kept} END, '' ORDER BY i.ord) AS verdicts
    FROM i LEFT JOIN e ON e.key = i.${spec.key} LEFT JOIN a ON a.key = i.${spec.key}`;
}

/**
 * One parameter per column for unnest(), in the form the server reads cheapest and the client writes
 * fastest: a binary array where a JS value has one plain binary form (a Date's instant, to the
 * millisecond it holds, whatever the process's time zone), array text for numeric and date.
 * pg's own conversion of plain arrays took a sixth of intake's main thread.
 */
export function toColumnParams(spec: TableSpec, rows: Row[]): (Buffer | string)[] {
  return spec.columns.map((c) =>
    columnParam(
      c.type,
      rows.map((row) => row[c.name]),
    ),
  );
}

type Value = Row[string] | undefined;

function columnParam(type: ColumnSpec['type'], values: Value[]): Buffer | string {
  switch (type) {
    case 'text':
      return textArrayBinary(values as Nullable<string>[]);
    case 'text[]':
      return textArrayBinary(values.map((v) => (Array.isArray(v) ? v.join(';') : v)) as Nullable<string>[]);
    case 'integer':
      return int4NullableArrayBinary(values as Nullable<number>[]);
    case 'boolean':
      return boolNullableArrayBinary(values as Nullable<boolean>[]);
    case 'double precision':
      return float8NullableArrayBinary(values as Nullable<number>[]);
    case 'timestamptz':
      return timestamptzArrayBinary(values as Nullable<Date>[]);
    case 'numeric':
    case 'date':
      return arrayLiteral(values as LiteralElement[]);
  }
}

/**
 * Splits a batch into rounds so that no key appears twice in one statement (Postgres forbids
 * touching a row twice in one INSERT … ON CONFLICT); rounds run in order, as if row by row.
 * Each round is in key order: every transaction then locks the keys it shares with another in the
 * same order, so two batches holding the same records in different orders wait, never deadlock.
 */
export function splitIntoRounds<T>(rows: T[], keyOf: (row: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(row);
  }
  return rounds.map((round) => inKeyOrder(round, keyOf));
}

/**
 * The one order every writer of intake's records takes their row locks in: by code point, as
 * PostgreSQL's `COLLATE "C"` sorts (UTF-16 code units would put U+FFxx after emoji). Each key is
 * encoded once, not once per comparison: a batch is 5,000 rows.
 */
function inKeyOrder<T>(rows: T[], keyOf: (row: T) => string): T[] {
  const keyed = rows.map((row) => ({ row, key: Buffer.from(keyOf(row), 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.key, b.key));
  return keyed.map((k) => k.row);
}
