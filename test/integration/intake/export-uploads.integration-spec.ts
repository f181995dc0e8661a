import { request as httpRequest, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { creditCodeCheckChar } from '@tianping/common';
import { eventually } from '@tianping/testing';
import { startIntake, type IntakeHarness } from './intake-app.harness';

// How clients post exports and clues: any media type a .csv goes by, compressed, large, or the wrong type.
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subject = (updatedAt: string) =>
  `91440604MA4UJ8K20C,佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,12,H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,${updatedAt}`;
const clue = {
  clue_id: 'TYPE-1',
  channel: 'grid',
  received_at: '2024-03-01T09:15:00+08:00',
  category: 'other',
  department: 'SAMR',
  status: 'pending',
  updated_at: '2024-03-01T09:15:00+08:00',
};

describe('posting exports and clues over HTTP', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = async (path: string, body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string>) => {
    const response = await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers, body });
    return { status: response.status, body: await response.json() };
  };
  /** Announces a body of `bytes` and sends one: the answer must come before the rest is sent. */
  const declaredLarger = (path: string, bytes: number) =>
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${intake.baseUrl}${path}`,
        { method: 'POST', headers: { 'content-type': 'text/csv', 'content-length': bytes } },
        (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        },
      );
      request.on('error', reject);
      request.write('x');
    });

  it('takes an export posted as text/csv, as Windows names a .csv (application/vnd.ms-excel), as UTF-8 text, or gzip-compressed', async () => {
    const csv = (hour: number) => `${HEADER}\n${subject(`2024-05-06 1${hour}:00:00`)}\n`;
    expect(await post('/api/exports/subjects', csv(0), { 'content-type': 'text/csv; charset=utf-8' })).toMatchObject({ status: 200, body: { inserted: 1 } });
    expect(await post('/api/exports/subjects', csv(1), { 'content-type': 'application/vnd.ms-excel' })).toMatchObject({ status: 200, body: { updated: 1 } });
    expect(await post('/api/exports/subjects', csv(2), { 'content-type': 'text/plain' })).toMatchObject({ status: 200, body: { updated: 1 } });
    const gzipped = new Uint8Array(gzipSync(Buffer.from(csv(3))));
    expect(await post('/api/exports/subjects', gzipped, { 'content-type': 'text/csv', 'content-encoding': 'gzip' })).toMatchObject({
      status: 200,
      body: { updated: 1 },
    });
  });

  it('lets a large export take as long as its batches take to write: no cut-off for receiving the whole request (Node would answer 408 after 5 minutes)', () => {
    const server = intake.app.getHttpServer() as Server;
    expect([server.requestTimeout, server.headersTimeout > 0]).toEqual([0, true]);
  });

  it('refuses an empty export, one posted as JSON, and an unknown content coding, with 4xx and nothing read', async () => {
    expect(await post('/api/exports/subjects', '', { 'content-type': 'text/csv' })).toMatchObject({ status: 400 });
    expect(await post('/api/exports/subjects', '{"a":1}', { 'content-type': 'application/json' })).toMatchObject({ status: 415 });
    expect(await post('/api/exports/subjects', 'x', { 'content-type': 'text/csv', 'content-encoding': 'zstd' })).toMatchObject({ status: 415 });
    expect(await declaredLarger('/api/exports/subjects', 2 * 1024 ** 3)).toBe(413);
  });

  it('refuses clues sent as CSV or XML with 415 instead of reading their bytes as a clue', async () => {
    for (const type of ['text/csv', 'application/xml']) {
      expect(await post('/api/clues', JSON.stringify(clue), { 'content-type': type })).toMatchObject({ status: 415 });
    }
    const [{ n }] = await intake.dataSource.query(`SELECT count(*)::int AS n FROM intake.quarantine WHERE kind = 'clues'`);
    expect(n).toBe(0);
    expect(await post('/api/clues', JSON.stringify(clue), { 'content-type': 'application/json' })).toMatchObject({ status: 200, body: { inserted: 1 } });
  });

  /** Runs already matched, so each case finds its own. */
  const seen = new Set<string | null>();
  it.each([
    ['as sent', 0, false],
    ['gzip-compressed', 20_000, true],
  ])('records an export (%s) whose client went away mid-upload as ended early, with what it kept, and goes on serving', async (_, from, gzip) => {
    const code = (i: number) => {
      const first17 = `91440604MA${String(from + i).padStart(7, '0')}`;
      return first17 + creditCodeCheckChar(first17)!;
    };
    const row = (i: number) => subject('2024-05-06 10:00:00').replace('91440604MA4UJ8K20C', code(i));
    // A complaint about one of the first rows, waiting for its enterprise.
    const waiting = { ...clue, clue_id: `CUT-${from}`, credit_code: code(5) };
    expect(await post('/api/clues', JSON.stringify(waiting), { 'content-type': 'application/json' })).toMatchObject({ body: { inserted: 1 } });
    const csv = `${HEADER}\n${Array.from({ length: 12_000 }, (_, i) => row(i)).join('\n')}\n${row(12_000)}\n`;
    // Two batches' worth of rows and part of the rest, as a closed laptop or a dropped line would leave it.
    const sent = gzip ? gzipSync(Buffer.from(csv)) : Buffer.from(csv);
    const request = httpRequest(`${intake.baseUrl}/api/exports/subjects`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...(gzip ? { 'content-encoding': 'gzip' } : {}) },
    });
    request.on('error', () => undefined);
    request.write(sent.subarray(0, Math.floor(sent.length * 0.95)));
    await eventually(
      async () => (await intake.dataSource.query(`SELECT 1 FROM intake.subjects WHERE credit_code = $1`, [code(9_999)])).length > 0,
      'the first rows to be written',
    );
    request.destroy();

    const run = await eventually(async () => {
      const runs: { source: string; failure: string | null; finishedAt: string | null; counts: Record<string, number> | null }[] = await (
        await fetch(`${intake.baseUrl}/api/ingest-runs`)
      ).json();
      return runs.find((r) => r.failure !== null && r.counts !== null && r.counts.inserted > 0 && r.counts.read > 0 && !seen.has(r.finishedAt)) ?? null;
    }, 'the cut-off run to be recorded as ended early');
    seen.add(run.finishedAt);
    const [{ kept }] = await intake.dataSource.query(`SELECT count(*)::int AS kept FROM intake.subjects WHERE credit_code = ANY($1)`, [
      Array.from({ length: 12_001 }, (_, i) => code(i)),
    ]);
    expect(run.failure).toMatch(
      /^ended early after \d+ records \(the upload ended before the export did: the client closed the connection\); send the rest again$/,
    );
    expect(run.counts).toMatchObject({ read: kept, inserted: kept, quarantined: 0 });
    expect(kept).toBeGreaterThanOrEqual(10_000);
    expect(kept).toBeLessThan(12_001);
    await eventually(async () => {
      const [linked] = await intake.dataSource.query(`SELECT linked_credit_code AS code FROM intake.clues WHERE clue_id = $1`, [waiting.clue_id]);
      return linked.code === code(5);
    }, 'the waiting complaint to be linked to an enterprise the cut-off upload kept');
    expect(await post('/api/exports/subjects', csv, { 'content-type': 'text/csv' })).toMatchObject({
      status: 200,
      body: { read: 12_001, inserted: 12_001 - kept, duplicate: kept },
    });
  });
});
