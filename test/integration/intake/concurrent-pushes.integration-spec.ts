import { creditCodeCheckChar } from '@tianping/common';
import { parseClueValue } from '@tianping/intake-core';
import { eventually } from '@tianping/testing';
import { BatchWriter } from '../../../apps/intake/src/ingest/batch-writer';
import { startIntake, type IntakeHarness } from './intake-app.harness';

// Clients push at once: versions of the same records, in different orders, and the same record twice.
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const codeFor = (i: number) => {
  const first17 = `9144060${String(i).padStart(4, '0')}MA4UJ8`;
  return first17 + creditCodeCheckChar(first17);
};
const subject = (code: string, version: number) =>
  `${code},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,${version},H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-0${version} 10:12:00`;
const clue = (id: string, day: number) => ({
  clue_id: id,
  channel: 'grid',
  received_at: '2024-03-01T09:15:00+08:00',
  category: 'food_safety',
  department: 'SAMR',
  verified: null,
  status: 'pending',
  updated_at: `2024-03-1${day}T17:00:00+08:00`,
});

type Counts = { read: number; inserted: number; updated: number; duplicate: number; stale: number; quarantined: number; quarantinedAgain: number };
const sum = (all: Counts[], key: keyof Counts) => all.reduce((n, c) => n + c[key], 0);

describe('intake under concurrent pushes of the same records', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = async (path: string, body: string, type: string): Promise<{ status: number; counts: Counts }> => {
    const response = await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    return { status: response.status, counts: await response.json() };
  };

  it('exports holding versions of the same subjects in opposite orders all land: no deadlock, the newest wins, each record inserted once', async () => {
    const codes = Array.from({ length: 200 }, (_, i) => codeFor(i));
    const bodies = [1, 2, 3, 4, 5, 6].map((version) => {
      const ordered = version % 2 ? codes : [...codes].reverse();
      return [HEADER, ...ordered.map((code) => subject(code, version))].join('\n');
    });
    const answers = await Promise.all(bodies.map((body) => post('/api/exports/subjects', body, 'text/csv')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const counts = answers.map((a) => a.counts);
    expect(sum(counts, 'inserted')).toBe(codes.length);
    expect(sum(counts, 'inserted') + sum(counts, 'updated') + sum(counts, 'stale')).toBe(codes.length * bodies.length);
    const stored = await intake.dataSource.query(`SELECT DISTINCT employees FROM intake.subjects WHERE credit_code = ANY($1)`, [codes]);
    expect(stored).toEqual([{ employees: 6 }]);
  });

  it('a clue delivered many times at once is inserted once and a duplicate the other times; a pushed batch with some bad clues keeps the rest', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        post('/api/clues', JSON.stringify([clue('TWICE-1', 1), { ...clue('TWICE-BAD', 1), channel: 'fax' }]), 'application/json'),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const counts = answers.map((a) => a.counts);
    expect([sum(counts, 'inserted'), sum(counts, 'duplicate'), sum(counts, 'stale')]).toEqual([1, 5, 0]);
    expect([sum(counts, 'quarantined'), sum(counts, 'quarantinedAgain')]).toEqual([1, 5]);
  });

  it('a push that waits on another delivery of the same new clue is told duplicate (same version) or updated (newer), not stale or inserted', async () => {
    for (const [day, expected] of [
      [1, { inserted: 0, updated: 0, duplicate: 1, stale: 0 }],
      [2, { inserted: 0, updated: 1, duplicate: 0, stale: 0 }],
    ] as const) {
      const id = `HELD-${day}`;
      // Another delivery of the clue, written and not yet committed: the push must wait on its row.
      const other = intake.dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      const outcome = parseClueValue(clue(id, 1), 1, { now: new Date() });
      await intake.app.get(BatchWriter).writeIn(other.manager, 'clues', [outcome], 'test');
      const pushed = post('/api/clues', JSON.stringify(clue(id, day)), 'application/json');
      await eventually(async () => (await intake.dataSource.query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).length > 0, 'the push to wait on the row');
      await other.commitTransaction();
      await other.release();
      const answer = await pushed;
      expect([answer.status, answer.counts]).toEqual([200, expect.objectContaining({ read: 1, ...expected })]);
    }
  });

  it('batches of clue versions pushed at once in opposite orders: every record counted once as inserted, the newest kept', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `RACE-${String(i).padStart(3, '0')}`);
    const batches = [1, 2, 3, 4, 5, 6].map((day) => (day % 2 ? ids : [...ids].reverse()).map((id) => clue(id, day % 3)));
    const answers = await Promise.all(batches.map((batch) => post('/api/clues', JSON.stringify(batch), 'application/json')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const counts = answers.map((a) => a.counts);
    expect(sum(counts, 'inserted')).toBe(ids.length);
    // Two batches carry each version: one of them writes it (inserted or updated), the other finds it there (duplicate) or newer (stale).
    expect(sum(counts, 'inserted') + sum(counts, 'updated') + sum(counts, 'duplicate') + sum(counts, 'stale')).toBe(ids.length * 6);
    expect(sum(counts, 'duplicate') + sum(counts, 'stale')).toBeGreaterThanOrEqual(ids.length * 3);
    const stored = await intake.dataSource.query(`SELECT DISTINCT updated_at FROM intake.clues WHERE clue_id = ANY($1)`, [ids]);
    expect(stored).toEqual([{ updated_at: new Date('2024-03-12T17:00:00+08:00') }]);
  });

  it('a clue whose newer version arrives while new subjects relink the waiting clues is linked by that newer version', async () => {
    const code = codeFor(900);
    const early = { ...clue('RELINK-1', 1), subject_name: '佛山市禅城区关联测试有限公司', address: '佛山市禅城区关联路1号' };
    expect((await post('/api/clues', JSON.stringify(early), 'application/json')).counts).toMatchObject({ inserted: 1 });
    // The newer version names no enterprise intake knows; written, not yet committed, while the subject arrives.
    const other = intake.dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    const newer = { ...early, subject_name: '某个不存在的商户', address: '不详', updated_at: '2024-03-12T17:00:00+08:00' };
    await intake.app.get(BatchWriter).writeIn(other.manager, 'clues', [parseClueValue(newer, 1, { now: new Date() })], 'test');
    const subjectLine = `${code},佛山市禅城区关联测试有限公司,2016-04-12,50,50,1,H6210,440604,佛山市禅城区关联路1号,113.1,23.0,存续,否,0,陈明,440604198703150018,2024-05-01 10:12:00`;
    const posted = post('/api/exports/subjects', `${HEADER}\n${subjectLine}\n`, 'text/csv');
    await eventually(async () => (await intake.dataSource.query(`SELECT 1 FROM pg_locks WHERE NOT granted`)).length > 0, 'the relink to wait on the clue');
    await other.commitTransaction();
    await other.release();
    expect(await posted).toMatchObject({ status: 200, counts: { inserted: 1 } });
    const [row] = await intake.dataSource.query(`SELECT subject_name, linked_credit_code FROM intake.clues WHERE clue_id = 'RELINK-1'`);
    expect(row).toEqual({ subject_name: '某个不存在的商户', linked_credit_code: null });
  });
});
