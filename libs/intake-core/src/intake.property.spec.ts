import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Readable } from 'stream';
import { chunksOf, collect } from '@tianping/testing';
import { CONTRACT_COLUMNS } from './contract-columns.model';
import { parseCluesJsonl, parseCluesStream } from './clues-jsonl.parser';
import { parseCsvExport, parseCsvStream } from './csv-export.parser';
import { CsvSourceKind, Outcome } from './intake.model';

const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };

/** Writes cells as an RFC 4180 exporter would: quoted when they hold a comma, quote or line break. */
function csvLine(cells: readonly string[]): string {
  const line = cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return line === '' ? '""' : line; // an empty line is no row at all
}

function checkOutcomes(outcomes: readonly Outcome<unknown>[]): void {
  outcomes.forEach((o, i) => {
    expect(o.line).toBe(i + 1);
    if (o.ok) expect(o.record).toBeDefined();
    else expect(o.reasons.length).toBeGreaterThan(0);
  });
}

const awkward = fc.constantFrom(',', '"', '\n', '\r\n', ' ', '中', '号', 'é', '2', '-', '/', 'X', '；', '\u0000', '年');
const cell = fc.oneof(
  fc.string({ unit: awkward, maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', '2021/3/5', '2021年2月30日', '20210305', '91440604MA4UJ8K20C', '-1', '1e5', '是', '检查', 'SAMR-03;X'),
);
const kind = fc.constantFrom<CsvSourceKind>('subjects', 'cases', 'officers');

/** A header of contract columns, some dropped, some unknown added, in any order, with rows that may be ragged. */
const mangledCsv = kind.chain((k) => {
  const headers = CONTRACT_COLUMNS[k].map((c) => c.header);
  return fc.record({
    kind: fc.constant(k),
    header: fc.shuffledSubarray([...headers, '备注', '导出批次'], { minLength: 1 }),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: headers.length + 3 }), { maxLength: 25 }),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
    lineBreak: fc.constantFrom('\n', '\r\n'),
    trailingBreak: fc.boolean(),
  });
});

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([Buffer.from(encoding === 'utf-8-bom' ? '\uFEFF' : ''), Buffer.from(text, 'utf8')]);
}

/** A row of blank cells only (a spreadsheet's trailing `,,,,`) holds no record and yields no outcome. */
const holdsAValue = (cells: readonly string[]) => cells.some((c) => c.trim() !== '');

describe('every row or line holding a value yields exactly one outcome, and nothing throws', () => {
  it('CSV exports with shuffled, missing, extra columns, ragged rows, awkward cells and either encoding', () => {
    fc.assert(
      fc.property(mangledCsv, (input) => {
        const text = [csvLine(input.header), ...input.rows.map(csvLine)].join(input.lineBreak) + (input.trailingBreak ? input.lineBreak : '');
        const outcomes = parseCsvExport(input.kind, encode(text, input.encoding), ctx);
        expect(outcomes).toHaveLength(input.rows.filter(holdsAValue).length);
        checkOutcomes(outcomes);
      }),
      { numRuns: 300 },
    );
  });

  // A quote opened and never closed mid-file is, by CSV's own rules, a field running on into the next
  // lines, so only these two cases can promise one outcome per line: an export cut short at its end,
  // and a stray open quote followed by lines without quotes (csv-parse would swallow them all).
  it('an export cut short, even inside a quote, or a stray open quote, costs only its own row', () => {
    const plainCell = fc.string({ unit: fc.constantFrom('a', '1', '中', ' ', '-'), maxLength: 8 });
    // The first cell holds a value, so every line (and every well-formed prefix of one) is a row.
    const firstCell = fc.string({ unit: fc.constantFrom('a', '1', '中', '-'), minLength: 1, maxLength: 8 });
    const quotedLine = fc
      .tuple(firstCell, fc.array(plainCell, { minLength: 1, maxLength: 5 }))
      .map(([first, cells]) => [first, ...cells].map((c) => `"${c}"`).join(','));
    const plainLine = fc.array(plainCell, { minLength: 2, maxLength: 6 }).map((cells) => cells.join(','));
    fc.assert(
      fc.property(
        fc.array(quotedLine, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.array(plainLine, { maxLength: 8 }),
        fc.boolean(),
        (lines, cut, after, stray) => {
          const last = lines[lines.length - 1];
          const cutLast = last.slice(0, 1 + (cut % Math.max(1, last.length - 1)));
          const body = stray ? [...lines.slice(0, -1), `${last},"open`, ...after.filter((l) => holdsAValue(l.split(',')))] : [...lines.slice(0, -1), cutLast];
          const outcomes = parseCsvExport('officers', ['执法证号,姓名', ...body].join('\n'), ctx);
          expect(outcomes).toHaveLength(body.length);
          checkOutcomes(outcomes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CSV bodies of random bytes', () => {
    const header = Buffer.from(CONTRACT_COLUMNS.cases.map((c) => c.header).join(',') + '\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        checkOutcomes(parseCsvExport('cases', Buffer.concat([header, Buffer.from(bytes)]), ctx));
      }),
      { numRuns: 300 },
    );
  });

  it('the streaming CSV parser agrees with the whole-file parser, however the bytes are chunked', async () => {
    await fc.assert(
      fc.asyncProperty(mangledCsv, fc.integer({ min: 1, max: 64 }), async (input, chunk) => {
        const bytes = encode([csvLine(input.header), ...input.rows.map(csvLine)].join(input.lineBreak), input.encoding);
        const streamed = await collect(parseCsvStream(input.kind, Readable.from(chunksOf(bytes, chunk)), ctx));
        expect(streamed).toEqual(parseCsvExport(input.kind, bytes, ctx));
      }),
      { numRuns: 60 },
    );
  });

  const validClue = {
    clue_id: 'GRID-1',
    channel: 'grid',
    received_at: '2024-03-10T14:02:00+08:00',
    subject_name: '恒达五金',
    address: '科技大道3号',
    category: 'fire_safety',
    department: 'FIRE',
    verified: null,
    status: 'pending',
    updated_at: '2024-03-10T14:02:00+08:00',
  };
  const clueLine = fc.oneof(
    fc
      .record({ key: fc.constantFrom(...Object.keys(validClue)), value: fc.jsonValue() })
      .map(({ key, value }) => JSON.stringify({ ...validClue, [key]: value })),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, ' ')),
    fc.nat(120).map((n) => JSON.stringify(validClue).slice(0, n)),
    fc.constant(JSON.stringify(validClue)),
  );

  it('JSON Lines of random JSON, non-objects, broken text and wrong types', () => {
    fc.assert(
      fc.property(fc.array(clueLine, { maxLength: 25 }), (lines) => {
        const outcomes = parseCluesJsonl(lines.join('\n'), ctx);
        const expected = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i + 1]));
        expect(outcomes.map((o) => o.line)).toEqual(expected);
        for (const o of outcomes) if (!o.ok) expect(o.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('the streaming JSON Lines parser agrees with the whole-file parser', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(clueLine, { maxLength: 15 }), fc.integer({ min: 1, max: 40 }), async (lines, chunk) => {
        const bytes = Buffer.from(lines.join('\n'), 'utf8');
        const streamed = await collect(parseCluesStream(Readable.from(chunksOf(bytes, chunk)), ctx));
        expect(streamed).toEqual(parseCluesJsonl(bytes, ctx));
      }),
      { numRuns: 60 },
    );
  });
});
