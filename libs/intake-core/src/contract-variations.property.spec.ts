import * as fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { Readable } from 'stream';
import { chunksOf, collect } from '@tianping/testing';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '@tianping/common';
import { parseCluesJsonl, parseCluesStream } from './clues-jsonl.parser';
import { CONTRACT_COLUMNS, ContractColumn } from './contract-columns.model';
import { parseCsvExport, parseCsvStream } from './csv-export.parser';
import { CsvSourceKind, DEPARTMENT_CODES, Outcome } from './intake.model';

/**
 * Exports that the contract (shared/contracts/README.md) allows but the samples do not show: every
 * field order, optional columns absent or blank, unknown columns, UTF-8 with or without BOM or
 * GB18030, LF, CRLF or CR, quoted cells holding commas, quotes and line breaks, every date spelling,
 * money in 万元 or 元 as the header says, rare CJK characters and emoji. Each must be read, and read as the value the generator meant.
 * Seeded, so a failure names the seed and path that reproduce it (SEED=… RUNS=… explore further).
 */
const SEED = 20241205;
const ctx = { now: new Date('2024-06-01T12:00:00+08:00') };
const run = { seed: Number(process.env.SEED ?? SEED), numRuns: Number(process.env.RUNS ?? 120) };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar day between 1990 and 2023, with the four spellings the contract allows. */
const contractDate = fc
  .record({ y: fc.integer({ min: 1990, max: 2023 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), spelling: fc.nat(3) })
  .map(({ y, m, d, spelling }) => ({
    iso: `${y}-${pad(m)}-${pad(d)}`,
    text: [`${y}-${pad(m)}-${pad(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}${pad(m)}${pad(d)}`][spelling],
  }));

const cstDateTime = fc.record({ date: contractDate, h: fc.nat(23), mi: fc.nat(59), s: fc.nat(59) }).map(({ date, h, mi, s }) => ({
  text: `${date.iso} ${pad(h)}:${pad(mi)}:${pad(s)}`,
  instant: new Date(`${date.iso}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`),
}));

const creditCode = fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 17, maxLength: 17 }).map((cs) => {
  const first17 = cs.join('');
  return first17 + creditCodeCheckChar(first17);
});

/** Free text as people write it: CJK (extension B too), emoji, full-width forms, and CSV's own characters. */
const textUnit = fc.constantFrom(
  '明',
  '记',
  '餐',
  '饮',
  '𠀀',
  '𪚥',
  '😀',
  '👩‍🔧',
  'Ａ',
  '（',
  '）',
  '，',
  ',',
  '"',
  '\n',
  '\r\n',
  ';',
  ' ',
  'a',
  '1',
  '-',
  '#',
  'é',
);
const freeText = fc
  .array(textUnit, { minLength: 1, maxLength: 24 })
  .map((units) => units.join('').trim())
  .filter((s) => s !== '');

