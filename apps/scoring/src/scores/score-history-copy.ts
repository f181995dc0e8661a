import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { toDayNumber, type FactorColumn, type ScoreBatch } from '@tianping/risk-model';
import { CopyBinaryWriter } from './pg-copy-binary.util';

export const HISTORY_COPY = `COPY scoring.score_history (id, run_id, credit_code, as_of, probability, logit, colour, contributions, factor_values)
  FROM STDIN (FORMAT binary)`;

/** Bytes of a history row's fields but for its text: 9 lengths, 2 int8, a date, 2 float8, an int2 and an array header. */
const FIXED_BYTES = 9 * 4 + 16 + 4 + 16 + 2 + 20;

/**
 * A chunk's score-history rows, under the ids taken for them, in binary COPY form (computed_at takes
 * its default). `factors` are the chunk's values in columns, in the batch's order.
 */
export function historyRows(runId: string, asOf: string, creditCodes: string[], batch: ScoreBatch, factors: FactorColumn[], ids: ArrayLike<number>): Buffer {
  const F = batch.factorNames.length;
  if (factors.length !== F) throw new Error(`${factors.length} factor columns for ${F} factors`);
  const day = toDayNumber(asOf);
  const run = Number(runId);
  const rows = new CopyBinaryWriter(batch.rows * (200 + F * 28));
  for (let i = 0; i < batch.rows; i++) {
    const json = jsonValues(factors, i);
    rows
      .row(9, FIXED_BYTES + 12 * F + 3 * (creditCodes[i].length + json.length))
      .int8(ids[i])
      .int8(run)
      .text(creditCodes[i])
      .date(day)
      .float8(batch.probability[i])
      .float8(batch.logit[i])
      .int2(batch.colour[i])
      .float8Array(batch.contributions, i * F, F)
      .text(json);
  }
  return rows.finish();
}

/** Row i's factor values as a JSON array, as JSON.stringify writes it (NaN, a missing number, as null), made here: no array per row. */
export function jsonValues(columns: FactorColumn[], i: number): string {
  let json = '[';
  for (let f = 0; f < columns.length; f++) {
    if (f > 0) json += ',';
    const value = columns[f][i];
    if (typeof value === 'number') json += Number.isFinite(value) ? String(value) : 'null';
    else if (typeof value === 'string') json += JSON.stringify(value);
    else if (typeof value === 'boolean') json += value ? 'true' : 'false';
    else json += 'null';
  }
  return json + ']';
}

/** Sends rows in binary COPY form on the client's connection (inside whatever transaction it is in). */
export async function copyRows(client: ClientBase, sql: string, rows: Buffer): Promise<void> {
  await pipeline(Readable.from([rows]), client.query(copyFrom(sql)));
}
