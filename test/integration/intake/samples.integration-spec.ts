import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { IntakeSubjects, STREAMS } from '@tianping/contracts';
import { creditCodeCheckChar } from '@tianping/common';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { startIntake, type IntakeHarness } from './intake-app.harness';

const SAMPLES = resolve(__dirname, '../../../../shared/contracts/samples');
const PERSONAL = ['440604198703150018', '44060519800101002X', '440604199001011234', '陈明', '李华', '张伟', '周敏', '吴刚'];

describe('intake on the contract samples', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const byKind = (reports: { kind: string; counts: object }[], kind: string) =>
    reports
      .filter((r) => r.kind === kind)
      .reduce<Record<string, number>>((sum, r) => {
        for (const [k, v] of Object.entries(r.counts)) sum[k] = (sum[k] ?? 0) + v;
        return sum;
      }, {});

  it('accepts, quarantines and links exactly as the samples README says', async () => {
    const reports = await intake.app.get(IngestService).ingestDirectory(SAMPLES);
    // Two subject files with the same five rows: the second (GB18030) file is all repeats.
    expect(byKind(reports, 'subjects')).toMatchObject({ read: 10, inserted: 3, duplicate: 3, quarantined: 2, quarantinedAgain: 2 });
    expect(byKind(reports, 'cases')).toMatchObject({ read: 5, inserted: 3, quarantined: 2 });
    expect(byKind(reports, 'officers')).toMatchObject({ read: 4, inserted: 4, quarantined: 0 });
    expect(byKind(reports, 'clues')).toMatchObject({ read: 4, inserted: 3, quarantined: 1 });

    const links = await intake.dataSource.query(`SELECT clue_id, link_method, linked_credit_code FROM intake.clues ORDER BY received_at`);
    expect(links).toEqual([
      { clue_id: '12345-20240301-0001', link_method: 'credit_code', linked_credit_code: '91440604MA4UJ8K20C' },
      { clue_id: 'GRID-20240310-0042', link_method: 'name_address', linked_credit_code: '91440605MA52TQ0L32' },
      { clue_id: 'CB-20240311-0007', link_method: 'none', linked_credit_code: null },
    ]);

    const quarantined = await intake.dataSource.query(`SELECT kind, line, reasons FROM intake.quarantine ORDER BY kind, line`);
    const fields = (kind: string, line: number) =>
      quarantined.find((q: { kind: string; line: number }) => q.kind === kind && q.line === line)?.reasons.map((r: { field: string }) => r.field);
    expect(fields('subjects', 4)).toEqual(['credit_code']);
    expect(fields('subjects', 5)).toEqual(
      expect.arrayContaining([
        'established_on',
        'registered_capital_wan',
        'industry_code',
        'region_code',
        'status',
        'abnormal_listed',
        'legal_rep_changes_2y',
        'updated_at',
      ]),
    );
    expect(fields('cases', 4)).toEqual(expect.arrayContaining(['result', 'officer_ids']));
    expect(fields('cases', 5)).toEqual(expect.arrayContaining(['department', 'date', 'items', 'penalty_yuan', 'officer_ids', 'credit_code']));
  });

  it('summarises the quarantine: records by kind and status, and the open ones by the field and reason that held them', async () => {
    const summary = (await (await fetch(`${intake.baseUrl}/api/quarantine/summary`)).json()) as {
      byStatus: { kind: string; status: string; count: number }[];
      reasons: { kind: string; field: string; code: string; count: number }[];
    };
    expect(summary.byStatus).toEqual(
      expect.arrayContaining([
        { kind: 'subjects', status: 'open', count: 2 },
        { kind: 'cases', status: 'open', count: 2 },
        { kind: 'clues', status: 'open', count: 1 },
      ]),
    );
    // Counted again here from the rows themselves: each record once per (kind, field, code).
    const rows: { id: number; kind: string; reasons: { field: string; code: string }[] }[] = await intake.dataSource.query(
      `SELECT id, kind, reasons FROM intake.quarantine WHERE status = 'open'`,
    );
    const expected = new Map<string, Set<number>>();
    for (const row of rows)
      for (const r of row.reasons)
        expected.set(`${row.kind}|${r.field}|${r.code}`, (expected.get(`${row.kind}|${r.field}|${r.code}`) ?? new Set()).add(row.id));
    expect(summary.reasons.length).toBe(Math.min(20, expected.size));
    for (const r of summary.reasons) expect(r.count).toBe(expected.get(`${r.kind}|${r.field}|${r.code}`)?.size);
    const counts = summary.reasons.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('stores personal data sealed and never lets it into events, quarantine views or responses', async () => {
    const [subject] = await intake.dataSource.query(`SELECT row_to_json(s)::text AS json FROM intake.subjects s WHERE credit_code = '91440604MA4UJ8K20C'`);
    const [held] = await intake.dataSource.query(`SELECT string_agg(raw_masked::text || reasons::text, '') AS text FROM intake.quarantine`);
    const [officers] = await intake.dataSource.query(`SELECT string_agg(row_to_json(o)::text, '') AS text FROM intake.officers o`);
    const file = await (await fetch(`${intake.baseUrl}/api/enterprises/91440604MA4UJ8K20C`)).text();
    await intake.app.get(IntakeOutbox).relay.drain();
    const events = await readStream(intake.nats.url, STREAMS.intake.name);
    for (const text of [subject.json, held.text, officers.text, file, ...events.map((e) => e.data)]) {
      for (const secret of PERSONAL) expect(text).not.toContain(secret);
    }
    expect(file).toContain('4406**********0018');
    // Each clue carries its day on China's calendar, which the gateway shows the enterprise instead of the hour.
    const clue = (JSON.parse(file) as { clues: { clueId: string; receivedOn: string }[] }).clues.find((c) => c.clueId === '12345-20240301-0001');
    expect(clue?.receivedOn).toBe('2024-03-01');
    expect(events.map((e) => e.subject)).toEqual(
      expect.arrayContaining([IntakeSubjects.subjectsUpserted, IntakeSubjects.casesUpserted, IntakeSubjects.officersUpserted, IntakeSubjects.cluesUpserted]),
    );
  });

  it('finds enterprises by part of the name or by the code, however typed; % and _ are not wildcards', async () => {
    const codesFor = async (q: string) =>
      ((await (await fetch(`${intake.baseUrl}/api/enterprises?q=${encodeURIComponent(q)}`)).json()) as { creditCode: string }[]).map((e) => e.creditCode);
    expect(await codesFor('明记餐饮')).toEqual(['91440604MA4UJ8K20C']);
    // The registered address comes with the name: dispatch's pages show where a visit goes.
    const [found] = (await (await fetch(`${intake.baseUrl}/api/enterprises?q=${encodeURIComponent('明记餐饮')}`)).json()) as { address: string | null }[];
    expect(found.address).toEqual(expect.any(String));
    expect(found.address!.length).toBeGreaterThan(3);
    expect(await codesFor('91440604ma4uj8k20c')).toEqual(['91440604MA4UJ8K20C']);
    expect(await codesFor('９１４４０６０４ＭＡ４ＵＪ８Ｋ２０Ｃ')).toEqual(['91440604MA4UJ8K20C']);
    // A whole code is one hit: the page after it is empty.
    const after = await fetch(`${intake.baseUrl}/api/enterprises?q=91440604MA4UJ8K20C&after=91440604MA4UJ8K20C`);
    expect(await after.json()).toEqual([]);
    expect(await codesFor('%')).toEqual([]);
    expect(await codesFor('_')).toEqual([]);
    expect(await codesFor('\\')).toEqual([]);
    // A piece of a code, six characters or more (the old organisation code is one), however typed.
    for (const piece of ['MA4UJ8K2', 'ma4uj8k20', '４４０６０４ＭＡ４Ｕ', '440604MA4UJ8K20'])
      expect([piece, await codesFor(piece)]).toEqual([piece, ['91440604MA4UJ8K20C']]);
    expect(await codesFor('MA4UJ8K2X')).toEqual([]);
    // Every code holding the piece, in code order.
    expect(await codesFor('440604MA4')).toEqual(['91440604MA4UJ8K20C', '92440604MA4W7Y8H1R']);
  });

  it('finds a name by a fragment of any length, % and _ in it as themselves, a page at a time', async () => {
    // Names that hold % and _, each beside one that a wildcard would also match.
    const names = ['佛山市禅城区百分百%餐饮有限公司', '佛山市禅城区百分百好餐饮有限公司', '佛山市禅城区A_B贸易有限公司', '佛山市禅城区AXB贸易有限公司'];
    const codes = names.map((_, i) => {
      const first17 = `91440604MA5TRXH${i}0`;
      return first17 + creditCodeCheckChar(first17);
    });
    const header = readFileSync(join(SAMPLES, 'subjects.csv'), 'utf8').split('\n')[0];
    const rows = names.map(
      (name, i) =>
        `${codes[i]},${name},2020-01-0${i + 1},10,10,3,H6210,440604,佛山市禅城区某路${i + 1}号,,,存续,否,0,陈明,440604198703150018,2024-05-01 09:00:00`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'tianping-names-'));
    writeFileSync(join(dir, 'subjects.csv'), [header, ...rows, ''].join('\n'));
    expect((await intake.app.get(IngestService).ingestFile(join(dir, 'subjects.csv'), 'subjects')).counts).toMatchObject({ inserted: 4, quarantined: 0 });
    rmSync(dir, { recursive: true });

    const codesFor = async (q: string, extra = '') =>
      ((await (await fetch(`${intake.baseUrl}/api/enterprises?q=${encodeURIComponent(q)}${extra}`)).json()) as { creditCode: string }[]).map(
        (e) => e.creditCode,
      );
    expect(await codesFor('百%餐饮')).toEqual([codes[0]]);
    expect(await codesFor('%')).toEqual([codes[0]]);
    expect(await codesFor('A_B')).toEqual([codes[2]]);
    expect(await codesFor('_')).toEqual([codes[2]]);
    // Three characters and more are looked up by their trigrams, one or two by reading the names: both find the same.
    expect(await codesFor('百分百好餐饮')).toEqual([codes[1]]);
    expect(await codesFor('好餐')).toEqual([codes[1]]);
    expect(await codesFor('好')).toEqual([codes[1]]);
    expect(await codesFor('百分百')).toEqual([codes[0], codes[1]]);
    // A page at a time, in code order.
    expect(await codesFor('百分百', '&limit=1')).toEqual([codes[0]]);
    expect(await codesFor('百分百', `&limit=1&after=${codes[0]}`)).toEqual([codes[1]]);
    expect(await codesFor('百分百', `&after=${codes[1]}`)).toEqual([]);
    expect(await codesFor('贸易有限公司')).toEqual([codes[2], codes[3]]);
  });

  it('looks up the enterprises a list names by their codes, in one request, and refuses a malformed list', async () => {
    const all = (await (await fetch(`${intake.baseUrl}/api/enterprises?limit=500`)).json()) as { creditCode: string; name: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const named = [all[2], all[0], all[1]].map((e) => e.creditCode);
    const unknown = '91440604MA00000000';
    const lookUp = (codes: string) => fetch(`${intake.baseUrl}/api/enterprises?codes=${encodeURIComponent(codes)}`);
    const found = (await (await lookUp([...named, unknown, named[0].toLowerCase()].join(','))).json()) as { creditCode: string; name: string }[];
    // Exactly the known ones, once each, in code order, with what the search gives of each.
    expect(found).toEqual([all[0], all[1], all[2]]);
    // Typed however, as scoring's list takes them: repeated, lower case, full-width.
    const fullWidth = [...named[1]].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const repeated = await fetch(`${intake.baseUrl}/api/enterprises?codes=${named[0].toLowerCase()}&codes=${encodeURIComponent(fullWidth)}`);
    expect(((await repeated.json()) as { creditCode: string }[]).map((e) => e.creditCode)).toEqual([named[0], named[1]].sort());
    for (const bad of ['', ',', 'X', `${named[0]};${named[1]}`])
      expect({ bad: bad.slice(0, 40), status: (await lookUp(bad)).status }).toEqual({ bad: bad.slice(0, 40), status: 400 });
    expect((await lookUp(Array.from({ length: 500 }, () => named[0]).join(','))).status).toBe(200);
    // Past 1,000 codes the list is refused (by the size of the request line itself, at this length).
    const many = await fetch(`${intake.baseUrl}/api/enterprises?codes=${Array.from({ length: 1001 }, () => named[0]).join(',')}`);
    expect([400, 431]).toContain(many.status);
    // A look-up by codes is whole: a search or page beside it is refused, not ignored.
    for (const extra of ['q=x', 'after=0', 'limit=5']) expect((await fetch(`${intake.baseUrl}/api/enterprises?codes=${named[0]}&${extra}`)).status).toBe(400);
  });

  it('changes nothing and publishes nothing when the same files come again', async () => {
    const before = (await readStream(intake.nats.url, STREAMS.intake.name)).length;
    const reports = await intake.app.get(IngestService).ingestDirectory(SAMPLES);
    for (const report of reports) {
      expect(report.counts.inserted + report.counts.updated).toBe(0);
      expect(report.counts.quarantined).toBe(0);
    }
    await intake.app.get(IntakeOutbox).relay.drain();
    expect((await readStream(intake.nats.url, STREAMS.intake.name)).length).toBe(before);
  });
});

async function readStream(url: string, stream: string): Promise<{ subject: string; data: string }[]> {
  const nc = await connect({ servers: url });
  try {
    const consumer = await jetstream(nc).consumers.get(stream);
    const out: { subject: string; data: string }[] = [];
    const messages = await consumer.fetch({ max_messages: 1000, expires: 1000 });
    for await (const m of messages) out.push({ subject: m.subject, data: new TextDecoder().decode(m.data) });
    return out;
  } finally {
    await nc.close();
  }
}
