/**
 * Cuts CSV text into the pieces the parser handles differently: a line without any quote character is
 * one record whose cells are split on commas (exactly what RFC 4180 says for it, and far cheaper than a
 * byte-wise parser); a run of lines holding quotes, up to where the quotes balance, goes to csv-parse.
 */
export type CsvPiece = { plain: string } | { quoted: string };

/**
 * Feeds text in arbitrary chunks and emits pieces as soon as they are complete. `end()` flushes
 * whatever is left (an unbalanced quoted run included: csv-parse then reports it).
 */
export class CsvLineSplitter {
  private carry = '';
  private quoted = '';
  private quotesInRun = 0;
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
    this.quotesInRun = 0;
  }

  /** `line` includes its line break (except possibly the last line of the input). */
  private line(line: string): void {
    const quotes = countQuotes(line);
    if (this.quoted === '' && quotes === 0) {
      const body = stripBreak(line);
      if (body !== '') this.emit({ plain: body });
      return;
    }
    this.quoted += line;
    this.quotesInRun += quotes;
    if (this.quotesInRun % 2 === 0) {
      this.emit({ quoted: this.quoted });
      this.quoted = '';
      this.quotesInRun = 0;
    }
  }
}

function countQuotes(line: string): number {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n;
}

function stripBreak(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 10 || line.charCodeAt(end - 1) === 13)) end--;
  return end === line.length ? line : line.slice(0, end);
}
