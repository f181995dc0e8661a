/**
 * Throughput of parsing + validation (not a test): `node -r @swc-node/register libs/intake-core/bench/parse.bench.ts [rows]`.
 * Generates synthetic exports with a seeded Prng and reports rows/s for each path.
 */
import 'reflect-metadata';
import { Readable } from 'stream';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET, Prng } from '@tianping/common';
import { CONTRACT_COLUMNS, parseCluesJsonl, parseCsvExport, parseCsvStream, recordFingerprint, validateRaw } from '../src';
import * as iconv from 'iconv-lite';

const ROWS = Number(process.argv[2] ?? 100_000);
const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };
const prng = new Prng('intake-bench');

function creditCode(): string {
  let body = '9144060';
  while (body.length < 17) body += prng.pick([...CREDIT_CODE_ALPHABET]);
  return body + creditCodeCheckChar(body);
}

function subjectRow(i: number): string[] {
  const cells = [
    creditCode(),
    `佛山市禅城区测试${i}号餐饮管理有限公司`,
    `20${prng.int(10, 23)}-0${prng.int(1, 9)}-1${prng.int(0, 9)}`,
    String(prng.int(0, 500)),
    String(prng.int(0, 500)),
    String(prng.int(0, 300)),
    'H6210',
    '440604',
    `佛山市禅城区祖庙街道建新路${i}号`,
    '113.1102',
    '23.0297',
    '存续',
    prng.pick(['是', '否']),
    String(prng.int(0, 3)),
    '陈明',
    '440604198703150018',
    '2024-05-06 10:12:00',
  ];
  if (prng.bernoulli(0.05)) cells[2] = '2099-01-01';
  return cells;
}

function caseRow(i: number): string[] {
  const inspection = prng.bernoulli(0.8);
  return [
    `FS-SAMR-2024-${i}`,
    creditCode(),
    'SAMR',
    inspection ? '检查' : '处罚',
    '双随机',
    '2024/3/12',
    'SAMR-03;SAMR-07',
    inspection ? prng.pick(['未发现问题', '责令整改', '立案查处']) : '',
    '',
    inspection ? '' : '20000',
    '44060400123;44060400456',
    '2024-03-13 09:00:00',
  ];
}

function csv(kind: 'subjects' | 'cases', rows: number, make: (i: number) => string[]): string {
  const lines = [CONTRACT_COLUMNS[kind].map((c) => c.header).join(',')];
  for (let i = 0; i < rows; i++) lines.push(make(i).join(','));
  return lines.join('\r\n') + '\r\n';
}

function clues(rows: number): string {
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    lines.push(
      JSON.stringify({
        clue_id: `12345-${i}`,
        channel: '12345',
        received_at: '2024-03-01T09:15:00+08:00',
        credit_code: creditCode(),
        subject_name: '明记餐饮',
        address: '禅城区建新路18号',
        category: 'food_safety',
        department: 'SAMR',
        verified: null,
        status: 'pending',
        updated_at: '2024-03-12T17:00:00+08:00',
      }),
    );
  }
  return lines.join('\n');
}

function time(label: string, rows: number, run: () => number): void {
  const start = process.hrtime.bigint();
  const produced = run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(44)} ${produced} outcomes  ${Math.round(rows / seconds).toLocaleString('en')} rows/s`);
}

async function main(): Promise<void> {
  const subjects = csv('subjects', ROWS, subjectRow);
  const cases = csv('cases', ROWS, caseRow);
  const subjectsGb = iconv.encode(subjects, 'gb18030');
  const cluesText = clues(ROWS);
  // Warm-up so the JIT has compiled the hot paths before timing.
  parseCsvExport('subjects', subjects.slice(0, 200_000), ctx);

  time('validateRaw subjects (one valid row, screened)', ROWS, () => {
    const raw = Object.fromEntries(CONTRACT_COLUMNS.subjects.map((c, i) => [c.key, subjectRow(0)[i]]));
    for (let i = 0; i < ROWS; i++) validateRaw('subjects', raw, ctx);
    return ROWS;
  });
  time('parseCsvExport subjects (utf-8 string)', ROWS, () => parseCsvExport('subjects', subjects, ctx).length);
  time('parseCsvExport subjects (gb18030 buffer)', ROWS, () => parseCsvExport('subjects', subjectsGb, ctx).length);
  time('parseCsvExport cases', ROWS, () => parseCsvExport('cases', cases, ctx).length);
  time('parseCluesJsonl', ROWS, () => parseCluesJsonl(cluesText, ctx).length);
  const outcomes = parseCsvExport('subjects', subjects, ctx);
  time('recordFingerprint subjects', ROWS, () => {
    let n = 0;
    for (const o of outcomes) if (o.ok) n += recordFingerprint('subjects', o.record).length > 0 ? 1 : 0;
    return n;
  });

  const start = process.hrtime.bigint();
  let streamed = 0;
  const chunks = Readable.from(chunked(subjectsGb, 64 * 1024));
  for await (const _ of parseCsvStream('subjects', chunks, ctx)) streamed++;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `${'parseCsvStream subjects (gb18030, 64 KiB chunks)'.padEnd(44)} ${streamed} outcomes  ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s`,
  );
}

function* chunked(buf: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

void main();
