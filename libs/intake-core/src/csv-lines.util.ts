/**
 * Cuts CSV text into the pieces the parser handles differently: a line without any quote character is
 * one record whose cells are split on commas (exactly what RFC 4180 says for it, and far cheaper than a
 * byte-wise parser); a line holding quotes, joined with the next ones while a quoted field it opens is
 * still open, goes to csv-parse.
 */
export type CsvPiece = { plain: string } | { quoted: string } | { unclosed: string };

const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * How long a quoted field may stay open, in characters, before it is taken as never closed. No record
 * can be valid past about 170,000 (17 columns of at most 10,000 characters each, MAX_TEXT_LENGTH), so
 * 4 Mi leaves any real cell with line breaks alone while a stray quote holds at most that much, not the file.
 */
export const MAX_QUOTED_CHARS = 4 * 1024 * 1024;

/**
 * Feeds text in arbitrary chunks and emits pieces as soon as they are complete. `end()` flushes
 * whatever is left (a quoted field never closed included: csv-parse then reports it). A quoted field
 * still open past `maxQuoted` characters is given up on at once: its first line is emitted `unclosed`
 * and the lines after it are read again, as csv-export.parser does with a quote open at the end.
 */
export class CsvLineSplitter {
  private carry = '';
  /** Lines joined because a quoted field is open at the end of the last of them. */
  private quoted = '';
  private lineBreak: '\n' | '\r' | null = null;

  constructor(
    private readonly emit: (piece: CsvPiece) => void,
    private readonly maxQuoted = MAX_QUOTED_CHARS,
  ) {}

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
    // A loop rather than recursion: the lines after a quoted field given up on may give up again.
    for (let rest = this.step(line); rest !== '';) {
      const end = rest.indexOf(this.lineBreak ?? '\n');
      const next = end < 0 ? rest : rest.slice(0, end + 1);
      const again = this.step(next);
      rest = again + rest.slice(next.length);
    }
  }

  /** One line; returns the text to read again when it left a quoted field open too long (else ''). */
  private step(line: string): string {
    const open = this.quoted !== '';
    if (!open && line.indexOf('"') < 0) {
      const body = stripBreak(line);
      if (body !== '') this.emit({ plain: body });
      return '';
    }
    this.quoted += line;
    if (endsInQuotedField(line, open)) return this.quoted.length > this.maxQuoted ? this.giveUp() : '';
    this.emit({ quoted: this.quoted });
    this.quoted = '';
    return '';
  }

  private giveUp(): string {
    const held = this.quoted;
    this.quoted = '';
    const end = held.indexOf(this.lineBreak ?? '\n');
    const first = end < 0 ? held : held.slice(0, end + 1);
    this.emit({ unclosed: stripBreak(first) });
    return held.slice(first.length);
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
