import * as fc from 'fast-check';
import { parse as parseSync } from 'csv-parse/sync';
import { CsvLineSplitter, CsvPiece, endsInQuotedField } from './csv-lines.util';

// How csv-export.parser reads a quoted piece: csv-parse with relaxed quotes.
const RELAXED = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true };

/** The pieces of `text` fed in chunks of `size` characters (the whole text at once by default), quoted fields given up on past `limit`. */
function piecesOf(text: string, size = text.length || 1, limit?: number): CsvPiece[] {
  const pieces: CsvPiece[] = [];
  const splitter = new CsvLineSplitter((piece) => pieces.push(piece), limit);
  for (let i = 0; i < text.length; i += size) splitter.write(text.slice(i, i + size));
  splitter.end();
  return pieces;
}

/** The rows the parser gets from the pieces: a plain line split on commas, a quoted piece read by csv-parse (an unclosed one is none). */
function rowsOf(pieces: CsvPiece[]): string[][] {
  return pieces.flatMap((piece) => ('plain' in piece ? [piece.plain.split(',')] : 'quoted' in piece ? (parseSync(piece.quoted, RELAXED) as string[][]) : []));
}

const wholeText = (text: string): string[][] => parseSync(text, RELAXED) as string[][];

const HEADER = '统一社会信用代码,主体名称,住所,登记状态';

