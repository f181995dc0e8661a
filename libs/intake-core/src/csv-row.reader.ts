import { CONTRACT_COLUMNS, ContractColumn, contractKeys, moneyHeader, normaliseHeader } from './contract-columns.model';
import { shiftDecimal } from './contract-value.util';
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
    const columns = CONTRACT_COLUMNS[this.kind];
    const byHeader = new Map(columns.map((c) => [c.header, c] as const));
    const byMoneyName = new Map(columns.flatMap((c) => (c.money ? [[c.money.name, c] as const] : [])));
    const headers = cells.map(normaliseHeader);
    this.headers = headers;
    const seen = new Set<string>();
    const keys: (string | null)[] = headers.map(() => null);
    this.shifts = headers.map(() => 0);
    // The contract's own header first, wherever it stands; then a money column that names another unit, or none.
    headers.forEach((header, i) => {
      const column = byHeader.get(header);
      if (column === undefined || seen.has(column.key)) return;
      seen.add(column.key);
      keys[i] = column.key;
    });
    headers.forEach((header, i) => {
      const { name, places } = moneyHeader(header);
      const column = keys[i] === null ? byMoneyName.get(name) : undefined;
      if (column?.money === undefined || seen.has(column.key)) return;
      seen.add(column.key);
      keys[i] = column.key;
      this.shifts[i] = places - column.money.places;
    });
    this.columnKeys = keys;
    this.missing = columns.filter((c) => c.required && !seen.has(c.key));
    this.missingKeys = new Set(this.missing.map((c) => c.key));
  }

  private fileReasons(): Reason[] {
    return this.missing.map((c) => ({
      field: '_file',
      code: 'missing_column',
      message: `the export has no column ${c.header} (${c.key})`,
    }));
  }
}
