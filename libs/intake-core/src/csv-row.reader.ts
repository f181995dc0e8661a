import { CONTRACT_COLUMNS, ContractColumn, normaliseHeader } from './contract-columns.model';
import { CsvSourceKind, Outcome, ParseContext, RawRecord, Reason, RecordByKind } from './intake.model';
import { validateRaw } from './record-validation.util';

export type CsvOutcome<K extends CsvSourceKind> = Outcome<RecordByKind[K]>;

/**
 * Turns the cell arrays of one CSV export into outcomes: the first record is the header, every later
 * record (and every record the CSV parser had to skip) becomes exactly one outcome.
 */
export class CsvRowReader<K extends CsvSourceKind> {
  /** Contract key per column position; null for unknown or repeated columns. */
  private columnKeys: (string | null)[] | null = null;
  private missing: ContractColumn[] = [];
  private missingKeys = new Set<string>();
  private row = 0;

  constructor(
    private readonly kind: K,
    private readonly ctx: ParseContext,
  ) {}

  /** Returns null for the header row. */
  accept(cells: string[]): CsvOutcome<K> | null {
    if (this.columnKeys === null) {
      this.readHeader(cells);
      return null;
    }
    this.row++;
    const raw: RawRecord = {};
    const keys = this.columnKeys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== null) raw[key] = i < cells.length ? cells[i].trim() : '';
    }
    const reasons: Reason[] = this.fileReasons();
    if (cells.length !== keys.length) {
      reasons.push({ field: '_row', code: 'ragged_row', message: `row has ${cells.length} cells but the header has ${keys.length}` });
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

  private readHeader(cells: string[]): void {
    const byHeader = new Map(CONTRACT_COLUMNS[this.kind].map((c) => [c.header, c] as const));
    const seen = new Set<string>();
    this.columnKeys = cells.map((cell) => {
      const column = byHeader.get(normaliseHeader(cell));
      if (column === undefined || seen.has(column.key)) return null;
      seen.add(column.key);
      return column.key;
    });
    this.missing = CONTRACT_COLUMNS[this.kind].filter((c) => c.required && !seen.has(c.key));
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