describe('CsvLineSplitter', () => {
  describe('a quote inside an unquoted cell is an ordinary character, so the lines after it stay plain', () => {
    it.each([
      ['in the middle of a cell', '91440604MA4UJ8K20C,明记,建新路18号"首层,存续'],
      ['at the end of a cell', '91440604MA4UJ8K20C,明记,建新路18号",存续'],
      ['at the end of the line', '91440604MA4UJ8K20C,明记,建新路18号,存续"'],
      ['doubled', '91440604MA4UJ8K20C,明记,建新路""18号,存续'],
      ['three of them', '91440604MA4UJ8K20C,明"记,建新路"18号,存"续'],
      ['after a leading space', '91440604MA4UJ8K20C, "明记,建新路18号,存续'],
      ['after a BOM csv-parse is not told to skip', '\uFEFF"91440604MA4UJ8K20C,明记,建新路18号,存续'],
      ['after a quoted part that closed early', '91440604MA4UJ8K20C,"明记"有限公司,建新路18号,存续'],
    ])('%s', (_, line) => {
      for (const lineBreak of ['\n', '\r\n', '\r']) {
        const next = ['91440604MA4UJ8K20C,恒达,科技大道3号,在业', '91350100M000100Y43,恒达,科技大道5号,吊销'];
        const text = [HEADER, line, ...next].join(lineBreak) + lineBreak;
        expect(piecesOf(text)).toEqual([{ plain: HEADER }, { quoted: line + lineBreak }, ...next.map((plain) => ({ plain }))]);
        expect(rowsOf(piecesOf(text))).toEqual(wholeText(text));
        for (let size = 1; size <= 9; size++) expect(piecesOf(text, size)).toEqual(piecesOf(text));
      }
    });
  });

  it('keeps a quoted field holding line breaks, commas and doubled quotes in one piece, however the text is cut', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const quoted = `91440604MA4UJ8K20C,"明记, ""老字号""","建新路18号${lineBreak}首层\r\n二楼",存续${lineBreak}`;
      const text = `${HEADER}${lineBreak}${quoted}91350100M000100Y43,恒达,科技大道5号,吊销${lineBreak}`;
      const whole = piecesOf(text);
      expect(whole).toEqual([{ plain: HEADER }, { quoted }, { plain: '91350100M000100Y43,恒达,科技大道5号,吊销' }]);
      expect(rowsOf(whole)[1]).toEqual(['91440604MA4UJ8K20C', '明记, "老字号"', `建新路18号${lineBreak}首层\r\n二楼`, '存续']);
      for (let size = 1; size <= text.length; size++) expect(piecesOf(text, size)).toEqual(whole);
    }
  });

  it('keeps everything after a quote that opens a field and never closes in one piece, for the parser to read again', () => {
    const text = `${HEADER}\n91440604MA4UJ8K20C,"明记,建新路18号,存续\n91350100M000100Y43,恒达,科技大道5号,吊销\n`;
    const rest = text.slice(HEADER.length + 1);
    for (let size = 1; size <= text.length; size++) expect(piecesOf(text, size)).toEqual([{ plain: HEADER }, { quoted: rest }]);
  });

  it('gives up on a quoted field still open past its limit: the first line is handed on unclosed and the lines after it read again', () => {
    for (const lineBreak of ['\n', '\r\n', '\r']) {
      const stray = '91440604MA4UJ8K20C,"明记,建新路18号,存续';
      const plain = ['91350100M000100Y43,恒达,科技大道5号,吊销', '91350100M000100Y44,恒达,科技大道7号,在业', '91350100M000100Y45,恒达,科技大道9号,在业'];
      // A real cell with a line break, shorter than the limit, stays one piece after the re-read lines.
      const multiLine = `91440604MA4UJ8K20C,"明记","建新路18号${lineBreak}首层",存续${lineBreak}`;
      const text = [HEADER, stray, ...plain].join(lineBreak) + lineBreak + multiLine + plain[0] + lineBreak;
      const expected = [{ plain: HEADER }, { unclosed: stray }, ...plain.map((p) => ({ plain: p })), { quoted: multiLine }, { plain: plain[0] }];
      for (let size = 1; size <= text.length; size += 7) expect(piecesOf(text, size, 100)).toEqual(expected);
      // Within the default limit the stray quote runs on to the next quote, as csv-parse reads it.
      const swallowed = text.slice(HEADER.length + lineBreak.length, text.length - plain[0].length - lineBreak.length);
      expect(piecesOf(text)).toEqual([{ plain: HEADER }, { quoted: swallowed }, { plain: plain[0] }]);
    }
  });

  it('reads a quote after a stray one by where it stands: at the start of a field it opens a quoted field', () => {
    const text = `${HEADER}\n91440604MA4UJ8K20C,明"记,"建新路\n18号",存续\n91350100M000100Y43,恒达,科技大道5号,吊销\n`;
    expect(piecesOf(text)).toEqual([
      { plain: HEADER },
      { quoted: '91440604MA4UJ8K20C,明"记,"建新路\n18号",存续\n' },
      { plain: '91350100M000100Y43,恒达,科技大道5号,吊销' },
    ]);
    expect(rowsOf(piecesOf(text))).toEqual(wholeText(text));
  });

  it('splits a CR LF pair cut between two chunks as one line break', () => {
    const text = `${HEADER}\r\n91440604MA4UJ8K20C,明记,建新路18号"首层,存续\r\n91350100M000100Y43,恒达,科技大道5号,吊销\r\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const pieces: CsvPiece[] = [];
      const splitter = new CsvLineSplitter((piece) => pieces.push(piece));
      splitter.write(text.slice(0, cut));
      splitter.write(text.slice(cut));
      splitter.end();
      expect(pieces).toEqual(piecesOf(text));
    }
  });

  describe('endsInQuotedField', () => {
    it.each([
      ['a,"b', false, true],
      ['a,b"c', false, false],
      ['a,"b""', false, true],
      ['a,"b"""', false, false],
      ['a,"b"c,"d', false, true],
      ['b",c', true, false],
      ['b"",c', true, true],
      ['b"c,"d', true, true],
      ['', true, true],
    ])('%j, starting inside a quoted field: %s, ends inside one: %s', (line, inside, expected) => {
      expect(endsInQuotedField(line, inside)).toBe(expected);
    });
  });
});

describe('CsvLineSplitter, property: its rows are csv-parse’s own reading of the whole text', () => {
  const plainChar = fc.constantFrom('a', '1', '中', '号', ' ', '-');
  const plainCell = fc.string({ unit: plainChar, maxLength: 6 });
  // A quote anywhere but at the start of a cell: an ordinary character to csv-parse.
  const strayCell = fc
    .tuple(
      fc.string({ unit: plainChar, minLength: 1, maxLength: 4 }),
      fc.string({ unit: fc.constantFrom('a', '中', '"', '""', ' '), minLength: 1, maxLength: 5 }),
    )
    .map(([head, tail]) => head + tail);
  const quotedCell = (lineBreak: string) =>
    fc
      .string({ unit: fc.constantFrom('a', '中', ',', '""', ' ', '\n', '\r\n', '\r', lineBreak), maxLength: 8 })
      .chain((inner) => fc.constantFrom(`"${inner}"`, `"${inner}"尾`));
  const text = fc.constantFrom('\n', '\r\n', '\r').chain((lineBreak) =>
    fc.record({
      lineBreak: fc.constant(lineBreak),
      rows: fc.array(fc.array(fc.oneof(plainCell, strayCell, quotedCell(lineBreak)), { minLength: 1, maxLength: 5 }), { maxLength: 12 }),
      // A quote left open at the very end, as a cut-off export has it.
      unclosed: fc.boolean(),
      trailingBreak: fc.boolean(),
    }),
  );

  it('for any cells, line break and chunk size', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (input, size) => {
        const body = [HEADER, ...input.rows.map((cells) => cells.join(','))].join(input.lineBreak);
        const csv = body + (input.unclosed ? `${input.lineBreak}x,"open${input.lineBreak}y,z` : '') + (input.trailingBreak ? input.lineBreak : '');
        const pieces = piecesOf(csv);
        expect(rowsOf(pieces)).toEqual(wholeText(csv));
        expect(piecesOf(csv, size)).toEqual(pieces);
        // Giving up on a quoted field open too long does not depend on where the chunks are cut either.
        expect(piecesOf(csv, size, 12)).toEqual(piecesOf(csv, csv.length, 12));
      }),
      { numRuns: 500 },
    );
  });

  it('joins no lines when no cell starts with a quote, however many stray quotes there are', () => {
    const rows = fc.array(fc.array(fc.oneof(plainCell, strayCell), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(rows, fc.constantFrom('\n', '\r\n', '\r'), (cells, lineBreak) => {
        const lines = [HEADER, ...cells.map((c) => c.join(','))].filter((line) => line !== '');
        const csv = lines.join(lineBreak) + lineBreak;
        const pieces = piecesOf(csv);
        expect(pieces).toHaveLength(lines.length);
        expect(rowsOf(pieces)).toEqual(wholeText(csv));
      }),
      { numRuns: 300 },
    );
  });
});
