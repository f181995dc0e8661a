import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { createEntry } from '@tianping/audit-log';
import type { EntryDraft } from '../../../apps/oversight/src/record/audit-record.util';
import { AuditLogService } from '../../../apps/oversight/src/record/audit-log.service';
import { AuditVerifyService, type AuditVerification } from '../../../apps/oversight/src/record/audit-verify.service';
import { CheckpointWitness } from '../../../apps/oversight/src/record/checkpoint-witness';
import { getJson, scoreEntryDraft, startOversight, type OversightHarness } from './oversight-app.harness';

const CLI = join(__dirname, '..', '..', '..', 'bin', 'tianping.js');
const ENTRIES = 60;

/** `tianping audit verify` as an operator runs it: exit code and its final JSON line. */
function auditVerifyCli(h: OversightHarness): Promise<{ code: number; result: AuditVerification }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DATABASE_URL: h.db.url, TIANPING_AUDIT_KEY_FILE: h.keyFile };
    execFile(process.execPath, [CLI, 'audit', 'verify'], { env }, (error, stdout) => {
      const last = stdout.trim().split('\n').pop();
      if (!last) return reject(error ?? new Error('audit verify printed nothing'));
      resolve({ code: error ? Number(error.code) : 0, result: JSON.parse(last) as AuditVerification });
    });
  });
}

