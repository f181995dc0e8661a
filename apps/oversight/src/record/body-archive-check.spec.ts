import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { archiveLine, createEntry, type AuditEntry } from '@tianping/audit-log';
import { recordBody } from './audit-record.util';
import { checkArchiveFile } from './body-archive-check';
import { fileDigest } from '@tianping/common';
import { readArchiveLines, writeArchiveFile } from './body-archive-file';
import type { ArchivedRow, BodyArchive } from './body-archive.repository';

const AT = '2025-11-02T03:04:05.000Z';
const entries: AuditEntry[] = [];
for (let i = 0; i < 12; i++)
  entries.push(createEntry(entries[i - 1] ?? null, recordBody({ kind: 'score', subjectRef: `C${i}`, data: { p: i / 7, note: '行\n' } }, AT)));
const rows: ArchivedRow[] = entries.map((e, i) => ({
  seq: e.seq,
  kind: 'score',
  subjectRef: `C${i}`,
  prevHash: e.prevHash,
  leafHash: e.leafHash,
  recordedAt: AT,
}));

describe('body archive files', () => {
  let dir: string;
  let archive: BodyArchive;
  const rowsOf = async function* () {
    yield rows.slice(0, 5);
    yield rows.slice(5);
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tianping-archive-unit-'));
    async function* chunks() {
      yield entries
        .slice(0, 5)
        .map((e) => archiveLine(e) + '\n')
        .join('');
      yield entries
        .slice(5)
        .map((e) => archiveLine(e) + '\n')
        .join('');
    }
    const path = await writeArchiveFile(dir, chunks(), () => 'a.jsonl.gz');
    const { sha256, bytes } = await fileDigest(path);
    archive = { firstSeq: 0, lastSeq: 11, entries: 12, fileName: 'a.jsonl.gz', sha256, bytes, recordedBefore: AT };
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const restore = () => writeFileSync(join(dir, archive.fileName), gzipSync(entries.map((e) => archiveLine(e) + '\n').join('')));
  const rewrite = (edit: (lines: string[]) => string[]) => {
    const path = join(dir, archive.fileName);
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
    writeFileSync(path, gzipSync(edit(lines).join('\n') + '\n'));
  };

  it('are written whole under their name only, and read back line by line with their digest', async () => {
    const digest: { sha256?: string; bytes?: number } = {};
    const lines: string[] = [];
    for await (const line of readArchiveLines(join(dir, 'a.jsonl.gz'), digest)) lines.push(line);
    expect(lines).toEqual(entries.map(archiveLine));
    expect(digest).toEqual({ sha256: archive.sha256, bytes: archive.bytes });
    expect(await checkArchiveFile(dir, archive, rowsOf)).toEqual({ file: 'a.jsonl.gz', ok: true, bodiesChecked: 12 });
  });

  it('name a changed body, a dropped or added line, a cut file and a missing one', async () => {
    const check = () => checkArchiveFile(dir, archive, rowsOf);
    rewrite((lines) => lines.map((l, i) => (i === 4 ? l.replace('"p":0.5714285714285714', '"p":0.5') : l)));
    expect(await check()).toMatchObject({
      ok: false,
      seq: 4,
      problem: expect.stringMatching(/SHA-256 .*; entry 4: the body in the file does not match its own leaf hash/),
    });
    restore();
    rewrite((lines) => lines.filter((_, i) => i !== 7));
    expect(await check()).toMatchObject({ ok: false, seq: 7, problem: expect.stringContaining('entry 7 is archived there but missing from the file') });
    restore();
    rewrite((lines) => [...lines, archiveLine(createEntry(entries[11], { x: 1 }))]);
    expect(await check()).toMatchObject({ ok: false, problem: expect.stringContaining('is not archived there') });
    writeFileSync(join(dir, archive.fileName), readFileSync(join(dir, archive.fileName)).subarray(0, 40));
    expect(await check()).toMatchObject({ ok: false, problem: expect.stringMatching(/^unreadable: /) });
    rmSync(join(dir, archive.fileName));
    expect(await check()).toMatchObject({ ok: false, problem: `missing from ${dir}` });
  });

  it('hold the columns to the archived body: a row relabelled in the record is named', async () => {
    const relabelled = async function* () {
      yield rows.map((r) => (r.seq === 2 ? { ...r, subjectRef: 'someone else' } : r));
    };
    expect(await checkArchiveFile(dir, archive, relabelled)).toMatchObject({
      ok: false,
      seq: 2,
      problem: expect.stringContaining('kind, subject_ref or recorded_at'),
    });
  });
});
