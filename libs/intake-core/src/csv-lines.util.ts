/**
 * Cuts CSV text into the pieces the parser handles differently: a line without any quote character is
 * one record whose cells are split on commas (exactly what RFC 4180 says for it, and far cheaper than a
 * byte-wise parser); a line holding quotes, joined with the next ones while a quoted field it opens is
 * still open, goes to csv-parse.
 */
export type CsvPiece = { plain: string } | { quoted: string };

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Feeds text in arbitrary chunks and emits pieces as soon as they are complete. `end()` flushes
 * whatever is left (a quoted field never closed included: csv-parse then reports it).
 */
export class CsvLineSplitter {
  private carry = '';
  /** Lines joined because a quoted field is open at the end of the last of them. */
  private quoted = '';
  private lineBreak: '\n' | '\r' | null = null;

  constructor(private readonly emit: (piece: CsvPiece) => void) {}

  write(text: string): void {
    this.carry += text;
    if (this.lineBreak === null) {
      const lf = this.carry.indexOf('\n');
      const cr = this.carry.indexOf('\r');
      // Old exports may end lines with a lone CR; decide once, on the first line break seen.
      if (cr >= 0 && (lf < 0 || cr < lf) && cr + 1 < this.carry.length && this.carry[cr + 1] !== '\n') this.lineBreak = '\r';
      else if (lf >= 0) this.lineBreak = '\n';
      else return;
    }
    let start = 0;
    for (let end = this.carry.indexOf(this.lineBreak, start); end >= 0; end = this.carry.indexOf(this.lineBreak, start)) {
      this.line(this.carry.slice(start, end + 1));
      start = end + 1;
    }
    this.carry = this.carry.slice(start);
  }

  end(): void {
    if (this.carry !== '') this.line(this.carry);
    this.carry = '';
    if (this.quoted !== '') this.emit({ quoted: this.quoted });
    this.quoted = '';
  }

  /** `line` includes its line break (except possibly the last line of the input). */
  private line(line: string): void {
    const open = this.quoted !== '';
    if (!open && line.indexOf('"') < 0) {
      const body = stripBreak(line);
      if (body !== '') this.emit({ plain: body });
      return;
    }
    this.quoted += line;
    if (endsInQuotedField(line, open)) return;
    this.emit({ quoted: this.quoted });
    this.quoted = '';
  }
}

/**
 * Whether a quoted field is open at the end of `line`, read as csv-parse reads it with relaxed quotes:
 * a quote opens a quoted field only as a field's first character (a quote inside an unquoted cell,
 * or after a BOM csv-parse is not told to skip, is an ordinary character); inside, a doubled quote is
 * one quote and any other quote ends the quoted part. `inside` says the line starts within a quoted field.
 */
export function endsInQuotedField(line: string, inside: boolean): boolean {
  let quoted = inside;
  let fieldStart = !inside;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) continue;
      if (line.charCodeAt(i + 1) === QUOTE) i++;
      else quoted = false;
    } else if (c === COMMA) {
      fieldStart = true;
    } else {
      quoted = c === QUOTE && fieldStart;
      fieldStart = false;
    }
  }
  return quoted;
}

function stripBreak(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
  return end === line.length ? line : line.slice(0, end);
}
