import { CONTRACT_COLUMNS, ContractColumn, columnOfHeader, contractKeys, normaliseHeader } from './contract-columns.model';
import { sameValue, shiftDecimal } from './contract-value.util';
import { CsvSourceKind, Outcome, ParseContext, RawRecord, Reason, RecordByKind, RowLayout } from './intake.model';
import { validateRaw } from './record-validation.util';

export type CsvOutcome<K extends CsvSourceKind> = Outcome<RecordByKind[K]>;

/**
 * Turns the cell arrays of one CSV export into outcomes: the first record is the header, every later
 * record (and every record the CSV parser had to skip) becomes exactly one outcome.
 */
export class CsvRowReader<K extends CsvSourceKind> {
  /** Contract key per column position; null for unknown or repeated columns. */
  private columnKeys: (string | null)[] | null = null;
  /** The header's cells, normalised: the names a row's unplaced cells are kept under. */
  private headers: string[] = [];
  /** Per column position: powers of ten from the header's money unit to the key's (0 for all else). */
  private shifts: number[] = [];
  /** Columns after the first that name the same contract key: read only to check that they agree. */
  private repeats: { index: number; key: string; amount: boolean }[] = [];
  private missing: ContractColumn[] = [];
  private missingKeys = new Set<string>();
  private row = 0;

  constructor(
    private readonly kind: K,
    private readonly ctx: ParseContext,
  ) {}

  /**
   * Returns null for the header row and for a row of blank cells only (the `,,,,` lines spreadsheets leave
   * below their data): like an empty line, it holds no record, so there is nothing to keep or quarantine.
   */
  accept(cells: string[]): CsvOutcome<K> | null {
    if (cells.every((cell) => cell.trim() === '')) return null;
    if (this.columnKeys === null) {
      this.readHeader(cells);
      return null;
    }
    this.row++;
    const raw: RawRecord = {};
    const keys = this.columnKeys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === null) continue;
      const cell = i < cells.length ? cells[i].trim() : '';
      raw[key] = this.shifts[i] === 0 ? cell : shiftDecimal(cell, this.shifts[i]);
    }
    const reasons: Reason[] = this.fileReasons();
    if (this.repeats.length > 0) reasons.push(...this.reconcileRepeats(raw, cells));
    const ragged = cells.length !== keys.length;
    // A row that does not fit its columns keeps every cell: what is in them is what a correction needs.
    const kept = ragged || reasons.length > 0 ? this.keepUnplaced(raw, cells) : [];
    if (ragged) {
      const message = `row has ${cells.length} cells but the header has ${keys.length}`;
      reasons.push({ field: '_row', code: 'ragged_row', message, layout: this.layout(cells, kept) });
    }
    const result = validateRaw(this.kind, raw, this.ctx);
    if (result.ok && reasons.length === 0) return { ok: true, line: this.row, record: result.record, raw };
    if (!result.ok) {
      // A missing column is reported once, as a file problem, not again as a blank field.
      for (const reason of result.reasons) if (!this.missingKeys.has(reason.field)) reasons.push(reason);
    }
    return { ok: false, line: this.row, reasons, raw };
  }

  /** A record the CSV parser could not read (e.g. a quote never closed): still one outcome. */
  reject(rawText: string, code: string, message: string): CsvOutcome<K> {
    this.row++;
    return { ok: false, line: this.row, reasons: [{ field: '_row', code, message }], raw: rawText };
  }

  /**
   * The cells of columns the contract does not name (or names twice) under their header, and those
   * beyond the header under `_column_<n>` (as a blank or clashing header is): an unread header, or a
   * comma that split a cell, leaves the record's values there, and two such rows stay two records.
   */
  private keepUnplaced(raw: RawRecord, cells: string[]): (string | null)[] {
    const keys = this.columnKeys ?? [];
    const contract = new Set(contractKeys(this.kind));
    const kept: (string | null)[] = [...keys];
    for (let i = 0; i < cells.length; i++) {
      if (i < keys.length && keys[i] !== null) continue;
      const header = this.headers[i] ?? '';
      const named = header !== '' && !header.startsWith('_') && !contract.has(header) && !Object.prototype.hasOwnProperty.call(raw, header);
      kept[i] = named ? header : `_column_${i + 1}`;
      // defineProperty, so a header named __proto__ is kept as data rather than changing the prototype.
      Object.defineProperty(raw, kept[i]!, { value: cells[i].trim(), enumerable: true, writable: true, configurable: true });
    }
    return kept;
  }

  /** Names and positions of a ragged row's cells (no values), so a split cell can be joined again. */
  private layout(cells: string[], kept: (string | null)[]): RowLayout {
    const width = this.columnKeys?.length ?? 0;
    const spaced = cells.flatMap((cell, i) => (i > 0 && /^\s/.test(cell) ? [i] : []));
    const shifts = this.shifts.some((n) => n !== 0) ? this.shifts : undefined;
    return { columns: kept.slice(0, width), cells: kept.slice(0, cells.length) as string[], spaced, ...(shifts ? { shifts } : {}) };
  }

  private readHeader(cells: string[]): void {
    const headers = cells.map(normaliseHeader);
    this.headers = headers;
    const named = headers.map((header) => columnOfHeader(this.kind, header));
    // The contract's own header first, wherever it stands; then a money column that names another unit, or none.
    const read = new Map<string, number>();
    for (const exact of [true, false]) {
      named.forEach((n, i) => {
        if (n !== null && n.exact === exact && !read.has(n.column.key)) read.set(n.column.key, i);
      });
    }
    const keys = named.map((n, i) => (n !== null && read.get(n.column.key) === i ? n.column.key : null));
    this.columnKeys = keys;
    this.shifts = named.map((n) => n?.shift ?? 0);
    this.repeats = named.flatMap((n, i) => (n === null || keys[i] !== null ? [] : [{ index: i, key: n.column.key, amount: n.column.money !== undefined }]));
    this.missing = CONTRACT_COLUMNS[this.kind].filter((c) => c.required && !read.has(c.key));
    this.missingKeys = new Set(this.missing.map((c) => c.key));
  }

  /**
   * A column the header names twice (the same header, or one amount in two units): where the cells agree,
   * or one is blank, the row reads as one; where they differ, only the source knows which is right.
   */
  private reconcileRepeats(raw: RawRecord, cells: string[]): Reason[] {
    const reasons: Reason[] = [];
    const from = new Map<string, number>();
    for (const { index, key, amount } of this.repeats) {
      const cell = index < cells.length ? cells[index].trim() : '';
      if (cell === '') continue;
      const value = shiftDecimal(cell, this.shifts[index]);
      if (raw[key] === '') {
        raw[key] = value;
        from.set(key, index);
      } else if (!sameValue(String(raw[key]), value, amount)) {
        const first = from.get(key) ?? (this.columnKeys ?? []).indexOf(key);
        const columns = `columns ${first + 1} (${this.headers[first]}) and ${index + 1} (${this.headers[index]})`;
        reasons.push({ field: key, code: 'conflicting_columns', message: `${columns} both give ${key}, and their values differ` });
      }
    }
    return reasons;
  }

  private fileReasons(): Reason[] {
    return this.missing.map((c) => ({
      field: '_file',
      code: 'missing_column',
      message: `the export has no column ${c.header} (${c.key})`,
    }));
  }
}
