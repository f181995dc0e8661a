import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseCluesStream, parseCsvStream, recordFingerprint, type Outcome, type SourceKind } from '@tianping/intake-core';
import { ExportParseThread, PARSE_CHUNK, PARSE_CHUNKS_AHEAD, type ParseJob } from './export-parse.thread';

const SAMPLES = resolve(__dirname, '../../../../../shared/contracts/samples');
const NOW = Date.parse('2024-06-01T12:00:00+08:00');

/** A sample export with its data rows repeated to at least `records` records. */
function repeatedExport(dir: string, sample: string, records: number): string {
  const [header, ...rows] = readFileSync(join(SAMPLES, sample), 'utf8').split('\n').filter(Boolean);
  const times = Math.ceil(records / (sample.endsWith('.csv') ? rows.length : rows.length + 1));
  const path = join(dir, sample);
  writeFileSync(
    path,
    [...(sample.endsWith('.csv') ? [header] : []), ...Array.from({ length: times }, () => (sample.endsWith('.csv') ? rows : [header, ...rows])).flat()].join(
      '\n',
    ),
  );
  return path;
}

async function parsedHere(job: ParseJob): Promise<Outcome<unknown>[]> {
  const stream = createReadStream(job.path);
  const ctx = { now: new Date(job.now) };
  const outcomes: Outcome<unknown>[] = [];
  for await (const o of job.kind === 'clues' ? parseCluesStream(stream, ctx) : parseCsvStream(job.kind, stream, ctx)) outcomes.push(o);
  return outcomes;
}

async function parsedInThread(thread: ExportParseThread, job: ParseJob): Promise<Outcome<unknown>[]> {
  const outcomes: Outcome<unknown>[] = [];
  for await (const o of thread.parse(job)) outcomes.push(o);
  return outcomes;
}

/** The outcomes without the fingerprints the thread adds. */
const withoutFingerprints = (outcomes: Outcome<unknown>[]) => outcomes.map(({ ...o }) => (delete (o as { fingerprint?: string }).fingerprint, o));

/** Deep equality of thousands of outcomes; Jest's own comparison is too slow for them, so it only shows the first difference. */
function expectSameOutcomes(actual: Outcome<unknown>[], expected: Outcome<unknown>[]): void {
  expect(actual.length).toBe(expected.length);
  const first = actual.findIndex((o, i) => !isDeepStrictEqual(o, expected[i]));
  if (first >= 0) expect(actual[first]).toEqual(expected[first]);
}

describe('ExportParseThread', () => {
  let dir: string;
  const thread = new ExportParseThread();
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'tianping-parse-thread-'))));
  afterAll(async () => {
    await thread.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, SourceKind]>([
    ['subjects.csv', 'subjects'],
    ['subjects-gb18030.csv', 'subjects'],
    ['cases.csv', 'cases'],
    ['clues.jsonl', 'clues'],
  ])('gives %s the outcomes parsing it here gives, in order, with each accepted record fingerprinted', async (sample, kind) => {
    const job = { path: repeatedExport(dir, sample, PARSE_CHUNK * (PARSE_CHUNKS_AHEAD + 2)), kind, now: NOW };
    const here = await parsedHere(job);
    const there = await parsedInThread(thread, job);
    expect(here.length).toBeGreaterThan(PARSE_CHUNK * PARSE_CHUNKS_AHEAD);
    expect(there.filter((o) => !o.ok).length).toBeGreaterThan(0);
    expectSameOutcomes(withoutFingerprints(there), here);
    const fingerprints = there.map((o) => (o as { fingerprint?: string }).fingerprint);
    expect(fingerprints).toEqual(there.map((o) => (o.ok ? recordFingerprint(kind, o.record as never) : undefined)));
  });

  it('says why a file could not be read, and parses the next one', async () => {
    await expect(parsedInThread(thread, { path: join(dir, 'missing.csv'), kind: 'cases', now: NOW })).rejects.toThrow(/ENOENT/);
    const job = { path: repeatedExport(dir, 'officers.csv', 1), kind: 'officers' as const, now: NOW };
    expectSameOutcomes(withoutFingerprints(await parsedInThread(thread, job)), await parsedHere(job));
  });

  it('lets a reader stop part-way, and parses the next file from its start', async () => {
    const job = { path: repeatedExport(dir, 'cases.csv', 10_000), kind: 'cases' as const, now: NOW };
    let seen = 0;
    for await (const _ of thread.parse(job)) if (++seen === 10) break;
    const again = await parsedInThread(thread, job);
    expect(again.map((o) => o.line)).toEqual((await parsedHere(job)).map((o) => o.line));
  });
});
