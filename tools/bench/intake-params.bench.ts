import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { PiiVault } from '@tianping/common';
import { parseCluesStream, parseCsvStream, type Outcome, type RecordByKind } from '@tianping/intake-core';
import { caseRow, clueRow, subjectRow } from '../../apps/intake/src/ingest/record-rows.mapper';
import { CASES_TABLE, CLUES_TABLE, SUBJECTS_TABLE, toColumnParams, type Row, type TableSpec } from '../../apps/intake/src/ingest/record-tables';
import { benchCity } from './bench-env.util';

/** pg's conversion of a parameter (node_modules/pg/lib/utils.js): what every value of a query goes through. It ships no types. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown };

const BATCH = 5_000;
const ROUNDS = 15;

/**
 * The client's CPU to turn one 5,000-row batch of intake's upsert into query parameters, per table:
 * as intake sent them before (one plain JS array per column, which pg quotes element by element)
 * and now (binary arrays; array text for numeric and date). Each includes writing the parameter
 * into the Bind message (a string as UTF-8, a Buffer copied). Rows are the first of the bench
 * city's exports. Rounds alternate old and new; CPU time, not wall time, so a busy machine disturbs
 * less. Run: node -r @swc-node/register tools/bench/intake-params.bench.ts [enterprises]
 */
export async function intakeParamsBench(enterprises: number): Promise<Record<string, unknown>> {
  const city = await benchCity(enterprises);
  const vault = new PiiVault('bench');
  const link = { creditCode: null, method: 'none' as const, candidates: 0 };
  const tables: [string, TableSpec, Row[]][] = [
    ['subjects', SUBJECTS_TABLE, (await records(join(city.dir, 'subjects-1.csv'), 'subjects')).map((r) => subjectRow(r, vault))],
    ['cases', CASES_TABLE, (await records(join(city.dir, 'cases-1.csv'), 'cases')).map((r) => caseRow(r))],
    ['clues', CLUES_TABLE, (await records(join(city.dir, 'clues-1.jsonl'), 'clues')).map((r) => clueRow(r, link))],
  ];
  const perTable: Record<string, unknown> = {};
  for (const [name, spec, rows] of tables) {
    const old: number[] = [];
    const now: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      old.push(cpuMs(() => toWire(pgParams(spec, rows))));
      now.push(cpuMs(() => toWire(toColumnParams(spec, rows))));
    }
    // The first rounds warm the compiler up; they are left out.
    const [oldMs, newMs] = [median(old.slice(3)), median(now.slice(3))];
    perTable[name] = {
      rows: rows.length,
      columns: spec.columns.length,
      pgMs: oldMs,
      newMs,
      allOldMs: old,
      allNewMs: now,
      ratio: Math.round((oldMs / newMs) * 100) / 100,
    };
  }
  return { bench: 'intake-params', batchRows: BATCH, enterprises, perTable };
}

async function records<K extends 'subjects' | 'cases' | 'clues'>(path: string, kind: K): Promise<RecordByKind[K][]> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const outcomes = (
    kind === 'clues' ? parseCluesStream(stream, { now: new Date() }) : parseCsvStream(kind, stream, { now: new Date() })
  ) as AsyncIterable<Outcome<RecordByKind[K]> | null>;
  const found: RecordByKind[K][] = [];
  for await (const outcome of outcomes) {
    if (outcome?.ok) found.push(outcome.record);
    if (found.length === BATCH) break;
  }
  stream.destroy();
  return found;
}

/** The parameters as intake passed them before: a plain array per column (text[] columns ';'-joined), converted by pg. */
function pgParams(spec: TableSpec, rows: Row[]): unknown[] {
  return spec.columns.map((c) => prepareValue(rows.map((row) => (Array.isArray(row[c.name]) ? (row[c.name] as string[]).join(';') : (row[c.name] ?? null)))));
}

/** What the Bind message then does with each parameter. */
function toWire(params: unknown[]): number {
  let bytes = 0;
  for (const param of params) bytes += Buffer.isBuffer(param) ? Buffer.from(param).length : Buffer.from(String(param), 'utf8').length;
  return bytes;
}

function cpuMs(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return Math.round((spent.user + spent.system) / 10) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (require.main === module) {
  intakeParamsBench(Number(process.argv[2] ?? 100_000))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
