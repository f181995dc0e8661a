import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { verifyReceipt, type ArchivedReceipt } from '@tianping/audit-log';
import { AuditLogService } from '../../../apps/oversight/src/record/audit-log.service';
import type { EntryDraft } from '../../../apps/oversight/src/record/audit-record.util';
import type { AuditVerification } from '../../../apps/oversight/src/record/audit-verify.service';
import { BodyArchiveService } from '../../../apps/oversight/src/record/body-archive.service';
import { getJson, scoreEntryDraft, startOversight, type OversightHarness } from './oversight-app.harness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'tianping.js');

interface CliRun<T> {
  code: number;
  result: T;
  stderr: string;
}

describe('archiving old score bodies out of the record, keeping it verifiable', () => {
  let h: OversightHarness;
  let pg: Client;
  let out: string;
  const cuts: Date[] = [];
  let firstFile: string;

  function cli<T>(...args: string[]): Promise<CliRun<T>> {
    return cliWith<T>({}, ...args);
  }

  /** The CLI with `extra` added to its environment; AUDIT_ARCHIVE_DIR is unset unless `extra` sets it. */
  function cliWith<T>(extra: Record<string, string>, ...args: string[]): Promise<CliRun<T>> {
    return new Promise((resolve, reject) => {
      const env = { ...process.env, AUDIT_ARCHIVE_DIR: '', DATABASE_URL: h.db.url, TIANPING_AUDIT_KEY_FILE: h.keyFile, ...extra };
      execFile(process.execPath, [CLI, ...args], { env }, (error, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop();
        if (!last && !error) return reject(new Error(`${args.join(' ')} printed nothing`));
        resolve({ code: error ? Number(error.code) : 0, result: last ? (JSON.parse(last) as T) : (undefined as T), stderr });
      });
    });
  }

  /** Three batches of 20 (a model version entry at 5 of each), a cut-off instant after each. */
  async function logBatch(batch: number): Promise<void> {
    await h.app.get(AuditLogService).appendBatch(
      Array.from({ length: 20 }, (_, i): EntryDraft => {
        const n = batch * 20 + i;
        if (i === 5) return { kind: 'model-version', subjectRef: `m-${batch}`, data: { state: 'approved', actor: 'officer-7' } };
        return scoreEntryDraft(n, batch);
      }),
    );
    await new Promise((r) => setTimeout(r, 20));
    cuts.push(new Date());
    await new Promise((r) => setTimeout(r, 20));
  }

  const bodies = async (): Promise<{ seq: number; kind: string; archived: boolean }[]> =>
    (await pg.query(`SELECT seq::int, kind, body_json IS NULL AS archived FROM oversight.audit_entries ORDER BY seq`)).rows;

  /** A copy of the archive directory to damage, and `audit verify --archives` over it. */
  async function verifyDamaged(damage: (dir: string) => void): Promise<CliRun<AuditVerification>> {
    const copy = mkdtempSync(join(tmpdir(), 'tianping-archives-damaged-'));
    cpSync(out, copy, { recursive: true });
    damage(copy);
    try {
      return await cli<AuditVerification>('audit', 'verify', '--archives', copy);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  function rewriteLines(path: string, edit: (lines: string[]) => string[]): void {
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean);
    writeFileSync(path, gzipSync(edit(lines).join('\n') + '\n'));
  }

  beforeAll(async () => {
    h = await startOversight();
    pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    out = mkdtempSync(join(tmpdir(), 'tianping-archives-'));
    for (let batch = 0; batch < 3; batch++) await logBatch(batch);
  });

  afterAll(async () => {
    await pg?.end();
    await h?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('moves the bodies of score entries recorded before the day into one file, and logs the archive as an entry of its own', async () => {
    const { code, result } = await cli<{ archived: number; firstSeq: number; lastSeq: number; fileName: string; entrySeq: number; sha256: string }>(
      'audit',
      'archive',
      '--before',
      cuts[0].toISOString(),
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(result).toMatchObject({ archived: 19, firstSeq: 0, lastSeq: 19, entrySeq: 60 });
    firstFile = result.fileName;
    expect(readdirSync(out)).toEqual([firstFile]);
    const rows = await bodies();
    // Score bodies of the first batch only; its model version entry and everything later keep theirs.
    expect(rows.filter((r) => r.archived).map((r) => r.seq)).toEqual([...Array(20).keys()].filter((s) => s !== 5));
    const [logged] = (await pg.query(`SELECT kind, subject_ref, body_json FROM oversight.audit_entries WHERE seq = 60`)).rows;
    expect(logged).toMatchObject({ kind: 'archive', subject_ref: firstFile });
    expect(JSON.parse(logged.body_json).data).toMatchObject({ file: firstFile, firstSeq: 0, lastSeq: 19, entries: 19, sha256: result.sha256 });
    const lines = gunzipSync(readFileSync(join(out, firstFile)))
      .toString('utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(19);
    expect(JSON.parse(lines[0])).toMatchObject({ seq: 0, body: { kind: 'score', data: { batchId: 'b0' } } });
  });

  it('verifies chain, tree and checkpoints without the files, saying how many bodies went unchecked; with them, checks every body', async () => {
    const without = await cli<AuditVerification>('audit', 'verify');
    expect(without.code).toBe(0);
    expect(without.result).toMatchObject({ ok: true, entries: 61, unanchoredEntries: 0, bodiesArchived: 19, bodiesUnchecked: 19 });
    expect(without.stderr).toMatch(/19 archived bodies were not checked/);
    // Over HTTP, with no AUDIT_ARCHIVE_DIR set: the same counts, and no file checked.
    const { body: http } = await getJson<AuditVerification>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
    expect(http).toMatchObject({ ok: true, bodiesArchived: 19, bodiesUnchecked: 19 });
    expect(http.archives).toBeUndefined();
    const withFiles = await cli<AuditVerification>('audit', 'verify', '--archives', out);
    expect(withFiles.code).toBe(0);
    expect(withFiles.result).toMatchObject({ ok: true, bodiesArchived: 19, bodiesUnchecked: 0, archives: [{ file: firstFile, ok: true, bodiesChecked: 19 }] });
  });

  it('finds the files in AUDIT_ARCHIVE_DIR, as the service does, when --archives is not given; --archives still wins', async () => {
    const fromEnv = await cliWith<AuditVerification>({ AUDIT_ARCHIVE_DIR: out }, 'audit', 'verify');
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.result).toMatchObject({ ok: true, bodiesUnchecked: 0, archives: [{ file: firstFile, ok: true, bodiesChecked: 19 }] });
    const empty = mkdtempSync(join(tmpdir(), 'tianping-archives-empty-'));
    const flagWins = await cliWith<AuditVerification>({ AUDIT_ARCHIVE_DIR: out }, 'audit', 'verify', '--archives', empty);
    expect(flagWins.code).toBe(1);
    expect(flagWins.result.archives?.[0]).toMatchObject({ file: firstFile, ok: false, problem: expect.stringContaining('missing from') });
    const nowhere = await cliWith({ AUDIT_ARCHIVE_DIR: join(out, 'not-there') }, 'audit', 'verify');
    expect(nowhere.code).not.toBe(0);
    expect(nowhere.stderr).toContain(`AUDIT_ARCHIVE_DIR: no directory ${join(out, 'not-there')}`);
  });

  it('gives receipts for archived entries that verify, naming the archive file; the entries API says the body is archived', async () => {
    const { body: key } = await getJson<{ publicKeyPem: string }>(`${h.baseUrl}/api/audit/public-key`);
    const { status, body: receipt } = await getJson<ArchivedReceipt>(`${h.baseUrl}/api/audit/receipts/3`);
    expect(status).toBe(200);
    expect(receipt.entry.bodyJson).toBeNull();
    expect(receipt.bodyArchive).toMatchObject({ seq: 60, file: firstFile });
    expect(verifyReceipt(receipt, key.publicKeyPem)).toEqual({ ok: true, bodyArchived: true });
    expect(verifyReceipt({ ...receipt, entry: { ...receipt.entry, leafHash: 'a'.repeat(64) } }, key.publicKeyPem).ok).toBe(false);
    const { body: entry } = await getJson<{ body: unknown; bodyArchivedIn: string | null }>(`${h.baseUrl}/api/audit/entries/3`);
    expect(entry).toMatchObject({ body: null, bodyArchivedIn: firstFile });
    const { body: page } = await getJson<{ seq: number; body: unknown }[]>(`${h.baseUrl}/api/audit/entries?limit=10`);
    expect(page.map((e) => e.body === null)).toEqual(page.map((e) => e.seq !== 5));
  });

  it('replays an archived score only from its file, and says so without it', async () => {
    const { code, stderr } = await cli('audit', 'replay', '3');
    expect(code).toBe(1);
    expect(stderr).toContain(`entry 3's body is archived in ${firstFile}: pass --archives DIR`);
  });

  it('a second run continues after the first; a run with nothing due does nothing', async () => {
    const service = h.app.get(BodyArchiveService);
    expect(await service.archive(cuts[0], out)).toEqual({ archived: 0 });
    const second = await service.archive(cuts[1], out);
    // 20..39 less the model version entry at 25; the first archive's entry (60) is no score.
    expect(second).toMatchObject({ archived: 19, firstSeq: 20, lastSeq: 39, entrySeq: 61 });
    expect(readdirSync(out).sort()).toEqual([firstFile, (second as { fileName: string }).fileName].sort());
    const { code, result } = await cli<AuditVerification>('audit', 'verify', '--archives', out);
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, entries: 62, bodiesArchived: 38, bodiesUnchecked: 0 });
  });

  it('a refusal in the transaction leaves the record as it was', async () => {
    const before = await bodies();
    const [{ size }] = (await pg.query(`SELECT tree_size::int AS size FROM oversight.log_head`)).rows;
    await pg.query(`CREATE FUNCTION public.refuse_archive() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$`);
    await pg.query(`CREATE TRIGGER refuse_archive BEFORE INSERT ON oversight.body_archives FOR EACH ROW EXECUTE FUNCTION public.refuse_archive()`);
    const spare = mkdtempSync(join(tmpdir(), 'tianping-archives-refused-'));
    try {
      await expect(h.app.get(BodyArchiveService).archive(cuts[2], spare)).rejects.toThrow(/disk on fire .*was not recorded: nothing was archived/);
    } finally {
      await pg.query(`DROP TRIGGER refuse_archive ON oversight.body_archives`);
      rmSync(spare, { recursive: true, force: true });
    }
    expect(await bodies()).toEqual(before);
    expect((await pg.query(`SELECT tree_size::int AS size FROM oversight.log_head`)).rows[0].size).toBe(size);
    expect((await pg.query(`SELECT count(*)::int AS n FROM oversight.body_archives`)).rows[0].n).toBe(2);
  });

  it('names an archive file with a body changed, a line dropped, swapped for another, or missing', async () => {
    const changed = await verifyDamaged((dir) =>
      rewriteLines(join(dir, firstFile), (lines) =>
        lines.map((l) => (l.startsWith('{"seq":7,') ? l.replace(/"probability":[0-9.]+/, '"probability":0.01') : l)),
      ),
    );
    expect(changed.code).toBe(1);
    expect(changed.result.ok).toBe(false);
    expect(changed.result.archives?.[0]).toMatchObject({ file: firstFile, ok: false, seq: 7 });
    expect(changed.result.archives?.[0].problem).toMatch(/SHA-256 .* is not the record's .*entry 7: the body in the file does not match its own leaf hash/);
    expect(changed.stderr).toContain(`archive ${firstFile}:`);

    const dropped = await verifyDamaged((dir) => rewriteLines(join(dir, firstFile), (lines) => lines.filter((l) => !l.startsWith('{"seq":11,'))));
    expect(dropped.result.archives?.[0]).toMatchObject({
      ok: false,
      seq: 11,
      problem: expect.stringContaining('entry 11 is archived there but missing from the file'),
    });

    const [, secondFile] = readdirSync(out).sort();
    const swapped = await verifyDamaged((dir) => cpSync(join(dir, secondFile), join(dir, firstFile)));
    expect(swapped.code).toBe(1);
    expect(swapped.result.archives?.map((a) => [a.file, a.ok])).toEqual([
      [firstFile, false],
      [secondFile, true],
    ]);
    expect(swapped.result.archives?.[0].problem).toMatch(/SHA-256/);

    const missing = await verifyDamaged((dir) => rmSync(join(dir, secondFile)));
    expect(missing.result.archives?.[1]).toMatchObject({ file: secondFile, ok: false, problem: expect.stringContaining('missing from') });
    expect(existsSync(join(out, secondFile))).toBe(true);
  });

  it('the guard still refuses every other change to the record, archived rows included', async () => {
    const refused = [
      // A body dropped without an archive, or with one that does not cover it; a model version entry's body.
      `UPDATE oversight.audit_entries SET body_json = NULL WHERE seq = 41`,
      `UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 20 WHERE seq = 41`,
      `UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 0 WHERE seq = 5`,
      // Archived rows: a body put back, the archive reference changed, any column changed, deleted.
      `UPDATE oversight.audit_entries SET body_json = '{}', body_archive = NULL WHERE seq = 3`,
      `UPDATE oversight.audit_entries SET body_archive = 20 WHERE seq = 3`,
      `UPDATE oversight.audit_entries SET subject_ref = 'x' WHERE seq = 3`,
      `DELETE FROM oversight.audit_entries WHERE seq = 3`,
      `UPDATE oversight.body_archives SET entries = 18 WHERE first_seq = 0`,
      `DELETE FROM oversight.body_archives WHERE first_seq = 20`,
      `TRUNCATE oversight.body_archives CASCADE`,
    ];
    for (const sql of refused) await expect(pg.query(sql)).rejects.toThrow(/append-only/);

    // With an archive noted over 41..44: the one allowed change goes through, but not with another column changed.
    await pg.query('BEGIN');
    try {
      await pg.query(`INSERT INTO oversight.body_archives (first_seq, last_seq, entries, file_name, sha256, bytes, recorded_before)
                      VALUES (41, 44, 4, 'scratch.jsonl.gz', repeat('a', 64), 1, now())`);
      for (const change of [`leaf_hash = repeat('0', 64)`, `prev_hash = repeat('0', 64)`, `subject_ref = 'x'`, `recorded_at = now()`, `seq = 1000`]) {
        await pg.query('SAVEPOINT attempt');
        await expect(pg.query(`UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 41, ${change} WHERE seq = 41`)).rejects.toThrow(
          /append-only/,
        );
        await pg.query('ROLLBACK TO SAVEPOINT attempt');
      }
      const allowed = await pg.query(`UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 41 WHERE seq = 41`);
      expect(allowed.rowCount).toBe(1);
    } finally {
      await pg.query('ROLLBACK');
    }
  });

  it('verify names a body set to NULL behind the guard, whether or not an archive seems to cover it', async () => {
    await pg.query(`CREATE TABLE public.entries_backup AS SELECT * FROM oversight.audit_entries`);
    /** What a superuser could do with the guard off; verify runs in another process, so it is committed. */
    async function behindTheGuard(sql: string): Promise<AuditVerification> {
      await pg.query('SET session_replication_role = replica');
      try {
        await pg.query(sql);
        return (await cli<AuditVerification>('audit', 'verify')).result;
      } finally {
        await pg.query('DELETE FROM oversight.audit_entries');
        await pg.query('INSERT INTO oversight.audit_entries SELECT * FROM public.entries_backup');
        await pg.query('SET session_replication_role = origin');
      }
    }
    // Outside every archive's range; then a model version entry inside one (its kind is no score).
    expect((await behindTheGuard(`UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 20 WHERE seq = 45`)).firstBad).toMatchObject({
      seq: 45,
      problem: 'changed',
    });
    expect((await behindTheGuard(`UPDATE oversight.audit_entries SET body_json = NULL, body_archive = 20 WHERE seq = 25`)).firstBad).toMatchObject({
      seq: 25,
      problem: 'changed',
    });
    // A score of the first batch's range set aside again under the first archive: more rows name it than its entry counts.
    expect(
      (await behindTheGuard(`UPDATE oversight.audit_entries SET kind = 'score', body_json = NULL, body_archive = 0 WHERE seq = 5`)).firstBad,
    ).toMatchObject({
      problem: 'changed',
    });
    await pg.query('DROP TABLE public.entries_backup');
    expect((await cli<AuditVerification>('audit', 'verify')).result.ok).toBe(true);
  });

  it("never takes an enterprise's latest score: the one it sees, appeals and asks a receipt for keeps its body", async () => {
    const latest: number[] = (
      await pg.query(`SELECT max(seq)::int AS seq FROM oversight.audit_entries WHERE kind = 'score' GROUP BY subject_ref ORDER BY 1`)
    ).rows.map((r: { seq: number }) => r.seq);
    expect(latest).toHaveLength(4);
    const third = await h.app.get(BodyArchiveService).archive(cuts[2], out);
    // 40..59 less the model version entry at 45 and the four latest scores.
    expect(third).toMatchObject({ archived: 15, firstSeq: 40 });
    const rows = await bodies();
    expect(rows.filter((r) => latest.includes(r.seq)).map((r) => r.archived)).toEqual([false, false, false, false]);
    expect(rows.filter((r) => r.kind === 'score' && !r.archived).map((r) => r.seq)).toEqual(latest);
    const { code, result } = await cli<AuditVerification>('audit', 'verify', '--archives', out);
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, bodiesArchived: 53, bodiesUnchecked: 0 });
    const { body: entry } = await getJson<{ body: unknown }>(`${h.baseUrl}/api/audit/entries/${latest[0]}`);
    expect(entry.body).not.toBeNull();
  });

  // Last, since scoring, started by the replay, logs its colour policy as an entry of its own.
  it('replays an archived score from AUDIT_ARCHIVE_DIR when --archives is not given', async () => {
    const { code, stderr } = await cliWith({ AUDIT_ARCHIVE_DIR: out }, 'audit', 'replay', '3');
    // The body came from its file and reached scoring, which knows no model of this test's made-up score.
    expect(code).toBe(1);
    expect(stderr).not.toContain('is archived in');
    expect(stderr).toContain('no model version m-2025.11.1');
  });
});
