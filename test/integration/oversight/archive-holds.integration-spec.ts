import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { verifyReceipt, type ArchivedReceipt, type Receipt } from '@tianping/audit-log';
import { ScoringSubjects, type ScoreRecord } from '@tianping/contracts';
import { requestJson } from '@tianping/testing';
import { AuditLogService } from '../../../apps/oversight/src/record/audit-log.service';
import type { AuditVerification } from '../../../apps/oversight/src/record/audit-verify.service';
import { BodyArchiveRepository } from '../../../apps/oversight/src/record/body-archive.repository';
import { BodyArchiveService } from '../../../apps/oversight/src/record/body-archive.service';
import type { AppealView } from '../../../apps/oversight/src/reviews/appeals.service';
import { eventually, sampleScore, startOversight, type OversightHarness } from './oversight-app.harness';

/** Valid credit codes: an appeal checks the code's check character. */
const [A, B, C, D] = ['9131000077777777AX', '9144030077777777BK', '9111010877777777CF', '9132050077777777D5'];

/**
 * An archive run takes only bodies no one still needs: not the score of an appeal still open (its reviewer
 * judges those facts), nor the enterprise's current score when a re-score as of an earlier day was logged
 * after it. Scores arrive over NATS, as from scoring, so the record and the reviews both hold them.
 */
