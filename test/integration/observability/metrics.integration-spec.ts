import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects } from '@tianping/contracts';
import { startIntake, type IntakeHarness } from '../intake/intake-app.harness';

const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subjectLine = (code: string) =>
  `${code},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,12,H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`;
const clue = (id: string) => ({
  clue_id: id,
  channel: '12345',
  received_at: '2024-03-01T09:15:00+08:00',
  credit_code: '91440604MA4UJ8K20C',
  category: 'food_safety',
  department: 'SAMR',
  verified: true,
  status: 'closed',
  updated_at: '2024-03-12T17:00:00+08:00',
});

/** The value of one series in Prometheus text, 0 when the series is not there yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0];
    if (wanted.every((l) => labelText.includes(l))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('metrics: each app serves Prometheus metrics that move with its work', () => {
  let intake: IntakeHarness;
  const scrape = async () => {
    const response = await fetch(`${intake.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  it("serves process metrics next to the suite's own", async () => {
    const text = await scrape();
    for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
    for (const name of ['http_request_duration_seconds', 'tianping_intake_records_total', 'tianping_jetstream_messages_total', 'tianping_outbox_lag_seconds']) {
      expect(text).toContain(`# HELP ${name}`);
    }
  });

  it('counts records by outcome, requests by route pattern, published events and consumed messages', async () => {
    const before = await scrape();
    const post = (body: string) => fetch(`${intake.baseUrl}/api/exports/subjects`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body });
    expect((await post(`${HEADER}\n${subjectLine('91440604MA4UJ8K20C')}\n${subjectLine('NOT-A-CODE')}\n`)).status).toBe(200);
    expect((await post(`${HEADER}\n${subjectLine('91440604MA4UJ8K20C')}\n`)).status).toBe(200);

    const nc = await connect({ servers: intake.nats.url });
    const js = jetstream(nc);
    await js.publish(IntakeSubjects.cluesPush, new TextEncoder().encode(JSON.stringify(clue('METRICS-1'))));
    await js.publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode('{"creditCode":"91440604MA4UJ8K20C"}'));
    await nc.close();

    let after = await scrape();
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    for (let i = 0; i < 100; i++) {
      const settled =
        moved('tianping_jetstream_messages_total', { durable: 'intake-clues', outcome: 'handled' }) >= 1 &&
        moved('tianping_jetstream_messages_total', { durable: 'intake-visit-results', outcome: 'dead_lettered' }) >= 1 &&
        moved('tianping_outbox_published_total', { outbox: 'intake.outbox' }) >= 2;
      if (settled) break;
      await new Promise((r) => setTimeout(r, 150));
      after = await scrape();
    }

    expect(moved('tianping_intake_records_total', { kind: 'subjects', outcome: 'inserted' })).toBe(1);
    expect(moved('tianping_intake_records_total', { kind: 'subjects', outcome: 'quarantined' })).toBe(1);
    expect(moved('tianping_intake_records_total', { kind: 'subjects', outcome: 'duplicate' })).toBe(1);
    expect(moved('tianping_intake_records_total', { kind: 'clues', outcome: 'inserted' })).toBe(1);
    expect(moved('http_request_duration_seconds_count', { method: 'POST', route: '/api/exports/:kind', status_code: '200' })).toBe(2);
    expect(moved('tianping_jetstream_messages_total', { stream: 'INBOX', durable: 'intake-clues', outcome: 'handled' })).toBe(1);
    expect(moved('tianping_jetstream_messages_total', { durable: 'intake-visit-results', outcome: 'dead_lettered' })).toBe(1);
    // The subject and the clue each went out as one event batch.
    expect(moved('tianping_outbox_published_total', { outbox: 'intake.outbox' })).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/tianping_outbox_lag_seconds\{outbox="intake.outbox"\} \d/);
  });

  it('never labels a request with its raw URL: unknown paths share one series', async () => {
    await fetch(`${intake.baseUrl}/no/such/path/4406041987031500181`);
    const text = await scrape();
    expect(text).not.toContain('4406041987031500181');
    expect(sample(text, 'http_request_duration_seconds_count', { route: '(none)', status_code: '404' })).toBeGreaterThanOrEqual(1);
  });
});