/** An amount as a count of ten-thousandths of its column's unit: written in whichever unit the header names. */
const amount = fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null, freq: 3 });
/** `n` ten-thousandths of a unit of 10^keyPlaces yuan, written in a header's unit of 10^headerPlaces yuan. */
function moneyText(n: number, keyPlaces: number, headerPlaces: number): string {
  const scale = 4 + headerPlaces - keyPlaces; // decimal places of n in the header's unit
  const digits = String(n).padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

const SECTIONS: [string, number, number][] = [
  ['A', 1, 5],
  ['C', 13, 43],
  ['F', 51, 52],
  ['H', 61, 62],
  ['K', 70, 70],
  ['S', 91, 96],
  ['T', 97, 97],
];
const industryCode = fc
  .record({ section: fc.constantFrom(...SECTIONS), at: fc.nat(), rest: fc.integer({ min: 0, max: 99 }) })
  .map(({ section: [letter, low, high], at, rest }) => `${letter}${pad(low + (at % (high - low + 1)))}${pad(rest)}`);
const regionCode = fc.integer({ min: 110000, max: 659999 }).map(String);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const department = fc.constantFrom(...DEPARTMENT_CODES);

/** Cells by contract key; an amount is a count of ten-thousandths of the key's unit (null: blank). */
type Cells = Record<string, string | number | null>;

/** One subjects.csv row: the cells by contract key and the record intake must make of them. */
const subjectRow = fc
  .record({
    code: creditCode,
    name: freeText,
    established: contractDate,
    capital: amount,
    subscribed: amount,
    employees: optional(fc.nat(100000)),
    industry: industryCode,
    region: regionCode,
    address: optional(freeText),
    lng: optional(fc.integer({ min: -1800000, max: 1800000 })),
    lat: optional(fc.integer({ min: -900000, max: 900000 })),
    status: fc.constantFrom('存续', '在业', '迁出', '吊销', '注销'),
    abnormal: fc.boolean(),
    changes: fc.nat(20),
    rep: optional(freeText),
    repId: optional(fc.tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom('0', '7', 'X'))),
    updated: cstDateTime,
  })
  .map((r) => ({
    cells: {
      credit_code: r.code,
      name: r.name,
      established_on: r.established.text,
      registered_capital_wan: r.capital,
      shareholder_subscribed_wan: r.subscribed,
      employees: r.employees === null ? '' : String(r.employees),
      industry_code: r.industry,
      region_code: r.region,
      address: r.address ?? '',
      lng: r.lng === null ? '' : String(r.lng / 10000),
      lat: r.lat === null ? '' : String(r.lat / 10000),
      status: r.status,
      abnormal_listed: r.abnormal ? '是' : '否',
      legal_rep_changes_2y: String(r.changes),
      legal_rep_name: r.rep ?? '',
      legal_rep_id: r.repId === null ? '' : r.repId.join(''),
      updated_at: r.updated.text,
    } as Cells,
    record: {
      creditCode: r.code,
      name: r.name,
      establishedOn: r.established.iso,
      registeredCapitalWan: r.capital === null ? null : r.capital / 10000,
      shareholderSubscribedWan: r.subscribed === null ? null : r.subscribed / 10000,
      employees: r.employees,
      industryCode: r.industry,
      regionCode: r.region,
      address: r.address,
      lng: r.lng === null ? null : r.lng / 10000,
      lat: r.lat === null ? null : r.lat / 10000,
      status: r.status,
      abnormalListed: r.abnormal,
      legalRepChanges2y: r.changes,
      legalRepName: r.rep,
      legalRepId: r.repId === null ? null : r.repId.join(''),
      updatedAt: r.updated.instant,
    } as Record<string, unknown>,
  }));

const caseRow = fc
  .record({
    no: fc.stringMatching(/^[A-Z]{2}-[A-Z]{3,6}-20\d\d-\d{6}$/),
    code: creditCode,
    department,
    penalty: fc.boolean(),
    origin: fc.constantFrom('双随机', '投诉举报', '专项检查', '线索移送', '其他'),
    date: contractDate,
    items: fc.uniqueArray(fc.tuple(department, fc.integer({ min: 1, max: 99 })), { minLength: 1, maxLength: 4, selector: ([d, n]) => `${d}${n}` }),
    result: fc.constantFrom('未发现问题', '责令整改', '立案查处'),
    violation: optional(freeText),
    amount,
    officers: fc.uniqueArray(fc.stringMatching(/^\d{11}$/), { minLength: 2, maxLength: 4 }),
    updated: cstDateTime,
  })
  .map((r) => {
    const items = r.items.map(([d, n]) => `${d}-${pad(n)}`);
    return {
      cells: {
        case_no: r.no,
        credit_code: r.code,
        department: r.department,
        kind: r.penalty ? '处罚' : '检查',
        origin: r.origin,
        date: r.date.text,
        items: items.join(';'),
        result: r.penalty ? '' : r.result,
        violation: r.violation ?? '',
        penalty_yuan: r.amount,
        officer_ids: r.officers.join(';'),
        updated_at: r.updated.text,
      } as Cells,
      record: {
        caseNo: r.no,
        creditCode: r.code,
        department: r.department,
        kind: r.penalty ? '处罚' : '检查',
        origin: r.origin,
        date: r.date.iso,
        items,
        result: r.penalty ? null : r.result,
        violation: r.violation,
        penaltyYuan: r.amount === null ? 0 : r.amount / 10000,
        officerIds: r.officers,
        updatedAt: r.updated.instant,
        violationFound: r.penalty || r.result !== '未发现问题',
      } as Record<string, unknown>,
    };
  });