describe('an archive run leaves the bodies a person still has to act on', () => {
  let h: OversightHarness;
  let pg: Client;
  let nc: NatsConnection;
  let out: string;
  let minute = 0;
  const http = <T>(method: string, path: string, body?: unknown) => requestJson<T>(h.baseUrl, method, path, body);

  /** A score of `creditCode`, computed a minute after the last one (as of the day given). */
  function score(id: string, creditCode: string, asOf = '2025-11-01'): ScoreRecord {
    minute++;
    return { ...sampleScore(minute), scoreId: id, creditCode, asOf, computedAt: new Date(Date.UTC(2025, 10, 2, 3, minute)).toISOString() };
  }

  /** Publishes scores and waits until the record has logged them and the reviews have taken them. */
  async function scored(...scores: ScoreRecord[]): Promise<void> {
    await jetstream(nc).publish(ScoringSubjects.scoresComputed, new TextEncoder().encode(JSON.stringify({ batchId: `b-${scores[0].scoreId}`, scores })));
    const keys = scores.map((s) => `score:${s.scoreId}`);
    const seen = await eventually(async () => {
      const logged = (await pg.query(`SELECT count(*)::int AS n FROM oversight.recorded_events WHERE event_key = ANY($1)`, [keys])).rows[0].n;
      const reviewed = (await pg.query(`SELECT count(*)::int AS n FROM oversight.colour_decisions WHERE score_id = ANY($1)`, [scores.map((s) => s.scoreId)]))
        .rows[0].n;
      const current = (await pg.query(`SELECT count(*)::int AS n FROM oversight.current_scores WHERE score_id = ANY($1)`, [scores.map((s) => s.scoreId)]))
        .rows[0].n;
      // The reviews have taken a batch once one of its scores is current or a decision names it (greens open none).
      return logged === scores.length && reviewed + current > 0;
    });
    expect(seen).toBe(true);
  }

  const seqOf = async (scoreId: string): Promise<number> =>
    Number((await pg.query(`SELECT seq FROM oversight.recorded_events WHERE event_key = $1`, [`score:${scoreId}`])).rows[0].seq);
  const archivedSeqs = async (): Promise<number[]> =>
    (await pg.query(`SELECT seq::int FROM oversight.audit_entries WHERE kind = 'score' AND body_json IS NULL ORDER BY seq`)).rows.map(
      (r: { seq: number }) => r.seq,
    );
  const appeal = async (creditCode: string): Promise<string> => {
    const filed = await http<AppealView>('POST', '/api/appeals', {
      actor: `ent-${creditCode.slice(-4)}`,
      creditCode,
      grounds: '该投诉并非针对本企业，本企业已完成整改。',
    });
    expect(filed.status).toBe(201);
    return filed.body.id;
  };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'tianping-archive-holds-'));
    // Where the service finds the archive files, for POST /api/audit/verify.
    process.env.AUDIT_ARCHIVE_DIR = out;
    h = await startOversight();
    pg = new Client({ connectionString: h.db.url });
    await pg.connect();
    nc = await connect({ servers: h.nats.url });
  });

  afterAll(async () => {
    await nc?.close();
    await pg?.end();
    await h?.close();
    delete process.env.AUDIT_ARCHIVE_DIR;
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("skips the scores of open appeals and current scores a later-logged earlier day replaced by seq; takes a closed appeal's", async () => {
    // A: appealed, then re-scored: the appeal is still filed. B: appealed and taken for review, then re-scored.
    await scored(score('a1', A), score('b1', B), score('d1', D));
    await appeal(A);
    const filedB = await appeal(B);
    expect((await http('POST', `/api/appeals/${filedB}/claim`, { actor: 'officer-b' })).status).toBe(200);
    // D: appealed and decided (upheld): nothing is left to judge.
    const filedD = await appeal(D);
    expect((await http('POST', `/api/appeals/${filedD}/decision`, { actor: 'officer-d', outcome: 'upheld', reasons: '维持原评分，理由见记录。' })).status).toBe(
      200,
    );
    // C: its score as of the day, then a re-score as of an earlier day, logged after it but not replacing it.
    await scored(score('c1', C));
    await scored(score('a2', A), score('b2', B), score('d2', D), score('c0', C, '2025-10-01'));
    expect((await http<{ score: { scoreId: string } }>('GET', `/api/reviews/enterprises/${C}`)).body.score.scoreId).toBe('c1');

    const result = await h.app.get(BodyArchiveService).archive(new Date(), out);

    expect(result).toMatchObject({ archived: 1 });
    expect(await archivedSeqs()).toEqual([await seqOf('d1')]);
    // The reviewer of A and B still reads the appealed score in the record; C's receipt still holds its score.
    for (const id of ['a1', 'b1', 'c1']) {
      const entry = await http<{ body: unknown; bodyArchivedIn: string | null }>('GET', `/api/audit/entries/${await seqOf(id)}`);
      expect(entry.body).toMatchObject({ body: { data: { score: { scoreId: id } } }, bodyArchivedIn: null });
    }
    const receipt = await http<Receipt | ArchivedReceipt>('GET', `/api/reviews/enterprises/${C}/score-receipt`);
    expect(receipt.body.entry.bodyJson).toContain('"scoreId":"c1"');
  });

  it('leaves a score appealed after the file was written: the run is refused rather than take it', async () => {
    const repository = h.app.get(BodyArchiveRepository);
    const a1 = await seqOf('a1');
    await pg.query('BEGIN');
    try {
      await pg.query(
        `INSERT INTO oversight.body_archives (first_seq, last_seq, entries, file_name, sha256, bytes, recorded_before)
                      VALUES ($1, $1, 1, 'scratch.jsonl.gz', repeat('a', 64), 1, now())`,
        [a1],
      );
      // markArchived runs in the run's transaction; here, in this one, against the appeal of A still open.
      const manager = { query: (sql: string, params: unknown[]) => pg.query(sql, params).then((r) => r.rows) };
      expect(await repository.markArchived(manager as never, a1, [a1])).toBe(0);
    } finally {
      await pg.query('ROLLBACK');
    }
  });

  it('takes, in a later run, a body an earlier run left while a person needed it, once no one does', async () => {
    const [a1, d1] = [await seqOf('a1'), await seqOf('d1')];
    const service = h.app.get(BodyArchiveService);
    // A's appeal is still open: nothing new is due and nothing left behind is free.
    expect(await service.archive(new Date(), out)).toEqual({ archived: 0 });
    const { body: listed } = await http<{ items: { id: string }[] }>('GET', `/api/appeals?creditCode=${A}`);
    const decided = await http('POST', `/api/appeals/${listed.items[0].id}/decision`, {
      actor: 'officer-a',
      outcome: 'upheld',
      reasons: '维持原评分，理由见记录。',
    });
    expect(decided.status).toBe(200);

    const second = await service.archive(new Date(), out);
    // a1 only: b1's appeal is still in review, and c1 is C's current score.
    expect(second).toMatchObject({ archived: 1, firstSeq: a1, lastSeq: a1 });
    expect(await archivedSeqs()).toEqual([a1, d1].sort((x, y) => x - y));
    const entry = await http<{ bodyArchivedIn: string | null }>('GET', `/api/audit/entries/${a1}`);
    expect(entry.body.bodyArchivedIn).toBe((second as { fileName: string }).fileName);
    // The next run continues after the furthest archive, not after the one that starts latest.
    expect(await service.archive(new Date(), out)).toEqual({ archived: 0 });
  });

  it('POST /api/audit/verify checks the files in AUDIT_ARCHIVE_DIR as `audit verify --archives` does, and names a changed one', async () => {
    const verify = () => http<AuditVerification>('POST', '/api/audit/verify');
    // The file of the run that took a1 (left behind by the first) names the lower seq: it sorts first, as the archives do.
    const [later, first] = readdirSync(out).sort();
    const checked = await verify();
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      ok: true,
      bodiesArchived: 2,
      bodiesUnchecked: 0,
      archives: [
        { file: later, ok: true, bodiesChecked: 1 },
        { file: first, ok: true, bodiesChecked: 1 },
      ],
    });
    writeFileSync(join(out, first), gzipSync('{"seq":0}\n'));
    const changed = await verify();
    expect(changed.body).toMatchObject({
      ok: false,
      bodiesUnchecked: 1,
      archives: [
        { file: later, ok: true },
        { file: first, ok: false, problem: expect.stringMatching(/SHA-256/) },
      ],
    });
  });

  it("says which file holds the current score's body when an archive took it (runs before scores were held did)", async () => {
    const c1 = await seqOf('c1');
    // As such a run left it: an archive over c1 alone, c1's body set to NULL (the one change the guard allows), the archive logged.
    await pg.query(
      `INSERT INTO oversight.body_archives (first_seq, last_seq, entries, file_name, sha256, bytes, recorded_before)
                    VALUES ($1, $1, 1, 'audit-bodies-old-run.jsonl.gz', repeat('a', 64), 1, now())`,
      [c1],
    );
    await pg.query(`UPDATE oversight.audit_entries SET body_json = NULL, body_archive = $1 WHERE seq = $1`, [c1]);
    await h.app.get(AuditLogService).append('archive', 'audit-bodies-old-run.jsonl.gz', { file: 'audit-bodies-old-run.jsonl.gz', firstSeq: c1, lastSeq: c1 });
    const review = await http<{ scoreSeq: number; scoreArchivedIn: string | null }>('GET', `/api/reviews/enterprises/${C}`);
    expect(review.body).toMatchObject({ scoreSeq: c1, scoreArchivedIn: 'audit-bodies-old-run.jsonl.gz' });
    expect((await http<{ scoreArchivedIn: string | null }>('GET', `/api/reviews/enterprises/${A}`)).body.scoreArchivedIn).toBeNull();
    // Its receipt still downloads: it proves the leaf hash and names the file.
    const receipt = await http<ArchivedReceipt>('GET', `/api/reviews/enterprises/${C}/score-receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.entry.bodyJson).toBeNull();
    expect(receipt.body.bodyArchive.file).toBe('audit-bodies-old-run.jsonl.gz');
    const key = await http<{ publicKeyPem: string }>('GET', '/api/audit/public-key');
    expect(verifyReceipt(receipt.body, key.body.publicKeyPem)).toEqual({ ok: true, bodyArchived: true });
  });
});