describe('audit verify names the first entry tampered with directly in PostgreSQL', () => {
  let h: OversightHarness;
  let pg: Client;

  /** What a superuser could do: switch the append-only triggers off for one transaction. */
  async function tamper(...statements: string[]): Promise<void> {
    await pg.query('BEGIN');
    await pg.query('SET LOCAL session_replication_role = replica');
    for (const sql of statements) await pg.query(sql);
    await pg.query('COMMIT');
  }

  async function row(seq: number): Promise<{ seq: number; leafHash: string; kind: string }> {
    const { rows } = await pg.query(`SELECT seq::int, leaf_hash AS "leafHash", kind FROM oversight.audit_entries WHERE seq = $1`, [seq]);
    return rows[0];
  }

  beforeAll(async () => {
    h = await startOversight();
    pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    const log = h.app.get(AuditLogService);
    // Three batches, three signed checkpoints (20, 40, 60); a model version entry among the scores.
    for (let batch = 0; batch < 3; batch++) {
      await log.appendBatch(
        Array.from({ length: 20 }, (_, i): EntryDraft => {
          const n = batch * 20 + i;
          if (n === 33) return { kind: 'model-version', subjectRef: 'm-2025.11.1', data: { state: 'approved', actor: 'officer-7' } };
          return scoreEntryDraft(n, batch);
        }),
      );
    }
    await pg.query(`CREATE TABLE public.audit_entries_backup AS SELECT * FROM oversight.audit_entries`);
  });

  afterEach(async () => {
    await tamper('DELETE FROM oversight.audit_entries', 'INSERT INTO oversight.audit_entries SELECT * FROM public.audit_entries_backup');
  });

  afterAll(async () => {
    await pg?.end();
    await h?.close();
  });

  it('finds nothing wrong in an untouched log', async () => {
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(0);
    expect(result).toMatchObject({ ok: true, entries: ENTRIES, checkpointsVerified: 3, unanchoredEntries: 0 });
    expect(result.firstBad).toBeUndefined();
  });

  it('a changed score body is named "changed" at its seq', async () => {
    await tamper(`UPDATE oversight.audit_entries SET body_json = regexp_replace(body_json, '"probability":[0-9.]+', '"probability":0.01') WHERE seq = 25`);
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(1);
    expect(result.firstBad).toMatchObject({ seq: 25, problem: 'changed' });
    expect(result.namedEntry).toMatchObject({ seq: 25, kind: 'score' });
  });

  it('a body rewritten together with its leaf hash is still named at its seq', async () => {
    const previous = await row(9);
    const forged = createEntry(previous, { at: '2025-01-01T00:00:00.000Z', data: { note: 'nothing to see' }, kind: 'score', ref: null });
    await tamper(`UPDATE oversight.audit_entries SET body_json = '${forged.bodyJson}', leaf_hash = '${forged.leafHash}' WHERE seq = 10`);
    const { result } = await auditVerifyCli(h);
    expect(result.firstBad).toMatchObject({ seq: 10, problem: 'changed' });
  });

  it('a deleted row is named "deleted" at its seq', async () => {
    await tamper(`DELETE FROM oversight.audit_entries WHERE seq = 31`);
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(1);
    expect(result.firstBad).toMatchObject({ seq: 31, problem: 'deleted' });
  });

  it('rows cut off the end are named "deleted" from the first missing seq', async () => {
    await tamper(`DELETE FROM oversight.audit_entries WHERE seq >= 55`);
    const { result } = await auditVerifyCli(h);
    expect(result.firstBad).toMatchObject({ seq: 55, problem: 'deleted' });
  });

  it('a forged row slipped in (later rows renumbered, chain recomputed for it) is named "inserted"', async () => {
    const previous = await row(11);
    const forged = createEntry(previous, { at: '2025-01-01T00:00:00.000Z', data: { forged: true }, kind: 'score', ref: '91310000MA1FL8XQ3K' });
    await tamper(
      `UPDATE oversight.audit_entries SET seq = -(seq + 1) WHERE seq >= 12`,
      `UPDATE oversight.audit_entries SET seq = -seq WHERE seq < 0`,
      `INSERT INTO oversight.audit_entries VALUES (12, 'score', '91310000MA1FL8XQ3K', '${forged.prevHash}', '${forged.bodyJson}', '${forged.leafHash}', '2025-01-01T00:00:00.000Z')`,
    );
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(1);
    expect(result.firstBad).toMatchObject({ seq: 12, problem: 'inserted' });
  });

  it('a well-formed row appended behind the service\'s back is named "inserted": no signed checkpoint covers it', async () => {
    const previous = await row(ENTRIES - 1);
    const forged = createEntry(previous, { at: '2025-01-01T00:00:00.000Z', data: { forged: true }, kind: 'score', ref: null });
    await pg.query(`INSERT INTO oversight.audit_entries VALUES ($1, 'score', NULL, $2, $3, $4, '2025-01-01T00:00:00.000Z')`, [
      ENTRIES,
      forged.prevHash,
      forged.bodyJson,
      forged.leafHash,
    ]);
    await pg.query(`DELETE FROM public.audit_entries_backup WHERE seq >= $1`, [ENTRIES]);
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(1);
    expect(result.firstBad).toMatchObject({ seq: ENTRIES, problem: 'inserted' });
  });

  it('rows cut off the end together with their checkpoints verify clean in the database alone, but not against the witnessed checkpoint', async () => {
    await h.app.get(CheckpointWitness).witness(); // publishes the checkpoint at 60 on NATS
    await pg.query(`CREATE TABLE public.checkpoints_backup AS SELECT * FROM oversight.checkpoints`);
    try {
      await tamper(`DELETE FROM oversight.audit_entries WHERE seq >= 40`, `DELETE FROM oversight.checkpoints WHERE tree_size > 40`);
      expect(await h.app.get(AuditVerifyService).verify()).toMatchObject({ ok: true, entries: 40, witnessedTreeSize: null });
      const { code, result } = await auditVerifyCli(h);
      expect(code).toBe(1);
      expect(result.witnessedTreeSize).toBe(ENTRIES);
      expect(result.firstBad).toMatchObject({ seq: 40, problem: 'deleted', throughSeq: ENTRIES - 1 });
      const { body } = await getJson<AuditVerification>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
      expect(body).toMatchObject({ ok: false, witnessedTreeSize: ENTRIES, firstBad: { seq: 40, problem: 'deleted' } });
    } finally {
      await tamper('DELETE FROM oversight.checkpoints', 'INSERT INTO oversight.checkpoints SELECT * FROM public.checkpoints_backup');
      await pg.query('DROP TABLE public.checkpoints_backup');
    }
  });

  it('two rows whose seqs are swapped are named "reordered" at the first of them', async () => {
    await tamper(
      `UPDATE oversight.audit_entries SET seq = -1 WHERE seq = 40`,
      `UPDATE oversight.audit_entries SET seq = 40 WHERE seq = 44`,
      `UPDATE oversight.audit_entries SET seq = 44 WHERE seq = -1`,
    );
    const { code, result } = await auditVerifyCli(h);
    expect(code).toBe(1);
    expect(result.firstBad).toMatchObject({ seq: 40, problem: 'reordered' });
  });

  it('a relabelled lookup column (kind or subject) is named "changed" though the body is intact', async () => {
    await pg.query(`ALTER TABLE oversight.audit_entries DISABLE TRIGGER audit_entries_append_only`);
    await pg.query(`UPDATE oversight.audit_entries SET kind = 'colour-policy' WHERE seq = 33`);
    await pg.query(`ALTER TABLE oversight.audit_entries ENABLE TRIGGER audit_entries_append_only`);
    const result = await h.app.get(AuditVerifyService).verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ seq: 33, problem: 'changed' });
    const { body } = await getJson<AuditVerification>(`${h.baseUrl}/api/audit/verify`, { method: 'POST' });
    expect(body.firstBad).toMatchObject({ seq: 33, problem: 'changed' });
  });

  it('refuses UPDATE and DELETE of log rows when the triggers are left on', async () => {
    await expect(pg.query(`UPDATE oversight.audit_entries SET body_json = '{}' WHERE seq = 3`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(pg.query(`DELETE FROM oversight.audit_entries WHERE seq = 3`)).rejects.toThrow(/append-only: DELETE refused/);
    expect((await auditVerifyCli(h)).code).toBe(0);
  });
});