/** How one exporter writes the file: column order, absent optional columns, extra ones, encoding, quoting, line breaks. */
const layout = fc.record({
  order: fc.nat(),
  dropOptional: fc.boolean(),
  extra: fc.constantFrom([], ['备注'], ['导出批次', '备注']),
  fullWidthBrackets: fc.boolean(),
  // "Money is in 万元 where the header says so, else in 元": a money column may name either unit, or none.
  moneyUnit: fc.constantFrom('contract', '万元', '元', 'none'),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030'),
  lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  trailingBreak: fc.boolean(),
});
type Layout = typeof layout extends fc.Arbitrary<infer L> ? L : never;

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1, s = seed; i > 0; i--, s = (s * 1103515245 + 12345) >>> 0) {
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function quote(cell: string, all: boolean): string {
  return all || /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const UNIT_PLACES: Record<string, number> = { 万元: 4, 元: 0 };

/** A column's header as this exporter writes it, and the unit (10^places yuan) its amounts are in. */
function headerOf(column: ContractColumn, l: Layout): { header: string; places: number } {
  const unit = /\((万元|元)\)$/.exec(column.header)?.[1];
  let header = column.header;
  let places = unit === undefined ? 0 : UNIT_PLACES[unit];
  if (unit !== undefined && l.moneyUnit !== 'contract') {
    header = column.header.replace(/\(.*\)$/, l.moneyUnit === 'none' ? '' : `(${l.moneyUnit})`);
    places = l.moneyUnit === 'none' ? 0 : UNIT_PLACES[l.moneyUnit];
  }
  return { header: l.fullWidthBrackets ? header.replace('(', '（').replace(')', '）') : header, places };
}

/** The export's bytes, and the columns that made it in (an absent optional column reads as blank). */
function writeExport(kind: CsvSourceKind, rows: Cells[], l: Layout): { bytes: Buffer; present: Set<string> } {
  const columns = shuffle(
    CONTRACT_COLUMNS[kind].filter((c) => c.required || !l.dropOptional),
    l.order,
  );
  const written = columns.map((c) => ({ column: c, keyPlaces: headerOf(c, { ...l, moneyUnit: 'contract' }).places, ...headerOf(c, l) }));
  const cellOf = (row: Cells, w: (typeof written)[number]): string => {
    const value = row[w.column.key];
    if (value === null) return '';
    return typeof value === 'number' ? moneyText(value, w.keyPlaces, w.places) : value;
  };
  const lines = [
    [...written.map((w) => w.header), ...l.extra],
    ...rows.map((row) => [...written.map((w) => cellOf(row, w)), ...l.extra.map(() => '导出')]),
  ].map((cells) => cells.map((c) => quote(c, l.quoteAll)).join(','));
  const text = lines.join(l.lineBreak) + (l.trailingBreak ? l.lineBreak : '');
  const bytes = l.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from((l.encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
  return { bytes, present: new Set(columns.map((c) => c.key)) };
}

const reasonsOf = (outcomes: Outcome<unknown>[]) => outcomes.flatMap((o) => (o.ok ? [] : [o.reasons]));

/** What a row reads as when its optional columns were left out of the export. */
function withoutAbsent(kind: CsvSourceKind, record: Record<string, unknown>, present: Set<string>): Record<string, unknown> {
  const absent: Record<string, Record<string, string>> = {
    subjects: {
      registered_capital_wan: 'registeredCapitalWan',
      shareholder_subscribed_wan: 'shareholderSubscribedWan',
      employees: 'employees',
      address: 'address',
      lng: 'lng',
      lat: 'lat',
      legal_rep_name: 'legalRepName',
      legal_rep_id: 'legalRepId',
    },
    cases: { violation: 'violation' },
    officers: {},
  };
  const out = { ...record };
  for (const [key, field] of Object.entries(absent[kind])) if (!present.has(key)) out[field] = null;
  return out;
}

describe('contract-valid exports the samples do not show are all read, and read right', () => {
  it.each([
    ['subjects', subjectRow],
    ['cases', caseRow],
  ] as const)('%s.csv in any layout, encoding, quoting and line ending', async (kind, row) => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), layout, fc.integer({ min: 1, max: 97 }), async (rows, l, chunk) => {
        const { bytes, present } = writeExport(
          kind,
          rows.map((r) => r.cells),
          l,
        );
        const whole = parseCsvExport(kind, bytes, ctx);
        expect(reasonsOf(whole)).toEqual([]);
        expect(whole.map((o) => (o.ok ? o.record : null))).toEqual(rows.map((r) => withoutAbsent(kind, r.record, present)));
        expect(await collect(parseCsvStream(kind, Readable.from(chunksOf(bytes, chunk)), ctx))).toEqual(whole);
      }),
      run,
    );
  });

  const offset = fc.constantFrom('+08:00', 'Z', '+0800', '-05:00', '+05:45', 'z', '+08');
  const isoDateTime = fc
    .record({
      at: cstDateTime,
      offset,
      fraction: fc.constantFrom('', '.5', '.123', ',250', '.123456789'),
      basic: fc.boolean(),
      separator: fc.constantFrom('T', 't', ' '),
    })
    .map(({ at, offset: zone, fraction, basic, separator }) => {
      const local = at.text.replace(' ', separator);
      const body = basic ? local.replace(/[-:]/g, '') : local;
      const minutes = zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +(zone.replace(':', '').slice(3, 5) || 0));
      const millis = fraction === '' ? 0 : Math.floor(+`0.${fraction.slice(1)}` * 1000);
      const instant = new Date(at.instant.getTime() + 8 * 3600_000 - minutes * 60_000 + millis);
      return { text: `${body}${fraction}${zone}`, instant };
    });
  const clue = fc.record({
    clue_id: fc.stringMatching(/^[A-Z0-9]{2,8}-\d{8}-\d{4}$/),
    channel: fc.constantFrom('12345', 'grid', 'city_brain', 'online'),
    received: isoDateTime,
    credit_code: fc.option(fc.oneof(creditCode, fc.string({ maxLength: 18 })), { nil: undefined }),
    subject_name: fc.option(fc.option(freeText), { nil: undefined }),
    address: fc.option(fc.option(freeText), { nil: undefined }),
    category: fc.constantFrom('food_safety', 'product_quality', 'fire_safety', 'pollution', 'labour', 'price', 'licence', 'other', 'noise'),
    department,
    verified: fc.option(fc.constantFrom(true, false, null), { nil: undefined }),
    status: fc.constantFrom('pending', 'handled', 'closed'),
    updated: isoDateTime,
    order: fc.nat(),
  });

  it('clues.jsonl with any key order, optional keys missing or null, every offset and fraction, CRLF, BOM', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(clue, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (clues, lineBreak, bom) => {
        const objects = clues.map((c) => {
          const entries = Object.entries({ ...c, received_at: c.received.text, updated_at: c.updated.text }).filter(
            ([k, v]) => !['received', 'updated', 'order'].includes(k) && v !== undefined,
          );
          return Object.fromEntries(shuffle(entries, c.order));
        });
        const text = (bom ? '\uFEFF' : '') + objects.map((o) => JSON.stringify(o)).join(lineBreak) + lineBreak;
        const outcomes = parseCluesJsonl(text, ctx);
        expect(reasonsOf(outcomes)).toEqual([]);
        outcomes.forEach((o, i) => {
          if (!o.ok) return;
          expect(o.record.receivedAt).toEqual(clues[i].received.instant);
          expect(o.record.updatedAt).toEqual(clues[i].updated.instant);
          expect(o.record.verified).toBe(clues[i].verified ?? null);
          expect(o.record.subjectName).toBe(clues[i].subject_name ?? null);
        });
        expect(await collect(parseCluesStream(Readable.from([Buffer.from(text, 'utf8')]), ctx))).toEqual(outcomes);
      }),
      run,
    );
  });
});
